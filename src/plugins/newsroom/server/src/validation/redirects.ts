import { z } from 'zod';
import { REDIRECT_TYPES } from '../../../shared/constants';
import { MAX_PAGE_SIZE, wholeNumber } from './tag-pages';

/** GET /api/newsroom/redirects and the admin's /newsroom/redirects. */
export const redirectListQuerySchema = z.object({
  type: z.enum(REDIRECT_TYPES).optional(),
  page: wholeNumber('page', 1_000_000).default(1),
  pageSize: wholeNumber('pageSize', MAX_PAGE_SIZE).default(100),
});
