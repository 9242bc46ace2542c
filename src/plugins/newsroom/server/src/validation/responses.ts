import { z } from 'zod';
import { REDIRECT_TYPES } from '../../../shared/constants';

/**
 * What the public JSON routes answer, as zod schemas: the routes declare
 * them (`response`, for `strapi openapi generate`), shared/contracts derives
 * its types from them, and the tests parse real answers with them. Strict:
 * a field added to an answer must be added here.
 */

const nullableString = z.string().nullable();
const count = z.number().int().nonnegative();

export const termSummarySchema = z
  .object({
    name: z.string(),
    slug: z.string(),
    description: nullableString,
    aliases: z.array(z.string()).describe("Its other names (a merged tag's, an old name): q= finds it by them too"),
    articleCount: count.describe('Published articles with this tag (or citing this source)'),
    metaTitle: nullableString,
    metaDescription: nullableString,
    noindex: z.boolean().describe('Left out of the sitemaps; the frontend should send noindex too'),
  })
  .strict();

export const sourceSummarySchema = termSummarySchema.extend({ url: nullableString.describe("The outlet's own site") }).strict();

export const coverFormatSchema = z
  .object({ url: z.string(), width: z.number().nullable(), height: z.number().nullable(), mime: nullableString, size: z.number().nullable() })
  .strict();

export const articleCoverSchema = z
  .object({
    url: z.string().describe('Absolute'),
    alternativeText: nullableString,
    width: z.number().nullable(),
    height: z.number().nullable(),
    formats: z.record(z.string(), coverFormatSchema).describe('Resized versions: thumbnail, small, medium, large'),
    mime: z.string(),
    size: z.number().describe('Kilobytes, as Strapi stores them'),
  })
  .strict();

export const tagPageArticleSchema = z
  .object({
    documentId: z.string(),
    title: z.string(),
    slug: z.string(),
    excerpt: nullableString,
    byline: nullableString,
    cover: articleCoverSchema.nullable(),
    publishedAt: z.string().describe('ISO 8601'),
    updatedAt: z.string().describe('When the published version was last written (ISO 8601)'),
    tags: z.array(z.object({ name: z.string(), slug: z.string() }).strict()),
    sources: z.array(z.object({ name: z.string(), slug: z.string(), url: nullableString }).strict()),
  })
  .strict();

export const paginationSchema = z.object({ page: count, pageSize: count, pageCount: count, total: count }).strict();

export const tagPagePaginationSchema = paginationSchema
  .extend({
    page: count.nullable().describe('null on a page asked by cursor'),
    next: nullableString.describe('Cursor of the next page (?after=), null on the last page'),
  })
  .strict();

export const relatedTagSchema = z
  .object({ name: z.string(), slug: z.string(), sharedArticles: count.describe('Published articles carrying both tags') })
  .strict();

export const redirectSchema = z
  .object({
    type: z.enum(REDIRECT_TYPES),
    from: z.string(),
    to: nullableString.describe('The slug that answers now; null when the page is gone (status 410)'),
    status: z.union([z.literal(301), z.literal(410)]),
  })
  .strict();

const articles = z.array(tagPageArticleSchema);
const pageMeta = z.object({ pagination: tagPagePaginationSchema }).strict();
const list = <T extends z.ZodType>(schema: T) => z.object({ data: z.array(schema), meta: z.object({ pagination: paginationSchema }).strict() }).strict();

export const tagPageResponseSchema = z.object({ data: z.object({ tag: termSummarySchema, articles }).strict(), meta: pageMeta }).strict();
export const sourcePageResponseSchema = z.object({ data: z.object({ source: sourceSummarySchema, articles }).strict(), meta: pageMeta }).strict();
export const tagListResponseSchema = list(termSummarySchema);
export const sourceListResponseSchema = list(sourceSummarySchema);
export const relatedTagsResponseSchema = z.object({ data: z.array(relatedTagSchema), meta: z.object({ tag: termSummarySchema }).strict() }).strict();
export const redirectListResponseSchema = list(redirectSchema);
