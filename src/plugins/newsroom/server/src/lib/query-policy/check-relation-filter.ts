import { holdsOrder } from '../indexed-filter-plan';
import { isPlainObject } from '../plain-object';
import { sortTerms } from './check-sort-fields';
import type { ModelPolicy } from './policy';
import { QueryRefusal } from './refusal';

/**
 * A relation filter is served from an index only as the query's one filter,
 * in an order the index holds (`publishedAt` or `id`, then `id`): beside
 * another filter, or sorted otherwise, it would be stock Strapi's join over
 * every article of the tag.
 */
export function checkRelationFilterShape(query: Record<string, unknown>, policy: ModelPolicy): void {
  const filters = query.filters;
  if (!isPlainObject(filters)) return;
  const relation = Object.keys(filters).find((key) => Object.hasOwn(policy.relationFilters, key));
  if (relation === undefined) return;
  const shape = policy.relationFilters[relation];
  if (Object.keys(filters).length > 1) {
    throw new QueryRefusal(`filters[${relation}]`, 'is served as the only filter, with no other condition beside it', 'a tag page, /api/newsroom/tags/:slug');
  }
  const keys = query.sort === undefined ? [] : [...sortTerms(query.sort, ['sort'])].map((term) => term.field);
  if (!holdsOrder(shape.sorts, keys)) {
    throw new QueryRefusal('sort', `beside filters[${relation}], sorts by ${shape.sorts.join(' or ')} (then id) only`);
  }
}
