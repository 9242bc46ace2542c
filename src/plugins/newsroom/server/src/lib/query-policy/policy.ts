import { INDEXED_FILTER, INDEXED_RELATIONS, type IndexedFilterShape } from '../indexed-filter-plan';
import { UIDS } from '../../../../shared/constants';

/**
 * What one request to Strapi's stock content API (`/api/articles`,
 * `/api/tags`, `/api/sources`) may ask for: the policy as data, so the
 * checker, the indexes made at boot and the README say the same thing.
 * Every shape allowed here is served by an index or is O(page size);
 * anything else is refused with a 400 naming the parameter and the cheap
 * way to get the same answer.
 */
export interface RefusedRelation {
  /** Why it is refused and what to call instead. */
  alternative: string;
  /** The same on GraphQL, where the relation is a field of the type. */
  graphql: string;
}

export interface ModelPolicy {
  /** Plural, as in the route: "articles". */
  plural: string;
  /** Scalar fields that sort through an index (services/table-indexes.ts makes them at boot); `id` always does. */
  sortable: readonly string[];
  /** Fields the scanning operators may search: tables as large as the taxonomy, not the archive. */
  searchable: readonly string[];
  /** Relations too large to populate or filter through (they grow with the archive). */
  refusedRelations: Readonly<Record<string, RefusedRelation>>;
  /** Relation filters served from an index, at the top level of `filters` only, with no other filter beside them. */
  relationFilters: Readonly<Record<string, IndexedFilterShape>>;
}

export interface QueryPolicy {
  /** Deepest row an offset may reach: `start + limit` (search engines stop at 10,000 too). */
  maxOffset: number;
  /** Levels of nested `populate`. */
  maxPopulateDepth: number;
  /** Levels of `$and` / `$or` / `$not` nesting in `filters`. */
  maxFilterNesting: number;
  /** Values in one `$in` / `$notIn` list. */
  maxListValues: number;
  /** Attribute types that hold long text: any filter on them is a full scan of the table. */
  longTextTypes: readonly string[];
  /** Operators no index serves (LIKE, LOWER()): each reads every row of the table. */
  scanningOperators: readonly string[];
  models: Readonly<Record<string, ModelPolicy>>;
}

export const { article: ARTICLE_UID, tag: TAG_UID, source: SOURCE_UID } = UIDS;

const TAG_PAGES = 'a tag page, /api/newsroom/tags/:slug (paginated, with cursors), or /api/articles?filters[tags][slug][$eq]=<slug>';
const SOURCE_ARTICLES = '/api/articles?filters[sources][slug][$eq]=<slug>';

export const PUBLIC_QUERY_POLICY: QueryPolicy = {
  maxOffset: 10_000,
  maxPopulateDepth: 2,
  maxFilterNesting: 3,
  maxListValues: 100,
  longTextTypes: ['text', 'richtext', 'blocks', 'json'],
  scanningOperators: [
    '$contains', '$containsi', '$notContains', '$notContainsi', '$startsWith', '$startsWithi', '$endsWith', '$endsWithi', '$eqi', '$nei',
  ],
  models: {
    [ARTICLE_UID]: {
      plural: 'articles',
      sortable: ['publishedAt', 'updatedAt', 'title'],
      searchable: [],
      refusedRelations: {},
      // What the indexed filter answers from an index; any other shape would be stock Strapi's join.
      relationFilters: Object.fromEntries(INDEXED_RELATIONS.map((relation) => [relation, INDEXED_FILTER])),
    },
    [TAG_UID]: {
      plural: 'tags',
      sortable: ['name'],
      searchable: ['name'],
      refusedRelations: { articles: { alternative: TAG_PAGES, graphql: 'newsroomTagPage(slug: …) (paginated, with cursors)' } },
      relationFilters: {},
    },
    [SOURCE_UID]: {
      plural: 'sources',
      sortable: ['name'],
      searchable: ['name'],
      refusedRelations: { articles: { alternative: SOURCE_ARTICLES, graphql: 'newsroomSourcePage(slug: …) (paginated, with cursors)' } },
      relationFilters: {},
    },
  },
};
