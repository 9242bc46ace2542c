import { DocumentError } from '../../../src/plugins/newsroom/server/src/lib/import/document-error';
import { readAll, readLines } from '../../../src/plugins/newsroom/server/src/lib/import/read-stream';

const bytes = (text: string) => Buffer.from(text, 'utf8');
/** The same bytes cut into chunks of `size`, as a stream delivers them. */
const chunked = (data: Buffer, size: number): Buffer[] =>
  Array.from({ length: Math.ceil(data.length / size) }, (_, i) => data.subarray(i * size, (i + 1) * size));
const collect = async (chunks: Iterable<Uint8Array>, maxLineBytes = 100) => {
  const lines = [];
  for await (const line of readLines(chunks, { file: 'f.ndjson', maxLineBytes })) lines.push(line);
  return lines;
};

describe('readLines', () => {
  it.each([1, 2, 3, 7, 1000])('splits LF and CRLF lines, whatever the chunking (%i-byte chunks)', async (size) => {
    const data = bytes('one\r\ntwo\n\nthrée €\nlast without newline');
    expect(await collect(chunked(data, size))).toEqual([
      { line: 1, text: 'one' },
      { line: 2, text: 'two' },
      { line: 3, text: '' },
      { line: 4, text: 'thrée €' },
      { line: 5, text: 'last without newline' },
    ]);
  });

  it('gives no line for an empty input, and none after a final newline', async () => {
    expect(await collect([])).toEqual([]);
    expect(await collect([bytes('a\n')])).toEqual([{ line: 1, text: 'a' }]);
  });

  it('refuses invalid UTF-8 at its line, even split across chunks', async () => {
    const data = Buffer.concat([bytes('fine\nbad '), Buffer.from([0xe2, 0x82]), bytes(' here\n')]);
    await expect(collect(chunked(data, 1))).rejects.toThrow(new DocumentError('f.ndjson', 2, 'invalid UTF-8'));
    // A character split across chunks is not invalid.
    expect(await collect(chunked(bytes('€€€'), 1))).toEqual([{ line: 1, text: '€€€' }]);
  });

  it('stops a line at its limit without reading the rest of it', async () => {
    let chunksRead = 0;
    function* endless(): Generator<Uint8Array> {
      yield bytes('short\n');
      for (;;) {
        chunksRead += 1;
        yield bytes('x'.repeat(64));
      }
    }
    await expect(collect(endless(), 100)).rejects.toThrow(new DocumentError('f.ndjson', 2, 'line is over the limit of 100 bytes'));
    expect(chunksRead).toBe(2);
  });

  it('allows a line of exactly the limit, with or without CR', async () => {
    const exact = 'y'.repeat(100);
    expect(await collect([bytes(`${exact}\r\n${exact}`)])).toEqual([
      { line: 1, text: exact },
      { line: 2, text: exact },
    ]);
  });
});

describe('readAll', () => {
  it('joins the chunks', async () => {
    expect((await readAll(chunked(bytes('hello world'), 3), { file: 'f.txt', maxBytes: 11 })).toString()).toBe('hello world');
  });

  it('refuses a document over the limit as soon as it passes it', async () => {
    let chunksRead = 0;
    function* endless(): Generator<Uint8Array> {
      for (;;) {
        chunksRead += 1;
        yield bytes('z'.repeat(10));
      }
    }
    await expect(readAll(endless(), { file: 'f.txt', maxBytes: 25 })).rejects.toThrow(
      new DocumentError('f.txt', 0, 'document is over the limit of 25 bytes'),
    );
    expect(chunksRead).toBe(3);
  });
});
