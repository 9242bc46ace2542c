/**
 * Renders a tag (or source) page as the plain-text tag listing that
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

import type { TermKind } from '../../../shared/constants';
import { TERM_WORDING } from './term-wording';

export interface ListedItem {
  title: string;
  /** Paragraphs separated by a blank line ("\n\n"); a single "\n" wraps inside a paragraph. */
  excerpt: string;
}

const BULLET_INDENT = '  ';
const TEXT_INDENT = '    ';

/** A tag's or a source's listing: the heading names it as lib/term-wording.ts says ("Contents from <source>"). */
export function renderListing(kind: TermKind, name: string, items: ListedItem[]): string {
  const blocks = [TERM_WORDING[kind].heading(oneLine(name))];
  for (const item of items) {
    blocks.push(`${BULLET_INDENT}• ${oneLine(item.title)}`);
    blocks.push(...paragraphsOf(item.excerpt).map(indentLines));
  }
  return blocks.join('\n\n');
}

/** A tag's listing, as the seed documents write it. */
export const renderTagListing = (tagName: string, items: ListedItem[]): string => renderListing('tags', tagName, items);

/**
 * The format is line-based: a line break in a title or the heading's name would
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
