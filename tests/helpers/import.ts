import path from 'node:path';
import type { DocumentError } from '../../src/plugins/newsroom/server/src/lib/import';
import type { TestApp } from './strapi';

export const ARTICLE = 'api::article.article';
export const TAG = 'api::tag.tag';
export const SOURCE = 'api::source.source';
export const SEED_FILE = path.resolve(__dirname, '..', '..', 'database', 'seed-documents', 'us-led-coalition.txt');

export const importer = (app: TestApp) => app.strapi.plugin('newsroom').service('document-import');

/** Rows of every table an import writes, to prove a failed one wrote nothing. */
export async function rowCounts(app: TestApp): Promise<Record<string, number>> {
  const { metadata } = app.strapi.db;
  const tables = [
    metadata.get(ARTICLE).tableName,
    metadata.get(TAG).tableName,
    metadata.get(SOURCE).tableName,
    (metadata.get(ARTICLE).attributes.tags as any).joinTable.name,
    (metadata.get(ARTICLE).attributes.sources as any).joinTable.name,
    'newsroom_tag_articles',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ n }] = await app.strapi.db.connection(table).count({ n: '*' });
    counts[table] = Number(n);
  }
  return counts;
}

/** One NDJSON line. */
export const line = (article: Record<string, unknown>): string => JSON.stringify(article);
export const ndjson = (articles: Array<Record<string, unknown>>): string => articles.map(line).join('\n');

/** By name: the app throws the compiled plugin's class, tests import the TypeScript source's. */
export const isDocumentError = (error: unknown): error is DocumentError =>
  error instanceof Error && error.name === 'DocumentError';
