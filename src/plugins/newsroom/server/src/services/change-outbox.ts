import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { TABLES } from '../../../shared/constants';
import { mergeChangeSets, type ChangeSet } from '../lib/changes';

const OUTBOX = TABLES.changeOutbox;
// Changes taken into one event at most: a backlog drains in several.
const MAX_CHANGES = 1000;

/** Changes merged into one event: what they touched, and when the first was committed (epoch ms). */
export interface ReadyEvent {
  change: ChangeSet;
  createdAt: number;
}

/**
 * The outbox of change sets: writers append to it in their transaction
 * (services/page-versions.ts), so a change is announced if and only if it
 * was committed; the dispatcher takes what has waited long enough.
 */
const changeOutbox = () => ({
  async append(trx: Knex.Transaction, change: ChangeSet): Promise<void> {
    await trx(OUTBOX).insert({ created_at: Date.now(), change: JSON.stringify(change) });
  },

  /** Outside any transaction: whether an event is due, so that an idle poll takes no lock. */
  async due(knex: Knex, coalesceMs: number, now: number): Promise<boolean> {
    const first: { created_at: number | string } | undefined = await knex(OUTBOX).whereNull('claim').orderBy('id').first('created_at');
    return first !== undefined && now - Number(first.created_at) >= coalesceMs;
  },

  /**
   * Inside the caller's transaction: every waiting change, merged into one
   * event, once the oldest is `coalesceMs` old; null before. The rows are
   * claimed by the transaction's first statement, an UPDATE, so two
   * instances never take the same one (on PostgreSQL the second waits on
   * the rows' locks, then finds them gone; on SQLite it waits for the write
   * lock, where a read first would fail with SQLITE_BUSY once another
   * process wrote), and deleted with the caller's commit.
   */
  async takeReady(trx: Knex.Transaction, coalesceMs: number, now: number): Promise<ReadyEvent | null> {
    const claim = randomUUID();
    const oldest = trx(OUTBOX).whereNull('claim').min('id');
    const taken = await trx(OUTBOX)
      .whereNull('claim')
      .where('id', '<', trx.raw('(?) + ?', [oldest, MAX_CHANGES]))
      .whereExists(trx(OUTBOX).whereNull('claim').where('created_at', '<=', now - coalesceMs).select(trx.raw('1')))
      .update({ claim });
    if (taken === 0) return null;
    const rows: Array<{ change: string; created_at: number | string }> = await trx(OUTBOX).where({ claim }).select('change', 'created_at');
    await trx(OUTBOX).where({ claim }).delete();
    return {
      change: mergeChangeSets(...rows.map((row) => JSON.parse(row.change) as ChangeSet)),
      createdAt: Math.min(...rows.map((row) => Number(row.created_at))),
    };
  },
});

export default changeOutbox;
