'use strict';
// Source pages read the same index design as tag pages (one engine, two
// uses): a row per (term, published article) and a count per term. The tag
// tables' `tag_id` becomes `term_id`, so one query module reads either pair;
// their indexes follow the renamed column on SQLite and PostgreSQL alike.

const TAG_PAGES = 'newsroom_tag_articles';
const TAG_COUNTS = 'newsroom_tag_counts';
const SOURCE_PAGES = 'newsroom_source_articles';
const SOURCE_COUNTS = 'newsroom_source_counts';

async function createIndex(schema, trx, pages, counts) {
  if (!(await schema().hasTable(pages))) {
    await schema().createTable(pages, (table) => {
      table.integer('term_id').notNullable();
      // The published row of the article (Strapi keeps a draft row beside it).
      table.integer('article_id').notNullable();
      table.string('document_id', 255).notNullable();
      // Epoch milliseconds: one representation on SQLite and PostgreSQL.
      table.bigInteger('published_at').notNullable();
      table.primary(['term_id', 'article_id'], `${pages}_pkey`);
      table.index(['term_id', 'published_at', 'article_id'], `${pages}_page_idx`);
      table.index(['article_id'], `${pages}_article_idx`);
      table.index(['document_id'], `${pages}_document_idx`);
    });
    // Stock Strapi's `sort=publishedAt:desc` order (published_at DESC, id ASC).
    await trx.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (term_id, published_at DESC, article_id ASC)', [`${pages}_stock_order_idx`, pages]);
  }
  if (!(await schema().hasTable(counts))) {
    await schema().createTable(counts, (table) => {
      table.integer('term_id').notNullable().primary(`${counts}_pkey`);
      table.integer('article_count').notNullable();
      table.index(['article_count'], `${counts}_count_idx`);
    });
  }
}

module.exports = {
  async up(trx, db) {
    const schema = () => db.getSchemaConnection(trx);
    for (const table of [TAG_PAGES, TAG_COUNTS]) {
      if (await schema().hasColumn(table, 'tag_id')) await trx.raw('ALTER TABLE ?? RENAME COLUMN ?? TO ??', [table, 'tag_id', 'term_id']);
    }
    await createIndex(schema, trx, SOURCE_PAGES, SOURCE_COUNTS);
  },

  async down(trx, db) {
    const schema = () => db.getSchemaConnection(trx);
    await schema().dropTableIfExists(SOURCE_PAGES);
    await schema().dropTableIfExists(SOURCE_COUNTS);
    for (const table of [TAG_PAGES, TAG_COUNTS]) await trx.raw('ALTER TABLE ?? RENAME COLUMN ?? TO ??', [table, 'term_id', 'tag_id']);
  },
};
