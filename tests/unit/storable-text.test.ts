import fc from 'fast-check';
import { storable, storableText } from '../../src/plugins/newsroom/server/src/lib/storable-text';

const isWellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('storableText', () => {
  it('drops NUL, which PostgreSQL cannot store', () => {
    expect(storableText('a\u0000b\u0000')).toBe('ab');
  });

  it('writes a lone surrogate as U+FFFD, and keeps pairs', () => {
    expect(storableText('\uD800x\uDFFF\uD83D\uDE00\uDE00')).toBe('\uFFFDx\uFFFD\uD83D\uDE00\uFFFD');
  });

  it('keeps every other character: controls, markup, entities', () => {
    const text = 'Tab\tCR\r\u0001\u001b[31m\u007f\u0085 <script>&amp;</script> 😀';
    expect(storableText(text)).toBe(text);
  });

  it('gives text that survives UTF-8 unchanged (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const clean = storableText(text);
        expect(clean).not.toContain('\u0000');
        expect(isWellFormed(clean)).toBe(true);
        expect(Buffer.from(clean, 'utf8').toString('utf8')).toBe(clean);
        expect(storableText(clean)).toBe(clean);
      }),
      { numRuns: 500 },
    );
  });
});

describe('storable', () => {
  it('cleans every string of a Blocks body and JSON fields, and leaves other values alone', () => {
    const date = new Date(0);
    const data = {
      title: 'T\u0000',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'x\u0000\uD800', bold: true }] }],
      aliases: ['a\u0000'],
      count: 3,
      none: null,
      date,
    };
    expect(storable(data)).toEqual({
      title: 'T',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'x\uFFFD', bold: true }] }],
      aliases: ['a'],
      count: 3,
      none: null,
      date,
    });
    expect(storable(data).date).toBe(date);
  });
});
