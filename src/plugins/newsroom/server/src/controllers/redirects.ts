import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ListRedirects } from '../../../shared/contracts/redirects';
import { CACHE_TAGS } from '../lib/changes';
import { getService } from '../utils/get-service';
import { redirectListQuerySchema } from '../validation/redirects';
import { validate } from '../validation/validate';

const redirects = ({ strapi }: { strapi: Core.Strapi }) => {
  const list = async (query: unknown): Promise<ListRedirects.Response> => {
    const input = validate(redirectListQuerySchema, query, 'redirect list query');
    const { redirects: data, pagination } = await getService(strapi, 'slug-history').list(input);
    return { data, meta: { pagination } };
  };

  return {
    /** Public: cached and tagged like the other lists (any change of a redirect invalidates it). */
    find(ctx: Context) {
      return getService(strapi, 'response-cache').serve(ctx, async () => ({
        body: JSON.stringify(await list(ctx.query)),
        type: 'application/json; charset=utf-8',
        cacheTags: [CACHE_TAGS.all, CACHE_TAGS.list('redirects')],
      }));
    },

    /** The Tags page's list: the same answer, fresh. */
    async adminFind(ctx: Context) {
      ctx.body = await list(ctx.query);
    },
  };
};

export default redirects;
