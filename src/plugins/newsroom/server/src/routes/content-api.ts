import type { Core } from '@strapi/strapi';
import { createContentApiRoutesFactory } from '@strapi/utils';
import { redirectListQuerySchema } from '../validation/redirects';
import { z } from 'zod';
import {
  redirectListResponseSchema,
  relatedTagsResponseSchema,
  sourceListResponseSchema,
  sourcePageResponseSchema,
  tagListResponseSchema,
  tagPageResponseSchema,
} from '../validation/responses';
import { relatedTagsQuerySchema, termListQuerySchema, termPageQuerySchema, termSlugSchema } from '../validation/tag-pages';
import { PREVIEW_HANDLER, TERM_INDEX, TERM_KINDS, type TermKind } from '../../../shared/constants';
import type { Handler, PluginRoute } from './handler';

// `request.query` documents each route's parameters (Strapi's route schema,
// for OpenAPI); Strapi runs it only for its own controllers, so ours parse
// the query with the same schema, once.
type QuerySchema = NonNullable<Core.RouteInput['request']>['query'];

interface Schemas {
  query?: QuerySchema;
  /** The JSON answer (validation/responses.ts), for the OpenAPI document. */
  response?: Core.RouteInput['response'];
}

// The path parameters the routes take, as the controllers check them.
const PARAMS: Record<string, NonNullable<Core.RouteInput['request']>['params']> = {
  ':slug': { slug: termSlugSchema.shape.slug },
  ':n': { n: z.string().regex(/^[1-9]\d*$/).describe('File number, from 1') },
};

const route = (path: string, handler: Handler, { query, response }: Schemas = {}): PluginRoute => {
  const params = Object.entries(PARAMS).find(([name]) => path.includes(name))?.[1];
  const request = { ...(query ? { query } : {}), ...(params ? { params } : {}) };
  return {
    method: 'GET',
    path,
    handler,
    config: { policies: [] },
    ...(Object.keys(request).length > 0 ? { request } : {}),
    ...(response ? { response } : {}),
  };
};

const RESPONSES = {
  tags: { list: tagListResponseSchema, page: tagPageResponseSchema },
  sources: { list: sourceListResponseSchema, page: sourcePageResponseSchema },
} as const;

/** The same routes for tags and sources (controllers/term-pages.ts); related tags for tags only. */
const termRoutes = (kind: TermKind): PluginRoute[] => {
  const controller = `${TERM_INDEX[kind].type}-pages` as const;
  return [
    route(`/${kind}`, `${controller}.find` as const, { query: termListQuerySchema.shape, response: RESPONSES[kind].list }),
    route(`/${kind}/:slug.txt`, `${controller}.findOneText` as const, { query: termPageQuerySchema.shape }),
    route(`/${kind}/:slug/feed.xml`, `${controller}.rss` as const),
    route(`/${kind}/:slug/feed.atom`, `${controller}.atom` as const),
    ...(kind === 'tags'
      ? [route(`/${kind}/:slug/related`, `${controller}.related` as const, { query: relatedTagsQuerySchema.shape, response: relatedTagsResponseSchema })]
      : []),
    route(`/${kind}/:slug`, `${controller}.findOne` as const, { query: termPageQuerySchema.shape, response: RESPONSES[kind].page }),
  ];
};

// Every content-api route is read-only, and public but the preview check: the
// Public role is granted exactly the others at bootstrap (services/public-permissions.ts).
// The suffixed routes come first: `:slug` alone would swallow `x.txt`.
export default createContentApiRoutesFactory((): PluginRoute[] => [
  route('/health', 'health.index'),
  ...TERM_KINDS.flatMap(termRoutes),
  route('/redirects', 'redirects.find', { query: redirectListQuerySchema.shape, response: redirectListResponseSchema }),
  // An API token's preview permission (shared/constants PREVIEW_ACTION): never the Public role's.
  route('/preview', PREVIEW_HANDLER),
  // lib/sitemap/sitemap-files.ts names the files.
  route('/sitemap.xml', 'sitemaps.index'),
  route('/sitemap-news.xml', 'sitemaps.news'),
  route('/sitemap-articles-:n.xml', 'sitemaps.articles'),
  route('/sitemap-tags.xml', 'sitemaps.tags'),
  route('/sitemap-tags-:n.xml', 'sitemaps.tagsFile'),
  route('/sitemap-sources.xml', 'sitemaps.sources'),
  route('/sitemap-sources-:n.xml', 'sitemaps.sourcesFile'),
]);
