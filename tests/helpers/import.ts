import path from 'node:path';
import type { DocumentError } from '../../src/plugins/newsroom/server/src/lib/import';
import { TABLES, UIDS } from '../../src/plugins/newsroom/shared/constants';
import type { TestApp } from './strapi';

export const SEED_FILE = path.resolve(__dirname, '..', '..', 'database', 'seed-documents', 'us-led-coalition.txt');

/** The link table of one of the article's relations. */
function linkTable(app: Pick<TestApp, 'strapi'>, relation: 'tags' | 'sources'): string {
  const attribute = app.strapi.db.metadata.get(UIDS.article).attributes[relation];
  if (!('joinTable' in attribute) || !attribute.joinTable) throw new Error(`articles.${relation} has no link table`);
  return attribute.joinTable.name;
}

/** Rows of every table an import writes, to prove a failed one wrote nothing. */
export async function rowCounts(app: Pick<TestApp, 'strapi'>): Promise<Record<string, number>> {
  const { metadata } = app.strapi.db;
  const tables = [
    metadata.get(UIDS.article).tableName,
    metadata.get(UIDS.tag).tableName,
    metadata.get(UIDS.source).tableName,
    linkTable(app, 'tags'),
    linkTable(app, 'sources'),
    TABLES.tagArticles,
    TABLES.sourceArticles,
    TABLES.tagPairs,
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
