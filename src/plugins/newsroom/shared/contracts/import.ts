/**
 * The admin import route (POST /newsroom/import) as the server sends it and
 * the admin reads it. Types only: the request is the server's validation
 * schema's own input type.
 */
import type { z } from 'zod';
import type { importRequestSchema } from '../../server/src/validation/import-request';

export type DocumentFormat = 'listing' | 'ndjson';
export type ArticleAction = 'created' | 'updated' | 'unchanged';

export interface ImportedItem {
  /** Where the article starts in the document, 1-based. */
  line: number;
  title: string;
  action: ArticleAction;
  documentId: string;
  /** Names of the sources detected in the article. */
  sources: string[];
}

/** What importing one document did, or would do (a dry run). */
export interface ImportSummary {
  file: string;
  format: DocumentFormat;
  dryRun: boolean;
  articles: Record<ArticleAction, number>;
  tags: { created: string[] };
  sources: { created: string[] };
  /** The first articles (the importer's `maxItems`), in document order. */
  items: ImportedItem[];
  /** Articles not listed in `items` (a large NDJSON file). */
  itemsOmitted: number;
  durationMs: number;
}

/**
 * Where a document is wrong, so an editor can fix the file. `line` is 1-based;
 * 0 means the whole file (its size, its encoding, missing items).
 */
export interface DocumentProblem {
  file: string;
  line: number;
  problem: string;
}

/** POST /newsroom/import: imports a document sent as text, or with `dryRun` checks it and rolls back. */
export declare namespace ImportDocument {
  interface Request {
    body: z.input<typeof importRequestSchema>;
  }
  interface Response {
    data: ImportSummary;
  }
  /** `error.details` of a 400 (the document is wrong) or of the route's own 413 (too large). */
  type ErrorDetails = DocumentProblem;
}
