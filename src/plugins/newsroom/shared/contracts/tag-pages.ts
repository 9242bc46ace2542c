/**
 * The public tag- and source-page routes (server/src/routes/content-api.ts)
 * as the server sends them and the admin reads them. Types only: the queries
 * are the server's validation schemas' own input types.
 */
import type { z } from 'zod';
import type { relatedTagsQuerySchema, termListQuerySchema, termPageQuerySchema } from '../../server/src/validation/tag-pages';

/** What a tag and a source have in common on their pages and in their lists. */
export interface TermSummary {
  name: string;
  slug: string;
  description: string | null;
  /** Its other names (a merged tag's, an old name): `q=` finds it by them too. */
  aliases: string[];
  /** Published articles with this tag (or citing this source). */
  articleCount: number;
  /** For the page's <title> and meta description; null: the frontend's default. */
  metaTitle: string | null;
  metaDescription: string | null;
  /** Left out of the sitemaps; the frontend should send `noindex` too. */
  noindex: boolean;
}

export type TagSummary = TermSummary;

export interface SourceSummary extends TermSummary {
  /** The outlet's own site. */
  url: string | null;
}

/** A resized version of a cover Strapi made (thumbnail, small, medium, large). */
export interface CoverFormat {
  /** Absolute (see ArticleCover.url). */
  url: string;
  width: number | null;
  height: number | null;
  mime: string | null;
  /** Kilobytes, as Strapi stores them. */
  size: number | null;
}

/** An article's cover image: Strapi's upload file, as readers need it. */
export interface ArticleCover {
  /** Absolute: the local provider's `/uploads/…` is prefixed with PUBLIC_URL; other providers' URLs are kept. */
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
  formats: Record<string, CoverFormat>;
  mime: string;
  /** Kilobytes, as Strapi stores them (bytes / 1000). */
  size: number;
}

export interface TagPageArticle {
  documentId: string;
  title: string;
  slug: string;
  excerpt: string | null;
  byline: string | null;
  cover: ArticleCover | null;
  /** ISO 8601, the same on SQLite and PostgreSQL. */
  publishedAt: string;
  /** When the published version was last written (ISO 8601). */
  updatedAt: string;
  tags: Array<{ name: string; slug: string }>;
  sources: Array<{ name: string; slug: string; url: string | null }>;
}

/** An article on a draft preview of a tag or source page: its draft version, never published as such. */
export type PreviewArticle = Omit<TagPageArticle, 'publishedAt'> & { publishedAt: null };

/** By page number, as Strapi's own list routes page. */
export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** A tag page may also be asked by cursor (`?after=`): then it has no page number. */
export interface TagPagePagination extends Omit<Pagination, 'page'> {
  page: number | null;
  /** Cursor of the next page (`?after=`), null on the last page. */
  next: string | null;
}

export interface RelatedTag {
  name: string;
  slug: string;
  /** Published articles carrying both tags. */
  sharedArticles: number;
}

/** GET /api/newsroom/tags/:slug (JSON): a page of the tag's published articles, newest first. */
export declare namespace GetTagPage {
  interface Request {
    params: { slug: string };
    query: z.input<typeof termPageQuerySchema>;
  }
  interface Response {
    data: { tag: TagSummary; articles: TagPageArticle[] };
    meta: { pagination: TagPagePagination };
  }
}

/** GET /api/newsroom/sources/:slug (JSON): a page of the articles citing the source, newest first. */
export declare namespace GetSourcePage {
  interface Request {
    params: { slug: string };
    query: z.input<typeof termPageQuerySchema>;
  }
  interface Response {
    data: { source: SourceSummary; articles: TagPageArticle[] };
    meta: { pagination: TagPagePagination };
  }
}

/** GET /api/newsroom/sources: the sources with published articles, as the tag list. */
export declare namespace GetSources {
  interface Request {
    query: z.input<typeof termListQuerySchema>;
  }
  interface Response {
    data: SourceSummary[];
    meta: { pagination: Pagination };
  }
}

/** GET /api/newsroom/tags: the tags with published articles (`all=true`: every tag); `q`: those whose name, slug or an alias matches (prefix or whole word). */
export declare namespace GetTags {
  interface Request {
    query: z.input<typeof termListQuerySchema>;
  }
  interface Response {
    data: TagSummary[];
    meta: { pagination: Pagination };
  }
}

/** GET /api/newsroom/tags/:slug/related: the tags sharing the most published articles with this one. */
export declare namespace GetRelatedTags {
  interface Request {
    params: { slug: string };
    query: z.input<typeof relatedTagsQuerySchema>;
  }
  interface Response {
    data: RelatedTag[];
    meta: { tag: TagSummary };
  }
}
