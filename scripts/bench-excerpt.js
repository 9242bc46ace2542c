#!/usr/bin/env node
'use strict';
// npm run bench:excerpt: the excerpt engine (prefix-only reading) against a
// naive pipeline that converts the whole body to text and segments all of it.
// Needs the compiled plugin (npm run build:plugin). Usage:
//   node scripts/bench-excerpt.js [bodies=10000] [naiveBodies=2000]
// The naive pipeline is timed on the first naiveBodies only (it is some 40x
// slower, and all 10,000 would take minutes); the bodies are drawn alike, so
// rates compare.

const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { compile } = require('html-to-text');
const { marked } = require('marked');
const { random } = require('./lib/corpus');

const compiled = path.join(__dirname, '../src/plugins/newsroom/dist/server/src/lib/excerpt');
let engine;
try {
  engine = require(compiled);
} catch (error) {
  console.error(`Cannot load ${compiled} (${error.message}); run npm run build:plugin first.`);
  process.exit(1);
}
const { excerptFromBody, DEFAULT_EXCERPT_OPTIONS } = engine;

const COUNT = Number(process.argv[2] ?? 10_000);
const NAIVE_COUNT = Math.min(COUNT, Number(process.argv[3] ?? 2_000));
const FORMATS = ['html', 'markdown', 'blocks'];
const BODY_SIZE = 5 * 1024;
const { maxLength: MAX_LENGTH, suffix: SUFFIX } = DEFAULT_EXCERPT_OPTIONS;

// --- deterministic corpus --------------------------------------------------

const VOCABULARY = (
  'the coalition carried out a new strike on positions near river village province army allies ' +
  'reported week sources according ministry statement officials said forces units government ' +
  'military eastern western bank crossed attacked destroyed vehicles tanks militia volunteers ' +
  'agency news president foreign minister interview territory countries operating ground ' +
  'café naïve résumé Zürich São Paulo Kraków 2018 U.S. don’t it’s'
).split(' ');

function makeWriter(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(VOCABULARY)).join(' ');
  const sentence = () => {
    const text = words(6 + Math.floor(random() * 14));
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(random() * 5) }, sentence).join(' ');
  return { random, pick, words, sentence, paragraph };
}

function htmlBody(w) {
  const parts = [];
  let size = 0;
  while (size < BODY_SIZE) {
    const roll = w.random();
    let part;
    if (roll < 0.15) part = `<h2>${w.words(4)}</h2>`;
    else if (roll < 0.25) part = `<ul>${Array.from({ length: 3 }, () => `<li>${w.words(5)}</li>`).join('')}</ul>`;
    else if (roll < 0.3)
      part = `<figure><img src="/uploads/${w.words(1)}.jpg" alt="${w.words(3)}"><figcaption>${w.words(6)}</figcaption></figure>`;
    else {
      part = `<p>${w.paragraph()} <strong>${w.words(2)}</strong> &amp; <a href="https://example.com/${w.words(1)}">${w.words(3)}</a>&nbsp;${w.sentence()}</p>`;
    }
    parts.push(part);
    size += part.length + 1;
  }
  return parts.join('\n');
}

function markdownBody(w) {
  const parts = [];
  let size = 0;
  while (size < BODY_SIZE) {
    const roll = w.random();
    let part;
    if (roll < 0.15) part = `## ${w.words(4)}`;
    else if (roll < 0.25) part = Array.from({ length: 3 }, () => `- ${w.words(5)}`).join('\n');
    else if (roll < 0.3) part = `![${w.words(3)}](/uploads/${w.words(1)}.jpg)`;
    else
      part = `${w.paragraph()} **${w.words(2)}** &amp; [${w.words(3)}](https://example.com/${w.words(1)}) ${w.sentence()}`;
    parts.push(part);
    size += part.length + 2;
  }
  return parts.join('\n\n');
}

const text = (value, marks = {}) => ({ type: 'text', text: value, ...marks });

function blocksBody(w) {
  const blocks = [];
  let size = 0;
  while (size < BODY_SIZE) {
    const roll = w.random();
    let block;
    if (roll < 0.15) block = { type: 'heading', level: 2, children: [text(w.words(4))] };
    else if (roll < 0.25) {
      const items = Array.from({ length: 3 }, () => ({ type: 'list-item', children: [text(w.words(5))] }));
      block = { type: 'list', format: 'unordered', children: items };
    } else if (roll < 0.3) {
      block = {
        type: 'image',
        image: { url: `/uploads/${w.words(1)}.jpg`, alternativeText: w.words(3) },
        children: [text('')],
      };
    } else {
      block = {
        type: 'paragraph',
        children: [
          text(`${w.paragraph()} `),
          text(w.words(2), { bold: true }),
          text(' & '),
          { type: 'link', url: `https://example.com/${w.words(1)}`, children: [text(w.words(3))] },
          text(`\u00A0${w.sentence()}`),
        ],
      };
    }
    blocks.push(block);
    size += JSON.stringify(block).length;
  }
  return blocks;
}

const BUILDERS = { html: htmlBody, markdown: markdownBody, blocks: blocksBody };

// --- naive pipeline --------------------------------------------------------

const htmlToText = compile({
  wordwrap: false,
  selectors: [
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'figcaption', format: 'skip' },
    { selector: 'ul', options: { itemPrefix: ' ' } }, // '' would mean the default ' * '
    { selector: 'ol', options: { itemPrefix: ' ' } },
  ],
});

function blocksToTextWhole(nodes) {
  const inline = (children) =>
    (Array.isArray(children) ? children : [])
      .map((node) => (typeof node.text === 'string' ? node.text : inline(node.children)))
      .join('');
  const paragraphs = [];
  for (const block of nodes) {
    if (block.type === 'image') continue;
    if (block.type === 'list') paragraphs.push(block.children.map((item) => inline(item.children)).join('\n'));
    else paragraphs.push(inline(block.children));
  }
  return paragraphs.join('\n\n');
}

function naiveNormalize(raw) {
  return raw
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/[ \t]+/g, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });
const WORDS = new Intl.Segmenter('en', { granularity: 'word' });

function naiveCut(normalized) {
  const ends = Array.from(GRAPHEMES.segment(normalized), (s) => s.index + s.segment.length);
  if (ends.length <= MAX_LENGTH) return normalized;
  const limit = ends[MAX_LENGTH - 1];
  const boundaries = new Set(ends);
  let cut = 0;
  for (const { index } of WORDS.segment(normalized)) if (index <= limit && boundaries.has(index)) cut = index;
  const head = normalized.slice(0, cut).trimEnd() || normalized.slice(0, limit).trimEnd();
  return head + SUFFIX;
}

const NAIVE_TEXT = {
  html: (body) => htmlToText(body),
  markdown: (body) => htmlToText(marked.parse(body)),
  blocks: (body) => blocksToTextWhole(body),
};
const naiveExcerpt = (body, format) => naiveCut(naiveNormalize(NAIVE_TEXT[format](body)));

// --- runs ------------------------------------------------------------------

function timeRun(bodies, excerptOf) {
  const start = performance.now();
  for (const { body, format } of bodies) excerptOf(body, format);
  return (performance.now() - start) / 1000;
}

const rate = (perSecond) => Math.round(perSecond).toLocaleString('en-US');
const show = (value) => JSON.stringify(value.length > 90 ? `…${value.slice(-90)}` : value);

function main() {
  const writer = makeWriter(random(20_180_419));
  const bodies = Array.from({ length: COUNT }, (_, i) => {
    const format = FORMATS[i % FORMATS.length];
    return { format, body: BUILDERS[format](writer) };
  });
  console.log(`${COUNT} bodies of ~${BODY_SIZE / 1024} KB (html, markdown, blocks in thirds); maxLength ${MAX_LENGTH}`);

  // Warm-up so both pipelines are measured with optimised code.
  const warm = bodies.slice(0, 300);
  timeRun(warm, excerptFromBody);
  timeRun(warm, naiveExcerpt);

  console.log(`\nexcerpts per second (ours on all ${COUNT} bodies, naive on the first ${NAIVE_COUNT}):`);
  console.log('format             ours        naive   ours/naive');
  const totals = { ours: 0, naive: 0 };
  for (const format of [...FORMATS, 'all']) {
    const pick = (list) => (format === 'all' ? list : list.filter((b) => b.format === format));
    const oursBodies = pick(bodies);
    const naiveBodies = pick(bodies.slice(0, NAIVE_COUNT));
    const ours = format === 'all' ? totals.ours : timeRun(oursBodies, excerptFromBody);
    const naive = format === 'all' ? totals.naive : timeRun(naiveBodies, naiveExcerpt);
    if (format !== 'all') {
      totals.ours += ours;
      totals.naive += naive;
    }
    const oursRate = oursBodies.length / ours;
    const naiveRate = naiveBodies.length / naive;
    console.log(
      `${format.padEnd(10)} ${rate(oursRate).padStart(10)}   ${rate(naiveRate).padStart(10)}   ${(oursRate / naiveRate).toFixed(1).padStart(9)}x`,
    );
  }

  console.log('\nagreement on a sample of 300 bodies per format (ours === naive):');
  for (const format of FORMATS) {
    const sample = bodies.filter((b) => b.format === format).slice(0, 300);
    const differing = sample.filter(({ body }) => excerptFromBody(body, format) !== naiveExcerpt(body, format));
    console.log(`  ${format.padEnd(9)} ${sample.length - differing.length}/${sample.length} identical`);
    if (differing.length > 0) {
      const { body } = differing[0];
      console.log(`    first difference, ours : ${show(excerptFromBody(body, format))}`);
      console.log(`                      naive: ${show(naiveExcerpt(body, format))}`);
    }
  }
  console.log(
    '  (expected: two Markdown lists separated by a blank line make one loose list, whose items\n' +
      '   marked renders as <li><p>, so html-to-text gives a paragraph per item where our rule\n' +
      '   gives one line per item; the cut then falls a word or so apart)',
  );

  console.log('\none 5 MB body vs one 5 KB body (ours):');
  for (const format of FORMATS) {
    const small = bodies.find((b) => b.format === format).body;
    const parts = [];
    let size = 0;
    while (size < 5 * 1024 * 1024) {
      const body = BUILDERS[format](writer);
      parts.push(body);
      size += format === 'blocks' ? JSON.stringify(body).length : body.length;
    }
    const huge = format === 'blocks' ? [].concat(...parts) : parts.join(format === 'html' ? '\n' : '\n\n');
    const perCall = (body) => {
      const runs = 500;
      for (let i = 0; i < 50; i += 1) excerptFromBody(body, format);
      const start = performance.now();
      for (let i = 0; i < runs; i += 1) excerptFromBody(body, format);
      return ((performance.now() - start) * 1000) / runs;
    };
    const smallMicros = perCall(small);
    const hugeMicros = perCall(huge);
    console.log(
      `  ${format.padEnd(9)} 5 KB: ${smallMicros.toFixed(1).padStart(7)} µs   5 MB: ${hugeMicros.toFixed(1).padStart(7)} µs   ratio ${(hugeMicros / smallMicros).toFixed(2)}`,
    );
  }
}

main();
