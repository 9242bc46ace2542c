import { z } from 'zod';

/** The importer's limits (config/plugins.ts `newsroom.config.import`). */
export const importConfigSchema = z
  .object({
    /** Largest document read whole: a tag listing, or any document sent to the admin route. */
    maxDocumentBytes: z.number().int().positive(),
    /** Longest NDJSON line (NDJSON files are streamed, so only a line is held). */
    maxLineBytes: z.number().int().positive(),
  })
  .strict();

/** Documents imported on a fresh database (config/plugins.ts `newsroom.config.seed`). */
export const seedConfigSchema = z
  .object({
    enabled: z.boolean(),
    /** Relative to the project's root. */
    folder: z.string().min(1),
  })
  .strict();

export type ImportConfig = z.infer<typeof importConfigSchema>;
export type SeedConfig = z.infer<typeof seedConfigSchema>;
