export interface ExcerptOptions {
  /** Longest excerpt, in user-perceived characters (grapheme clusters), suffix not counted. */
  maxLength: number;
  /** Appended when the text had to be cut. */
  suffix: string;
}

export const DEFAULT_EXCERPT_OPTIONS: Readonly<ExcerptOptions> = Object.freeze({
  maxLength: 500,
  suffix: '\u00A0\u2026',
});

const MAX_LENGTH_LIMIT = 100_000;
const SUFFIX_LIMIT = 20;

/**
 * Defaults filled in and validated. Bad options are a configuration error,
 * so they throw (a RangeError) instead of being silently corrected.
 */
export function resolveOptions(options?: Partial<ExcerptOptions>): ExcerptOptions {
  const maxLength = options?.maxLength ?? DEFAULT_EXCERPT_OPTIONS.maxLength;
  const suffix = options?.suffix ?? DEFAULT_EXCERPT_OPTIONS.suffix;
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_LENGTH_LIMIT) {
    throw new RangeError(
      `Excerpt maxLength must be an integer from 1 to ${MAX_LENGTH_LIMIT}, got ${String(maxLength)}`,
    );
  }
  // UTF-16 code units, as the settings schema counts them.
  if (typeof suffix !== 'string' || suffix.length > SUFFIX_LIMIT) {
    throw new RangeError(`Excerpt suffix must be a string of at most ${SUFFIX_LIMIT} characters`);
  }
  return { maxLength, suffix };
}
