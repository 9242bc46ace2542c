// An entity-tag: optional weak prefix, then an opaque tag in quotes (RFC 9110 §8.8.3).
const ENTITY_TAG = /(?:W\/)?"([\x21\x23-\x7E\x80-\xFF]*)"/g;

const opaqueTag = (etag: string): string => etag.replace(/^W\//, '').replace(/^"|"$/g, '');

/**
 * Whether an If-None-Match header ("" when absent) matches the current
 * representation's ETag, so that the answer is 304 (RFC 9110 §13.1.2): `*`,
 * or a list holding the ETag, compared weakly (`W/"x"` matches `"x"`).
 * Whatever the request's Cache-Control: `no-cache` (which Node's fetch sends
 * with every conditional request) asks for validation, and a 304 is one.
 */
export function ifNoneMatchMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const current = opaqueTag(etag);
  for (const [, opaque] of header.matchAll(ENTITY_TAG)) if (opaque === current) return true;
  return false;
}
