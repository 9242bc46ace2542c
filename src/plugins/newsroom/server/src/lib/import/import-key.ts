import { createHash } from 'node:crypto';

/**
 * The identity of an imported article, so that importing the same article
 * twice (from the same document re-uploaded, or from another tag's listing
 * or an NDJSON export) updates one article instead of creating a copy.
 *
 * What is hashed: the title and the plain text, each normalised to NFC with
 * every run of whitespace (including NBSP and line breaks) collapsed to one
 * space and the ends trimmed. Case and punctuation are kept: they are part
 * of what the article says. Normalising spacing and Unicode composition
 * makes the key survive what copy-pasting and re-wrapping change without
 * changing the article. For a truncated listing item, `text` is the text
 * without its ellipsis, so the same excerpt gets the same key whichever
 * listing it comes from.
 *
 * The two fields are hashed as a JSON array so that no title/text split can
 * collide with another ("a b" + "c" vs "a" + "b c"). The `v1:` prefix names
 * the normalisation, so a future change can coexist with stored keys.
 */
export function importKey(title: string, text: string): string {
  const payload = JSON.stringify([normaliseForKey(title), normaliseForKey(text)]);
  return `v1:${createHash('sha256').update(payload, 'utf8').digest('hex').slice(0, 40)}`;
}

/** The normalisation `importKey` applies to each field. */
export function normaliseForKey(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
