import { z } from 'zod';
import { excerptSettingsSchema } from './excerpt-settings';

export const excerptPreviewSchema = z
  .object({
    body: z.unknown(),
    customExcerpt: z.string().nullable().optional(),
    bodyFormat: z.enum(['blocks', 'markdown', 'html', 'text']).default('blocks'),
    // Settings to try before saving them (the settings page's live preview).
    settings: excerptSettingsSchema.partial().optional(),
  })
  .strict();
