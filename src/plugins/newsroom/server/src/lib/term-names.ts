/**
 * The names of tags and sources as search and lookup keys (the table
 * TABLES.termNames, services/term-names.ts): pure, so the rules are
 * unit-tested alone. One engine for tags and sources.
 */

/** The longest key, in characters (PostgreSQL's varchar(255) counts code points). */
export const MAX_KEY_LENGTH = 255;
/** The last code point: `key < k + MAX_CHAR` holds for every key starting with k, bytewise. */
const MAX_CHAR = '\u{10FFFF}';

export type TermNameRole = 'name' | 'alias' | 'slug';

export interface TermNameRow {
  role: TermNameRole;
  /** 0: the whole name; n: the key starting at its n-th word. */
  word: number;
  key: string;
}

export interface NamedTerm {
  name: string;
  slug?: string | null;
  aliases?: unknown;
}

/** The range of keys a search scans: `key >= from AND key < to`. */
export interface KeyRange {
  from: string;
  to: string;
}

const capped = (key: string): string => {
  const chars = Array.from(key);
  return chars.length <= MAX_KEY_LENGTH ? key : chars.slice(0, MAX_KEY_LENGTH).join('').trimEnd();
};

/**
 * A name, alias or slug as a key: case, accents, punctuation and spacing
 * aside, so "Coalition (US)", "coalition-us" and "Coalitión  US" agree.
 * Decomposed around the lowercasing: a decomposition may give a capital
 * ("ᴬ" is "A"), a lowercase a combining mark ("İ" is "i" + U+0307).
 */
export function termKey(text: string): string {
  return capped(
    text
      .normalize('NFKD')
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim(),
  );
}

/** The strings of an aliases value as stored (a JSON array); anything else has none. */
export const aliasStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((alias): alias is string => typeof alias === 'string') : [];

/** A name's identity among its aliases: its key, or the text itself when it has no letter or digit ("!!!"). */
const identity = (text: string): string => termKey(text) || text.trim();

/** Aliases as stored: trimmed, once each by key, in order, none the name itself. */
export function storedAliases(name: string, aliases: string[]): string[] {
  const seen = new Set([identity(name)]);
  const kept: string[] = [];
  for (const alias of aliases.map((text) => text.trim())) {
    const id = identity(alias);
    if (!alias || seen.has(id)) continue;
    seen.add(id);
    kept.push(alias);
  }
  return kept;
}

/**
 * The rows a term is found by: one whole-name row (word 0) per name, alias
 * and slug, then one per later word start (key: the rest from that word), so
 * a prefix of any row's key is a prefix or whole-word match. Each key once:
 * whole-name rows first (name, aliases, slug), so a lookup by name or alias,
 * which reads word 0 only, finds them all.
 */
export function termNameRows(term: NamedTerm): TermNameRow[] {
  const sources: Array<[TermNameRole, string]> = [
    ['name', term.name],
    ...aliasStrings(term.aliases).map((alias): [TermNameRole, string] => ['alias', alias]),
    ...(term.slug ? [['slug', term.slug] as [TermNameRole, string]] : []),
  ];
  const wholes = sources.map(([role, text]) => ({ role, key: termKey(text) })).filter((entry) => entry.key);
  const candidates: TermNameRow[] = [
    ...wholes.map(({ role, key }) => ({ role, word: 0, key })),
    ...wholes.flatMap(({ role, key }) =>
      key
        .split(' ')
        .map((_, n, words) => ({ role, word: n, key: words.slice(n).join(' ') }))
        .slice(1),
    ),
  ];
  const seen = new Set<string>();
  return candidates.filter((row) => !seen.has(row.key) && seen.add(row.key));
}

/** The keys a search for `q` scans, or null when `q` has no letter or digit. */
export function searchRange(q: string): KeyRange | null {
  const from = termKey(q);
  return from ? { from, to: from + MAX_CHAR } : null;
}
