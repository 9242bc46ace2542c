import fc from 'fast-check';
import {
  cutExcerpt,
  excerptFromBody,
  excerptFromText,
  normalizeText,
  type BodyFormat,
} from '../../../src/plugins/newsroom/server/src/lib/excerpt';
import { insideCompound } from '../../../src/plugins/newsroom/server/src/lib/excerpt/cut-excerpt';

const RUNS = 300;
const graphemes = (text: string): string[] =>
  Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text), (s) => s.segment);
const wordBoundaries = (text: string): Set<number> =>
  new Set(Array.from(new Intl.Segmenter('en', { granularity: 'word' }).segment(text), (s) => s.index));

const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-zA-Z]{1,12}$/) },
  { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '  ', '\t', '\n', '\n\n', '\n \n', '\u00A0') },
  { weight: 2, arbitrary: fc.constantFrom('.', ',', '“', '”', '(', ')', '–', '-', "'", '!') },
  { weight: 2, arbitrary: fc.constantFrom(family, '\u{1F1FA}\u{1F1E6}', 'e\u0301', 'ก', '中文', '東京', '\u{1F600}') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);
/** Prose-like text: words, spaces, newlines, punctuation and multi-code-point graphemes. */
const prose = fc.array(piece, { maxLength: 120 }).map((parts) => parts.join(''));
/** Long enough that only a prefix is read, sometimes dense with long graphemes. */
const longProse = fc
  .tuple(fc.array(piece, { minLength: 50, maxLength: 1500 }), fc.constantFrom('', family, 'e\u0301\u0301', ' '))
  .map(([parts, filler]) => parts.map((part, i) => (i % 2 === 0 ? part : `${part}${filler.repeat(i % 7)}`)).join(''));
const anyProse = fc.oneof(prose, longProse);
const options = fc.record({
  maxLength: fc.integer({ min: 1, max: 80 }),
  suffix: fc.constantFrom('\u00A0\u2026', '...', '', ' [more]'),
});

describe('excerpt properties', () => {
  it('never exceeds maxLength graphemes plus the suffix, and is a clean prefix of the normalised text', () => {
    fc.assert(
      fc.property(anyProse, options, (text, opts) => {
        const normalized = normalizeText(text);
        const excerpt = excerptFromText(text, opts);
        const all = graphemes(normalized);
        if (all.length <= opts.maxLength) {
          // Fits: the whole text, no suffix.
          expect(excerpt).toBe(normalized);
          return;
        }
        expect(excerpt.endsWith(opts.suffix)).toBe(true);
        const head = excerpt.slice(0, excerpt.length - opts.suffix.length);
        const kept = graphemes(head);
        expect(kept.length).toBeLessThanOrEqual(opts.maxLength);
        expect(normalized.startsWith(head)).toBe(true);
        // No grapheme was split: the head is exactly the first K graphemes.
        expect(kept).toEqual(all.slice(0, kept.length));
        expect(head).toBe(head.trimEnd());
      }),
      { numRuns: RUNS },
    );
  });

  it('cuts at a word boundary, or between graphemes when no word fits', () => {
    fc.assert(
      fc.property(anyProse, options, (text, opts) => {
        const normalized = normalizeText(text);
        const excerpt = cutExcerpt(normalized, opts);
        if (excerpt === normalized) return;
        const head = excerpt.slice(0, excerpt.length - opts.suffix.length);
        const boundaries = wordBoundaries(normalized);
        if (!boundaries.has(head.length)) {
          // The fallback, a cut between graphemes at the limit, only when no
          // word boundary within the limit (a hyphen inside a compound is
          // none) keeps anything but punctuation.
          const limit = graphemes(normalized).slice(0, opts.maxLength).join('').length;
          expect(head).toBe(normalized.slice(0, limit).trimEnd());
          const usable = [...boundaries].filter((b) => b <= limit && !insideCompound(normalized, b));
          const last = Math.max(0, ...usable);
          expect(normalized.slice(0, last)).toMatch(/^[\s\p{P}]*$/u);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic and reads only the prefix it needs', () => {
    fc.assert(
      fc.property(anyProse, options, (text, opts) => {
        const excerpt = excerptFromText(text, opts);
        expect(excerptFromText(text, opts)).toBe(excerpt);
        expect(cutExcerpt(normalizeText(text), opts)).toBe(excerpt);
      }),
      { numRuns: RUNS },
    );
  });

  it('returns any text that fits whole', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const normalized = normalizeText(text);
        expect(excerptFromText(text, { maxLength: Math.max(1, graphemes(normalized).length) })).toBe(normalized);
      }),
      { numRuns: RUNS },
    );
  });

  describe('a 5 MB body gives the excerpt of its first few KB', () => {
    const FIVE_MB = 5 * 1024 * 1024;
    const word = fc.stringMatching(/^[a-zA-Z]{1,10}$/);
    const sentence = fc.array(
      fc.oneof({ weight: 8, arbitrary: word }, fc.constantFrom('&amp;', '&nbsp;', '’', family, 'e\u0301')),
      {
        minLength: 8,
        maxLength: 40,
      },
    );
    /** Paragraphs holding at least 2 KB of text (repeated until they do). */
    const paragraphs = fc
      .array(
        sentence.map((words) => words.join(' ')),
        { minLength: 1, maxLength: 30 },
      )
      .map((list) => {
        let enough = list;
        while (enough.join(' ').length < 2048) enough = enough.concat(list);
        return enough;
      });

    const htmlOf = (list: string[]) =>
      list.map((p, i) => (i % 3 === 0 ? `<h2>${p}</h2>` : `<p>${p} <b>bold</b> <br>more</p>`)).join('\n');
    const markdownOf = (list: string[]) =>
      list.map((p, i) => (i % 3 === 0 ? `## ${p}` : `${p} **bold**\n- item *one*\n- item two`)).join('\n\n');
    const blocksOf = (list: string[]) =>
      list.map((p) => ({
        type: 'paragraph',
        children: [
          { type: 'text', text: p },
          { type: 'link', url: 'x', children: [{ type: 'text', text: ' link' }] },
        ],
      }));

    const tail: Record<BodyFormat, unknown> = {
      html: `\n${'<p>Filler paragraph with <i>some</i> words &amp; entities.</p>\n'.repeat(FIVE_MB / 64)}`,
      markdown: `\n\n${'Filler paragraph with *some* words &amp; entities.\n\n'.repeat(FIVE_MB / 52)}`,
      text: `\n\n${'Filler paragraph with some words.\n\n'.repeat(FIVE_MB / 36)}`,
      blocks: Array.from({ length: FIVE_MB / 100 }, () => ({
        type: 'paragraph',
        children: [{ type: 'text', text: 'Filler paragraph '.repeat(6) }],
      })),
    };

    const bodies: Record<BodyFormat, (list: string[]) => unknown> = {
      html: htmlOf,
      markdown: markdownOf,
      text: (list) => list.join('\n\n'),
      blocks: blocksOf,
    };

    it.each(Object.keys(bodies) as BodyFormat[])('%s', (format) => {
      fc.assert(
        fc.property(paragraphs, fc.integer({ min: 20, max: 500 }), (list, maxLength) => {
          const head = bodies[format](list);
          const huge =
            format === 'blocks'
              ? [...(head as unknown[]), ...(tail.blocks as unknown[])]
              : `${head as string}${tail[format] as string}`;
          expect(excerptFromBody(huge, format, { maxLength })).toBe(excerptFromBody(head, format, { maxLength }));
        }),
        { numRuns: 100 },
      );
    });
  });
});
