/** How many aliases a tag or source may have, and how long each (a key's length: lib/term-names.ts). */
export const MAX_ALIASES = 50;
export const MAX_ALIAS_LENGTH = 255;

/** Why `value` cannot be a tag's or source's aliases, or null: an array of non-blank strings, within the bounds above. */
export function aliasesProblem(value: unknown): string | null {
  if (value === null) return null;
  if (!Array.isArray(value)) return 'must be an array of strings';
  if (value.length > MAX_ALIASES) return `must have at most ${MAX_ALIASES} entries`;
  for (const [i, alias] of value.entries()) {
    if (typeof alias !== 'string' || !alias.trim()) return `entry ${i} must be a non-empty string`;
    if (Array.from(alias).length > MAX_ALIAS_LENGTH) return `entry ${i} is longer than ${MAX_ALIAS_LENGTH} characters`;
  }
  return null;
}
