import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatPath } from '../lib/blocks-shape';
import { graphemeLength, isCustomExcerpt } from '../lib/excerpt';
import { excerptPreviewSchema } from '../validation/excerpt-preview';
import { excerptSettingsSchema } from '../validation/excerpt-settings';
import { validate } from '../validation/validate';
import { getService, type ServiceName } from '../utils/get-service';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const excerpt = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = <K extends ServiceName>(name: K) => getService(strapi, name);

  return {
    async getSettings(ctx: Ctx) {
      const settings = service('excerpt-settings');
      ctx.body = { data: await settings.get(), meta: { configured: settings.configured() } };
    },

    async updateSettings(ctx: Ctx) {
      const input = validate(excerptSettingsSchema, ctx.request.body, 'excerpt settings');
      ctx.body = { data: await service('excerpt-settings').set(input) };
    },

    async resetSettings(ctx: Ctx) {
      ctx.body = { data: await service('excerpt-settings').reset() };
    },

    async preview(ctx: Ctx) {
      const input = validate(excerptPreviewSchema, ctx.request.body ?? {}, 'excerpt preview');
      // What a save of this body would refuse, the preview refuses too.
      const problem = Array.isArray(input.body) ? await service('content-rules').blocksProblem(input.body) : null;
      if (problem) {
        throw new errors.ValidationError(`Invalid excerpt preview at "${formatPath(problem.path)}": ${problem.message}`, {
          errors: [problem],
        });
      }
      const settings = { ...(await service('excerpt-settings').get()), ...input.settings };
      const text = await service('excerpts').compute(input, settings);
      ctx.body = {
        data: {
          excerpt: text,
          source: isCustomExcerpt(input.customExcerpt) ? 'custom' : 'generated',
          length: graphemeLength(text),
          settings,
        },
      };
    },

    async regenerationStatus(ctx: Ctx) {
      ctx.body = { data: await service('excerpt-regeneration').status() };
    },

    async startRegeneration(ctx: Ctx) {
      const state = await service('excerpt-regeneration').start();
      if (!state) return ctx.conflict('Excerpt regeneration is already running');
      ctx.status = 202;
      ctx.body = { data: state };
    },
  };
};

export default excerpt;
