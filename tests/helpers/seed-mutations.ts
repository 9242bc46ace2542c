import fc from 'fast-check';

/*
 * Random edits of a document's bytes, weighted towards the edits that keep
 * it mostly well formed, for fuzz tests of the importer (the parser alone in
 * tests/unit/import/fuzz.test.ts, the whole import in
 * tests/integration/import-bad-input.test.ts).
 */

export type Mutation =
  | { kind: 'delete-line' | 'duplicate-line' | 'truncate'; at: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'insert-line' | 'insert-text'; at: number; text: string }
  | { kind: 'insert-bytes'; at: number; bytes: Uint8Array };

const SPECIAL = ['\u0000', '\uFEFF', '\r', '\r\n', '\n', '\t', '\u00A0', '\u2026', '\u2022', '  • ', '    ', '\uFFFD', '\u2028', '\u0007', 'W'.repeat(301)];

// Structural edits are weighted up: random bytes are mostly invalid UTF-8,
// which stops the parser before it looks at the structure.
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
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

export function apply(bytes: Buffer, m: Mutation): Buffer {
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
