import { resolveOptions, type ExcerptOptions } from './options';

// A fixed locale: the same text must give the same excerpt on every server.
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });
const WORDS = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * Code units read past the limit. Word boundaries near the limit depend on
 * what follows (`can't`, `3.14`, dictionary segmentation of Thai or Chinese),
 * so segmentation sees this much beyond it. Fixed, so the excerpt depends on
 * the text alone and not on how much of it a reader happened to gather.
 */
const LOOKAHEAD = 64;

// An opening bracket or quote, or a dash, left alone at the end after a space
// ("said: “", "they deny it –") reads as a mistake before the suffix.
const DANGLING = /(?:^|\s)[\p{Ps}\p{Pi}\p{Pd}"'¿¡]+$/u;

// A hyphen between letters joins one word ("Al-Muhasan", "US-led"): the word
// segmenter breaks on both sides of it, but a cut there leaves "Al- …" or "Al …".
const ENDS_WITH_JOINING_HYPHEN = /[\p{L}\p{N}][\p{Pd}\u00AD]$/u;
const STARTS_WITH_JOINING_HYPHEN = /^[\p{Pd}\u00AD][\p{L}\p{N}]/u;
const STARTS_WITH_WORD = /^[\p{L}\p{N}]/u;
const ENDS_WITH_WORD = /[\p{L}\p{N}]$/u;
export function insideCompound(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 2), index);
  const after = text.slice(index, index + 2);
  return (
    (ENDS_WITH_JOINING_HYPHEN.test(before) && STARTS_WITH_WORD.test(after)) ||
    (ENDS_WITH_WORD.test(before) && STARTS_WITH_JOINING_HYPHEN.test(after))
  );
}

// Characters that are a grapheme cluster on their own whatever surrounds
// them (Grapheme_Cluster_Break Other, or LF): ASCII, Latin, Greek, Cyrillic,
// general punctuation, currency signs, CJK ideographs. Combining marks,
// joiners, emoji and scripts with clusters are not among them.
const SINGLE_UNIT_RUN =
  /^[\n\x20-\x7E\u00A0-\u02FF\u0370-\u03FF\u0400-\u0482\u048A-\u04FF\u2010-\u2027\u2030-\u205E\u20A0-\u20BF\u4E00-\u9FFF]*/;

/** Where the first maxLength graphemes end, and how to tell grapheme boundaries before that. */
interface Limit {
  limit: number;
  /** Every index up to this one is a grapheme boundary (the text there is one code unit per grapheme). */
  simpleEnd: number;
  /** The grapheme boundaries after simpleEnd, up to limit. */
  boundaries: readonly number[];
}

/**
 * Where the first `maxLength` graphemes end, or 'fits' when the text has no
 * more graphemes than that; undefined when `text` is an incomplete prefix too
 * short to say. Intl.Segmenter is slow per segment, so the opening run of
 * one-code-unit graphemes (most prose) is measured by a regular expression
 * and only the rest is segmented, in a window grown as needed (long emoji
 * sequences) rather than over the whole text.
 */
function scanGraphemes(text: string, complete: boolean, maxLength: number): Limit | 'fits' | undefined {
  const simpleRun = (SINGLE_UNIT_RUN.exec(text.slice(0, maxLength + 1)) as RegExpExecArray)[0].length;
  // The last character of the run may be extended by what follows it.
  const simpleEnd = Math.max(0, simpleRun - 1);
  if (simpleEnd >= maxLength) return { limit: maxLength, simpleEnd: maxLength, boundaries: [] };
  const wanted = maxLength - simpleEnd;
  for (let window = Math.min(text.length, maxLength + LOOKAHEAD); ; window = Math.min(text.length, window * 2)) {
    const boundaries: number[] = [];
    let over = false;
    // simpleEnd is a boundary with nothing before it that could reach across
    // (no joiner, regional indicator or combining mark), so segmenting from
    // there gives the same clusters as segmenting from the start.
    for (const { index, segment } of GRAPHEMES.segment(text.slice(simpleEnd, window))) {
      if (boundaries.length === wanted) {
        over = true;
        break;
      }
      boundaries.push(simpleEnd + index + segment.length);
    }
    const limit = boundaries[boundaries.length - 1] ?? simpleEnd;
    // A boundary is settled once the character after it is known; the margin
    // keeps the limit well inside the window.
    if (over && (limit + LOOKAHEAD <= window || window === text.length)) return { limit, simpleEnd, boundaries };
    if (!over && window === text.length) return complete ? 'fits' : undefined;
  }
}

/** Drops trailing whitespace (NBSP and newlines included) and a dangling opener or dash. */
function tidyEnd(head: string): string {
  let tidy = head.trimEnd();
  for (let match = DANGLING.exec(tidy); match !== null; match = DANGLING.exec(tidy)) {
    tidy = tidy.slice(0, match.index).trimEnd();
  }
  return tidy;
}

/**
 * The cut rule on the normalised text, or on a prefix of it when `complete`
 * is false, in which case it returns undefined if the prefix is too short to
 * decide. The result never depends on how long a sufficient prefix is.
 */
export function cutPrefix(text: string, complete: boolean, options: ExcerptOptions): string | undefined {
  const scan = scanGraphemes(text, complete, options.maxLength);
  if (scan === undefined) return undefined;
  if (scan === 'fits') return text;
  const { limit, simpleEnd, boundaries } = scan;
  if (!complete && limit + LOOKAHEAD > text.length) return undefined;

  // The last word boundary that keeps at most maxLength graphemes: the start
  // of the word segment containing the limit (ICU finds it without walking
  // every segment before), stepped back until it is a grapheme boundary too.
  const words = WORDS.segment(text.slice(0, limit + LOOKAHEAD));
  // Every index below limit + LOOKAHEAD lies in some segment.
  const segmentStart = (index: number): number => (words.containing(index) as Intl.SegmentData).index;
  const isGraphemeBoundary = (index: number): boolean => index <= simpleEnd || boundaries.includes(index);
  let cut = segmentStart(limit);
  while (cut > 0 && (!isGraphemeBoundary(cut) || insideCompound(text, cut))) cut = segmentStart(cut - 1);
  // No usable boundary: a single word longer than the limit, cut between graphemes.
  const head = tidyEnd(text.slice(0, cut)) || text.slice(0, limit).trimEnd();
  return head + options.suffix;
}

/**
 * The excerpt of an already normalised text: the whole text when it has at
 * most `maxLength` graphemes, otherwise the text cut at the last word
 * boundary that keeps at most `maxLength` graphemes (never inside a word or
 * a grapheme cluster; a single word longer than the limit is cut between
 * graphemes), trailing whitespace dropped, followed by the suffix.
 */
export function cutExcerpt(normalized: string, options?: Partial<ExcerptOptions>): string {
  // A complete text always decides.
  return cutPrefix(normalized, true, resolveOptions(options)) as string;
}

/** The length of a text in user-perceived characters (grapheme clusters), as maxLength counts it. */
export function graphemeLength(text: string): number {
  return [...GRAPHEMES.segment(text)].length;
}

/** Characters of raw extracted text worth gathering first: enough for the cut in ordinary prose. */
export function initialBudget(maxLength: number): number {
  return 2 * (maxLength + LOOKAHEAD);
}
