import outletList from './outlets.json';

/**
 * Finds the news outlets an article's text cites: known outlets by name or
 * alias, and unknown ones from attribution phrases ("according to X",
 * "X reported", "citing X", ...). A wrong source on an article is worse than
 * a missing one, so the unknown-outlet rules are conservative.
 */

export interface Outlet {
  name: string;
  url: string;
  aliases: string[];
}

export interface DetectedSource {
  /** Canonical name for a known outlet, else the name as written. */
  name: string;
  /** The text as it appears in the article (first occurrence). */
  matched: string;
  /** 'known' when the outlet is in the known list (whichever way it was found). */
  via: 'known' | 'pattern';
}

export const KNOWN_OUTLETS: readonly Outlet[] = outletList;

export function detectSources(text: string, known: readonly Outlet[] = KNOWN_OUTLETS): DetectedSource[] {
  const matcher = compile(known);
  const hits = [...findKnown(text, matcher), ...findByPattern(text, matcher)].sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  const sources: DetectedSource[] = [];
  for (const hit of hits) {
    if (seen.has(hit.key)) continue;
    seen.add(hit.key);
    sources.push({ name: hit.name, matched: hit.matched, via: hit.via });
  }
  return sources;
}

/** The known outlet that `name` names (its name or an alias), if any. */
export function knownOutlet(name: string, known: readonly Outlet[] = KNOWN_OUTLETS): Outlet | undefined {
  return aliasIndex(known).get(aliasKey(name));
}

interface Hit extends DetectedSource {
  index: number;
  /** What makes two hits the same outlet. */
  key: string;
}

// ---------------------------------------------------------------------------
// Known outlets

interface Matcher {
  terms: Array<{ outlet: Outlet; pattern: RegExp }>;
  byAlias: Map<string, Outlet>;
}

const compiled = new WeakMap<readonly Outlet[], Matcher>();
const aliasIndexes = new WeakMap<readonly Outlet[], Map<string, Outlet>>();

/** Outlets by the alias key of each of their names; without the patterns, which take tens of ms to compile. */
function aliasIndex(known: readonly Outlet[]): Map<string, Outlet> {
  let byAlias = aliasIndexes.get(known);
  if (!byAlias) {
    byAlias = new Map(known.flatMap((outlet) => [outlet.name, ...outlet.aliases].map((term) => [aliasKey(term), outlet] as const)));
    aliasIndexes.set(known, byAlias);
  }
  return byAlias;
}

function compile(known: readonly Outlet[]): Matcher {
  let matcher = compiled.get(known);
  if (!matcher) {
    const terms = known.flatMap((outlet) =>
      [outlet.name, ...outlet.aliases].map((term) => ({ outlet, pattern: new RegExp(termPattern(term), 'gu') })),
    );
    matcher = { terms, byAlias: aliasIndex(known) };
    compiled.set(known, matcher);
  }
  return matcher;
}

const WORD_START = String.raw`(?<![\p{L}\p{M}\p{N}_]|[\p{L}\p{N}][\-\u2010\u2011])`;
const WORD_END = String.raw`(?![\p{L}\p{M}\p{N}_]|[\-\u2010\u2011][\p{L}\p{N}])`;
const SHORT_ACRONYM = 5;

/**
 * The regex source matching one name or alias as a whole word (a word joined
 * by a hyphen counts as the same word: "RT" does not match "RT-PCR").
 *
 * Case: a short acronym ("AP", "RT", "RBC", "ТАСС") must match exactly, or it
 * would match ordinary words. Other names match case-insensitively except
 * that a capital starting a word must stay a capital: "REUTERS" and
 * "Al JAZEERA" match, "sputnik", "Russia today" or "the guardian" do not,
 * since lowercase there means the common word. A leading "The" may be "the".
 * Spaces and hyphens between words are interchangeable, as are ' and ’.
 */
function termPattern(term: string): string {
  const letters = term.match(/\p{L}/gu) ?? [];
  if (!/\p{Ll}/u.test(term) && letters.length <= SHORT_ACRONYM) {
    return WORD_START + escapeRegex(term).replace(/\s+/g, String.raw`\s+`) + WORD_END;
  }
  const chars = [...term];
  let source = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const wordStart = i === 0 || !/[\p{L}\p{M}]/u.test(chars[i - 1]);
    if (/[\s\-\u2010\u2011]/u.test(ch)) {
      if (!/[\s\-\u2010\u2011]/u.test(chars[i - 1] ?? '')) source += String.raw`[\s\-\u2010\u2011]+`;
    } else if (ch === "'" || ch === '’') {
      source += "['’]";
    } else if (/\p{Lu}/u.test(ch) && wordStart && !(i === 0 && /^The\s/u.test(term))) {
      source += escapeRegex(ch);
    } else if (/\p{L}/u.test(ch)) {
      source += `(?:${escapeRegex(ch.toLowerCase())}|${escapeRegex(ch.toUpperCase())})`;
    } else {
      source += escapeRegex(ch);
    }
  }
  return WORD_START + source + WORD_END;
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Key for looking a name up among names and aliases, case and spacing aside. */
export function aliasKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\-\u2010\u2011]+/gu, ' ')
    .replace(/’/g, "'")
    .replace(/^the /, '')
    .trim();
}

/** Every name or alias occurrence; where two overlap the longer wins ("RIA Novosti" over "RIA"). */
function findKnown(text: string, matcher: Matcher): Hit[] {
  const found = matcher.terms.flatMap(({ outlet, pattern }) =>
    [...text.matchAll(pattern)].map((m) => ({ outlet, index: m.index, matched: m[0] })),
  );
  found.sort((a, b) => a.index - b.index || b.matched.length - a.matched.length);
  const hits: Hit[] = [];
  let end = 0;
  for (const { outlet, index, matched } of found) {
    if (index < end) continue;
    end = index + matched.length;
    hits.push({ name: outlet.name, matched, via: 'known', index, key: `known:${outlet.name}` });
  }
  return hits;
}

// ---------------------------------------------------------------------------
// Attribution patterns

// Between words of one name: spaces, not a line break (paragraphs stay apart).
const GAP = String.raw`[^\S\r\n]+`;
// A capitalised word ("Kyiv", "TASS", "U.S.", "al-Awsat", "France-Presse").
// Lengths and counts are bounded so that scanning stays linear on any input.
const NAME_WORD = String.raw`(?<![\p{L}\p{M}\p{N}])(?:(?:\p{Lu}\.){2,6}|(?:(?:al|el)-)?\p{Lu}[\p{L}\p{M}\p{N}'’\-]{0,40})(?![\p{L}\p{M}\p{N}])`;
// Lowercase particles allowed inside a name ("Voice of America", "Syrian Observatory for Human Rights").
const PARTICLE = String.raw`(?:of|for|de|du|des|la|al|el)`;
const NAME = String.raw`${NAME_WORD}(?:${GAP}(?:${PARTICLE}${GAP}){0,2}(?:${NAME_WORD}|\d{1,4}(?![\p{L}\p{N}]))){0,7}`;
// Words saying that what follows or precedes is an outlet.
const DESCRIPTOR = String.raw`(?:news agency|agency|newspaper|news outlet|outlet|news site|website|broadcaster|TV channel|channel)`;

/** "according to (the) (agency) X", "as reported by (news agency) X", "citing X", "reports (the) X". */
const NAME_AFTER_CUE = new RegExp(
  String.raw`(?<!\p{L})(?:[Aa]ccording to|[Aa]s reported by|[Cc]iting|[Rr]eports)${GAP}(?:the${GAP})?(?:(${DESCRIPTOR})${GAP})?(${NAME})(?:${GAP}(${DESCRIPTOR})(?!\p{L}))?`,
  'dgu',
);
/** "X reported", "X reports", "X news agency reported". */
const NAME_BEFORE_CUE = new RegExp(String.raw`(${NAME})(?:${GAP}(${DESCRIPTOR}))?${GAP}report(?:s|ed)(?!\p{L})`, 'dgu');

/** "X said" introduces a person; the window holds ", emphasized" with some spacing to spare. */
const SPEECH_VERB_WINDOW = 40;
const SPEECH_VERB_AFTER = /^[^\S\r\n]*,?[^\S\r\n]*(?:said|says|stated|states|told|added|noted|wrote|claimed|explained|stressed|announced|declared)(?!\p{L})/u;

/*
 * Denylists, compared lowercased word by word. A candidate is dropped if any
 * of its words is here: the phrases above also introduce people, officials
 * and institutions ("according to the Defense Ministry", "citing Thursday's
 * statement"), and person names cannot be told from outlet names in general.
 */
const DAYS_AND_MONTHS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december',
];
/** Words that start a sentence or a time phrase before a name: dropped from the front. */
const LEADING_NOISE = new Set([
  ...DAYS_AND_MONTHS,
  'the', 'a', 'an', 'on', 'in', 'at', 'as', 'and', 'but', 'also', 'earlier', 'later', 'meanwhile',
  'then', 'today', 'yesterday', 'now', 'last', 'next', 'however', 'separately', 'previously', 'recently',
]);
const DENIED_WORDS = new Set([
  ...DAYS_AND_MONTHS,
  // pronouns and determiners
  'i', 'he', 'she', 'it', 'we', 'they', 'you', 'his', 'her', 'its', 'our', 'their',
  'this', 'that', 'these', 'those', 'who', 'which', 'one', 'someone',
  // titles and roles of people
  'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'president', 'vice', 'minister', 'prime',
  'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'envoy', 'senator',
  'congressman', 'congresswoman', 'representative', 'general', 'gen', 'colonel', 'col',
  'lieutenant', 'major', 'captain', 'sergeant', 'admiral', 'marshal', 'commander', 'chief',
  'head', 'director', 'chairman', 'chairwoman', 'chair', 'governor', 'mayor', 'king', 'queen',
  'prince', 'princess', 'sheikh', 'emir', 'sultan', 'pope', 'patriarch', 'imam', 'mufti',
  'bishop', 'deputy', 'professor', 'prof', 'officer', 'official', 'officials', 'correspondent',
  'reporter', 'journalist', 'editor', 'analyst', 'expert', 'adviser', 'advisor', 'aide',
  'leader', 'speaker',
  // institutions, which are cited but are not outlets
  'ministry', 'department', 'office', 'service', 'commission', 'committee', 'council',
  'government', 'administration', 'command', 'army', 'forces', 'force', 'military', 'police',
  'court', 'parliament', 'senate', 'congress', 'duma', 'kremlin', 'pentagon', 'house', 'embassy',
  'consulate', 'coalition', 'headquarters', 'staff', 'navy', 'agency', 'bureau', 'authority',
  'authorities', 'directorate', 'intelligence', 'guard', 'corps', 'brigade', 'division',
  'regiment', 'battalion', 'mission', 'organization', 'organisation', 'observatory',
  'observation', 'border', 'party', 'front', 'movement', 'union', 'cabinet', 'presidency',
  'palace', 'secretariat', 'assembly',
  // generic nouns
  'report', 'reports', 'statement', 'study', 'data', 'survey', 'sources', 'source',
  'witnesses', 'residents', 'activists', 'media',
]);
/**
 * Without a descriptor ("news agency X"), an unknown name must contain one
 * of these to be taken for an outlet, and one other word to be a name.
 */
const OUTLET_WORDS = new Set([
  'news', 'post', 'times', 'journal', 'independent', 'herald', 'gazette', 'gazeta', 'telegraph',
  'tribune', 'radio', 'tv', 'television', 'daily', 'chronicle', 'insider', 'broadcasting',
  'newspaper', 'channel',
]);
const MAX_NAME_WORDS = 5;

function findByPattern(text: string, matcher: Matcher): Hit[] {
  const hits: Hit[] = [];
  for (const [pattern, nameGroup, descriptorGroups] of [
    [NAME_AFTER_CUE, 2, [1, 3]],
    [NAME_BEFORE_CUE, 1, [2]],
  ] as const) {
    for (const m of text.matchAll(pattern)) {
      const [start, end] = m.indices![nameGroup];
      const hasDescriptor = descriptorGroups.some((group) => m[group] !== undefined);
      const hit = candidate(text, start, end, hasDescriptor, matcher);
      if (hit) hits.push(hit);
    }
  }
  return hits;
}

function candidate(text: string, start: number, end: number, hasDescriptor: boolean, matcher: Matcher): Hit | null {
  const words = [...text.slice(start, end).matchAll(/\S+/gu)].map((m) => ({ word: m[0], index: start + m.index }));
  const first = words.findIndex(({ word }) => !LEADING_NOISE.has(word.toLowerCase()));
  if (first < 0) return null;
  const kept = words.slice(first);
  if (kept.some(({ word }) => /['’]s?$/u.test(word))) return null;
  const spanFrom = (i: number): string => text.slice(kept[i].index, end);

  // A phrase may run into the name from the left ("In Kyiv RIA Novosti reported").
  for (let i = 0; i < kept.length; i++) {
    const outlet = matcher.byAlias.get(aliasKey(spanFrom(i)));
    if (outlet) return { name: outlet.name, matched: spanFrom(i), via: 'known', index: kept[i].index, key: `known:${outlet.name}` };
  }

  const name = kept.map(({ word }) => word).join(' ');
  const lower = kept.map(({ word }) => word.toLowerCase());
  if (lower.some((word) => DENIED_WORDS.has(word))) return null;
  if (kept.filter(({ word }) => /^\p{Lu}/u.test(word)).length > MAX_NAME_WORDS) return null;
  if (SPEECH_VERB_AFTER.test(text.slice(end, end + SPEECH_VERB_WINDOW))) return null;
  if (lower.every((word) => OUTLET_WORDS.has(word))) return null;
  if (!hasDescriptor && !lower.some((word) => OUTLET_WORDS.has(word))) return null;
  return { name, matched: spanFrom(0), via: 'pattern', index: kept[0].index, key: `pattern:${aliasKey(name)}` };
}
