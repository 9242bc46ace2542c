import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DocumentError } from '../lib/import';

/** A document's text, its bytes, or a stream of its bytes. */
export type DocumentSource = string | Uint8Array | Readable;

export interface DocumentInput {
  chunks: AsyncIterable<Uint8Array>;
  /** The first chunk, decoded leniently: enough to tell the format. */
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

/** The chunks of `source`, its first chunk read ahead, counted as they are consumed. */
async function open(source: AsyncIterable<Uint8Array>, totalBytes?: number): Promise<DocumentInput> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  let bytesRead = 0;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let next = first; !next.done; next = await iterator.next()) {
      bytesRead += next.value.byteLength;
      yield next.value;
    }
  }
  return {
    chunks: chunks(),
    head: first.done ? '' : Buffer.from(first.value).toString('utf8', 0, Math.min(first.value.byteLength, 4096)),
    totalBytes,
    bytesRead: () => bytesRead,
  };
}

export function openSource(source: DocumentSource): Promise<DocumentInput> {
  if (typeof source === 'string') source = Buffer.from(source, 'utf8');
  if (source instanceof Uint8Array) return open(only(source), source.byteLength);
  return open(source);
}

export async function openFile(file: string): Promise<DocumentInput> {
  try {
    const { size } = await stat(file);
    return await open(createReadStream(file, { highWaterMark: FILE_CHUNK_BYTES }), size);
  } catch (error) {
    throw new DocumentError(file, 0, `cannot read the file: ${(error as Error).message}`);
  }
}
