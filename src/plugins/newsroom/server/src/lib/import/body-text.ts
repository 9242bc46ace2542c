import { extractBlocks } from '../excerpt/blocks-to-text';
import type { BodyFormat } from '../excerpt/detect-format';
import { extractHtml } from '../excerpt/html-to-text';
import { extractMarkdown } from '../excerpt/markdown-to-text';
import { normalizeText } from '../excerpt/normalize-text';

/**
 * All the plain text of a body, read the way the excerpt engine reads it
 * (paragraphs separated by "\n\n", deliberate line breaks kept as "\n"), so
 * that Blocks built from it (`paragraphBlocks`) give the same excerpt as the
 * body in its own format.
 */
export function bodyText(body: unknown, format: BodyFormat): string {
  if (format === 'blocks') return extractBlocks(body, Infinity).normalized;
  if (typeof body !== 'string') return '';
  if (format === 'html') return extractHtml(body, Infinity).normalized;
  if (format === 'markdown') return extractMarkdown(body, Infinity).normalized;
  return normalizeText(body);
}
