import { extractBlocks } from './blocks-to-text';
import { cutPrefix, initialBudget } from './cut-excerpt';
import type { BodyFormat } from './detect-format';
import { extractHtml } from './html-to-text';
import { extractMarkdown } from './markdown-to-text';
import { normalizeText } from './normalize-text';
import { resolveOptions, type ExcerptOptions } from './options';
import type { ExtractedText } from './text-collector';

function extractPlainText(text: string, budget: number): ExtractedText {
  const complete = text.length <= budget;
  return { normalized: normalizeText(complete ? text : text.slice(0, budget)), complete };
}

function extract(body: unknown, format: BodyFormat, budget: number): ExtractedText {
  // A parsed JSON value is read as Blocks whatever the label says: it can be nothing else.
  if (format === 'blocks' || (typeof body === 'object' && body !== null)) return extractBlocks(body, budget);
  if (typeof body !== 'string') return { normalized: '', complete: true };
  if (format === 'html') return extractHtml(body, budget);
  if (format === 'markdown') return extractMarkdown(body, budget);
  return extractPlainText(body, budget);
}

/**
 * The excerpt of a body in the given format. Only as much of the body is
 * read as the cut needs (a few KB, whatever the body's size), more being
 * read only when that did not suffice. A body that cannot be read (null,
 * broken JSON, junk) gives the excerpt of whatever text was found, possibly
 * "", and never throws; bad options throw a RangeError.
 */
export function excerptFromBody(body: unknown, format: BodyFormat, options?: Partial<ExcerptOptions>): string {
  const resolved = resolveOptions(options);
  for (let budget = initialBudget(resolved.maxLength); ; budget *= 2) {
    const { normalized, complete } = extract(body, format, budget);
    const excerpt = cutPrefix(normalized, complete, resolved);
    if (excerpt !== undefined) return excerpt;
  }
}

/** The excerpt of plain text: `cutExcerpt(normalizeText(text))`, reading only the prefix it needs. */
export function excerptFromText(text: string, options?: Partial<ExcerptOptions>): string {
  return excerptFromBody(text, 'text', options);
}

export interface ExcerptSource {
  /** The editor's own excerpt; used as written when it is not blank. */
  customExcerpt?: string | null;
  body: unknown;
  format: BodyFormat;
}

/** Whether the editor wrote an excerpt of their own: a string that is not blank. */
export function isCustomExcerpt(customExcerpt: unknown): customExcerpt is string {
  return typeof customExcerpt === 'string' && customExcerpt.trim() !== '';
}

/**
 * The excerpt to serve: the editor's custom excerpt, trimmed and never cut
 * (the editor chose it), when it is not blank; otherwise one generated from
 * the body.
 */
export function resolveExcerpt(source: ExcerptSource, options?: Partial<ExcerptOptions>): string {
  const resolved = resolveOptions(options);
  return isCustomExcerpt(source.customExcerpt)
    ? source.customExcerpt.trim()
    : excerptFromBody(source.body, source.format, resolved);
}
