'use strict';
// Change propagation (the newsroom plugin's page-versions, change-outbox and
// webhook-deliveries services):
// - page versions: per cache tag (a tag's pages, an article, the tag list...),
//   the sequence number (newsroom_content_version) of the change that last
//   touched it, so an instance that missed notifications reads exactly which
//   cached pages went stale since the change it saw last;
// - the outbox: each writer's change set, written in its transaction, so an
//   announced change is a committed one and a committed one is announced;
// - deliveries: what each webhook is owed, retried until delivered or given up,
//   kept across restarts and claimed by one instance at a time.
// Times are epoch milliseconds: one representation on SQLite and PostgreSQL.

const VERSIONS = 'newsroom_page_versions';
const OUTBOX = 'newsroom_change_outbox';
const DELIVERIES = 'newsroom_webhook_deliveries';

module.exports = {
  async up(trx, db) {
    const schema = () => db.getSchemaConnection(trx);
    if (!(await schema().hasTable(VERSIONS))) {
      await schema().createTable(VERSIONS, (table) => {
        table.string('key', 512).notNullable().primary(`${VERSIONS}_pkey`);
        table.bigInteger('seq').notNullable();
        table.index(['seq'], `${VERSIONS}_seq_idx`);
      });
    }
    if (!(await schema().hasTable(OUTBOX))) {
      await schema().createTable(OUTBOX, (table) => {
        table.increments('id').primary(`${OUTBOX}_pkey`);
        table.bigInteger('created_at').notNullable();
        // A ChangeSet as JSON (server/src/lib/changes/change-set.ts).
        table.text('change').notNullable();
        // The dispatcher that took it into an event; null while waiting.
        table.string('claim', 64);
        table.index(['claim', 'id'], `${OUTBOX}_claim_idx`);
      });
    }
    if (!(await schema().hasTable(DELIVERIES))) {
      await schema().createTable(DELIVERIES, (table) => {
        table.increments('id').primary(`${DELIVERIES}_pkey`);
        // strapi_webhooks.id; its url and headers are read at each attempt.
        table.integer('webhook_id').notNullable();
        table.string('event_id', 64).notNullable();
        table.integer('part').notNullable();
        table.integer('parts').notNullable();
        // The JSON body (shared/contracts/webhooks.ts PagesChangedPayload).
        table.text('payload').notNullable();
        table.string('status', 16).notNullable();
        table.integer('attempts').notNullable().defaultTo(0);
        table.integer('last_status');
        table.text('last_error');
        table.bigInteger('created_at').notNullable();
        table.bigInteger('next_attempt_at');
        table.bigInteger('delivered_at');
        // An attempt in flight on some instance: no other takes the row before this.
        table.bigInteger('claimed_until');
        table.index(['status', 'next_attempt_at'], `${DELIVERIES}_due_idx`);
        table.index(['created_at'], `${DELIVERIES}_created_idx`);
      });
    }
  },

  async down(trx, db) {
    for (const table of [VERSIONS, OUTBOX, DELIVERIES]) await db.getSchemaConnection(trx).dropTableIfExists(table);
  },
};
