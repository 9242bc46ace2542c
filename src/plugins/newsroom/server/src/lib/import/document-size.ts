/**
 * Why a document is refused for its size, or undefined: the one wording of
 * the limit for the import route, a streamed read and the listing parser.
 * `bytes` is the document's size when it is known (a stream is refused as
 * soon as it grows past the limit, before its end).
 */
export function documentSizeProblem(maxBytes: number, bytes: number, whole = true): string | undefined {
  if (bytes <= maxBytes) return undefined;
  return whole ? `document is ${bytes} bytes, over the limit of ${maxBytes} bytes` : `document is over the limit of ${maxBytes} bytes`;
}
