import { excerptFromBody, normalizeText } from '../../../src/plugins/newsroom/server/src/lib/excerpt';

describe('normalizeText (plain text)', () => {
  it('separates paragraphs by exactly one blank line', () => {
    expect(normalizeText('one\n\n\n\ntwo\n \t \nthree')).toBe('one\n\ntwo\n\nthree');
  });

  it('joins soft-wrapped lines inside a paragraph with a space', () => {
    expect(normalizeText('a soft\nwrapped\r\nline\rhere')).toBe('a soft wrapped line here');
  });

  it('collapses runs of spaces and tabs, but not NO-BREAK SPACE', () => {
    expect(normalizeText('a  \t b\u00A0\u00A0c \u00A0 d')).toBe('a b\u00A0\u00A0c \u00A0 d');
  });

  it('trims paragraphs and drops empty ones', () => {
    expect(normalizeText('  \n\n  first  \n\n\u00A0\n\n   \n\n  second\u00A0\n  ')).toBe('first\n\nsecond');
    expect(normalizeText('')).toBe('');
    expect(normalizeText(' \n\t\n ')).toBe('');
  });

  it('is idempotent', () => {
    const once = normalizeText(' a \n b \n\n\n c\u00A0 d ');
    expect(normalizeText(once)).toBe(once);
  });

  it('is what a text body is read as', () => {
    expect(excerptFromBody('x &amp; <b>y</b>\nz', 'text', { maxLength: 100 })).toBe('x &amp; <b>y</b> z');
  });
});
