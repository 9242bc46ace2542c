/**
 * What a text field may hold in every database this app runs on:
 * - no U+0000: PostgreSQL refuses it in text and jsonb (a 500), SQLite would keep it;
 * - no lone surrogate (half of a UTF-16 pair): it has no UTF-8 form, so SQLite
 *   stores invalid bytes and reads them back as three U+FFFD; here it becomes
 *   one U+FFFD, as String.prototype.toWellFormed would make it.
 * Everything else (other control characters, markup) is the writer's text and kept.
 */
// eslint-disable-next-line no-control-regex -- U+0000 is what this removes
const NUL = /\u0000/g;
/** Half of a UTF-16 pair, with no other half beside it. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(text: string): string {
  return text.replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** `value` with every string in it made storable, through arrays and plain objects (Blocks, JSON fields). */
export function storable<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [storableText(key), storable(item)])) as T;
  }
  return value;
}
