import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DocumentError } from '../../../src/plugins/newsroom/server/src/lib/import/document-error';
import { parseTagListingBuffer } from '../../../src/plugins/newsroom/server/src/lib/import/parse-tag-listing';

/*
 * Mutates the seed document at random and checks that the parser either
 * returns a well-formed listing or throws a DocumentError pointing inside the
 * document, never anything else.
 */

const seed = readFileSync(join(__dirname, '../../../database/seed-documents/us-led-coalition.txt'));
const file = 'fuzz.txt';

type Mutation =
  | { kind: 'delete-line' | 'duplicate-line' | 'truncate'; at: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'insert-line' | 'insert-text'; at: number; text: string }
  | { kind: 'insert-bytes'; at: number; bytes: Uint8Array };

const SPECIAL = ['\u0000', '\uFEFF', '\r', '\r\n', '\n', '\t', '\u00A0', '\u2026', '\u2022', '  • ', '    ', '\uFFFD', '\u2028', '\u0007', 'W'.repeat(301)];

// Structural edits are weighted up: random bytes are mostly invalid UTF-8,
// which stops the parser before it looks at the structure.
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const, 'truncate' as const), at: fc.nat() }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom('insert-line' as const, 'insert-text' as const),
      at: fc.nat(),
      text: fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 40 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert-bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }) },
);

/** Lines as byte buffers, split on LF only, so any byte sequence survives a round trip. */
const splitLines = (bytes: Buffer): Buffer[] => {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, i));
    start = i + 1;
  }
  return [...lines, bytes.subarray(start)];
};
const joinLines = (lines: Buffer[]): Buffer => Buffer.concat(lines.flatMap((line, i) => (i === 0 ? [line] : [Buffer.from('\n'), line])));

function apply(bytes: Buffer, m: Mutation): Buffer {
  const lines = splitLines(bytes);
  const line = m.at % lines.length;
  const offset = m.at % (bytes.length + 1);
  switch (m.kind) {
    case 'delete-line':
      return joinLines(lines.filter((_, i) => i !== line));
    case 'duplicate-line':
      return joinLines(lines.flatMap((l, i) => (i === line ? [l, l] : [l])));
    case 'swap-lines': {
      const other = m.other % lines.length;
      return joinLines(lines.map((l, i) => (i === line ? lines[other] : i === other ? lines[line] : l)));
    }
    case 'insert-line':
      return joinLines([...lines.slice(0, line), Buffer.from(m.text), ...lines.slice(line)]);
    case 'insert-text':
      return Buffer.concat([bytes.subarray(0, offset), Buffer.from(m.text), bytes.subarray(offset)]);
    case 'insert-bytes':
      return Buffer.concat([bytes.subarray(0, offset), m.bytes, bytes.subarray(offset)]);
    case 'truncate':
      return bytes.subarray(0, offset);
  }
}

function checkOutcome(bytes: Buffer): void {
  const lineCount = bytes.toString('utf8').split(/\r\n|\r|\n/).length;
  let listing;
  try {
    listing = parseTagListingBuffer(bytes, { file });
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    expect(error.file).toBe(file);
    expect(error.message).toBe(`${file}:${error.line}: ${error.problem}`);
    expect(Number.isInteger(error.line)).toBe(true);
    expect(error.line).toBeGreaterThanOrEqual(0);
    expect(error.line).toBeLessThanOrEqual(lineCount);
    return;
  }
  expect(listing.tag.trim()).not.toBe('');
  expect(listing.items.length).toBeGreaterThan(0);
  for (const item of listing.items) {
    expect(item.title.trim()).not.toBe('');
    expect(item.title.length).toBeLessThanOrEqual(300);
    expect(item.text.trim()).not.toBe('');
    expect(item.line).toBeGreaterThan(0);
    expect(item.line).toBeLessThanOrEqual(lineCount);
  }
}

describe('parseTagListingBuffer under random mutations of the seed', () => {
  it('returns a well-formed listing or throws a located DocumentError', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        checkOutcome(mutations.reduce(apply, seed));
      }),
      { numRuns: 1000 },
    );
  });

  it('handles documents made of random bytes or random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(s))), (bytes) => {
        checkOutcome(Buffer.from(bytes));
      }),
      { numRuns: 500 },
    );
  });
});
