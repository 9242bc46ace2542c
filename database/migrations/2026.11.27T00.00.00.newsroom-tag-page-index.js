'use strict';
// The tag-page index (maintained by the newsroom plugin's tag-page-index
// service): one row per (tag, published article), keyed and ordered the way a
// tag page is read, so a page, a deep page and a count cost O(page size)
// instead of a scan of every article under the tag. Own tables: Strapi's
// schema sync leaves tables it does not track alone, and migrations run before
// it, so nothing here may depend on Strapi's tables existing yet.

const PAGES = 'newsroom_tag_articles';
const COUNTS = 'newsroom_tag_counts';

module.exports = {
  async up(trx, db) {
    const schema = () => db.getSchemaConnection(trx);
    if (!(await schema().hasTable(PAGES))) {
      await schema().createTable(PAGES, (table) => {
        table.integer('tag_id').notNullable();
        // The published row of the article (Strapi keeps a draft row beside it).
        table.integer('article_id').notNullable();
        table.string('document_id', 255).notNullable();
        // Epoch milliseconds: one representation on SQLite and PostgreSQL.
        table.bigInteger('published_at').notNullable();
        table.primary(['tag_id', 'article_id'], `${PAGES}_pkey`);
        table.index(['tag_id', 'published_at', 'article_id'], `${PAGES}_page_idx`);
        table.index(['article_id'], `${PAGES}_article_idx`);
        table.index(['document_id'], `${PAGES}_document_idx`);
      });
    }
    if (!(await schema().hasTable(COUNTS))) {
      await schema().createTable(COUNTS, (table) => {
        table.integer('tag_id').notNullable().primary(`${COUNTS}_pkey`);
        table.integer('article_count').notNullable();
        table.index(['article_count'], `${COUNTS}_count_idx`);
      });
    }
  },

  async down(trx, db) {
    await db.getSchemaConnection(trx).dropTableIfExists(PAGES);
    await db.getSchemaConnection(trx).dropTableIfExists(COUNTS);
  },
};
