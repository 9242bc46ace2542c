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

type GraphemeScan =
  | { fits: true }
  | { fits: false; limit: number; boundaries: readonly number[] }
  | undefined;

/**
 * Where the first `maxLength` graphemes end (`limit`) and the grapheme
 * boundaries up to there, or `fits` when the text has no more graphemes
 * than that; undefined when `text` is an incomplete prefix too short to say.
 * Only a window of the text is segmented, grown when graphemes are long
 * (emoji sequences), because segmenting a long string costs its full length.
 */
function scanGraphemes(text: string, complete: boolean, maxLength: number): GraphemeScan {
  for (let window = Math.min(text.length, maxLength + LOOKAHEAD); ; window = Math.min(text.length, window * 2)) {
    const boundaries: number[] = [];
    let over = false;
    for (const { index, segment } of GRAPHEMES.segment(text.slice(0, window))) {
      if (boundaries.length === maxLength) {
        over = true;
        break;
      }
      boundaries.push(index + segment.length);
    }
    const limit = boundaries[boundaries.length - 1] ?? 0;
    // A boundary is settled once the character after it is known; the margin
    // keeps the limit well inside the window.
    if (over && (limit + LOOKAHEAD <= window || window === text.length)) {
      return { fits: false, limit, boundaries };
    }
    if (!over && window === text.length) return complete ? { fits: true } : undefined;
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
  if (scan.fits) return text;
  const { limit, boundaries } = scan;
  if (!complete && limit + LOOKAHEAD > text.length) return undefined;

  // The last word boundary that keeps at most maxLength graphemes, checked to
  // be a grapheme boundary as well.
  let cut = 0;
  let next = 0;
  for (const { index } of WORDS.segment(text.slice(0, limit + LOOKAHEAD))) {
    if (index > limit) break;
    while (boundaries[next] < index) next += 1;
    if (boundaries[next] === index) cut = index;
  }
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
  let count = 0;
  for (const _ of GRAPHEMES.segment(text)) count += 1;
  return count;
}

/** Characters of raw extracted text worth gathering first: enough for the cut in ordinary prose. */
export function initialBudget(maxLength: number): number {
  return 2 * (maxLength + LOOKAHEAD);
}
