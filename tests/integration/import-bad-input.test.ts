import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { DocumentError } from '../../src/plugins/newsroom/server/src/lib/import';
import { SEED_FILE, isDocumentError, line, rowCounts } from '../helpers/import';
import { apply, mutation } from '../helpers/seed-mutations';
import { useTestApp } from '../helpers/test-app';

const seed = readFileSync(SEED_FILE);
const MB = 1024 * 1024;

// Refusals must leave existing content alone, not just an empty database: the seed is imported first.
const app = useTestApp({ imports: [SEED_FILE] });

/** Imports `source` expecting a refusal; returns it after checking the database is unchanged. */
async function refused(source: string | Buffer, fileName: string): Promise<DocumentError> {
  const before = await rowCounts(app);
  const error = await app.importer()
    .importDocument(source, { fileName })
    .then(
      () => null,
      (caught: unknown) => caught,
    );
  expect(isDocumentError(error)).toBe(true);
  expect(await rowCounts(app)).toEqual(before);
  return error as DocumentError;
}

const located = (error: DocumentError) => ({ file: error.file, line: error.line, problem: error.problem });
const bullet = (title: string, text = 'Some text.') => `  • ${title}\n\n    ${text}`;

describe('a document that is refused, naming the file, the line and the problem, writes nothing', () => {
  it.each([
    ['an empty listing', '', 'empty.txt', 0, 'document is empty'],
    ['an NDJSON file of blank lines', '\n \n', 'blank.ndjson', 0, 'document is empty'],
    ['a wrong header', 'Articles about Syria\n\n' + bullet('Title'), 'header.txt', 1, 'expected the header "Contents tagged with <tag name>"'],
    ['an item without text', `Contents tagged with Syria\n\n${bullet('First')}\n\n  • Second\n\n${bullet('Third')}`, 'no-text.txt', 7, 'item has no text'],
    [
      'a title over 300 characters',
      `Contents tagged with Syria\n\n${bullet('T'.repeat(301))}`,
      'long-title.txt',
      3,
      'title is 301 characters long (UTF-16 code units, as Strapi counts them), over the limit of 300',
    ],
    ['an NDJSON line that is not JSON', `${line({ title: 'Fine', body: 'Fine.' })}\n{"title": "Broken"`, 'broken.ndjson', 2, expect.stringMatching(/^not valid JSON: /)],
    ['an NDJSON line without a title', `${line({ title: 'Fine', body: 'Fine.' })}\n${line({ body: 'No title.' })}`, 'untitled.ndjson', 2, '"title" is required'],
  ])('%s', async (_case, text, fileName, lineNo, problem) => {
    expect(located(await refused(text, fileName))).toEqual({ file: fileName, line: lineNo, problem });
  });

  it('binary junk', async () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 128));
    const error = await refused(junk, 'junk.bin');
    expect(error.problem).toMatch(/binary data/);
  });

  it('invalid UTF-8, in a listing and in an NDJSON file, at its line', async () => {
    const listing = Buffer.concat([Buffer.from('Contents tagged with Syria\n\n  • Title\n\n    Bad '), Buffer.from([0xc3, 0x28]), Buffer.from(' text.')]);
    expect(located(await refused(listing, 'latin1.txt'))).toEqual({ file: 'latin1.txt', line: 5, problem: 'invalid UTF-8' });
    const lines = Buffer.concat([Buffer.from(`${line({ title: 'Fine', body: 'Fine.' })}\n{"title": "Bad`), Buffer.from([0xff]), Buffer.from('", "body": "x"}\n')]);
    expect(located(await refused(lines, 'latin1.ndjson'))).toEqual({ file: 'latin1.ndjson', line: 2, problem: 'invalid UTF-8' });
  });

  it('a listing over the size limit (10 MB, configurable)', async () => {
    const big = `Contents tagged with Big\n\n${bullet('Big', 'x'.repeat(10 * MB))}`;
    expect(located(await refused(big, 'big.txt'))).toEqual({ file: 'big.txt', line: 0, problem: 'document is over the limit of 10485760 bytes' });

    const limits = 'plugin::newsroom.import.maxDocumentBytes';
    app.strapi.config.set(limits, 1000);
    try {
      const error = await refused(Buffer.from(seed), 'seed.txt');
      expect(error.problem).toBe('document is over the limit of 1000 bytes');
    } finally {
      app.strapi.config.set(limits, 10 * MB);
    }
  });

  it('an NDJSON line over the line limit (1 MB), however long the file', async () => {
    const lines = [line({ title: 'Fine', body: 'Fine.' }), line({ title: 'Huge', body: 'x'.repeat(MB) })].join('\n');
    expect(located(await refused(lines, 'huge.ndjson'))).toEqual({ file: 'huge.ndjson', line: 2, problem: 'line is over the limit of 1048576 bytes' });
  });

  it('an error on the last line of a large NDJSON file rolls back every line before it', async () => {
    const good = Array.from({ length: 2400 }, (_, i) =>
      line({ title: `Bulk ${i}`, body: `Body of article ${i}.`, tags: [`Bulk tag ${i % 7}`], sources: ['Reuters', `Outlet ${i % 3}`] }),
    );
    const error = await refused([...good, line({ title: 'Last', body: 'x', bodyFormat: 'pdf' })].join('\n'), 'last-line.ndjson');
    expect(error.line).toBe(2401);
    expect(error.problem).toMatch(/^"bodyFormat" must be one of/);
  });
});

describe('the importer under random mutations of the seed document', () => {
  it('imports, or refuses with a DocumentError and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const bytes = mutations.reduce(apply, seed);
        const before = await rowCounts(app);
        try {
          await app.importer().importDocument(bytes, { fileName: 'fuzz.txt' });
        } catch (error) {
          if (!isDocumentError(error)) throw error;
          expect(error.message).toBe(`fuzz.txt:${error.line}: ${error.problem}`);
          expect(await rowCounts(app)).toEqual(before);
        }
      }),
      { numRuns: 80 },
    );
  });
});
