import { z } from 'zod';
import { flag, MAX_PAGE_SIZE, MAX_SLUG_LENGTH, searchQuery, wholeNumber } from './tag-pages';

const slug = z.string().trim().min(1, 'a slug is required').max(MAX_SLUG_LENGTH, `slug is longer than ${MAX_SLUG_LENGTH} characters`);

export const adminTagListQuerySchema = z.object({
  // An empty box lists every tag.
  q: z.union([z.literal(''), searchQuery]).optional(),
  sort: z.enum(['name', 'count', 'unpublished']).default('name'),
  page: wholeNumber('page', 1_000_000).default(1),
  pageSize: wholeNumber('pageSize', MAX_PAGE_SIZE).default(20),
});

export const renameTagBodySchema = z
  .object({
    name: z.string().trim().min(1, 'name may not be empty').max(255).optional(),
    slug: slug.optional(),
    dryRun: z.boolean().default(false),
  })
  .strict();

export const mergeTagsBodySchema = z
  .object({
    from: z
      .array(slug)
      .min(1, 'name at least one tag to merge')
      .max(100, 'merge at most 100 tags at once')
      .refine((slugs) => new Set(slugs).size === slugs.length, 'a tag is named twice'),
    into: slug,
    dryRun: z.boolean().default(false),
  })
  .strict();

export const deleteTagQuerySchema = z.object({
  redirectTo: slug.optional(),
  dryRun: flag(),
});
