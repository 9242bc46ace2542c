'use strict';
// Related tags read a co-occurrence table instead of joining every article of
// the tag: per (tag, other tag), the published articles they share, ranked by
// an index so a tag's most related tags cost O(limit) whatever its size. The
// newsroom plugin's term-page-index service keeps it in step with the
// tag-page index on every write; filled here from that index once.

const PAIRS = 'newsroom_tag_pairs';
const PAGES = 'newsroom_tag_articles';

module.exports = {
  async up(trx, db) {
    const schema = () => db.getSchemaConnection(trx);
    if (await schema().hasTable(PAIRS)) return;
    await schema().createTable(PAIRS, (table) => {
      table.integer('term_id').notNullable();
      table.integer('other_id').notNullable();
      table.integer('shared').notNullable();
      table.primary(['term_id', 'other_id'], `${PAIRS}_pkey`);
    });
    await trx.raw('CREATE INDEX ?? ON ?? (term_id, shared DESC, other_id ASC)', [`${PAIRS}_rank_idx`, PAIRS]);
    await trx.raw(
      'INSERT INTO ?? (term_id, other_id, shared) SELECT a.term_id, b.term_id, COUNT(*) FROM ?? a ' +
        'JOIN ?? b ON b.article_id = a.article_id AND b.term_id <> a.term_id GROUP BY a.term_id, b.term_id',
      [PAIRS, PAGES, PAGES],
    );
  },

  async down(trx, db) {
    await db.getSchemaConnection(trx).dropTableIfExists(PAIRS);
  },
};
