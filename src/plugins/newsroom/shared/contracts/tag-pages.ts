/**
 * The public tag- and source-page routes (server/src/routes/content-api.ts)
 * as the server sends them and the admin reads them. Types only: the queries
 * are the server's validation schemas' input types, the answers its response
 * schemas' (server/src/validation/responses.ts), which the routes declare.
 */
import type { z } from 'zod';
import type { relatedTagsQuerySchema, termListQuerySchema, termPageQuerySchema } from '../../server/src/validation/tag-pages';
import type {
  articleCoverSchema,
  coverFormatSchema,
  paginationSchema,
  relatedTagSchema,
  relatedTagsResponseSchema,
  sourceListResponseSchema,
  sourcePageResponseSchema,
  sourceSummarySchema,
  tagListResponseSchema,
  tagPageArticleSchema,
  tagPagePaginationSchema,
  tagPageResponseSchema,
  termSummarySchema,
} from '../../server/src/validation/responses';

/** What a tag and a source have in common on their pages and in their lists. */
export type TermSummary = z.infer<typeof termSummarySchema>;
export type TagSummary = TermSummary;
export type SourceSummary = z.infer<typeof sourceSummarySchema>;
/** A resized version of a cover Strapi made (thumbnail, small, medium, large). */
export type CoverFormat = z.infer<typeof coverFormatSchema>;
/** An article's cover image: Strapi's upload file, as readers need it (url absolute: the local provider's `/uploads/…` prefixed with PUBLIC_URL). */
export type ArticleCover = z.infer<typeof articleCoverSchema>;
export type TagPageArticle = z.infer<typeof tagPageArticleSchema>;

/** An article on a draft preview of a tag or source page: its draft version, never published as such. */
export type PreviewArticle = Omit<TagPageArticle, 'publishedAt'> & { publishedAt: null };

/** By page number, as Strapi's own list routes page. */
export type Pagination = z.infer<typeof paginationSchema>;
/** A tag page may also be asked by cursor (`?after=`): then it has no page number. */
export type TagPagePagination = z.infer<typeof tagPagePaginationSchema>;
export type RelatedTag = z.infer<typeof relatedTagSchema>;

/** GET /api/newsroom/tags/:slug (JSON): a page of the tag's published articles, newest first. */
export declare namespace GetTagPage {
  interface Request {
    params: { slug: string };
    query: z.input<typeof termPageQuerySchema>;
  }
  type Response = z.infer<typeof tagPageResponseSchema>;
}

/** GET /api/newsroom/sources/:slug (JSON): a page of the articles citing the source, newest first. */
export declare namespace GetSourcePage {
  interface Request {
    params: { slug: string };
    query: z.input<typeof termPageQuerySchema>;
  }
  type Response = z.infer<typeof sourcePageResponseSchema>;
}

/** GET /api/newsroom/sources: the sources with published articles, as the tag list. */
export declare namespace GetSources {
  interface Request {
    query: z.input<typeof termListQuerySchema>;
  }
  type Response = z.infer<typeof sourceListResponseSchema>;
}

/** GET /api/newsroom/tags: the tags with published articles (`all=true`: every tag); `q`: those whose name, slug or an alias matches (prefix or whole word). */
export declare namespace GetTags {
  interface Request {
    query: z.input<typeof termListQuerySchema>;
  }
  type Response = z.infer<typeof tagListResponseSchema>;
}

/** GET /api/newsroom/tags/:slug/related: the tags sharing the most published articles with this one. */
export declare namespace GetRelatedTags {
  interface Request {
    params: { slug: string };
    query: z.input<typeof relatedTagsQuerySchema>;
  }
  type Response = z.infer<typeof relatedTagsResponseSchema>;
}
