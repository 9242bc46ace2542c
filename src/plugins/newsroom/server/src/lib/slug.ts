import { createHash } from 'node:crypto';
import slugify from 'slugify';

/** What a slug can be: Strapi's rule for `uid` fields (core entity-validator), non-empty. Anything else names no tag, source or article. */
export const SLUG_PATTERN = /^[A-Za-z0-9\-_.~]+$/;

// Long titles make unwieldy URLs; 120 characters keeps every word that matters.
const MAX_SLUG_LENGTH = 120;

/**
 * The URL slug for a name: transliterated (Cyrillic, Greek, accents) by
 * slugify, lower case, hyphen-separated. A name with nothing transliterable
 * (CJK, emoji, punctuation) still gets a stable, non-empty slug built from
 * `fallbackPrefix` and a short hash of the name.
 */
export function slugBase(name: string, fallbackPrefix: string): string {
  // Symbols go before slugify sees them: its table spells them out ("<" → "less").
  // Dots and apostrophes join ("U.S." → "us", "Assad's" → "assads"); others separate.
  const words = name.replace(/[.'\u2019`]/g, '').replace(/[^\p{L}\p{M}\p{N}\s-]+/gu, ' ');
  let slug = slugify(words, { lower: true, strict: true, trim: true });
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
    const lastHyphen = cut.lastIndexOf('-');
    slug = cut.slice(0, lastHyphen > 0 ? lastHyphen : MAX_SLUG_LENGTH);
  }
  if (slug) return slug;
  const hash = createHash('sha1').update(name.normalize('NFC')).digest('hex').slice(0, 8);
  return `${fallbackPrefix}-${hash}`;
}

/** The first of `base`, `base-2`, `base-3`, ... that is not in `taken`. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
