import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Knex } from 'knex';
import { isConcurrentChange } from '../utils/concurrent-change';
import { getService } from '../utils/get-service';
import { adminTagListQuerySchema, deleteTagQuerySchema, mergeTagsBodySchema, renameTagBodySchema } from '../validation/tag-admin';
import { termSlugSchema } from '../validation/tag-pages';
import { validate } from '../validation/validate';

/** The Tags page's routes (permission "Manage tags"): list, rename, merge, delete. */
const tagAdmin = ({ strapi }: { strapi: Core.Strapi }) => {
  // Two editors changing the same tags: the one who came second is told, nothing half-done.
  async function answer(ctx: Context, work: () => Promise<unknown>): Promise<void> {
    try {
      ctx.body = { data: await work() };
    } catch (error) {
      if (isConcurrentChange(error)) ctx.throw(409, (error as Error).message);
      throw error;
    }
  }

  return {
    async find(ctx: Context) {
      const { q, ...options } = validate(adminTagListQuerySchema, ctx.query, 'tag list query');
      const names = getService(strapi, 'term-names');
      // q was checked to hold a letter or digit: it always has a key range.
      const matching = q ? (knex: Knex) => names.matchingIds('tag', q, knex)! : undefined;
      const { tags, pagination } = await getService(strapi, 'tag-directory').list({ ...options, matching });
      ctx.body = { data: tags, meta: { pagination } };
    },

    rename(ctx: Context) {
      const { slug } = validate(termSlugSchema, ctx.params, 'tag slug');
      const input = validate(renameTagBodySchema, ctx.request.body ?? {}, 'rename');
      return answer(ctx, () => getService(strapi, 'tag-lifecycle').rename(slug, input));
    },

    merge(ctx: Context) {
      const input = validate(mergeTagsBodySchema, ctx.request.body ?? {}, 'merge');
      return answer(ctx, () => getService(strapi, 'tag-merge').merge(input));
    },

    remove(ctx: Context) {
      const { slug } = validate(termSlugSchema, ctx.params, 'tag slug');
      const input = validate(deleteTagQuerySchema, ctx.query, 'delete query');
      return answer(ctx, () => getService(strapi, 'tag-lifecycle').remove(slug, input));
    },
  };
};

export default tagAdmin;
