import { ndjson } from '../helpers/import';
import { useTestApp } from '../helpers/test-app';

/*
 * The indexes the plugin makes at boot on Strapi's own tables
 * (services/table-indexes.ts): one list, each index once, each made with its
 * columns in the order the queries need, on SQLite and PostgreSQL alike.
 */

const app = useTestApp();
const indexes = () => app.service('table-indexes');
const wanted = (): Array<{ table: string; name: string; columns: string[] }> => indexes().wanted();

/** The index's columns as the database holds them ("title desc", "id", ...), or undefined if there is none. */
async function made(name: string): Promise<string[] | undefined> {
  const knex = app.strapi.db.connection;
  const row =
    app.database.client === 'sqlite'
      ? await knex('sqlite_master').select({ sql: 'sql' }).where({ type: 'index', name }).first()
      : await knex('pg_indexes').select({ sql: 'indexdef' }).where({ indexname: name }).first();
  if (!row) return undefined;
  const sql: string = row.sql;
  return sql
    .slice(sql.lastIndexOf('(') + 1, sql.lastIndexOf(')'))
    .split(',')
    .map((column) => column.trim().replace(/["`]/g, '').replace(/ DESC$/i, ' desc'));
}

describe('table indexes', () => {
  it('lists each index once: the public sorts, the lookups, the source filter, the editors\' list', () => {
    expect(wanted().map((index) => index.name)).toEqual([
      'articles_published_at_asc_idx',
      'articles_published_at_desc_idx',
      'articles_updated_at_asc_idx',
      'articles_updated_at_desc_idx',
      'articles_title_asc_idx',
      'articles_title_desc_idx',
      'tags_name_asc_idx',
      'tags_name_desc_idx',
      'sources_name_asc_idx',
      'sources_name_desc_idx',
      'tags_slug_idx',
      'sources_slug_idx',
      'articles_import_key_idx',
      'articles_slug_idx',
      'articles_sources_lnk_source_id_article_id_idx',
      'articles_id_published_at_updated_at_idx',
      ...(app.database.client === 'sqlite' ? ['articles_published_at_title_id_idx'] : []),
    ]);
  });

  it('made them all at boot, columns in order: ties by id, drafts last where there are drafts, a source\'s links by source', async () => {
    for (const { name, columns } of wanted()) expect({ name, columns: await made(name) }).toEqual({ name, columns });
    const columnsOf = (name: string) => wanted().find((index) => index.name === name)?.columns;
    expect(columnsOf('articles_title_desc_idx')).toEqual(['title desc', 'id', 'published_at']);
    expect(columnsOf('articles_published_at_asc_idx')).toEqual(['published_at', 'id']);
    expect(columnsOf('tags_name_asc_idx')).toEqual(['name', 'id']); // tags have no drafts
    expect(columnsOf('articles_sources_lnk_source_id_article_id_idx')).toEqual(['source_id', 'article_id']);
  });

  it('makes a missing one again, with statistics on SQLite, and leaves the rest as they are', async () => {
    await app.importer().importDocument(
      ndjson([{ title: 'Indexed', body: 'Body.', bodyFormat: 'text', tags: ['Index'], sources: ['Wire'] }]),
      { fileName: 'table-indexes.ndjson' },
    );
    const knex = app.strapi.db.connection;
    await knex.raw('DROP INDEX ??', ['articles_id_published_at_updated_at_idx']);
    expect(await made('articles_id_published_at_updated_at_idx')).toBeUndefined();

    await indexes().ensure();
    for (const { name, columns } of wanted()) expect(await made(name)).toEqual(columns);
    if (app.database.client === 'sqlite') {
      const stats = await knex('sqlite_stat1').where({ idx: 'articles_id_published_at_updated_at_idx' });
      expect(stats).toHaveLength(1);
    }
  });

  it("serves the Content Manager's default list (draft rows by title) off an index, without sorting", async () => {
    const knex = app.strapi.db.connection;
    // The query Strapi's Content Manager makes for page 1 of the article list (its SQL, as Strapi builds it).
    const page = knex('articles as t0').select('t0.*').whereNull('t0.published_at').orderBy([{ column: 't0.title', order: 'asc' }, { column: 't0.id', order: 'asc' }]).limit(10);
    const { sql, bindings } = page.toSQL();
    if (app.database.client === 'sqlite') {
      const plan: Array<{ detail: string }> = await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings);
      const details = plan.map((row) => row.detail).join(' / ');
      expect(details).toContain('articles_published_at_title_id_idx');
      expect(details).not.toContain('TEMP B-TREE');
    } else {
      // PostgreSQL plans by size (a few rows here: any plan will do): with scans and sorts priced
      // out, what it would read on a large table, the page off the title sort index.
      await knex.transaction(async (trx) => {
        await trx.raw('SET LOCAL enable_seqscan = off');
        await trx.raw('SET LOCAL enable_sort = off');
        const { rows } = await trx.raw(`EXPLAIN ${sql}`, bindings);
        const plan = rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
        expect(plan).toMatch(/Index (Only )?Scan using articles_title_asc_idx/);
        expect(plan).not.toMatch(/Sort/);
      });
    }
  });
});
