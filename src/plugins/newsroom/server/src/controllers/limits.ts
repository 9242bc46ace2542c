import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTION_NAMES, ACTIONS } from '../../../shared/constants';
import type { GetLimits } from '../../../shared/contracts/settings';
import { EXCERPT_SETTINGS_BOUNDS } from '../validation/excerpt-settings';
import type { ImportConfig } from '../validation/import-config';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/** The limits the server enforces, for the admin's forms to check before sending (never a copy of them). */
const limits = ({ strapi }: { strapi: Core.Strapi }) => ({
  get(ctx: Ctx) {
    // Any of the plugin's actions: an editor who may only import needs the import limits too.
    if (!ACTION_NAMES.some((name) => ctx.state.userAbility.can(ACTIONS[name]))) {
      throw new errors.ForbiddenError();
    }
    const body: GetLimits.Response = {
      data: {
        import: strapi.config.get('plugin::newsroom.import') as ImportConfig,
        excerpt: EXCERPT_SETTINGS_BOUNDS,
      },
    };
    ctx.body = body;
  },
});

export default limits;
