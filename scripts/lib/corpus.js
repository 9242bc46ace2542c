'use strict';
// A deterministic corpus of NDJSON articles (the importer's bulk format) for
// benchmarks: the same options always give the same bytes. Tags follow a
// Zipf-like spread (a few huge tags, a long tail), as on a real news site.
const outlets = require('../../src/plugins/newsroom/server/src/lib/import/outlets.json');

const DEFAULTS = {
  articles: 100000,
  tags: 2000,
  sources: 300,
  tagsPerArticle: 3,
  // Tag rank r is drawn with weight 1 / r^s: with 2,000 tags the largest
  // holds about 8% of the articles, the smallest a few dozen.
  zipfExponent: 0.66,
  bodyChars: 3000,
  draftShare: 0.02,
  customExcerptShare: 0.05,
  seed: 1,
  // The newest article; each next one is 7 minutes older.
  newest: Date.UTC(2024, 0, 1),
};

const WORDS = (
  'army attack agency border capital ceasefire city coalition command convoy council country court crisis ' +
  'defence delegation deputy district drone election embassy energy envoy export forces frontier government ' +
  'governor harbour highway hospital inquiry leader market minister ministry mission navy office official ' +
  'parliament patrol peace pipeline police port president province rebel region report republic river ' +
  'sanction security senate settlement soldier spokesman strike summit talks territory town trade treaty ' +
  'troops truce union village vote war water weapon winter'
).split(' ');
const PLACES = (
  'Aleppo Ankara Baghdad Beirut Berlin Brussels Cairo Damascus Doha Geneva Homs Idlib Istanbul Kabul ' +
  'Kyiv London Madrid Minsk Moscow Mosul Paris Raqqa Riyadh Rome Tehran Tripoli Vienna Warsaw Yerevan'
).split(' ');
const VERBS = 'says warns claims denies confirms rejects reports announces plans calls for'.split(' ');
const OUTLET_WORDS = 'Post Times Herald Gazette Tribune Chronicle Daily News Observer Courier'.split(' ');

/** mulberry32: small, fast, and the same sequence on every platform. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const capital = (word) => word[0].toUpperCase() + word.slice(1);

/** Draws ranks 0..n-1 with weight 1 / (rank + 1)^s. */
function zipf(n, s, rand) {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r += 1) cumulative[r] = total += 1 / (r + 1) ** s;
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** `count` distinct draws. */
function distinct(draw, count) {
  const picked = new Set();
  while (picked.size < count) picked.add(draw());
  return [...picked];
}

/** Unique names: two words, then three once the pairs run out. */
function names(count, words, suffix) {
  const out = [];
  for (let i = 0; out.length < count; i += 1) {
    const a = words[i % words.length];
    const b = words[Math.floor(i / words.length) % words.length];
    const c = i >= words.length ** 2 ? ` ${words[Math.floor(i / words.length ** 2) % words.length]}` : '';
    out.push(`${capital(a)} ${capital(b)}${c}${suffix ? ` ${suffix(i)}` : ''}`);
  }
  return out;
}

function sentence(rand, pick) {
  const length = 8 + Math.floor(rand() * 12);
  const words = Array.from({ length }, () => (rand() < 0.1 ? pick(PLACES) : pick(WORDS)));
  return `${capital(words.join(' '))}.`;
}

function paragraphs(rand, pick, chars) {
  const out = [];
  let size = 0;
  while (size < chars) {
    const sentences = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => sentence(rand, pick));
    const paragraph = sentences.join(' ');
    out.push(paragraph);
    size += paragraph.length + 2;
  }
  return out;
}

/** The body in one of the importer's formats: text 40%, Markdown 30%, HTML 20%, Blocks 10%. */
function body(rand, paras, cite) {
  const x = rand();
  const withCitation = [`${paras[0]} According to ${cite}, talks continue.`, ...paras.slice(1)];
  if (x < 0.4) return { bodyFormat: 'text', body: withCitation.join('\n\n') };
  if (x < 0.7) {
    const [first, ...rest] = withCitation;
    return { bodyFormat: 'markdown', body: [`**${first}**`, '## Background', ...rest].join('\n\n') };
  }
  if (x < 0.9) return { bodyFormat: 'html', body: withCitation.map((p) => `<p>${p}</p>`).join('\n') };
  return {
    bodyFormat: 'blocks',
    body: withCitation.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
  };
}

/**
 * Yields the corpus, one NDJSON line (without its newline) per article,
 * newest first. Options default to DEFAULTS.
 */
function* corpusLines(options = {}) {
  const o = { ...DEFAULTS, ...options };
  const rand = random(o.seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const tagNames = names(o.tags, [...PLACES, ...WORDS]);
  const known = outlets.map((outlet) => outlet.name);
  const sourceNames = [
    ...known,
    ...names(Math.max(0, o.sources - known.length), PLACES, (i) => OUTLET_WORDS[i % OUTLET_WORDS.length]),
  ].slice(0, o.sources);
  const drawTag = zipf(tagNames.length, o.zipfExponent, rand);
  const drawSource = zipf(sourceNames.length, 1, rand);

  for (let i = 0; i < o.articles; i += 1) {
    const sources = distinct(drawSource, Math.min(sourceNames.length, rand() < 0.5 ? 1 : 2)).map((r) => sourceNames[r]);
    const paras = paragraphs(rand, pick, o.bodyChars);
    const article = {
      // The number keeps titles unique, as headlines of a real site nearly are.
      title: `${pick(PLACES)}: ${pick(WORDS)} ${pick(VERBS)} ${pick(WORDS)} ${pick(WORDS)} (${i + 1})`,
      ...body(rand, paras, sources[0]),
      tags: distinct(drawTag, Math.min(tagNames.length, o.tagsPerArticle)).map((r) => tagNames[r]),
      sources,
      publishedAt: new Date(o.newest - i * 7 * 60_000).toISOString(),
    };
    if (rand() < o.customExcerptShare) article.customExcerpt = paras[0].slice(0, 200);
    if (rand() < o.draftShare) article.draft = true;
    yield JSON.stringify(article);
  }
}

module.exports = { DEFAULTS, corpusLines, random };
