import type { Context } from 'koa';
import { PREVIEW_CACHE_CONTROL } from '../lib/preview-access';

/**
 * `GET /api/newsroom/preview`: its action is the preview permission an API
 * token is given (Strapi checks it before this runs), and it tells a frontend
 * that its token may read drafts.
 */
const preview = () => ({
  check(ctx: Context) {
    ctx.set('Cache-Control', PREVIEW_CACHE_CONTROL);
    ctx.body = { data: { drafts: true } };
  },
});

export default preview;
