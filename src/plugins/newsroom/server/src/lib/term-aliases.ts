import { tagKey } from './import';

interface Named {
  name: string;
  aliases: string[];
}

/**
 * A term's aliases once it absorbs other names (a rename keeps the old name,
 * a merge every name of the merged tags): in order, once each by key (case
 * and spacing aside), never its own name.
 */
export function aliasesWith(term: Named, names: string[]): string[] {
  const seen = new Set([tagKey(term.name)]);
  const aliases: string[] = [];
  for (const alias of [...term.aliases, ...names]) {
    const key = tagKey(alias);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    aliases.push(alias);
  }
  return aliases;
}

/** Every name a term answers to: its name, then its aliases. */
export const namesOf = (term: Named): string[] => [term.name, ...term.aliases];

const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((a): a is string => typeof a === 'string') : []);

/**
 * The aliases an update of a tag or source stores: a renamed term keeps its
 * former name as an alias, so links by name (imports, pickers) still find it.
 * undefined when the update leaves them as they are.
 */
export function aliasesAfterUpdate(data: Record<string, unknown>, current: { name: string; aliases: unknown }): string[] | undefined {
  if (typeof data.name !== 'string' || data.name === current.name) return undefined;
  return aliasesWith({ name: data.name, aliases: stringsOf('aliases' in data ? data.aliases : current.aliases) }, [current.name]);
}
