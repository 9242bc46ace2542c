import type { DocumentFormat } from './import-summary';

const NDJSON_EXTENSIONS = /\.(?:ndjson|jsonl)$/i;
const LISTING_EXTENSIONS = /\.txt$/i;

/**
 * A document's format: from its file name's extension (.ndjson or .jsonl,
 * .txt), else from its first bytes (NDJSON lines are JSON objects; a
 * listing starts with its header).
 */
export function documentFormat(fileName: string, head: string): DocumentFormat {
  if (NDJSON_EXTENSIONS.test(fileName)) return 'ndjson';
  if (LISTING_EXTENSIONS.test(fileName)) return 'listing';
  return head.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'ndjson' : 'listing';
}
