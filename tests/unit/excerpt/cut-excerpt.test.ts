import {
  DEFAULT_EXCERPT_OPTIONS,
  cutExcerpt,
  excerptFromText,
  graphemeLength,
} from '../../../src/plugins/newsroom/server/src/lib/excerpt';

const SUFFIX = '\u00A0\u2026';

/** A text of exactly `n` graphemes: words of 4 letters and spaces. */
const words = (n: number): string =>
  'abcd '
    .repeat(Math.ceil(n / 5))
    .slice(0, n)
    .replace(/ $/, 'x');

describe('cutExcerpt', () => {
  it('uses maxLength 500 and a NO-BREAK SPACE + ellipsis suffix by default', () => {
    expect(DEFAULT_EXCERPT_OPTIONS).toEqual({ maxLength: 500, suffix: '\u00A0\u2026' });
  });

  it('returns a text that fits whole, without suffix', () => {
    expect(cutExcerpt('Short text.')).toBe('Short text.');
    expect(cutExcerpt('')).toBe('');
  });

  it('returns a text of exactly maxLength graphemes whole', () => {
    const text = words(500);
    expect(graphemeLength(text)).toBe(500);
    expect(cutExcerpt(text)).toBe(text);
  });

  it('cuts a text of maxLength + 1 graphemes at the last word boundary', () => {
    const text = words(501);
    expect(cutExcerpt(text)).toBe(`${text.slice(0, 499).trimEnd()}${SUFFIX}`);
    expect(cutExcerpt('one two three', { maxLength: 12 })).toBe(`one two${SUFFIX}`);
  });

  it('cuts right after a word that ends at the limit', () => {
    expect(cutExcerpt('hello world', { maxLength: 5 })).toBe(`hello${SUFFIX}`);
    expect(cutExcerpt('hello world', { maxLength: 6 })).toBe(`hello${SUFFIX}`);
    expect(cutExcerpt('hello world', { maxLength: 10 })).toBe(`hello${SUFFIX}`);
  });

  it('never cuts inside a word', () => {
    const text = 'The quick brown fox jumps over the lazy dog';
    for (let maxLength = 3; maxLength < text.length; maxLength += 1) {
      const head = cutExcerpt(text, { maxLength }).slice(0, -SUFFIX.length);
      expect(text.startsWith(head)).toBe(true);
      expect([' ', undefined]).toContain(text[head.length]);
    }
  });

  it('keeps ZWJ emoji sequences whole', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
    expect(cutExcerpt(family.repeat(5), { maxLength: 3 })).toBe(family.repeat(3) + SUFFIX);
    expect(cutExcerpt(`ab ${family}${family} cd`, { maxLength: 4 })).toBe(`ab ${family}${SUFFIX}`);
    expect(cutExcerpt(`${family} ${family} ${family}`, { maxLength: 4 })).toBe(`${family} ${family}${SUFFIX}`);
  });

  it('keeps flags whole', () => {
    const flag = '\u{1F1FA}\u{1F1E6}';
    expect(cutExcerpt(flag.repeat(4), { maxLength: 3 })).toBe(flag.repeat(3) + SUFFIX);
    expect(cutExcerpt(`Slava ${flag} ${flag}`, { maxLength: 8 })).toBe(`Slava ${flag}${SUFFIX}`);
  });

  it('keeps combining accents with their letter', () => {
    const e = 'e\u0301';
    expect(cutExcerpt(e.repeat(10), { maxLength: 3 })).toBe(e.repeat(3) + SUFFIX);
    expect(cutExcerpt(`caf${e} caf${e} caf${e}`, { maxLength: 9 })).toBe(`caf${e} caf${e}${SUFFIX}`);
  });

  it('counts a combining mark that follows plain letters with its letter', () => {
    // The run of one-code-unit letters ends where the mark attaches.
    expect(cutExcerpt('abcde\u0301fgh ij', { maxLength: 5 })).toBe(`abcde\u0301${SUFFIX}`);
    expect(cutExcerpt('abcd e\u0301\u0301 fg', { maxLength: 6 })).toBe(`abcd e\u0301\u0301${SUFFIX}`);
    expect(cutExcerpt('\u00A9\uFE0F abc def', { maxLength: 5 })).toBe(`\u00A9\uFE0F abc${SUFFIX}`);
  });

  it('cuts Chinese, which has no spaces, at a word boundary', () => {
    const text = '我们今天去北京大学参观了图书馆和博物馆然后吃了晚饭';
    expect(cutExcerpt(text, { maxLength: 8 })).toBe(`我们今天去北京${SUFFIX}`);
    expect(cutExcerpt(text, { maxLength: 10 })).toBe(`我们今天去北京大学${SUFFIX}`);
  });

  it('cuts Japanese at a word boundary', () => {
    const text = '東京都に住んでいる友達と一緒に映画を見に行きました';
    expect(cutExcerpt(text, { maxLength: 6 })).toBe(`東京都に住${SUFFIX}`);
  });

  it('cuts Thai, which has no spaces between words, at a word boundary', () => {
    const text = 'ภาษาไทยเป็นภาษาที่ไม่มีการเว้นวรรคระหว่างคำ';
    expect(cutExcerpt(text, { maxLength: 9 })).toBe(`ภาษาไทย${SUFFIX}`);
    expect(cutExcerpt(text, { maxLength: 11 })).toBe(`ภาษาไทยเป็น${SUFFIX}`);
  });

  it('cuts a single word longer than the limit between graphemes', () => {
    const word = 'x'.repeat(2000);
    expect(cutExcerpt(word)).toBe('x'.repeat(500) + SUFFIX);
    const accented = 'e\u0301'.repeat(2000);
    expect(cutExcerpt(accented, { maxLength: 7 })).toBe('e\u0301'.repeat(7) + SUFFIX);
    expect(cutExcerpt(`a ${word}`, { maxLength: 10 })).toBe(`a${SUFFIX}`);
  });

  it('drops trailing whitespace, NBSP and newlines before the suffix', () => {
    expect(cutExcerpt('one two\u00A0\u00A0three', { maxLength: 9 })).toBe(`one two${SUFFIX}`);
    expect(cutExcerpt('First paragraph.\n\nSecond one', { maxLength: 19 })).toBe(`First paragraph.${SUFFIX}`);
  });

  it('keeps NBSP and punctuation inside the excerpt', () => {
    expect(cutExcerpt('It costs 5\u00A0€, really, truly', { maxLength: 21 })).toBe(
      `It costs 5\u00A0€, really,${SUFFIX}`,
    );
  });

  it('does not leave an opening quote, bracket or dash dangling', () => {
    expect(cutExcerpt('He said “hello world” to me', { maxLength: 10 })).toBe(`He said${SUFFIX}`);
    expect(cutExcerpt('they deny it – the UK', { maxLength: 14 })).toBe(`they deny it${SUFFIX}`);
    expect(cutExcerpt('see the notes (below here)', { maxLength: 15 })).toBe(`see the notes${SUFFIX}`);
    expect(cutExcerpt('the Minister said. More text here', { maxLength: 19 })).toBe(`the Minister said.${SUFFIX}`);
  });

  it('does not cut a hyphenated compound at its hyphen', () => {
    expect(cutExcerpt('The village of Al-Muhasan was attacked', { maxLength: 20 })).toBe(`The village of${SUFFIX}`);
    expect(cutExcerpt('the US-led coalition struck', { maxLength: 9 })).toBe(`the${SUFFIX}`);
    // A dash standing between spaces is no compound: the cut may fall after the word before it.
    expect(cutExcerpt('they deny it - the UK', { maxLength: 14 })).toBe(`they deny it${SUFFIX}`);
  });

  it('takes a custom maxLength and suffix', () => {
    expect(cutExcerpt('alpha beta gamma delta', { maxLength: 12, suffix: '...' })).toBe('alpha beta...');
    expect(cutExcerpt('alpha beta gamma delta', { maxLength: 12, suffix: '' })).toBe('alpha beta');
    expect(excerptFromText('alpha beta gamma delta', { suffix: ' [more]', maxLength: 16 })).toBe(
      'alpha beta gamma [more]',
    );
  });

  it('rejects bad options with a RangeError', () => {
    for (const maxLength of [0, -1, 1.5, Number.NaN, Infinity, 100_001]) {
      expect(() => cutExcerpt('text', { maxLength })).toThrow(RangeError);
    }
    expect(() => cutExcerpt('text', { suffix: 'x'.repeat(21) })).toThrow(/suffix/);
    expect(() => cutExcerpt('text', { suffix: 42 as unknown as string })).toThrow(RangeError);
    expect(() => cutExcerpt('text', { maxLength: '500' as unknown as number })).toThrow(/maxLength/);
    expect(cutExcerpt('text', { maxLength: 1, suffix: 'x'.repeat(20) })).toBe(`t${'x'.repeat(20)}`);
    expect(cutExcerpt('text', { maxLength: 100_000 })).toBe('text');
  });
});
