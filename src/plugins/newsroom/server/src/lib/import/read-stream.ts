import { DocumentError } from './document-error';
import { documentSizeProblem } from './document-size';

/**
 * Reading an imported document from a byte stream (a file, an upload), with
 * its size limits enforced while reading: an oversized document or line is
 * refused as soon as it passes the limit, never held in memory whole.
 */

export type ByteChunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface SourceLine {
  /** 1-based. */
  line: number;
  /** Decoded strictly as UTF-8, without its line break (LF or CRLF). */
  text: string;
}

const LF = 0x0a;
const CR = 0x0d;

/** The whole document as bytes; refused once it grows past `maxBytes`. */
export async function readAll(chunks: ByteChunks, opts: { file: string; maxBytes: number }): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    const problem = documentSizeProblem(opts.maxBytes, size, false);
    if (problem) throw new DocumentError(opts.file, 0, problem);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/**
 * The document's lines, one at a time. Not node:readline: it decodes
 * leniently (invalid UTF-8 silently becomes U+FFFD) and buffers a line of
 * any length before handing it over, where an import must name the line
 * that is not UTF-8 and must stop an endless line at its limit.
 */
export async function* readLines(
  chunks: ByteChunks,
  opts: { file: string; maxLineBytes: number },
): AsyncGenerator<SourceLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let pending: Uint8Array[] = [];
  let pendingSize = 0;

  const finish = (tail: Uint8Array): SourceLine => {
    let bytes = pending.length === 0 ? tail : Buffer.concat([...pending, tail]);
    if (bytes.byteLength > 0 && bytes[bytes.byteLength - 1] === CR) bytes = bytes.subarray(0, -1);
    pending = [];
    pendingSize = 0;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new DocumentError(opts.file, line, 'invalid UTF-8');
    }
    return { line: line++, text };
  };
  const checkSize = (size: number): void => {
    // One byte of slack for the CR of a CRLF line ending.
    if (size > opts.maxLineBytes + 1) {
      throw new DocumentError(opts.file, line, `line is over the limit of ${opts.maxLineBytes} bytes`);
    }
  };

  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf(LF); end >= 0; end = chunk.indexOf(LF, start)) {
      checkSize(pendingSize + end - start);
      yield finish(chunk.subarray(start, end));
      start = end + 1;
    }
    if (start < chunk.byteLength) {
      const rest = chunk.subarray(start);
      checkSize(pendingSize + rest.byteLength);
      // Copied: the stream may reuse its chunk's memory.
      pending.push(Uint8Array.prototype.slice.call(rest));
      pendingSize += rest.byteLength;
    }
  }
  if (pendingSize > 0) yield finish(new Uint8Array(0));
}
