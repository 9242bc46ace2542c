import { z } from 'zod';
import { kindOf } from '../lib/blocks-shape';
import { excerptSettingsSchema } from './excerpt-settings';

export const excerptPreviewSchema = z
  .object({
    // Null: no body yet (a new article, an emptied editor). Checked below, for a clear message.
    body: z.unknown().optional(),
    customExcerpt: z.string().nullable().optional(),
    bodyFormat: z.enum(['blocks', 'markdown', 'html', 'text']).default('blocks'),
    // Settings to try before saving them (the settings page's live preview).
    settings: excerptSettingsSchema.partial().optional(),
  })
  .strict()
  .superRefine(({ body, bodyFormat }, ctx) => {
    if (body === undefined) ctx.addIssue({ code: 'custom', path: ['body'], message: 'is required (null when there is none)' });
    if (body === undefined || body === null) return;
    // The blocks themselves are checked by Strapi's rules (services/blocks-validation.ts).
    if (bodyFormat === 'blocks' && !Array.isArray(body)) {
      ctx.addIssue({
        code: 'custom',
        path: ['body'],
        message: `must be Strapi Blocks (an array of blocks) when bodyFormat is "blocks"; got ${kindOf(body)}`,
      });
    }
    if (bodyFormat !== 'blocks' && typeof body !== 'string') {
      ctx.addIssue({ code: 'custom', path: ['body'], message: `must be a string when bodyFormat is "${bodyFormat}"; got ${kindOf(body)}` });
    }
  });
