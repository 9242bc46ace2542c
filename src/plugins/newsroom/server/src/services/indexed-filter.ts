import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { IndexedFilterPlan, OrderKey } from '../lib/indexed-filter-plan';
import { TERM_INDEX } from '../../../shared/constants';

/**
 * The page and the total of a stock `/api/articles` filter on a tag or source
 * slug (lib/indexed-filter-plan.ts), read from the term-page index of tags or
 * of sources rather than by joining and de-duplicating every article under
 * the term: an index range read of `start + limit` rows (ordered by the
 * indexes of their migrations) and the per-term count; a `$in` of several
 * terms sorts and counts the union of their index rows.
 * Only published articles count, as in the stock query the route forces.
 */
const indexedFilter = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const meta = (uid: string) => strapi.db.metadata.get(uid);
  const column = (uid: string, attribute: string) =>
    (meta(uid).attributes[attribute] as { columnName?: string }).columnName ?? attribute;

  /**
   * `query` narrowed to rows whose `idColumn` is a tag (or source) with one of
   * the plan's slugs, found by a subquery (one round trip less; unknown slugs
   * are simply absent). Slugs are unique: one slug is at most one id, compared
   * with `=`, so the planner reads that id's index range in index order.
   */
  function ofTargets(query: Knex.QueryBuilder, idColumn: string, plan: IndexedFilterPlan): Knex.QueryBuilder {
    const target = TERM_INDEX[plan.relation].uid;
    const ids = knex()(meta(target).tableName).select('id').whereIn(column(target, 'slug'), plan.slugs);
    return plan.slugs.length > 1 ? query.whereIn(idColumn, ids) : query.where(idColumn, ids);
  }

  const orderBy = (order: OrderKey[], columns: Record<OrderKey['key'], string>) =>
    order.map(({ key, direction }) => ({ column: columns[key], order: direction }));

  const termArticles = (plan: IndexedFilterPlan) => ofTargets(knex()(TERM_INDEX[plan.relation].pages), 'term_id', plan);

  /**
   * The (article_id, published_at) rows the page is cut from, in the plan's
   * order; an article under several of the slugs once. One term's rows are
   * distinct already (a primary key): DISTINCT, which sorts them all, only
   * for several.
   */
  function candidates(plan: IndexedFilterPlan): Knex.QueryBuilder {
    const query = termArticles(plan);
    const columns = { article_id: 'article_id', published_at: 'published_at' };
    return (plan.slugs.length > 1 ? query.distinct(columns) : query.select(columns)).orderBy(orderBy(plan.order, { publishedAt: 'published_at', id: 'article_id' }));
  }

  return {
    /** The ids of the page's articles, in the plan's order. */
    async pageIds(plan: IndexedFilterPlan): Promise<number[]> {
      const rows: Array<{ article_id: number }> = await candidates(plan).limit(plan.limit).offset(plan.start);
      return rows.map((row) => row.article_id);
    },

    /** How many published articles the filter matches. */
    async total(plan: IndexedFilterPlan): Promise<number> {
      if (plan.slugs.length === 1) {
        const row = await ofTargets(knex()(TERM_INDEX[plan.relation].counts).select('article_count'), 'term_id', plan).first();
        return Number(row?.article_count ?? 0);
      }
      const [{ n }] = await termArticles(plan).countDistinct({ n: 'article_id' });
      return Number(n);
    },
  };
};

export default indexedFilter;
