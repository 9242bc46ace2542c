import { z } from 'zod';
import { termKey } from '../lib/term-names';

// Query values arrive as strings; `?page=2&page=3` arrives as an array and is refused.
// Codecs, not transforms: the OpenAPI document (strapi openapi generate) shows what they decode to.
export const wholeNumber = (name: string, max: number) => {
  const range = `${name} must be between 1 and ${max}`;
  return z.codec(z.string().regex(/^\d{1,9}$/, `${name} must be a positive integer`), z.number().int().min(1, range).max(max, range), {
    decode: Number,
    encode: String,
  });
};

/** `true` or `false`, as a query string says it. */
export const flag = () =>
  z.codec(z.enum(['true', 'false']), z.boolean(), { decode: (value) => value === 'true', encode: (value) => (value ? 'true' : 'false') }).default(false);

export const MAX_PAGE_SIZE = 100;
export const MAX_SLUG_LENGTH = 255;
export const MAX_QUERY_LENGTH = 100;

/** `q=` of the tag lists, public and admin: a name, slug or alias to match by prefix or whole word (lib/term-names.ts). */
export const searchQuery = z
  .string()
  .trim()
  .min(1, 'q must not be empty')
  .max(MAX_QUERY_LENGTH, `q is longer than ${MAX_QUERY_LENGTH} characters`)
  .refine((q) => termKey(q) !== '', 'q must contain a letter or a digit');

// The controller tests slugs against it before any lookup.
export { SLUG_PATTERN } from '../lib/slug';

export const termSlugSchema = z.object({
  slug: z.string().min(1).max(MAX_SLUG_LENGTH, `slug is longer than ${MAX_SLUG_LENGTH} characters`),
});

export const termPageQuerySchema = z.object({
  page: wholeNumber('page', 1_000_000).optional(),
  pageSize: wholeNumber('pageSize', MAX_PAGE_SIZE).optional(),
  after: z.string().max(200, 'after is not a valid cursor').optional(),
  // `draft`: a preview token's preview of the page (controllers/term-pages.ts), JSON only.
  status: z.enum(['published', 'draft']).optional(),
});

export const termListQuerySchema = z.object({
  sort: z.enum(['count', 'name']).default('count'),
  page: wholeNumber('page', 1_000_000).default(1),
  pageSize: wholeNumber('pageSize', MAX_PAGE_SIZE).default(25),
  all: flag(),
  // Searched as lib/term-names.ts keys: what has no letter or digit would match everything.
  q: searchQuery.optional(),
});

export const relatedTagsQuerySchema = z.object({
  limit: wholeNumber('limit', 100).default(10),
});
