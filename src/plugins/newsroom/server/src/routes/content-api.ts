import { createContentApiRoutesFactory } from '@strapi/utils';
import { relatedTagsQuerySchema, tagListQuerySchema, tagPageQuerySchema } from '../validation/tag-pages';

const route = (path: string, handler: string, query?: Record<string, unknown>) => ({
  method: 'GET' as const,
  path,
  handler,
  config: { policies: [] },
  ...(query ? { request: { query } } : {}),
});

// Every content-api route is public and read-only: the Public role is granted
// exactly these actions at bootstrap (services/public-permissions.ts).
// The suffixed routes come first: `:slug` alone would swallow `x.txt`.
export default createContentApiRoutesFactory(() => [
  route('/health', 'health.index'),
  route('/tags', 'tag-pages.find', tagListQuerySchema.shape),
  route('/tags/:slug.txt', 'tag-pages.findOneText', tagPageQuerySchema.shape),
  route('/tags/:slug/feed.xml', 'tag-pages.rss'),
  route('/tags/:slug/feed.atom', 'tag-pages.atom'),
  route('/tags/:slug/related', 'tag-pages.related', relatedTagsQuerySchema.shape),
  route('/tags/:slug', 'tag-pages.findOne', tagPageQuerySchema.shape),
]);
