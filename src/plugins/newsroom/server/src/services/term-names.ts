import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLES, UIDS } from '../../../shared/constants';
import { searchRange, termKey, termNameRows, type NamedTerm } from '../lib/term-names';
import { chunked } from '../utils/chunked';

const NAMES = TABLES.termNames;
const UID_OF = { tag: UIDS.tag, source: UIDS.source } as const;

export type TermType = keyof typeof UID_OF;

type TermRow = NamedTerm & { id: number };

/**
 * Maintains the names table (lib/term-names.ts: every name, alias and slug of
 * a tag or source as keys, one row per word start) and reads it: the search
 * of `q=` and the importer's lookup by name or alias, both on the (type, key)
 * index. Every writer calls sync or remove in its own transaction (a plain
 * call gets one), so the table never disagrees with what was committed.
 */
const termNames = ({ strapi }: { strapi: Core.Strapi }) => {
  const inTransaction = async <T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
    strapi.db.transaction(async ({ trx }) => work(trx)) as unknown as Promise<T>;

  const termsOf = (type: TermType, where: Record<string, unknown>, limit?: number): Promise<TermRow[]> =>
    strapi.db.query(UID_OF[type]).findMany({ where, select: ['id', 'name', 'slug', 'aliases'], orderBy: { id: 'asc' }, limit });

  async function insert(trx: Knex.Transaction, type: TermType, terms: TermRow[]): Promise<void> {
    const rows = terms.flatMap((term) => termNameRows(term).map((row) => ({ type, term_id: term.id, ...row })));
    for (const chunk of chunked(rows, 200)) await trx(NAMES).insert(chunk);
  }

  return {
    /** Rewrites the rows of these terms from their current name, slug and aliases (a term gone has none). */
    async sync(type: TermType, termIds: number[]): Promise<void> {
      if (termIds.length === 0) return;
      await inTransaction(async (trx) => {
        for (const chunk of chunked([...new Set(termIds)])) {
          await trx(NAMES).where({ type }).whereIn('term_id', chunk).delete();
          await insert(trx, type, await termsOf(type, { id: { $in: chunk } }));
        }
      });
    },

    async remove(type: TermType, termIds: number[]): Promise<void> {
      if (termIds.length === 0) return;
      await inTransaction(async (trx) => {
        for (const chunk of chunked(termIds)) await trx(NAMES).where({ type }).whereIn('term_id', chunk).delete();
      });
    },

    /** Recomputes every row, in id order and batches. */
    async rebuild(): Promise<void> {
      await inTransaction(async (trx) => {
        await trx(NAMES).delete();
        for (const type of Object.keys(UID_OF) as TermType[]) {
          for (let lastId = 0; ; ) {
            const batch = await termsOf(type, { id: { $gt: lastId } }, 1000);
            if (batch.length === 0) break;
            await insert(trx, type, batch);
            lastId = batch[batch.length - 1].id;
          }
        }
      });
    },

    /**
     * An empty table beside tags or sources is a database from before the
     * table (its migration creates it empty): index it, with no manual step.
     * Three single-row reads otherwise.
     */
    async ensure(): Promise<boolean> {
      const knex = strapi.db.connection;
      if (await knex(NAMES).first('id')) return false;
      const tables = Object.values(UID_OF).map((uid) => strapi.db.metadata.get(uid).tableName);
      const found = await Promise.all(tables.map((table) => knex(table).first('id')));
      if (!found.some(Boolean)) return false;
      await this.rebuild();
      return true;
    },

    /**
     * Terms whose name or an alias has the key of one of `names` (word 0,
     * case, accents, punctuation and spacing aside): each key to its term
     * ids, those named so before those aliased so, then in id order.
     */
    async findByName(type: TermType, names: string[]): Promise<Map<string, number[]>> {
      const found = new Map<string, number[]>();
      const keys = [...new Set(names.map(termKey).filter(Boolean))];
      if (keys.length === 0) return found;
      // In the caller's transaction: an import finds the terms it created.
      await inTransaction(async (trx) => {
        for (const chunk of chunked(keys)) {
          const rows: Array<{ key: string; term_id: number }> = await trx(NAMES)
            .select('key', 'term_id')
            .where({ type, word: 0 })
            .whereIn('role', ['name', 'alias'])
            .whereIn('key', chunk)
            .orderBy([{ column: 'role', order: 'desc' }, { column: 'term_id' }]);
          for (const row of rows) found.set(row.key, [...(found.get(row.key) ?? []), row.term_id]);
        }
      });
      return found;
    },

    /**
     * The ids of the terms whose name, alias or slug matches `q` (a prefix of
     * any word start), as a subquery for the caller's query: a range scan of
     * the (type, key) index. null when `q` has no letter or digit.
     */
    matchingIds(type: TermType, q: string, knex: Knex = strapi.db.connection): Knex.QueryBuilder | null {
      const range = searchRange(q);
      if (!range) return null;
      return knex(NAMES)
        .distinct('term_id')
        .where('type', type)
        .andWhere('key', '>=', range.from)
        .andWhere('key', '<', range.to);
    },
  };
};

export default termNames;
