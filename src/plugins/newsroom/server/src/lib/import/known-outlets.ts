import type { Hit, Outlet } from './outlet-types';

/**
 * Known outlets found by their names and aliases, each compiled once to a
 * whole-word pattern that keeps case where case tells a name from a word.
 */

export interface Matcher {
  terms: Array<{ outlet: Outlet; pattern: RegExp }>;
  byAlias: Map<string, Outlet>;
}

const compiled = new WeakMap<readonly Outlet[], Matcher>();
const aliasIndexes = new WeakMap<readonly Outlet[], Map<string, Outlet>>();

/** Outlets by the alias key of each of their names; without the patterns, which take tens of ms to compile. */
export function aliasIndex(known: readonly Outlet[]): Map<string, Outlet> {
  let byAlias = aliasIndexes.get(known);
  if (!byAlias) {
    byAlias = new Map(known.flatMap((outlet) => [outlet.name, ...outlet.aliases].map((term) => [aliasKey(term), outlet] as const)));
    aliasIndexes.set(known, byAlias);
  }
  return byAlias;
}

export function compileMatcher(known: readonly Outlet[]): Matcher {
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
export function findKnown(text: string, matcher: Matcher): Hit[] {
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
