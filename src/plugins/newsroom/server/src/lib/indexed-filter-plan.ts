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

export type IndexedRelation = 'tags' | 'sources';
export type Direction = 'asc' | 'desc';

export interface OrderKey {
  key: 'publishedAt' | 'id';
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

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const onlyKey = (value: unknown): [string, unknown] | null => {
  if (!isPlainObject(value)) return null;
  const entries = Object.entries(value);
  return entries.length === 1 ? entries[0] : null;
};

/** The slugs of `{ slug: x }`, `{ slug: { $eq: x } }` or `{ slug: { $in: [x, ...] } }`. */
function slugsOf(condition: unknown): string[] | null {
  const field = onlyKey(condition);
  if (!field || field[0] !== 'slug') return null;
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
      if ((key !== 'publishedAt' && key !== 'id') || typeof direction !== 'string') return null;
      const lower = direction.toLowerCase();
      if (lower !== 'asc' && lower !== 'desc') return null;
      keys.push({ key, direction: lower });
    }
  }
  if (keys[keys.length - 1]?.key !== 'id') keys.push({ key: 'id', direction: 'asc' });
  const [first, second] = keys;
  if (keys.length === 1) return keys;
  if (keys.length === 2 && first.key === 'publishedAt' && second.key === 'id') return keys;
  return null;
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
  const maxSlugs = filter ? options.maxSlugs[filter[0] as IndexedRelation] : undefined;
  if (!filter || maxSlugs === undefined) return null;
  const relation = filter[0] as IndexedRelation;
  const slugs = slugsOf(filter[1]);
  if (!slugs) return null;
  const order = effectiveOrder(orderBy);
  if (!order) return null;

  if (slugs.length > maxSlugs) {
    const parameter = `filters[${relation}][slug][$in]`;
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
