import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TERM_INDEX, type TermKind } from '../../../shared/constants';
import { relatedTagsCacheTags, termListCacheTags, termPageCacheTags } from '../lib/changes';
import { decodeCursor } from '../lib/tag-page-cursor';
import { RetiredSlug } from '../http/retired-slug';
import { PageOutOfRangeError, type TermPage, type TermRecord } from './term-page-query';
import { relatedTagsQuerySchema, SLUG_PATTERN, termListQuerySchema, termPageQuerySchema, termSlugSchema } from '../validation/tag-pages';
import { validate } from '../validation/validate';
import { getService } from '../utils/get-service';

export const DEFAULT_PAGE_SIZE = 10;

/** The payload key of each kind's subject: `data.tag`, `data.source`. */
export const SUBJECT = { tags: 'tag', sources: 'source' } as const;

/** A JSON answer and the cache tags of what it shows. */
export interface Answer<T = unknown> {
  payload: T;
  cacheTags: string[];
}

/** Query parameters as the query string carries them: what the validation schemas read. */
export type QueryInput = Record<string, unknown>;

export const publicTerm = ({ id: _id, ...term }: TermRecord) => term;

/**
 * What the tag and source routes answer, for REST (controllers/term-pages.ts)
 * and GraphQL (graphql/resolvers.ts) alike: the same validation, the same
 * queries, the same payloads, so both APIs answer the same thing.
 */
const termAnswers = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => getService(strapi, 'term-page-query');

  return {
    /** The term of a slug; a RetiredSlug when it was renamed or deleted, else a NotFoundError. */
    async term(kind: TermKind, slug: unknown): Promise<TermRecord> {
      const { type } = TERM_INDEX[kind];
      const checked = validate(termSlugSchema, { slug }, `${type} slug`).slug;
      // Checked before the database sees it: PostgreSQL refuses some bytes (NUL) outright.
      const valid = SLUG_PATTERN.test(checked);
      const term = valid ? await query().findTerm(kind, checked) : null;
      if (term) return term;
      const retired = valid ? await getService(strapi, 'slug-history').resolve(type, checked) : null;
      if (retired) throw new RetiredSlug(checked, retired.to);
      throw new errors.NotFoundError(`No ${type} with slug "${checked}"`);
    },

    /** A page of the term's published articles, by page number or by cursor (`after`). */
    async page(kind: TermKind, term: TermRecord, input: QueryInput): Promise<TermPage> {
      const { page, pageSize = DEFAULT_PAGE_SIZE, after, status } = validate(termPageQuerySchema, input, `${TERM_INDEX[kind].type} page query`);
      if (status === 'draft') throw new errors.ValidationError('status=draft: a preview is served as JSON only');
      try {
        if (after !== undefined) {
          if (page !== undefined) throw new errors.ValidationError('Use either page or after, not both');
          const cursor = decodeCursor(after);
          if (!cursor) throw new errors.ValidationError('after is not a valid cursor');
          return await query().page(kind, term, { pageSize, after: cursor });
        }
        return await query().page(kind, term, { pageSize, page: page ?? 1 });
      } catch (error) {
        if (error instanceof PageOutOfRangeError) throw new errors.ValidationError(error.message);
        throw error;
      }
    },

    pageTags: (kind: TermKind, page: TermPage) => termPageCacheTags(kind, page.term, page.articles),

    /** `GET /<kind>/:slug` as JSON. */
    async pageAnswer(kind: TermKind, slug: unknown, input: QueryInput): Promise<Answer> {
      const page = await this.page(kind, await this.term(kind, slug), input);
      const data = { [SUBJECT[kind]]: publicTerm(page.term), articles: page.articles };
      return { payload: { data, meta: { pagination: page.pagination } }, cacheTags: this.pageTags(kind, page) };
    },

    /** `GET /<kind>`: the list. */
    async listAnswer(kind: TermKind, input: QueryInput): Promise<Answer> {
      const listQuery = validate(termListQuerySchema, input, `${TERM_INDEX[kind].type} list query`);
      const { terms, pagination } = await query().list(kind, listQuery);
      return { payload: { data: terms.map(publicTerm), meta: { pagination } }, cacheTags: termListCacheTags(kind, terms) };
    },

    /** `GET /tags/:slug/related`: the tags sharing the most published articles with this one. */
    async relatedAnswer(slug: unknown, input: QueryInput): Promise<Answer> {
      const tag = await this.term('tags', slug);
      const { limit } = validate(relatedTagsQuerySchema, input, 'related tags query');
      const related = await query().related(tag, limit);
      return { payload: { data: related, meta: { tag: publicTerm(tag) } }, cacheTags: relatedTagsCacheTags(tag, related) };
    },
  };
};

export default termAnswers;
