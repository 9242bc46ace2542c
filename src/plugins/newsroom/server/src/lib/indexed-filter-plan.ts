import { isPlainObject } from './plain-object';

/**
 * Which stock `GET /api/articles` queries can be answered from an index
 * instead of Strapi's `SELECT DISTINCT` over joins and `COUNT(DISTINCT)`:
 * those whose only filter is a tag (or source) slug, `$eq` or `$in`, and whose
 * order the index holds. It works on what the Document Service receives
 * (Strapi's own parse of the query string), so the rest of the query (fields,
 * populate, pagination arithmetic) stays Strapi's.
 *
 * The order is the one Strapi's query builder really emits: the sort asked
 * for, then `id ASC` unless id is already the last key (its pagination
 * tiebreak), so `sort=publishedAt:desc` is `published_at DESC, id ASC` and no
 * sort at all is `id ASC`.
 */

/** The relations whose filter an index answers. */
export const INDEXED_RELATIONS = ['tags', 'sources'] as const;
export type IndexedRelation = (typeof INDEXED_RELATIONS)[number];

export interface IndexedFilterShape {
  /** The target's attribute filtered on. */
  attribute: string;
  operators: readonly string[];
  /** The orders the index holds: one of these keys, then `id`. */
  sorts: readonly string[];
}

/** What an index answers: the only filter, on the slug, in one of these orders. The public query policy admits it and no other relation filter. */
export const INDEXED_FILTER = {
  attribute: 'slug',
  operators: ['$eq', '$in'],
  sorts: ['publishedAt', 'id'],
} as const satisfies IndexedFilterShape;

export type Direction = 'asc' | 'desc';

export interface OrderKey {
  key: (typeof INDEXED_FILTER.sorts)[number];
  direction: Direction;
}

export interface IndexedFilterPlan {
  relation: IndexedRelation;
  /** Distinct slugs, as given. */
  slugs: string[];
  /** `[id]` or `[publishedAt, id]`. */
  order: OrderKey[];
  /** Rows to skip and to return, as Strapi computed them from page/pageSize or start/limit. */
  start: number;
  limit: number;
}

export interface Refusal {
  message: string;
  details: { parameter: string; maxSlugs: number; slugs: number };
}

export type IndexedFilterDecision = { serve: IndexedFilterPlan } | { refuse: Refusal } | null;

export interface PlanOptions {
  /** The relations served, each with the most slugs one `$in` may list. */
  maxSlugs: Partial<Record<IndexedRelation, number>>;
}

// Anything else (a search, a locale, a publication filter...) changes what the
// query means: left to Strapi.
const KNOWN_PARAMS = new Set(['status', 'filters', 'sort', 'fields', 'populate', 'pagination', 'start', 'limit']);

const onlyKey = (value: unknown): [string, unknown] | null => {
  if (!isPlainObject(value)) return null;
  const entries = Object.entries(value);
  return entries.length === 1 ? entries[0] : null;
};

/** The slugs of `{ slug: x }`, `{ slug: { $eq: x } }` or `{ slug: { $in: [x, ...] } }`. */
function slugsOf(condition: unknown): string[] | null {
  const field = onlyKey(condition);
  if (!field || field[0] !== INDEXED_FILTER.attribute) return null;
  const value = field[1];
  if (typeof value === 'string') return [value];
  const operator = onlyKey(value);
  if (!operator) return null;
  const [name, operand] = operator;
  // Strapi reads a lone `$in` value as a list of one.
  if ((name === '$eq' || name === '$in') && typeof operand === 'string') return [operand];
  if (name === '$in' && Array.isArray(operand) && operand.length > 0 && operand.every((s) => typeof s === 'string')) {
    return [...new Set(operand as string[])];
  }
  return null;
}

/**
 * The ORDER BY Strapi emits for `orderBy` (its parse of `sort`: a sort map or
 * a list of them, absent without a sort), or null when it is not one an index
 * serves.
 */
export function effectiveOrder(orderBy: unknown): OrderKey[] | null {
  const maps = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
  const keys: OrderKey[] = [];
  for (const map of maps) {
    if (!isPlainObject(map)) return null;
    for (const [key, direction] of Object.entries(map)) {
      if (!isIndexedSort(key) || typeof direction !== 'string') return null;
      const lower = direction.toLowerCase();
      if (lower !== 'asc' && lower !== 'desc') return null;
      keys.push({ key, direction: lower });
    }
  }
  if (keys[keys.length - 1]?.key !== 'id') keys.push({ key: 'id', direction: 'asc' });
  return holdsOrder(INDEXED_FILTER.sorts, keys.map(({ key }) => key)) ? keys : null;
}

const isIndexedSort = (key: string): key is OrderKey['key'] => (INDEXED_FILTER.sorts as readonly string[]).includes(key);

/**
 * Whether an index in one of `sorts` (then `id`) holds the ORDER BY Strapi
 * emits for the sort keys `fields`: those, then `id` unless already last.
 */
export function holdsOrder(sorts: readonly string[], fields: readonly string[]): boolean {
  const emitted = fields[fields.length - 1] === 'id' ? fields : [...fields, 'id'];
  return emitted.length === 1 || (emitted.length === 2 && emitted[0] !== 'id' && sorts.includes(emitted[0]));
}

/**
 * `params`: the Document Service params of a findMany or count;
 * `orderBy`: Strapi's parse of `params.sort`.
 */
export function planIndexedFilter(params: Record<string, unknown>, orderBy: unknown, options: PlanOptions): IndexedFilterDecision {
  if (params.status !== 'published') return null;
  if (Object.keys(params).some((key) => !KNOWN_PARAMS.has(key))) return null;
  const { start, limit } = params;
  if (!Number.isSafeInteger(start) || (start as number) < 0) return null;
  // No limit (-1, allowed when no maxLimit is configured) would mean every row: left to Strapi.
  if (!Number.isSafeInteger(limit) || (limit as number) < 1) return null;

  const filter = onlyKey(params.filters);
  if (!filter || !(INDEXED_RELATIONS as readonly string[]).includes(filter[0])) return null;
  const relation = filter[0] as IndexedRelation;
  const maxSlugs = options.maxSlugs[relation];
  if (maxSlugs === undefined) return null;
  const slugs = slugsOf(filter[1]);
  if (!slugs) return null;
  const order = effectiveOrder(orderBy);
  if (!order) return null;

  if (slugs.length > maxSlugs) {
    const parameter = `filters[${relation}][${INDEXED_FILTER.attribute}][$in]`;
    return {
      refuse: {
        message: `${parameter} lists ${slugs.length} slugs; at most ${maxSlugs} allowed: split the request${
          relation === 'tags' ? ', or read each tag at /api/newsroom/tags/:slug' : ''
        }`,
        details: { parameter, maxSlugs, slugs: slugs.length },
      },
    };
  }
  return { serve: { relation, slugs, order, start: start as number, limit: limit as number } };
}
