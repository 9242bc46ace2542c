/**
 * Keyset cursors for tag pages: the position (publishedAt, id) of the last
 * article served, so the next page starts right after it however deep it is.
 * Opaque to clients (base64url JSON); anything that does not decode to that
 * exact shape is refused, so a tampered cursor is a clean 400.
 */
export interface TagPageCursor {
  /** publishedAt, epoch milliseconds. */
  publishedAt: number;
  id: number;
}

const MAX_CURSOR_LENGTH = 200;

export function encodeCursor(cursor: TagPageCursor): string {
  return Buffer.from(JSON.stringify([cursor.publishedAt, cursor.id])).toString('base64url');
}

/** The cursor, or null when `value` is not one this module made. */
export function decodeCursor(value: string): TagPageCursor | null {
  if (value.length === 0 || value.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [publishedAt, id] = parsed;
  if (!Number.isSafeInteger(publishedAt) || !Number.isSafeInteger(id) || id < 1) return null;
  return { publishedAt, id };
}
