import { isPlainObject } from '../plain-object';
import { KEY_FIELDS, isRelation, scalarFields, visibleAttribute, type Model } from './model';
import type { ModelPolicy } from './policy';
import { list, paramName, QueryRefusal } from './refusal';

const ORDERS = ['asc', 'desc'];
const sortableOf = (policy: ModelPolicy) => ['id', ...policy.sortable];

/** One sort key and its order, from any of the forms Strapi takes. */
export function* sortTerms(sort: unknown, path: string[]): Generator<{ field: string; order: string | undefined; path: string[] }> {
  if (typeof sort === 'string') {
    for (const term of sort.split(',')) {
      const [field, order, ...rest] = term.trim().split(':');
      if (rest.length > 0) throw new QueryRefusal(paramName(path), `"${term}" is not field:asc or field:desc`);
      yield { field, order, path };
    }
  } else if (Array.isArray(sort)) {
    for (const [i, item] of sort.entries()) yield* sortTerms(item, [...path, String(i)]);
  } else if (isPlainObject(sort)) {
    for (const [field, order] of Object.entries(sort)) {
      if (isPlainObject(order)) throw new QueryRefusal(paramName([...path, field]), 'sorting through a relation is not served');
      if (typeof order !== 'string') throw new QueryRefusal(paramName([...path, field]), 'must be asc or desc');
      yield { field, order, path: [...path, field] };
    }
  } else {
    throw new QueryRefusal(paramName(path), 'must be field:asc, field:desc, or a list of them');
  }
}

/** Sorts on the fields the policy keeps an index for; never through a relation (`tags.name:asc`). */
export function checkSort(sort: unknown, model: Model, policy: ModelPolicy, path: string[] = ['sort']): void {
  if (sort === undefined) return;
  for (const { field, order, path: where } of sortTerms(sort, path)) {
    const param = paramName(where);
    if (field.includes('.') || isRelation(visibleAttribute(model, field))) {
      throw new QueryRefusal(param, `sorting through a relation ("${field}") is not served`);
    }
    if (!sortableOf(policy).includes(field)) {
      throw new QueryRefusal(param, `"${field}" is not a sortable field of ${policy.plural} (sortable: ${list(sortableOf(policy))})`);
    }
    if (order !== undefined && !ORDERS.includes(order.toLowerCase())) {
      throw new QueryRefusal(param, `the order of "${field}" must be asc or desc, not "${order}"`);
    }
  }
}

/** `fields` names the model's own fields (never relations: those are `populate`). */
export function checkFields(fields: unknown, model: Model, policy: ModelPolicy, path: string[] = ['fields']): void {
  if (fields === undefined) return;
  const names = typeof fields === 'string' ? fields.split(',').map((name) => name.trim()) : fields;
  if (!Array.isArray(names)) throw new QueryRefusal(paramName(path), 'must be a field name or a list of them');
  const known = [...KEY_FIELDS, ...scalarFields(model)];
  names.forEach((name, i) => {
    const param = paramName(typeof fields === 'string' ? path : [...path, String(i)]);
    if (typeof name !== 'string') throw new QueryRefusal(param, 'must be a field name');
    if (!known.includes(name)) {
      const hint = isRelation(visibleAttribute(model, name)) ? ` (a relation: use populate[${name}])` : '';
      throw new QueryRefusal(param, `"${name}" is not a field of ${policy.plural}${hint} (fields: ${list(known)})`);
    }
  });
}
