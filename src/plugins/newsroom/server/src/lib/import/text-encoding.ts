/**
 * Whether a document's first bytes are UTF-8 text at all, before it is
 * decoded as UTF-8: a UTF-16 file or a binary one gets a message that names
 * it, the same on every interface. Strict UTF-8 decoding alone would call a
 * UTF-16 file "invalid UTF-8" (its BOM), or accept it as text with a NUL after
 * every letter (no BOM), and an image "invalid UTF-8" too.
 *
 * The bytes may also be text a client decoded as UTF-8 and sent to the route,
 * encoded again: NUL bytes come through as they were, a BOM or any other
 * invalid byte as U+FFFD (3 bytes for 1, or 6 for the 2-byte BOM), which keeps
 * the NULs on the same side of their characters.
 */

/** Enough of the document to tell: its first 2,048 UTF-16 code units. */
export const ENCODING_SNIFF_BYTES = 4096;

const BINARY_PROBLEM = 'binary data, not a text document';

type ByteOrder = 'little-endian' | 'big-endian';

/** Without a BOM, this many ASCII characters at least, so a stray NUL in a short text is not taken for UTF-16. */
const MIN_ASCII_UNITS = 8;
/** Of the code units: UTF-16 text in any language has its spaces, line breaks and header in ASCII. */
const MIN_ASCII_SHARE = 1 / 16;
/** NUL or control code units per ASCII one: text has next to none, binary data plenty. */
const MAX_JUNK_RATIO = 1 / 16;

/** The problem with a document starting with `bytes`, or null when it may be UTF-8 text. */
export function encodingProblem(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, ENCODING_SNIFF_BYTES);
  const order = utf16ByteOrder(head);
  if (order) return `the document is UTF-16 (${order}), not UTF-8: save it as UTF-8`;
  // No text document holds a NUL character.
  if (head.includes(0)) return BINARY_PROBLEM;
  return null;
}

function utf16ByteOrder(head: Uint8Array): ByteOrder | null {
  // FF FE 00 00 is UTF-32's little-endian BOM, not UTF-16's followed by a NUL.
  if (head[0] === 0xff && head[1] === 0xfe && !(head[2] === 0 && head[3] === 0)) return 'little-endian';
  if (head[0] === 0xfe && head[1] === 0xff) return 'big-endian';
  // Without a BOM: an ASCII character is its byte beside a NUL, after it in
  // little-endian, before it in big-endian, always on the same side.
  const little = unitCounts(head, 0);
  const big = unitCounts(head, 1);
  const [order, counts] = little.ascii >= big.ascii ? (['little-endian', little] as const) : (['big-endian', big] as const);
  const units = head.byteLength >> 1;
  const utf16 =
    counts.ascii >= MIN_ASCII_UNITS && counts.ascii >= units * MIN_ASCII_SHARE && counts.junk <= counts.ascii * MAX_JUNK_RATIO;
  return utf16 ? order : null;
}

/** Code units (low byte at `low`, 0 or 1) that are ASCII text, and those that are NUL or control characters. */
function unitCounts(head: Uint8Array, low: 0 | 1): { ascii: number; junk: number } {
  let ascii = 0;
  let junk = 0;
  for (let i = 0; i + 1 < head.byteLength; i += 2) {
    if (head[i + 1 - low] !== 0) continue;
    if (isTextByte(head[i + low])) ascii++;
    else junk++;
  }
  return { ascii, junk };
}

/** Printable ASCII, tab, LF, CR, or Latin-1 beyond the C1 controls. */
function isTextByte(byte: number): boolean {
  return byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte < 0x7f) || byte >= 0xa0;
}
