'use strict';
// One counter, bumped in the same transaction as every write that can change
// what the public tag-page routes serve. Each server compares it with the
// version its cached responses were built from, so a write made by any
// instance (or by `npm run import` in another process) is seen at once.

const TABLE = 'newsroom_content_version';

module.exports = {
  async up(trx, db) {
    const schema = () => db.getSchemaConnection(trx);
    if (!(await schema().hasTable(TABLE))) {
      await schema().createTable(TABLE, (table) => {
        table.integer('id').notNullable().primary(`${TABLE}_pkey`);
        table.bigInteger('version').notNullable();
      });
    }
    if (!(await trx(TABLE).where({ id: 1 }).first())) await trx(TABLE).insert({ id: 1, version: 0 });
  },

  async down(trx, db) {
    await db.getSchemaConnection(trx).dropTableIfExists(TABLE);
  },
};
