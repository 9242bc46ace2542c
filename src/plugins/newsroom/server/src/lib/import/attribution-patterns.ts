import { DENIED_WORDS, LEADING_NOISE, MAX_NAME_WORDS, OUTLET_WORDS } from './attribution-words';
import { aliasKey, type Matcher } from './known-outlets';
import type { Hit } from './outlet-types';

/**
 * Outlets named by attribution phrases ("according to X", "X reported",
 * "citing X", ...), known or not. Conservative: a person, an official or an
 * institution cited the same way must not become a source.
 */

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

/** Every name an attribution phrase introduces that passes the candidate rules below. */
export function attributedOutlets(text: string, matcher: Matcher): Hit[] {
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
