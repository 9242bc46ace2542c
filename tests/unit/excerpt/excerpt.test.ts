import {
  detectBodyFormat,
  excerptFromBody,
  excerptFromText,
  graphemeLength,
  isCustomExcerpt,
  resolveExcerpt,
  type BodyFormat,
} from '../../../src/plugins/newsroom/server/src/lib/excerpt';

const SUFFIX = '\u00A0\u2026';
const FORMATS: BodyFormat[] = ['text', 'markdown', 'html', 'blocks'];
const long = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(20).trim();

describe('excerptFromBody', () => {
  it('gives the same excerpt for the same content in every format', () => {
    const bodies: Record<BodyFormat, unknown> = {
      text: `Title\n\n${long}`,
      markdown: `# Title\n\n${long}`,
      html: `<h1>Title</h1><p>${long}</p>`,
      blocks: [
        { type: 'heading', level: 1, children: [{ type: 'text', text: 'Title' }] },
        { type: 'paragraph', children: [{ type: 'text', text: long }] },
      ],
    };
    const expected = excerptFromText(`Title\n\n${long}`);
    expect(expected.endsWith(SUFFIX)).toBe(true);
    expect(graphemeLength(expected.slice(0, -SUFFIX.length))).toBeLessThanOrEqual(500);
    for (const format of FORMATS) expect(excerptFromBody(bodies[format], format)).toBe(expected);
  });

  it('never throws on bad bodies, whatever the format', () => {
    const junk: unknown[] = [
      null,
      undefined,
      0,
      42,
      Number.NaN,
      true,
      {},
      [],
      [null, 1, 'x', [], {}],
      { type: 'paragraph', children: [{ type: 'text', text: 'object body' }] },
      '',
      '[{broken json',
      '<p>unclosed <b>bold <i>and <div>more',
      '<<<>>><//><!-- never closed',
      '\u0000\uFFFF\uD800 lone surrogate',
      '>'.repeat(10_000),
      '*'.repeat(3_000),
      Symbol('s'),
      () => 'fn',
    ];
    for (const body of junk) {
      for (const format of FORMATS) expect(typeof excerptFromBody(body, format)).toBe('string');
    }
    expect(excerptFromBody(null, 'html')).toBe('');
    expect(excerptFromBody(42, 'markdown')).toBe('');
    expect(excerptFromBody('[{broken json', 'blocks')).toBe('');
    expect(excerptFromBody('<p>unclosed <b>bold', 'html')).toBe('unclosed bold');
  });

  it('reads a parsed JSON body as Blocks whatever the format says', () => {
    const body = [{ type: 'paragraph', children: [{ type: 'text', text: 'blocks' }] }];
    expect(excerptFromBody(body, 'markdown')).toBe('blocks');
  });

  it('reads a text body whose first megabytes hold no text', () => {
    expect(excerptFromBody(`${' '.repeat(3_000_000)}late text`, 'text')).toBe('late text');
    expect(excerptFromBody(`<div>${'<span></span>'.repeat(100_000)}</div><p>late text</p>`, 'html')).toBe('late text');
  });
});

describe('resolveExcerpt', () => {
  const body = [{ type: 'paragraph', children: [{ type: 'text', text: long }] }];

  it('serves the custom excerpt trimmed, never cut', () => {
    const custom = `  ${'Custom words. '.repeat(100)}  `;
    expect(resolveExcerpt({ customExcerpt: custom, body, format: 'blocks' })).toBe(custom.trim());
  });

  it('generates the excerpt when the custom one is missing or blank', () => {
    const generated = excerptFromBody(body, 'blocks');
    for (const customExcerpt of [undefined, null, '', '   \n\t\u00A0']) {
      expect(resolveExcerpt({ customExcerpt, body, format: 'blocks' })).toBe(generated);
    }
  });

  it('passes the options on, and validates them even for a custom excerpt', () => {
    expect(resolveExcerpt({ body, format: 'blocks' }, { maxLength: 11, suffix: '...' })).toBe('Lorem ipsum...');
    expect(() => resolveExcerpt({ customExcerpt: 'mine', body, format: 'blocks' }, { maxLength: 0 })).toThrow(
      RangeError,
    );
  });

  it('tells custom excerpts apart', () => {
    expect(isCustomExcerpt(' mine ')).toBe(true);
    expect(isCustomExcerpt(' \u00A0')).toBe(false);
    expect(isCustomExcerpt(null)).toBe(false);
  });
});

describe('detectBodyFormat', () => {
  it('recognises Blocks as arrays, objects and JSON array strings', () => {
    expect(detectBodyFormat([])).toBe('blocks');
    expect(detectBodyFormat({ type: 'paragraph' })).toBe('blocks');
    expect(detectBodyFormat('  [{"type":"paragraph","children":[]}]')).toBe('blocks');
    expect(detectBodyFormat('[]')).toBe('blocks');
  });

  it('recognises HTML by a leading tag and a block tag', () => {
    expect(detectBodyFormat('<p>Hello</p>')).toBe('html');
    expect(detectBodyFormat('\n<!DOCTYPE html><html><body><div>x</div></body></html>')).toBe('html');
    expect(detectBodyFormat('<h2>Title</h2>text')).toBe('html');
  });

  it('takes other strings for Markdown', () => {
    expect(detectBodyFormat('# Title\n\ntext')).toBe('markdown');
    expect(detectBodyFormat('Just plain text.')).toBe('markdown');
    expect(detectBodyFormat('<b>Bold</b> opening, no block tag')).toBe('markdown');
    expect(detectBodyFormat('[a link](http://x) first')).toBe('markdown');
    expect(detectBodyFormat('<param name="p"> is not a block tag')).toBe('markdown');
  });

  it('takes anything else for text', () => {
    expect(detectBodyFormat(null)).toBe('text');
    expect(detectBodyFormat(undefined)).toBe('text');
    expect(detectBodyFormat(42)).toBe('text');
  });
});
