/**
 * Renders a tag page as the plain-text tag listing that
 * `lib/import/parse-tag-listing` reads back (the seed documents' format):
 *
 *   Contents tagged with <tag name>
 *
 *     • <title>
 *
 *       <paragraph>
 *
 *       <paragraph>
 *
 * with no final newline, as in the seed documents.
 */

export interface ListedItem {
  title: string;
  /** Paragraphs separated by a blank line ("\n\n"); a single "\n" wraps inside a paragraph. */
  excerpt: string;
}

const BULLET_INDENT = '  ';
const TEXT_INDENT = '    ';

export function renderTagListing(tagName: string, items: ListedItem[]): string {
  const blocks = [`Contents tagged with ${oneLine(tagName)}`];
  for (const item of items) {
    blocks.push(`${BULLET_INDENT}• ${oneLine(item.title)}`);
    blocks.push(...paragraphsOf(item.excerpt).map(indentLines));
  }
  return blocks.join('\n\n');
}

/**
 * The format is line-based: a line break in a title or the tag name would
 * turn the rest into a paragraph or a bogus item, and the parser refuses
 * names holding other control characters. A space keeps the words apart
 * and the line intact.
 */
function oneLine(value: string): string {
  return value.replace(/\p{Cc}/gu, ' ').trim();
}

/**
 * CR and CRLF are normalised to "\n" first: the parser ends a line at any of
 * them, so a stray CR would otherwise break a line outside our indentation.
 * Other control characters but tabs become spaces, as in names: plain text has
 * no use for them, and a terminal showing the route's answer would obey them
 * (ESC starts an escape sequence, form feeds and backspaces rewrite the screen).
 */
function paragraphsOf(excerpt: string): string[] {
  return excerpt
    .replace(/\r\n?/g, '\n')
    .replace(/[^\P{Cc}\t\n]/gu, ' ')
    .split('\n\n');
}

/** A paragraph wrapped with single "\n" keeps each of its lines indented as text. */
function indentLines(paragraph: string): string {
  return paragraph
    .split('\n')
    .map((line) => TEXT_INDENT + line)
    .join('\n');
}
