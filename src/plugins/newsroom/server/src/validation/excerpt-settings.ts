import { z } from 'zod';

/** What excerpt settings may be; also served to the admin (controllers/limits.ts) to check its form before saving. */
export const EXCERPT_SETTINGS_BOUNDS = {
  maxLength: { min: 1, max: 100_000 },
  /** In UTF-16 code units, as zod and the admin's inputs count them. */
  suffix: { maxLength: 20 },
};

/** Excerpt settings, as configured in config/plugins.ts or saved by an editor. */
export const excerptSettingsSchema = z
  .object({
    maxLength: z.number().int().min(EXCERPT_SETTINGS_BOUNDS.maxLength.min).max(EXCERPT_SETTINGS_BOUNDS.maxLength.max),
    suffix: z.string().max(EXCERPT_SETTINGS_BOUNDS.suffix.maxLength),
  })
  .strict();

export type ExcerptSettings = z.infer<typeof excerptSettingsSchema>;
