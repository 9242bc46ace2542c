import { excerptFromBody } from '../../../src/plugins/newsroom/server/src/lib/excerpt';
import { extractBlocks } from '../../../src/plugins/newsroom/server/src/lib/excerpt/blocks-to-text';

const text = (body: unknown): string => excerptFromBody(body, 'blocks', { maxLength: 100_000 });

const t = (value: string, marks: Record<string, boolean> = {}) => ({ type: 'text', text: value, ...marks });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children });
const item = (...children: unknown[]) => ({ type: 'list-item', children });

describe('Strapi Blocks bodies', () => {
  it('reads every block as a paragraph', () => {
    const body = [
      { type: 'heading', level: 2, children: [t('Heading')] },
      paragraph(t('Plain, '), t('bold', { bold: true }), t(' and '), t('italic', { italic: true, underline: true })),
      { type: 'quote', children: [t('A quote')] },
      { type: 'code', language: 'js', children: [t('const a = 1;\nconst b = 2;')] },
    ];
    expect(text(body)).toBe('Heading\n\nPlain, bold and italic\n\nA quote\n\nconst a = 1;\nconst b = 2;');
  });

  it('gives links their text', () => {
    expect(
      text([
        paragraph(t('See '), { type: 'link', url: 'https://x.y', children: [t('the docs', { bold: true })] }, t('.')),
      ]),
    ).toBe('See the docs.');
  });

  it('gives one line per list item, nested lists included', () => {
    const body = [
      paragraph(t('Intro')),
      {
        type: 'list',
        format: 'unordered',
        children: [
          item(t('one')),
          item(t('two')),
          { type: 'list', format: 'ordered', indentLevel: 1, children: [item(t('nested a')), item(t('nested b'))] },
          item(t('three')),
        ],
      },
      paragraph(t('End')),
    ];
    expect(text(body)).toBe('Intro\n\none\ntwo\nnested a\nnested b\nthree\n\nEnd');
  });

  it('skips images', () => {
    const image = { type: 'image', image: { url: '/a.png', alternativeText: 'alt' }, children: [t('')] };
    expect(text([paragraph(t('Before')), image, paragraph(t('After'))])).toBe('Before\n\nAfter');
  });

  it('keeps newlines typed inside a text node as line breaks', () => {
    expect(text([paragraph(t('line one\nline two'))])).toBe('line one\nline two');
  });

  it('accepts the body as a JSON string', () => {
    expect(text(JSON.stringify([paragraph(t('From JSON'))]))).toBe('From JSON');
  });

  it('reads an invalid JSON string, null and non-arrays as empty, without throwing', () => {
    expect(text('[{"type": "paragraph", "children": [')).toBe('');
    expect(text('not json at all')).toBe('');
    expect(text(null)).toBe('');
    expect(text(undefined)).toBe('');
    expect(text(42)).toBe('');
    expect(text('"a JSON string"')).toBe('');
  });

  it('reads unknown blocks and inline nodes for their text', () => {
    const body = [
      { type: 'callout', children: [t('Callout'), { type: 'mention', children: [t(' @someone')] }] },
      { type: 'paragraph', children: [{ type: 'footnote', children: [{ text: 'note' }] }] },
      { type: 'paragraph', children: 'not an array', text: 'fallback text' },
      { type: 'paragraph' },
      'a stray string',
      7,
      null,
      [[paragraph(t('nested array'))]],
    ];
    expect(text(body)).toBe('Callout @someone\n\nnote\n\nfallback text\n\nnested array');
  });

  it('survives deep nesting and cycles', () => {
    let deep: unknown = t('bottom');
    for (let depth = 0; depth < 100_000; depth += 1) deep = { type: 'paragraph', children: [deep] };
    expect(text([deep])).toBe('bottom');
    const cyclic: { type: string; children: unknown[] } = { type: 'paragraph', children: [t('loop')] };
    cyclic.children.push(cyclic);
    expect(text([cyclic, cyclic])).toBe('loop');
  });

  it('stops walking once enough text is gathered', () => {
    const body = Array.from({ length: 100_000 }, (_, i) => paragraph(t(`Paragraph number ${i}.`)));
    const partial = extractBlocks(body, 300);
    expect(partial.complete).toBe(false);
    expect(partial.normalized.startsWith('Paragraph number 0.\n\nParagraph number 1.')).toBe(true);
    expect(partial.normalized.length).toBeLessThan(400);
  });
});
