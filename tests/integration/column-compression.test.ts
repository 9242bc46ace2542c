import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { paragraphs } from '../helpers/blocks';
import { useTestApp } from '../helpers/test-app';

// Article bodies are compressed with lz4 on a PostgreSQL server built with it
// (services/column-compression.ts), set at boot, kept at the next boot, and
// read back unchanged; SQLite stores them as they are.

const app = useTestApp();
const body = paragraphs(Array.from({ length: 60 }, (_, i) => `Sentence ${i} of a long dispatch from the border.`).join(' '));

async function lz4Available(): Promise<boolean> {
  const { rows } = await app.strapi.db.connection.raw(`SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)`);
  return rows.length > 0;
}

test('a long body is stored compressed as the server allows, and reads back unchanged', async () => {
  const created = await app.documents(UIDS.article).create({ data: { title: 'A long dispatch', body }, status: 'published' });
  const read = await app.documents(UIDS.article).findOne({ documentId: created.documentId, status: 'published' });
  expect(read!.body).toEqual(body);
  if (app.database.client !== 'postgres') return;

  const knex = app.strapi.db.connection;
  const expected = (await lz4Available()) ? 'lz4' : 'pglz';
  // Both rows, draft and published: each a fresh value compressed on write.
  const { rows } = await knex.raw('SELECT pg_column_compression(body) AS method FROM articles WHERE document_id = ?', [created.documentId]);
  expect(rows.map((row: { method: string }) => row.method)).toEqual([expected, expected]);
  // A second boot's check finds it set and leaves the table alone.
  await app.service('column-compression').ensure();
  const { rows: column } = await knex.raw(`SELECT attcompression AS method FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'body'`);
  expect(column[0].method).toBe(expected === 'lz4' ? 'l' : '');
});
