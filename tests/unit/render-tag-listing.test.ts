import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { normaliseForKey } from '../../src/plugins/newsroom/server/src/lib/import/import-key';
import { parseTagListing } from '../../src/plugins/newsroom/server/src/lib/import/parse-tag-listing';
import { renderTagListing } from '../../src/plugins/newsroom/server/src/lib/render-tag-listing';

const seedBytes = readFileSync(join(__dirname, '../../database/seed-documents/us-led-coalition.txt'));
const parse = (text: string) => parseTagListing(text, { file: 'rendered.txt' });

describe('renderTagListing', () => {
  it('reproduces the seed document byte for byte', () => {
    const parsed = parse(seedBytes.toString('utf8'));
    const rendered = renderTagListing(
      parsed.tag,
      parsed.items.map((item) => ({ title: item.title, excerpt: item.excerpt! })),
    );
    expect(Buffer.from(rendered, 'utf8').equals(seedBytes)).toBe(true);
  });

  it('writes the format with no final newline', () => {
    expect(renderTagListing('Syria', [{ title: 'One', excerpt: 'First.\n\nSecond\u00A0\u2026' }, { title: 'Two', excerpt: 'Text' }])).toBe(
      'Contents tagged with Syria\n\n  • One\n\n    First.\n\n    Second\u00A0\u2026\n\n  • Two\n\n    Text',
    );
  });

  it('indents the continuation lines of a paragraph wrapped with a single newline', () => {
    const rendered = renderTagListing('Syria', [{ title: 'One', excerpt: 'line one\nline two\n\nnext' }]);
    expect(rendered).toBe('Contents tagged with Syria\n\n  • One\n\n    line one\n    line two\n\n    next');
    expect(parse(rendered).items[0].paragraphs).toEqual(['line one line two', 'next']);
  });

  it('turns line breaks and control characters in names into spaces, keeping one line', () => {
    const rendered = renderTagListing('Tag\nname', [{ title: 'a\nb\r\nc\td\u0007e', excerpt: 'x' }]);
    expect(rendered.split('\n').slice(0, 3)).toEqual(['Contents tagged with Tag name', '', '  • a b  c d e']);
    expect(parse(rendered)).toMatchObject({ tag: 'Tag name', items: [{ title: 'a b  c d e' }] });
  });

  it('turns control characters in an excerpt into spaces, keeping tabs and newlines', () => {
    // ESC would start a terminal escape sequence in `curl …/tag.txt`; form feed and backspace rewrite the screen.
    const rendered = renderTagListing('Syria', [{ title: 'One', excerpt: 'a\u001b[2Jb\tc\u000cd\u0008e\u007ff\u009bg\nh' }]);
    expect(rendered).toBe('Contents tagged with Syria\n\n  • One\n\n    a [2Jb\tc d e f g\n    h');
    expect(rendered).not.toMatch(/[^\P{Cc}\t\n]/u);
  });

  it('treats CR and CRLF in an excerpt as newlines, so they cannot break a line unindented', () => {
    const rendered = renderTagListing('Syria', [{ title: 'One', excerpt: 'a\r\n\r\nb\rc' }]);
    expect(rendered).toBe('Contents tagged with Syria\n\n  • One\n\n    a\n\n    b\n    c');
  });
});

describe('renderTagListing round trip (property)', () => {
  // Text as the parser keeps it: no control characters, no U+FFFD, trimmed, not empty.
  const clean = (max: number) =>
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: max })
      .map((value) => value.replace(/[\p{Cc}\uFFFD]/gu, ' ').trim())
      .filter((value) => value !== '' && value.length <= max);
  const excerpt = fc
    .tuple(fc.array(clean(80), { minLength: 1, maxLength: 4 }), fc.constantFrom('', '\u2026', ' \u2026', '\u00A0\u2026'))
    .map(([paragraphs, ellipsis]) => paragraphs.join('\n\n') + ellipsis)
    .filter((value) => value.replace(/\u2026$/, '').trim() !== '');
  const item = fc.record({ title: clean(300), excerpt });
  // Titles unique up to spacing, so no two items are the same article.
  const items = fc.uniqueArray(item, { minLength: 1, maxLength: 6, selector: (it) => normaliseForKey(it.title) });

  it('parses back to the same tag, titles and excerpts', () => {
    fc.assert(
      fc.property(clean(255), items, (tag, listed) => {
        const parsed = parse(renderTagListing(tag, listed));
        expect(parsed.tag).toBe(tag);
        expect(parsed.items.map((it) => ({ title: it.title, excerpt: it.excerpt ?? it.text }))).toEqual(listed);
      }),
      { numRuns: 300 },
    );
  });
});
