import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DocumentError, ENCODING_SNIFF_BYTES, encodingProblem } from '../lib/import';

/** A document's text, its bytes, or a stream of its bytes. */
export type DocumentSource = string | Uint8Array | Readable;

export interface DocumentInput {
  chunks: AsyncIterable<Uint8Array>;
  /** The first bytes (up to 4 KB), decoded leniently: enough to tell the format. */
  head: string;
  /** Known for files and in-memory documents. */
  totalBytes?: number;
  /** Bytes handed out by `chunks` so far. */
  bytesRead(): number;
}

// Large reads: a 100k-line file is read in a few hundred chunks.
const FILE_CHUNK_BYTES = 1024 * 1024;

async function* only(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * The chunks of `source`, its first bytes read ahead and checked to be text
 * (not UTF-16, not binary: lib/import/text-encoding.ts) before anything is
 * imported, counted as they are consumed.
 */
async function open(source: AsyncIterable<Uint8Array>, file: string, totalBytes?: number): Promise<DocumentInput> {
  const iterator = source[Symbol.asyncIterator]();
  const ahead: Uint8Array[] = [];
  let aheadBytes = 0;
  let done = false;
  while (aheadBytes < ENCODING_SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    ahead.push(next.value);
    aheadBytes += next.value.byteLength;
  }
  const head = ahead.length === 1 ? ahead[0] : Buffer.concat(ahead);
  const problem = encodingProblem(head);
  if (problem) {
    await iterator.return?.(); // a file's stream is closed
    throw new DocumentError(file, 0, problem);
  }
  let bytesRead = 0;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (const chunk of ahead) {
      bytesRead += chunk.byteLength;
      yield chunk;
    }
    for (let next = done ? null : await iterator.next(); next && !next.done; next = await iterator.next()) {
      bytesRead += next.value.byteLength;
      yield next.value;
    }
  }
  return {
    chunks: chunks(),
    head: Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, ENCODING_SNIFF_BYTES)).toString('utf8'),
    totalBytes,
    bytesRead: () => bytesRead,
  };
}

/** `file` names the document in messages. */
export function openSource(source: DocumentSource, file: string): Promise<DocumentInput> {
  if (typeof source === 'string') source = Buffer.from(source, 'utf8');
  if (source instanceof Uint8Array) return open(only(source), file, source.byteLength);
  return open(source, file);
}

/** `name` names the document in messages (the path by default). */
export async function openFile(path: string, name = path): Promise<DocumentInput> {
  try {
    const { size } = await stat(path);
    return await open(createReadStream(path, { highWaterMark: FILE_CHUNK_BYTES }), name, size);
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError(name, 0, `cannot read the file: ${(error as Error).message}`);
  }
}
