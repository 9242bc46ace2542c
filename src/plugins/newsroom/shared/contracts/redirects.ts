/**
 * GET /api/newsroom/redirects: every retired slug and where it now leads, for
 * a frontend's middleware (Next.js, Nuxt) to redirect reader-facing URLs as
 * the API redirects its own. Types only.
 */
import type { RedirectType } from '../constants';
import type { Pagination } from './tag-pages';

export interface Redirect {
  type: RedirectType;
  from: string;
  /** The slug that answers now; null when the page is gone (status 410). */
  to: string | null;
  status: 301 | 410;
}

export declare namespace ListRedirects {
  interface Request {
    query: { type?: RedirectType; page?: number; pageSize?: number };
  }
  interface Response {
    data: Redirect[];
    meta: { pagination: Pagination };
  }
}
