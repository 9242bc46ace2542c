'use strict';

// Tables of the tag lifecycle (server/src/services/slug-history.ts, term-names.ts):
// - redirects: one row per retired slug of a tag, source or article, pointing at
//   the document that now answers for it (null: gone, 410). Rows point at
//   documents, not slugs, so a chain a -> b -> c collapses by itself: both old
//   slugs name the document whose slug is now c.
// - term names: every name, alias and slug of a tag or source as normalised
//   keys, one row per word start, so a prefix or whole-word search and the
//   importer's lookup by name or alias read an index on both databases.
// Keys are compared bytewise (PostgreSQL's "C" collation, SQLite's BINARY):
// a range scan `key >= q AND key < q || U+10FFFF` is then a prefix match.

const REDIRECTS = 'newsroom_redirects';
const NAMES = 'newsroom_term_names';

module.exports = {
  async up(trx, db) {
    const schema = () => db.getSchemaConnection(trx);
    const postgres = db.dialect.client === 'postgres';
    const key = (table, column) =>
      postgres ? table.specificType(column, 'varchar(255) COLLATE "C"') : table.string(column, 255);
    if (!(await schema().hasTable(REDIRECTS))) {
      await schema().createTable(REDIRECTS, (table) => {
        table.increments('id').primary(`${REDIRECTS}_pkey`);
        table.string('type', 16).notNullable();
        table.string('from_slug', 255).notNullable();
        table.string('target_document_id', 255);
        table.bigInteger('created_at').notNullable();
        table.unique(['type', 'from_slug'], { indexName: `${REDIRECTS}_from_uq` });
        table.index(['type', 'target_document_id'], `${REDIRECTS}_target_idx`);
      });
    }
    if (!(await schema().hasTable(NAMES))) {
      await schema().createTable(NAMES, (table) => {
        table.increments('id').primary(`${NAMES}_pkey`);
        table.string('type', 16).notNullable();
        table.integer('term_id').notNullable();
        // name, alias or slug: what the key was made from.
        table.string('role', 8).notNullable();
        // 0 for the whole name; n for the key starting at its n-th word.
        table.integer('word').notNullable();
        key(table, 'key').notNullable();
        table.index(['type', 'key'], `${NAMES}_key_idx`);
        table.index(['type', 'term_id'], `${NAMES}_term_idx`);
      });
    }
  },

  async down(trx, db) {
    for (const table of [REDIRECTS, NAMES]) await db.getSchemaConnection(trx).dropTableIfExists(table);
  },
};
