import { z } from 'zod';

/** Excerpt settings, as configured in config/plugins.ts or saved by an editor. */
export const excerptSettingsSchema = z
  .object({
    maxLength: z.number().int().min(1).max(100_000),
    suffix: z.string().max(20),
  })
  .strict();

export type ExcerptSettings = z.infer<typeof excerptSettingsSchema>;
