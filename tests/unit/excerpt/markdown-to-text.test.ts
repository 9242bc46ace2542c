import { excerptFromBody } from '../../../src/plugins/newsroom/server/src/lib/excerpt';
import { extractMarkdown } from '../../../src/plugins/newsroom/server/src/lib/excerpt/markdown-to-text';

const text = (markdown: string): string => excerptFromBody(markdown, 'markdown', { maxLength: 100_000 });

describe('Markdown bodies', () => {
  it('reads headings and paragraphs as paragraphs', () => {
    expect(text('# Title\n\nFirst paragraph.\n\n## Section\nSecond paragraph.')).toBe(
      'Title\n\nFirst paragraph.\n\nSection\n\nSecond paragraph.',
    );
    expect(text('Setext title\n============\n\nBody')).toBe('Setext title\n\nBody');
  });

  it('joins soft-wrapped lines with a space and keeps hard breaks', () => {
    expect(text('one\ntwo\nthree')).toBe('one two three');
    expect(text('one  \ntwo\\\nthree')).toBe('one\ntwo\nthree');
  });

  it('gives one line per list item, nested and loose lists included', () => {
    expect(text('Intro\n\n- one\n- two\n  - nested\n- three\n\nEnd')).toBe('Intro\n\none\ntwo\nnested\nthree\n\nEnd');
    expect(text('1. first\n\n2. second\n\n   more of second')).toBe('first\nsecond\nmore of second');
    expect(text('- [x] done\n- [ ] todo')).toBe('done\ntodo');
  });

  it('reads blockquotes, code blocks and tables', () => {
    expect(text('> quoted *text*\n>\n> again')).toBe('quoted text\n\nagain');
    expect(text('```js\nconst a = 1;\n  const b = 2;\n```')).toBe('const a = 1;\nconst b = 2;');
    expect(text('    indented code')).toBe('indented code');
    expect(text('| a | b |\n|---|---|\n| 1 | 2 |')).toBe('a b\n1 2');
  });

  it('keeps the text of emphasis, links and code spans, and skips images', () => {
    expect(
      text('Some *em*, __strong__, ~~del~~, `code <b>`, [a link](http://x.y "t") and ![an image](i.png) end'),
    ).toBe('Some em, strong, del, code <b>, a link and end');
    expect(text('Auto link https://example.com and <https://example.org>')).toBe(
      'Auto link https://example.com and https://example.org',
    );
    expect(text('[ref link][1] and [sic]\n\n[1]: http://example.com')).toBe('ref link and [sic]');
  });

  it('decodes entities as a browser shows marked’s output, and keeps escapes literal', () => {
    expect(text('Tom &amp; Jerry&#8217;s &copy; &nbsp;x')).toBe('Tom & Jerry’s © \u00A0x');
    expect(text('a & b, AT&T, &copy without semicolon')).toBe('a & b, AT&T, &copy without semicolon');
    expect(text('\\*not em\\* and \\&amp; and `&amp;`')).toBe('*not em* and &amp; and &amp;');
  });

  it('reads HTML inside Markdown through the HTML reader', () => {
    expect(text('<div>block <b>html</b></div>\n\nAfter')).toBe('block html\n\nAfter');
    expect(text('Inline <span>html</span> and <script>alert(1)</script> skipped<br>next line')).toBe(
      'Inline html and skipped\nnext line',
    );
    expect(text('Before\n\n<figure><img src="x"><figcaption>caption</figcaption></figure>\n\nAfter')).toBe(
      'Before\n\nAfter',
    );
  });

  it('lexes only a prefix, and never trusts the block the prefix cuts', () => {
    const paragraph = 'word '.repeat(60).trim();
    const source = `${paragraph}\n\n`.repeat(1000);
    const partial = extractMarkdown(source, 1000);
    expect(partial.complete).toBe(false);
    expect(partial.normalized.length).toBeGreaterThanOrEqual(1000);
    expect(source.startsWith(partial.normalized)).toBe(true);
    // A paragraph the prefix would cut before its setext underline.
    const setext = `${'intro '.repeat(100)}\n\n${'Heading words '.repeat(200)}\n===\n\nbody`;
    const read = extractMarkdown(setext, 300);
    expect(read.normalized).toBe('intro '.repeat(100).trim());
  });

  it('reads pathologically nested Markdown without throwing', () => {
    expect(text(`${'>'.repeat(5000)} deep`)).toContain('deep');
    expect(() => text('- '.repeat(3000))).not.toThrow();
  });
});
