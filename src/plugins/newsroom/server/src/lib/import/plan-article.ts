import { articleExcerpt } from '../content-rules';
import type { ExcerptOptions } from '../excerpt';
import { paragraphBlocks } from './blocks';
import { bodyText } from './body-text';
import { detectSources } from './detect-sources';
import { importKey } from './import-key';
import type { NdjsonArticle } from './parse-ndjson-article';
import type { TagListingItem } from './parse-tag-listing';

/** An article as an import will write it, whatever format it came in. */
export interface PlannedArticle {
  /** Where it is in the document (1-based), for messages. */
  line: number;
  title: string;
  importKey: string;
  /** What the article stores: Strapi Blocks. */
  body: unknown[];
  /** The Blocks are the document's own (not built by the importer): Strapi's validator must check them. */
  blocksFromDocument: boolean;
  customExcerpt: string | null;
  /** null: none (a listing has no bylines). */
  byline: string | null;
  /** What the API will serve, as the excerpt middleware computes it, from the body as the document gave it. */
  excerpt: string;
  /** Names as written in the document. */
  tags: string[];
  sources: string[];
  /**
   * ISO 8601; null: imported as a draft. An article found again keeps its
   * own. A string, not a Date: plans cross from a worker thread, and a Date
   * from another realm fails `instanceof Date` checks.
   */
  publishedAt: string | null;
  /** null: generated from the title. */
  slug: string | null;
}

export interface PlanContext {
  startedAt: Date;
  /** Import every article as a draft (`--draft`). */
  draft: boolean;
  /** The effective excerpt settings. */
  excerpt: ExcerptOptions;
}

/**
 * Documents list articles newest first. The i-th article (0-based) without
 * a date of its own is published i seconds before the import started, so a
 * tag page, newest first, lists them in the document's order.
 */
export function defaultPublishedAt(startedAt: Date, index: number): Date {
  return new Date(startedAt.getTime() - index * 1000);
}

/**
 * A tag listing item: its text (without the ellipsis) is the body, as
 * paragraphs kept byte for byte. A truncated item's excerpt, exactly as
 * listed, becomes the custom excerpt, so the excerpt served (and a tag page
 * rendered from it) gives back the listing's bytes whatever the excerpt
 * settings. Sources are those the text names.
 */
export function planListingItem(tag: string, item: TagListingItem, index: number, ctx: PlanContext): PlannedArticle {
  const body = paragraphBlocks(item.text);
  return {
    line: item.line,
    title: item.title,
    importKey: importKey(item.title, item.text),
    body,
    blocksFromDocument: false,
    customExcerpt: item.excerpt,
    byline: null,
    excerpt: articleExcerpt({ body, customExcerpt: item.excerpt }, ctx.excerpt),
    tags: [tag],
    sources: detectSources(item.text).map((source) => source.name),
    publishedAt: ctx.draft ? null : defaultPublishedAt(ctx.startedAt, index).toISOString(),
    slug: null,
  };
}

/**
 * An NDJSON line. A Markdown, HTML or plain-text body is stored as Blocks
 * paragraphs of its plain text (formatting is not carried over), while the
 * excerpt is computed from the body as written. Sources are the line's
 * `sources` (an export knows them; reading every body for names would cost
 * more than the rest of the import).
 */
export function planNdjsonArticle(article: NdjsonArticle, line: number, index: number, ctx: PlanContext): PlannedArticle {
  const text = bodyText(article.body, article.bodyFormat);
  const draft = ctx.draft || article.draft === true;
  return {
    line,
    title: article.title,
    importKey: importKey(article.title, text),
    body: article.bodyFormat === 'blocks' ? article.body : paragraphBlocks(text),
    blocksFromDocument: article.bodyFormat === 'blocks',
    customExcerpt: article.customExcerpt ?? null,
    byline: article.byline || null,
    excerpt: articleExcerpt({ body: article.body, bodyFormat: article.bodyFormat, customExcerpt: article.customExcerpt }, ctx.excerpt),
    tags: article.tags,
    sources: article.sources,
    publishedAt: draft ? null : (article.publishedAt ? new Date(article.publishedAt) : defaultPublishedAt(ctx.startedAt, index)).toISOString(),
    slug: article.slug ?? null,
  };
}
