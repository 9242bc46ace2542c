import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { excerptFromText, graphemeLength } from '../../../src/plugins/newsroom/server/src/lib/excerpt';

/*
 * The seed tag listing holds excerpts produced by the reference system. Each
 * one, with its suffix removed and a long word appended, must come out of our
 * rule byte for byte.
 */

const SUFFIX = '\u00A0\u2026';
const LONG_WORD = 'Supercalifragilisticexpialidocious';

const listing = readFileSync(join(__dirname, '../../../database/seed-documents/us-led-coalition.txt'), 'utf8');

// `  • <title>` opens an item; its paragraphs are indented by 4 spaces and
// separated by blank lines.
const items = listing
  .split('\n\n  \u2022 ')
  .slice(1)
  .map((item) => {
    const [title, ...paragraphs] = item.split('\n\n');
    return { title, excerpt: paragraphs.map((p) => p.replace(/^ {4}/, '')).join('\n\n') };
  });

describe('seed excerpts (database/seed-documents/us-led-coalition.txt)', () => {
  it('has the 10 items, each ending with the suffix', () => {
    expect(listing.startsWith('Contents tagged with US-led coalition\n')).toBe(true);
    expect(items).toHaveLength(10);
    for (const { excerpt } of items) expect(excerpt.endsWith(SUFFIX)).toBe(true);
  });

  it.each(items.map((item) => [item.title, item.excerpt]))('reproduces “%s”', (_title, excerpt) => {
    const text = excerpt.slice(0, -SUFFIX.length);
    const actual = excerptFromText(`${text} ${LONG_WORD}`);
    if (actual !== excerpt) {
      // Show where they part, with invisible characters made visible.
      let at = 0;
      while (actual[at] === excerpt[at]) at += 1;
      const near = (value: string) => JSON.stringify(value.slice(Math.max(0, at - 20), at + 20));
      throw new Error(`differs at ${at}: expected ${near(excerpt)}, got ${near(actual)}`);
    }
    expect(Buffer.from(actual, 'utf8').equals(Buffer.from(excerpt, 'utf8'))).toBe(true);
  });

  it('cuts at 489 to 499 graphemes before the suffix', () => {
    const lengths = items.map(({ excerpt }) => graphemeLength(excerpt.slice(0, -SUFFIX.length)));
    expect(lengths).toEqual([494, 498, 489, 497, 497, 498, 498, 499, 496, 498]);
    for (const length of lengths) {
      expect(length).toBeGreaterThanOrEqual(489);
      expect(length).toBeLessThanOrEqual(499);
    }
  });
});
