import { isPlainObject } from '../plain-object';
import { QueryRefusal } from './refusal';

export interface PaginationLimits {
  /** Strapi's `api.rest.defaultLimit` and `maxLimit`. */
  defaultLimit: number;
  maxLimit: number;
  /** Deepest row an offset may reach. */
  maxOffset: number;
}

const KEYS = ['page', 'pageSize', 'start', 'limit', 'withCount'];
const WITH_COUNT = ['true', 't', '1', 'false', 'f', '0'];
const KEYSET = 'keyset pages (sort=id:asc&filters[id][$gt]=<last id seen>) or a tag page cursor (/api/newsroom/tags/:slug?after=)';
const show = (value: unknown) =>
  typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'a list' : value === null ? 'empty' : `an ${typeof value}`;
const thousands = (n: number) => n.toLocaleString('en-US');

// Digits only; a number too large to hold is still a number, refused below for how deep it reaches.
function whole(value: unknown, key: string, min: number): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min)) {
    throw new QueryRefusal(`pagination[${key}]`, `must be a whole number from ${min} up, not ${show(value)}`);
  }
  return n;
}

/**
 * Checks `pagination` as the query string parsed it (strings), the way
 * Strapi reads it, and refuses what Strapi would misread: numbers it cannot
 * store, negative or fractional pages, a page served as page 1, a limit of
 * -1 served as one row. Returns the pagination to pass on: as given, with
 * `limit=-1` ("as many as allowed", as Strapi documents it) made `maxLimit`.
 */
export function checkPagination(pagination: unknown, limits: PaginationLimits): Record<string, unknown> | undefined {
  if (pagination === undefined) return undefined;
  if (!isPlainObject(pagination)) {
    throw new QueryRefusal('pagination', `must hold page and pageSize, or start and limit (pagination[page]=2), not ${show(pagination)}`);
  }
  const unknown = Object.keys(pagination).find((key) => !KEYS.includes(key));
  if (unknown !== undefined) throw new QueryRefusal(`pagination[${unknown}]`, `is not a pagination parameter (${KEYS.join(', ')})`);
  const { page, pageSize, start, limit, withCount } = pagination;
  if (withCount !== undefined && !(typeof withCount === 'string' && WITH_COUNT.includes(withCount))) {
    throw new QueryRefusal('pagination[withCount]', `must be true or false, not ${show(withCount)}`);
  }
  const paged = page !== undefined || pageSize !== undefined;
  const offset = start !== undefined || limit !== undefined;
  if (paged && offset) throw new QueryRefusal('pagination', 'takes page and pageSize, or start and limit, not both');

  if (offset) {
    const first = start === undefined ? 0 : whole(start, 'start', 0);
    const count = limit === '-1' ? limits.maxLimit : limit === undefined ? limits.defaultLimit : whole(limit, 'limit', 1);
    const reach = first + Math.min(count, limits.maxLimit);
    if (reach > limits.maxOffset) {
      throw new QueryRefusal(
        'pagination[start]',
        `start ${thousands(first)} reaches row ${thousands(reach)}, past the ${thousands(limits.maxOffset)} rows offsets may reach`,
        KEYSET,
      );
    }
    return limit === '-1' ? { ...pagination, limit: String(limits.maxLimit) } : pagination;
  }

  const number = page === undefined ? 1 : whole(page, 'page', 1);
  const size = Math.min(pageSize === undefined ? limits.defaultLimit : whole(pageSize, 'pageSize', 1), limits.maxLimit);
  const reach = number * size;
  if (reach > limits.maxOffset) {
    throw new QueryRefusal(
      'pagination[page]',
      `page ${thousands(number)} of ${size} reaches row ${thousands(reach)}, past the ${thousands(limits.maxOffset)} rows pages may reach (page ${Math.floor(limits.maxOffset / size)} at most)`,
      KEYSET,
    );
  }
  return pagination;
}
