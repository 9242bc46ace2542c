// Shapes of the plugin's routes, as the server sends them.

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface ExcerptSettings {
  maxLength: number;
  suffix: string;
}

export type BodyFormat = 'blocks' | 'markdown' | 'html' | 'text';

export interface ExcerptPreviewInput {
  body: unknown;
  customExcerpt?: string | null;
  bodyFormat?: BodyFormat;
  settings?: Partial<ExcerptSettings>;
}

export interface ExcerptPreview {
  excerpt: string;
  source: 'custom' | 'generated';
  length: number;
  settings: ExcerptSettings;
}

export interface RegenerationJob {
  status: 'idle' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  error: string | null;
  finishedAt: string | null;
}

export type ImportAction = 'created' | 'updated' | 'unchanged';

export interface ImportSummary {
  file: string;
  format: 'listing' | 'ndjson';
  dryRun?: boolean;
  articles: Record<ImportAction, number>;
  tags: { created: string[] };
  sources: { created: string[] };
  items: Array<{ line: number; title: string; action: ImportAction; documentId: string; sources: string[] }>;
  /** Articles past the items the server lists (a very large file). */
  itemsOmitted?: number;
}

/** `details` of an import error: where the document is wrong. Line 0 is the whole file. */
export interface DocumentProblem {
  file: string;
  line: number;
  problem: string;
}

export interface TagSummary {
  name: string;
  slug: string;
  description: string | null;
  articleCount: number;
}

export interface TagPageArticle {
  documentId: string;
  title: string;
  slug: string;
  excerpt: string | null;
  publishedAt: string;
  tags: Array<{ name: string; slug: string }>;
  sources: Array<{ name: string; slug: string; url: string | null }>;
}

export interface TagPage {
  data: { tag: TagSummary; articles: TagPageArticle[] };
  meta: { pagination: Pagination };
}

export interface RelatedTag {
  name: string;
  slug: string;
  sharedArticles: number;
}
