import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { entityTag, sendCached } from '../http/cached-response';
import { cacheableAnswers } from '../graphql/cacheable-answers';
import { pluginConfig } from '../utils/plugin-config';

/** Only answers with data and no error, every root field one of ours. */
function cacheableBody(body: unknown, answers: number): string | null {
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString() : null;
  if (text === null) return null;
  const parsed = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: unknown };
  if (parsed.errors !== undefined || !parsed.data || Object.keys(parsed.data).length !== answers) return null;
  return text;
}

/**
 * A GraphQL GET (`/graphql?query=…`, with Apollo's `apollo-require-preflight`
 * header, or a persisted query) whose root fields are all newsroom queries is
 * answered as the REST tag pages are: public max-age, a strong ETag and 304,
 * and their cache tags in Surrogate-Key and Cache-Tag, so the webhook's
 * purges reach it. Any other GET answer is `no-store`.
 */
const graphqlHttpCache = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const endpoint = () => String(strapi.config.get('plugin::graphql.endpoint', '/graphql'));
  return async (ctx: Context, next: () => Promise<void>) => {
    await next();
    if (ctx.path !== endpoint() || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return;
    const noted = cacheableAnswers(ctx.state);
    const body = noted && ctx.status === 200 ? cacheableBody(ctx.body, noted.answers) : null;
    // Apollo's cache-control plugin is off (config/plugins.ts): say it for every other GET.
    if (!noted || body === null) {
      if (!ctx.response.get('Cache-Control')) ctx.set('Cache-Control', 'no-store');
      return;
    }
    const bytes = Buffer.from(body);
    const entry = { body: bytes, type: 'application/json; charset=utf-8', etag: entityTag(bytes), cacheTags: [...noted.cacheTags] };
    sendCached(ctx, entry, pluginConfig(strapi, 'tagPages').maxAge);
  };
};

export default graphqlHttpCache;
