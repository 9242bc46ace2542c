/**
 * GET /api/newsroom/redirects: every retired slug and where it now leads, for
 * a frontend's middleware (Next.js, Nuxt) to redirect reader-facing URLs as
 * the API redirects its own. Types only.
 */
import type { z } from 'zod';
import type { RedirectType } from '../constants';
import type { redirectListResponseSchema, redirectSchema } from '../../server/src/validation/responses';

export type Redirect = z.infer<typeof redirectSchema>;

export declare namespace ListRedirects {
  interface Request {
    query: { type?: RedirectType; page?: number; pageSize?: number };
  }
  type Response = z.infer<typeof redirectListResponseSchema>;
}
