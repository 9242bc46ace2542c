import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DocumentError } from '../../../src/plugins/newsroom/server/src/lib/import/document-error';
import { parseTagListingBuffer } from '../../../src/plugins/newsroom/server/src/lib/import/parse-tag-listing';
import { apply, mutation } from '../../helpers/seed-mutations';

/*
 * Mutates the seed document at random and checks that the parser either
 * returns a well-formed listing or throws a DocumentError pointing inside the
 * document, never anything else.
 */

const seed = readFileSync(join(__dirname, '../../../database/seed-documents/us-led-coalition.txt'));
const file = 'fuzz.txt';

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
