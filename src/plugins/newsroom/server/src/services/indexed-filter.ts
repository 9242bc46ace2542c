import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { IndexedFilterPlan, IndexedRelation, OrderKey } from '../lib/indexed-filter-plan';
import { TABLES, UIDS } from '../../../shared/constants';
import type { LinkAttribute } from './table-indexes';

const { article: ARTICLE, tag: TAG, source: SOURCE } = UIDS;
const { tagArticles: PAGES, tagCounts: COUNTS } = TABLES;
const TARGETS: Record<IndexedRelation, string> = { tags: TAG, sources: SOURCE };

/**
 * The page and the total of a stock `/api/articles` filter on a tag or source
 * slug (lib/indexed-filter-plan.ts), read from an index rather than by joining
 * and de-duplicating every article under the tag:
 * - tags: the tag-page index, an index range read of `start + limit` rows
 *   (`newsroom_tag_articles`, ordered by the indexes of its migrations) and the
 *   per-tag count; a `$in` of several tags sorts and counts the union of
 *   their index rows;
 * - sources: the link table joined to the articles' (id, published_at) index
 *   (both made at boot by services/table-indexes.ts), O(the source's
 *   articles), until sources get an index of their own.
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
    const target = TARGETS[plan.relation];
    const ids = knex()(meta(target).tableName).select('id').whereIn(column(target, 'slug'), plan.slugs);
    return plan.slugs.length > 1 ? query.whereIn(idColumn, ids) : query.where(idColumn, ids);
  }

  const orderBy = (order: OrderKey[], columns: Record<OrderKey['key'], string>) =>
    order.map(({ key, direction }) => ({ column: columns[key], order: direction }));

  /** The published articles citing the plan's sources, joined through the link table. */
  function sourcesArticles(plan: IndexedFilterPlan): Knex.QueryBuilder {
    const articles = meta(ARTICLE);
    const link = (articles.attributes.sources as LinkAttribute).joinTable;
    const query = knex()(`${link.name} as l`)
      .join(`${articles.tableName} as a`, 'a.id', `l.${link.joinColumn.name}`)
      .whereNotNull(`a.${column(ARTICLE, 'publishedAt')}`);
    return ofTargets(query, `l.${link.inverseJoinColumn.name}`, plan);
  }

  const tagsArticles = (plan: IndexedFilterPlan) => ofTargets(knex()(PAGES), 'term_id', plan);

  /**
   * The (article_id, published_at) rows the page is cut from, in the plan's
   * order; an article under several of the slugs once. One tag's (or
   * source's) rows are distinct already (a primary key): DISTINCT, which
   * sorts them all, only for several.
   */
  function candidates(plan: IndexedFilterPlan): Knex.QueryBuilder {
    const publishedAt = `a.${column(ARTICLE, 'publishedAt')}`;
    const [query, columns, order] =
      plan.relation === 'tags'
        ? [tagsArticles(plan), { article_id: 'article_id', published_at: 'published_at' }, { publishedAt: 'published_at', id: 'article_id' }]
        : [sourcesArticles(plan), { article_id: 'a.id', published_at: publishedAt }, { publishedAt, id: 'a.id' }];
    return (plan.slugs.length > 1 ? query.distinct(columns) : query.select(columns)).orderBy(orderBy(plan.order, order));
  }

  return {
    /** The ids of the page's articles, in the plan's order. */
    async pageIds(plan: IndexedFilterPlan): Promise<number[]> {
      const rows: Array<{ article_id: number }> = await candidates(plan).limit(plan.limit).offset(plan.start);
      return rows.map((row) => row.article_id);
    },

    /** How many published articles the filter matches. */
    async total(plan: IndexedFilterPlan): Promise<number> {
      const several = plan.slugs.length > 1;
      if (plan.relation === 'tags' && !several) {
        const row = await ofTargets(knex()(COUNTS).select('article_count'), 'term_id', plan).first();
        return Number(row?.article_count ?? 0);
      }
      const query = plan.relation === 'tags' ? tagsArticles(plan) : sourcesArticles(plan);
      const idColumn = plan.relation === 'tags' ? 'article_id' : 'a.id';
      const [{ n }] = await (several ? query.countDistinct({ n: idColumn }) : query.count({ n: '*' }));
      return Number(n);
    },
  };
};

export default indexedFilter;
