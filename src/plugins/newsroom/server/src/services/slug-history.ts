import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLES, UIDS, type RedirectType } from '../../../shared/constants';
import type { Redirect } from '../../../shared/contracts/redirects';
import type { Pagination } from '../../../shared/contracts/tag-pages';
import { applyPlan, isEmptyPlan, renamePlan, retirePlan, type RedirectPlan, type RedirectRow } from '../lib/slug-history';
import { chunked } from '../utils/chunked';
import { columnName, tableName } from '../utils/metadata';

const REDIRECTS = TABLES.redirects;
const TYPE_UIDS = { tag: UIDS.tag, source: UIDS.source, article: UIDS.article } as const;

/** What a write did to an entry's public slug. */
export interface SlugChange {
  documentId: string;
  /** Its public slug before the write and after it (null: none, as for an unpublished article). */
  before: string | null;
  after: string | null;
  /** The entry is gone: its slugs answer 410. */
  deleted?: boolean;
}

/**
 * Slug history, the one rule every writer calls for tags, sources and
 * articles (the Document Service middleware, merges, deletes with a
 * redirect): applies lib/slug-history.ts plans in the caller's transaction,
 * and answers where a retired slug leads for the public routes.
 */
/** Consecutive plans that only release slugs commute: one plan for each run of them. */
function coalesced(plans: RedirectPlan[]): RedirectPlan[] {
  const releasesOnly = (plan: RedirectPlan) => !plan.repoint && plan.write.length === 0;
  return plans.reduce<RedirectPlan[]>((runs, plan) => {
    const last = runs[runs.length - 1];
    if (last && releasesOnly(last) && releasesOnly(plan)) runs[runs.length - 1] = { ...last, release: [...last.release, ...plan.release] };
    else runs.push(plan);
    return runs;
  }, []);
}

const slugHistory = ({ strapi }: { strapi: Core.Strapi }) => {
  const inTransaction = <T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
    strapi.db.transaction(async ({ trx }) => work(trx)) as unknown as Promise<T>;

  /** The entries' public rows: tags and sources have one (no draft & publish, always published), articles their published one. */
  const target = (type: RedirectType) => {
    const uid = TYPE_UIDS[type];
    return { table: tableName(strapi, uid), slug: columnName(strapi, uid, 'slug'), publishedAt: columnName(strapi, uid, 'publishedAt') };
  };

  async function apply(trx: Knex.Transaction, type: RedirectType, plan: RedirectPlan): Promise<boolean> {
    if (isEmptyPlan(plan)) return false;
    let changed = plan.write.length > 0;
    if (plan.repoint) {
      changed = (await trx(REDIRECTS).where({ type, target_document_id: plan.repoint.from }).update({ target_document_id: plan.repoint.to })) > 0 || changed;
    }
    if (plan.write.length > 0) {
      const rows = plan.write.map((row) => ({ type, from_slug: row.from, target_document_id: row.target, created_at: Date.now() }));
      const insert = trx(REDIRECTS).insert(rows).onConflict(['type', 'from_slug']);
      await (plan.keep ? insert.ignore() : insert.merge(['target_document_id', 'created_at']));
    }
    for (const slugs of chunked(plan.release)) changed = (await trx(REDIRECTS).where({ type }).whereIn('from_slug', slugs).delete()) > 0 || changed;
    return changed;
  }

  /** The rows a plan can touch: those of the slugs it names and those pointing at its documents. */
  async function rowsAround(type: RedirectType, slugs: string[], documentIds: string[]): Promise<RedirectRow[]> {
    const rows: Array<{ from_slug: string; target_document_id: string | null }> = await inTransaction((trx) => trx(REDIRECTS)
      .where({ type })
      .andWhere((q) => q.whereIn('from_slug', slugs).orWhereIn('target_document_id', documentIds))
      .select('from_slug', 'target_document_id'));
    return rows.map((row) => ({ from: row.from_slug, target: row.target_document_id }));
  }

  const planOf = (change: SlugChange): RedirectPlan => {
    if (!change.deleted) return renamePlan(change.documentId, change.before, change.after);
    // A merge or a delete with a redirect retired it already: its rows are kept.
    return retirePlan(change.documentId, change.before, null, { keep: true });
  };

  return {
    /**
     * After a write: the redirects its slug change leaves. True when the
     * redirect list changed (a row written or removed, or an entry some rows
     * lead to appeared or went).
     */
    async follow(type: RedirectType, change: SlugChange): Promise<boolean> {
      const plan = planOf(change);
      return inTransaction(async (trx) => {
        const changed = await apply(trx, type, plan);
        if (changed || Boolean(change.before) === Boolean(change.after)) return changed;
        // Published or unpublished: the rows leading to it are listed, or no longer.
        return (await trx(REDIRECTS).where({ type, target_document_id: change.documentId }).first('id')) !== undefined;
      });
    },

    /**
     * `follow` for many entries in one transaction (an import's new tags):
     * each plan applied in turn, then one read for the entries some rows lead to.
     */
    async followAll(type: RedirectType, changes: SlugChange[]): Promise<boolean> {
      if (changes.length === 0) return false;
      return inTransaction(async (trx) => {
        let changed = false;
        for (const plan of coalesced(changes.map(planOf))) changed = (await apply(trx, type, plan)) || changed;
        const appeared = changes.filter((change) => Boolean(change.before) !== Boolean(change.after)).map((change) => change.documentId);
        if (changed || appeared.length === 0) return changed;
        for (const ids of chunked(appeared)) if ((await trx(REDIRECTS).where({ type }).whereIn('target_document_id', ids).first('id')) !== undefined) return true;
        return false;
      });
    },

    /** Before an entry goes for good (a merge, a delete): its slugs lead to `target` (a documentId) or are gone. */
    async retire(type: RedirectType, documentId: string, slug: string, targetDocumentId: string | null): Promise<void> {
      await inTransaction((trx) => apply(trx, type, retirePlan(documentId, slug, targetDocumentId)));
    },

    /** The rows that would lead to `documentId` after the plans, for a dry run: nothing is written. */
    async preview(type: RedirectType, plans: RedirectPlan[], slugs: string[], documentIds: string[]): Promise<RedirectRow[]> {
      let rows = await rowsAround(type, slugs, documentIds);
      for (const plan of plans) rows = applyPlan(rows, plan);
      return rows;
    },

    /** The slugs among `slugs` that currently redirect, and where. */
    async existing(type: RedirectType, slugs: string[]): Promise<RedirectRow[]> {
      return (await rowsAround(type, slugs, [])).filter((row) => slugs.includes(row.from));
    },

    /** Where a retired slug leads: `{ to }` (null: gone), or null when it was never retired. */
    async resolve(type: RedirectType, slug: string): Promise<{ to: string | null } | null> {
      const t = target(type);
      const row: { target_document_id: string | null; to: string | null } | undefined = await strapi.db
        .connection(`${REDIRECTS} as r`)
        .leftJoin(`${t.table} as t`, (on) => on.on('t.document_id', '=', 'r.target_document_id').andOnNotNull(`t.${t.publishedAt}`))
        .where({ 'r.type': type, 'r.from_slug': slug })
        .first('r.target_document_id', { to: `t.${t.slug}` });
      if (!row) return null;
      if (row.target_document_id === null) return { to: null };
      // Leads to an article that is not published now: nothing to send readers to.
      return row.to ? { to: row.to } : null;
    },

    /** Every redirect that leads somewhere or answers 410, oldest first. */
    async list(options: { type?: RedirectType; page: number; pageSize: number }): Promise<{ redirects: Redirect[]; pagination: Pagination }> {
      const types = options.type ? [options.type] : (Object.keys(TYPE_UIDS) as RedirectType[]);
      const knex = strapi.db.connection;
      const slugs = types.map((type) => `${type}.${target(type).slug}`);
      // The target's slug, from whichever table its type joined (COALESCE wants two arguments or more).
      const to = knex.raw(slugs.length === 1 ? '??' : `COALESCE(${slugs.map(() => '??').join(', ')})`, slugs);
      const base = () => {
        const query = knex(`${REDIRECTS} as r`).whereIn('r.type', types);
        for (const type of types) {
          const t = target(type);
          query.leftJoin(`${t.table} as ${type}`, (on) =>
            on.on(`${type}.document_id`, '=', 'r.target_document_id').andOnVal('r.type', '=', type).andOnNotNull(`${type}.${t.publishedAt}`),
          );
        }
        // Gone, or leading to an entry that is public now.
        return query.where((q) => q.whereNull('r.target_document_id').orWhereRaw('? IS NOT NULL', [to]));
      };
      const [{ n }] = await base().count({ n: '*' });
      const rows: Array<{ type: RedirectType; from_slug: string; to: string | null }> = await base()
        .select('r.type', 'r.from_slug', { to })
        .orderBy('r.id', 'asc')
        .limit(options.pageSize)
        .offset((options.page - 1) * options.pageSize);
      const total = Number(n);
      return {
        redirects: rows.map((row) => ({ type: row.type, from: row.from_slug, to: row.to ?? null, status: row.to ? 301 : 410 })),
        pagination: { page: options.page, pageSize: options.pageSize, pageCount: Math.ceil(total / options.pageSize), total },
      };
    },
  };
};

export default slugHistory;
