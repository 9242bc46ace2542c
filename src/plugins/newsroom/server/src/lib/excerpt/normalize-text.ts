// Ordinary spaces and tabs collapse. NO-BREAK SPACE and the other
// typographic spaces are deliberate choices of the author and stay as they are.
const SPACE_RUN = /[ \t\f\v]+/g;
// A paragraph break is a blank line; a line holding only whitespace
// (NBSP included, as in `<p>&nbsp;</p>`) counts as blank.
const BLANK_LINE = /\n\s*\n/;
const CARRIAGE_RETURN = /\r\n?/g;
const NEWLINE = /\n/g;

function normalize(text: string, keepLineBreaks: boolean): string {
  const paragraphs: string[] = [];
  for (const block of text.replace(CARRIAGE_RETURN, '\n').split(BLANK_LINE)) {
    const lines = keepLineBreaks ? block.split('\n') : [block.replace(NEWLINE, ' ')];
    const kept: string[] = [];
    for (const line of lines) {
      const tidy = line.replace(SPACE_RUN, ' ').trim();
      if (tidy !== '') kept.push(tidy);
    }
    if (kept.length > 0) paragraphs.push(kept.join('\n'));
  }
  return paragraphs.join('\n\n');
}

/**
 * Plain text normalised for an excerpt: paragraphs (separated by blank lines)
 * are trimmed, empty ones dropped, and joined by exactly one blank line; runs
 * of spaces and tabs become one space. A single newline inside a paragraph is
 * a soft wrap of the source, so it becomes a space.
 */
export function normalizeText(text: string): string {
  return normalize(text, false);
}

/**
 * The same normalisation for text extracted from markup, where a single "\n"
 * is a deliberate line break (a list item, a `<br>`, a line of code) and is
 * kept; each line is trimmed and empty lines are dropped.
 */
export function normalizeStructuredText(text: string): string {
  return normalize(text, true);
}
