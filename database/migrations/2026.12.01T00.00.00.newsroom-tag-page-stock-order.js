'use strict';
// Stock Strapi orders `sort=publishedAt:desc` as `published_at DESC, id ASC`
// (its pagination tiebreak is always id ascending). The stock tag filter,
// answered from the tag-page index (the newsroom plugin's indexed-filter
// service), reads a page in that order: this index holds it, so the page is a
// range read of `start + limit` rows however many articles share a date. The
// page index (tag_id, published_at, article_id) serves the same-direction
// orders and the primary key (tag_id, article_id) the id order.

const PAGES = 'newsroom_tag_articles';
const INDEX = `${PAGES}_stock_order_idx`;

module.exports = {
  async up(trx) {
    await trx.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (tag_id, published_at DESC, article_id ASC)`, [INDEX, PAGES]);
  },

  async down(trx) {
    await trx.raw('DROP INDEX IF EXISTS ??', [INDEX]);
  },
};
