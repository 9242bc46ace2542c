import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentError } from '../../../src/plugins/newsroom/server/src/lib/import/document-error';
import {
  parseTagListing,
  parseTagListingBuffer,
  type TagListing,
} from '../../../src/plugins/newsroom/server/src/lib/import/parse-tag-listing';

const SEED_PATH = join(__dirname, '../../../database/seed-documents/us-led-coalition.txt');
const seedBytes = readFileSync(SEED_PATH);
const seedText = seedBytes.toString('utf8');
const file = 'us-led-coalition.txt';

function parse(text: string, maxBytes?: number): TagListing {
  return parseTagListing(text, { file, maxBytes });
}

/** The DocumentError thrown by `run`, failing the test if it throws nothing or something else. */
function documentError(run: () => unknown): DocumentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentError);
    return error as DocumentError;
  }
  throw new Error('expected a DocumentError');
}

const doc = (...lines: string[]): string => lines.join('\n');

describe('parseTagListing on the seed document', () => {
  const listing = parse(seedText);

  it('reads the tag and the ten items at their bullet lines', () => {
    expect(listing.tag).toBe('US-led coalition');
    expect(listing.items.map((item) => item.line)).toEqual([3, 11, 19, 23, 29, 33, 41, 49, 55, 63]);
    expect(listing.items.map((item) => item.paragraphs.length)).toEqual([3, 3, 1, 2, 1, 3, 3, 2, 3, 3]);
    expect(listing.items[0].title).toBe('U.S. coalition conducts new air attack on Syrian army in Deir ez Zor');
    expect(listing.items[9].title).toBe('Kremlin: Pentagon took credit for Russia\'s and Syria\u2019s victory over ISIS');
  });

  it('marks every item truncated: text without the ellipsis, excerpt exactly as listed', () => {
    for (const item of listing.items) {
      expect(item.truncated).toBe(true);
      expect(item.excerpt).toBe(item.paragraphs.join('\n\n'));
      expect(item.excerpt!.endsWith('\u00A0\u2026')).toBe(true);
      expect(item.text).toBe(item.excerpt!.slice(0, -2));
      expect(item.text).not.toMatch(/[\s\u2026]$/u);
    }
    expect(listing.items[6].text.endsWith('Commenting on the')).toBe(true);
  });

  it('keeps NBSP, curly quotes and en dashes inside paragraphs untouched', () => {
    const [first, , third] = listing.items;
    expect(first.paragraphs[1]).toBe(
      'Last week, the Euphrate Post reported that the Coalition\u00A0struck at the Syrian Army and its allies on the western bank of the Euphrates River.',
    );
    expect(third.text).toContain('territory. \u00A0\u201CThere are Special Forces on the ground in Syria from the US \u2013 they no longer deny it');
  });

  it('parses the bytes the same way as the decoded text', () => {
    expect(parseTagListingBuffer(seedBytes, { file })).toEqual(listing);
  });
});

describe('parseTagListing tolerates', () => {
  const expected = parse(seedText);

  it.each([
    ['a UTF-8 BOM and CRLF line endings', '\uFEFF' + seedText.replace(/\n/g, '\r\n')],
    ['lone CR line endings', seedText.replace(/\n/g, '\r')],
    ['a final newline and trailing spaces', seedText.replace(/\n/g, '  \n') + '\n'],
    ['tabs for indentation', seedText.replace(/^ {4}/gm, '\t\t').replace(/^ {2}•/gm, '\t•')],
  ])('%s', (_name, text) => {
    expect(parse(text)).toEqual(expected);
  });

  it('extra blank lines (with spaces) before the header and between blocks', () => {
    const spaced = '\n \n' + seedText.replace(/\n\n/g, '\n\n \n\t\n');
    expect(parse(spaced)).toEqual({
      tag: expected.tag,
      // Every other line of the seed is blank; each blank line gained two more.
      items: expected.items.map((item) => ({ ...item, line: item.line + 2 + (item.line - 1) })),
    });
  });

  it('bullets at any indentation, with text indented more than the bullet', () => {
    const listing = parse(doc('Contents tagged with Syria', '', '• First', '', '\t\tText one', '', ' \t•   Second  ', '', '\t\t\tText two'));
    expect(listing.items.map(({ title, text }) => ({ title, text }))).toEqual([
      { title: 'First', text: 'Text one' },
      { title: 'Second', text: 'Text two' },
    ]);
  });

  it('a paragraph wrapped over several lines, joined with one space', () => {
    const listing = parse(doc('Contents tagged with Syria', '', '  • Title', '', '    First line  ', '      second line', '\tthird line', '', '    Next paragraph'));
    expect(listing.items[0].paragraphs).toEqual(['First line second line third line', 'Next paragraph']);
    expect(listing.items[0].text).toBe('First line second line third line\n\nNext paragraph');
  });

  it('a "•" list inside the text when it is indented like the text', () => {
    const listing = parse(doc('Contents tagged with Syria', '', '  • Title', '', '    • point one', '', '    Closing', '', '  • Next', '', '    Text'));
    expect(listing.items.map((item) => item.title)).toEqual(['Title', 'Next']);
    expect(listing.items[0].paragraphs).toEqual(['• point one', 'Closing']);
  });

  it('internal spacing as written, trimming only line ends', () => {
    const listing = parse(doc('Contents tagged with  Tag  name ', '', '  • A  title', '', '    two  spaces\u00A0\u00A0and NBSPs'));
    expect(listing.tag).toBe('Tag  name');
    expect(parse(doc('Contents tagged with a\u2028b', '', '  • T', '', '    x')).tag).toBe('a\u2028b');
    expect(listing.items[0]).toMatchObject({ title: 'A  title', text: 'two  spaces\u00A0\u00A0and NBSPs' });
  });

  it.each([
    ['directly after a word', 'cut here\u2026', 'cut here'],
    ['after a space', 'cut here \u2026', 'cut here'],
    ['after an NBSP', 'cut here\u00A0\u2026', 'cut here'],
    ['alone in the last paragraph', 'cut here\n\n    \u2026', 'cut here'],
  ])('an ellipsis %s', (_name, paragraph, text) => {
    const item = parse(doc('Contents tagged with Syria', '', '  • Title', '', `    ${paragraph}`)).items[0];
    expect(item).toMatchObject({ truncated: true, text });
    expect(item.excerpt).toBe(item.paragraphs.join('\n\n'));
  });

  it('an item that is not truncated: excerpt null, text as listed', () => {
    const item = parse(doc('Contents tagged with Syria', '', '  • Title', '', '    Whole story.', '', '    The end.')).items[0];
    expect(item).toMatchObject({ truncated: false, excerpt: null, text: 'Whole story.\n\nThe end.' });
  });

  it('the same title twice with different texts', () => {
    const listing = parse(doc('Contents tagged with Syria', '', '  • Title', '', '    One', '', '  • Title', '', '    Two'));
    expect(listing.items).toHaveLength(2);
  });
});

describe('parseTagListing refuses', () => {
  const header = 'Contents tagged with Syria';

  it.each([
    ['an empty file', '', 0, 'document is empty'],
    ['only whitespace and a BOM', '\uFEFF \n\t\r\n', 0, 'document is empty'],
    ['a wrong header', doc('Tagged: Syria', '', '  • T', '', '    x'), 1, 'expected the header "Contents tagged with <tag name>"'],
    ['a wrong header after blank lines', doc('', '', '  • T', '', '    x'), 3, 'expected the header'],
    ['an empty tag name', doc('Contents tagged with  ', '', '  • T', '', '    x'), 1, 'tag name is empty'],
    ['text before the first item', doc(header, '', 'Intro', '', '  • T', '', '    x'), 3, 'text before the first item'],
    ['an item without text', doc(header, '', '  • First', '', '  • Second', '', '    x'), 3, 'item has no text'],
    ['a last item without text', doc(header, '', '  • First', '', '    x', '', '  • Last'), 7, 'item has no text'],
    ['an item that is only an ellipsis', doc(header, '', '  • T', '', '    \u00A0\u2026'), 3, 'only an ellipsis'],
    ['an empty title', doc(header, '', '  •   ', '', '    x'), 3, 'title is empty'],
    ['a control character in a title', doc(header, '', '  • a\u0007b', '', '    x'), 3, 'title contains a control character (U+0007)'],
    ['no items', doc(header, '', ''), 0, 'no items'],
    ['text not indented more than its bullet', doc(header, '', '  • T', '', '  x'), 5, "indented more than its item's bullet (line 3)"],
    ['a NUL byte', doc(header, '', '  • T', '', '    x\u0000y'), 5, 'binary data (NUL byte)'],
    ['mostly control characters', doc(header, '', '  • T', '', '    \u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008'), 0, 'binary data ('],
    ['a U+FFFD from lenient decoding', doc(header, '', '  • T', '', '    caf\uFFFD'), 5, 'invalid UTF-8'],
  ])('%s', (_name, text, line, problem) => {
    const error = documentError(() => parse(text));
    expect(error.line).toBe(line);
    expect(error.problem).toContain(problem);
    expect(error.message).toBe(`${file}:${line}: ${error.problem}`);
  });

  it('a duplicate item (same title and text, spacing aside)', () => {
    const text = doc(header, '', '  • Title', '', '    Same\u00A0text \u2026', '', '  • Title', '', '    Same text', '', '    \u2026');
    const error = documentError(() => parse(text));
    expect(error.line).toBe(7);
    expect(error.problem).toBe('duplicate item, same as line 3');
  });

  it('a title over 300 UTF-16 code units, as Strapi counts them', () => {
    const withTitle = (title: string): string => doc(header, '', `  • ${title}`, '', '    x');
    expect(parse(withTitle('a'.repeat(300))).items[0].title).toHaveLength(300);
    expect(parse(withTitle('\u{1F600}'.repeat(150))).items).toHaveLength(1);
    const error = documentError(() => parse(withTitle('\u{1F600}'.repeat(151))));
    expect(error.line).toBe(3);
    expect(error.problem).toBe('title is 302 characters long (UTF-16 code units, as Strapi counts them), over the limit of 300');
  });

  it('a tag name over 255 characters', () => {
    const error = documentError(() => parse(doc(`Contents tagged with ${'t'.repeat(256)}`, '', '  • T', '', '    x')));
    expect(error.line).toBe(1);
    expect(error.problem).toContain('over the limit of 255');
  });

  it('text over the size limit, counted in UTF-8 bytes', () => {
    const text = doc(header, '', '  • T', '', '    \u00E9\u00E9');
    const bytes = Buffer.byteLength(text);
    expect(parse(text, bytes).items).toHaveLength(1);
    const error = documentError(() => parse(text, bytes - 1));
    expect(error.line).toBe(0);
    expect(error.problem).toBe(`document is ${bytes} bytes, over the limit of ${bytes - 1} bytes`);
  });
});

describe('parseTagListingBuffer', () => {
  const header = Buffer.from('Contents tagged with Syria\r\n\r\n  \u2022 T\r\n\r\n');

  it('locates the first invalid UTF-8 byte, CRLF counting as one line break', () => {
    const bytes = Buffer.concat([header, Buffer.from('    ok\r\n    bad '), Buffer.from([0xc3, 0x28])]);
    const error = documentError(() => parseTagListingBuffer(bytes, { file }));
    expect(error.line).toBe(6);
    expect(error.problem).toBe('invalid UTF-8');
  });

  it('skips a genuine U+FFFD before the invalid byte', () => {
    const bytes = Buffer.concat([header, Buffer.from('    \uFFFD\r    x'), Buffer.from([0xff])]);
    expect(documentError(() => parseTagListingBuffer(bytes, { file })).line).toBe(6);
  });

  it('checks the size before decoding', () => {
    const bytes = Buffer.concat([header, Buffer.from([0xff])]);
    const error = documentError(() => parseTagListingBuffer(bytes, { file, maxBytes: 10 }));
    expect(error.line).toBe(0);
    expect(error.problem).toContain('over the limit of 10 bytes');
  });

  it('accepts a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seedBytes]);
    expect(parseTagListingBuffer(bytes, { file }).items).toHaveLength(10);
  });
});
