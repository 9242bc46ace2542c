import { z } from 'zod';

/** POST /newsroom/import: a document sent as text (the admin page reads the file). */
export const importRequestSchema = z
  .object({
    text: z.string(),
    /** Names the document in messages; its extension tells the format. */
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .regex(/^\P{Cc}*$/u, 'must not contain control characters')
      .default('document'),
    /** Otherwise from the file name, else from the first bytes. */
    format: z.enum(['listing', 'ndjson']).optional(),
    dryRun: z.boolean().default(false),
    draft: z.boolean().default(false),
  })
  .strict();
