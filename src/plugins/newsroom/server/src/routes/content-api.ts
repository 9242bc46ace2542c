import type { Core } from '@strapi/strapi';
import { createContentApiRoutesFactory } from '@strapi/utils';
import { redirectListQuerySchema } from '../validation/redirects';
import { relatedTagsQuerySchema, termListQuerySchema, termPageQuerySchema } from '../validation/tag-pages';
import { PREVIEW_HANDLER, TERM_INDEX, TERM_KINDS, type TermKind } from '../../../shared/constants';
import type { Handler, PluginRoute } from './handler';

// `request.query` documents each route's parameters (Strapi's route schema,
// for OpenAPI); Strapi runs it only for its own controllers, so ours parse
// the query with the same schema, once.
type QuerySchema = NonNullable<Core.RouteInput['request']>['query'];

const route = (path: string, handler: Handler, query?: QuerySchema): PluginRoute => ({
  method: 'GET',
  path,
  handler,
  config: { policies: [] },
  ...(query ? { request: { query } } : {}),
});

/** The same routes for tags and sources (controllers/term-pages.ts); related tags for tags only. */
const termRoutes = (kind: TermKind): PluginRoute[] => {
  const controller = `${TERM_INDEX[kind].type}-pages` as const;
  return [
    route(`/${kind}`, `${controller}.find` as const, termListQuerySchema.shape),
    route(`/${kind}/:slug.txt`, `${controller}.findOneText` as const, termPageQuerySchema.shape),
    route(`/${kind}/:slug/feed.xml`, `${controller}.rss` as const),
    route(`/${kind}/:slug/feed.atom`, `${controller}.atom` as const),
    ...(kind === 'tags' ? [route(`/${kind}/:slug/related`, `${controller}.related` as const, relatedTagsQuerySchema.shape)] : []),
    route(`/${kind}/:slug`, `${controller}.findOne` as const, termPageQuerySchema.shape),
  ];
};

// Every content-api route is read-only, and public but the preview check: the
// Public role is granted exactly the others at bootstrap (services/public-permissions.ts).
// The suffixed routes come first: `:slug` alone would swallow `x.txt`.
export default createContentApiRoutesFactory((): PluginRoute[] => [
  route('/health', 'health.index'),
  ...TERM_KINDS.flatMap(termRoutes),
  route('/redirects', 'redirects.find', redirectListQuerySchema.shape),
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
