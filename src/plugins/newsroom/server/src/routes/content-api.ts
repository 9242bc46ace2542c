import type { Core } from '@strapi/strapi';
import { createContentApiRoutesFactory } from '@strapi/utils';
import { redirectListQuerySchema } from '../validation/redirects';
import { relatedTagsQuerySchema, tagListQuerySchema, tagPageQuerySchema } from '../validation/tag-pages';
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

// Every content-api route is public and read-only: the Public role is granted
// exactly these actions at bootstrap (services/public-permissions.ts).
// The suffixed routes come first: `:slug` alone would swallow `x.txt`.
export default createContentApiRoutesFactory((): PluginRoute[] => [
  route('/health', 'health.index'),
  route('/tags', 'tag-pages.find', tagListQuerySchema.shape),
  route('/tags/:slug.txt', 'tag-pages.findOneText', tagPageQuerySchema.shape),
  route('/tags/:slug/feed.xml', 'tag-pages.rss'),
  route('/tags/:slug/feed.atom', 'tag-pages.atom'),
  route('/tags/:slug/related', 'tag-pages.related', relatedTagsQuerySchema.shape),
  route('/tags/:slug', 'tag-pages.findOne', tagPageQuerySchema.shape),
  route('/redirects', 'redirects.find', redirectListQuerySchema.shape),
]);
