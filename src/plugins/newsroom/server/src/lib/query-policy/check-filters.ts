import { isPlainObject } from '../plain-object';
import { isRelation, scalarFields, visibleAttribute, type Model } from './model';
import type { QueryPolicy } from './policy';
import { list, paramName, QueryRefusal } from './refusal';

// Strapi 5's filter operators (@strapi/utils, operators.ts).
const OPERATORS = [
  '$eq', '$eqi', '$ne', '$nei', '$in', '$notIn', '$lt', '$lte', '$gt', '$gte', '$between',
  '$contains', '$notContains', '$containsi', '$notContainsi', '$startsWith', '$startsWithi',
  '$endsWith', '$endsWithi', '$null', '$notNull',
];
const LIST_OPERATORS = ['$in', '$notIn', '$between'];
const LOGICAL = ['$and', '$or', '$not'];

interface Walk {
  policy: QueryPolicy;
  model: Model;
  path: string[];
  nesting: number;
}

const plural = (walk: Walk) => walk.policy.models[walk.model.uid]?.plural ?? walk.model.uid;

function checkValues(operator: string, value: unknown, walk: Walk): void {
  const param = paramName(walk.path);
  if (LIST_OPERATORS.includes(operator)) {
    const values = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : [value];
    if (values.length > walk.policy.maxListValues) {
      throw new QueryRefusal(param, `lists at most ${walk.policy.maxListValues} values, not ${values.length}`);
    }
    if (values.some((item) => typeof item === 'object' && item !== null)) throw new QueryRefusal(param, 'must list plain values');
  } else if (typeof value === 'object' && value !== null) {
    throw new QueryRefusal(param, `${operator} takes a plain value`);
  }
}

/** A scalar attribute's condition: a value (meaning $eq) or operators with their values. */
function checkScalar(name: string, condition: unknown, walk: Walk): void {
  const attribute = walk.model.attributes[name];
  if (attribute && walk.policy.longTextTypes.includes(attribute.type)) {
    throw new QueryRefusal(paramName(walk.path), `filtering on ${name} (long text) is not served: it would read every one of the ${plural(walk)}`);
  }
  if (!isPlainObject(condition)) return checkValues('$eq', condition, walk);
  for (const [operator, value] of Object.entries(condition)) {
    const inner = { ...walk, path: [...walk.path, operator] };
    if (operator === '$not') {
      checkScalar(name, value, inner);
      continue;
    }
    if (!OPERATORS.includes(operator)) throw new QueryRefusal(paramName(inner.path), `"${operator}" is not a filter operator (${OPERATORS.join(', ')})`);
    const searchable = walk.policy.models[walk.model.uid]?.searchable ?? [];
    if (walk.policy.scanningOperators.includes(operator) && !searchable.includes(name)) {
      throw new QueryRefusal(paramName(inner.path), `no index serves ${operator}: it would read every one of the ${plural(walk)}`, `$eq, $in, $lt or $gt`);
    }
    checkValues(operator, value, inner);
  }
}

/** A relation filter: only the shapes the policy serves from an index, at the top level. */
function checkRelation(name: string, condition: unknown, walk: Walk, topLevel: boolean): void {
  const param = paramName(walk.path);
  const modelPolicy = walk.policy.models[walk.model.uid];
  const refused = modelPolicy?.refusedRelations[name];
  if (refused) throw new QueryRefusal(param, `filtering ${plural(walk)} through ${name} is not served`, refused.alternative);
  const shape = modelPolicy?.relationFilters[name];
  const served = shape ? `filters[${name}][${shape.attribute}][${shape.operators.join('|')}]` : undefined;
  if (!shape) throw new QueryRefusal(param, `filtering ${plural(walk)} through ${name} is not served`);
  if (!topLevel) throw new QueryRefusal(param, `a relation filter is served at the top level of filters only, as ${served}`);
  const keys = isPlainObject(condition) ? Object.keys(condition) : [];
  const value = isPlainObject(condition) ? condition[shape.attribute] : undefined;
  // `filters[tags][slug]=x` is Strapi's short form of $eq; the index answers one operator, not two at once.
  const operators = typeof value === 'string' ? { $eq: value } : value;
  if (keys.length !== 1 || !isPlainObject(operators) || Object.keys(operators).length !== 1) {
    throw new QueryRefusal(param, `the relation filter served is ${served}`);
  }
  for (const [operator, value] of Object.entries(operators)) {
    const path = [...walk.path, shape.attribute, operator];
    if (!shape.operators.includes(operator)) throw new QueryRefusal(paramName(path), `the relation filter served is ${served}`);
    checkValues(operator, value, { ...walk, path });
  }
}

function checkCondition(condition: Record<string, unknown>, walk: Walk, topLevel: boolean): void {
  for (const [key, value] of Object.entries(condition)) {
    const inner = { ...walk, path: [...walk.path, key] };
    if (LOGICAL.includes(key)) {
      if (walk.nesting >= walk.policy.maxFilterNesting) {
        throw new QueryRefusal(paramName(inner.path), `filters nest $and, $or and $not ${walk.policy.maxFilterNesting} levels deep at most`);
      }
      const items = key === '$not' ? [value] : Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : [value];
      items.forEach((item, i) => {
        const path = key === '$not' ? inner.path : [...inner.path, String(i)];
        if (!isPlainObject(item)) throw new QueryRefusal(paramName(path), 'must hold conditions: [field][$operator]=value');
        checkCondition(item, { ...inner, path, nesting: walk.nesting + 1 }, false);
      });
    } else if (key.startsWith('$')) {
      throw new QueryRefusal(paramName(inner.path), `"${key}" must follow a field name: filters[field][${key}]=value`);
    } else if (!visibleAttribute(walk.model, key)) {
      throw new QueryRefusal(paramName(inner.path), `"${key}" is not a field of ${plural(walk)} (fields: ${list(scalarFields(walk.model))})`);
    } else if (isRelation(walk.model.attributes[key])) {
      checkRelation(key, value, inner, topLevel);
    } else {
      checkScalar(key, value, inner);
    }
  }
}

/** `filters` (or a populated relation's `filters`) of `model`. */
export function checkFilters(filters: unknown, model: Model, policy: QueryPolicy, path: string[] = ['filters']): void {
  if (filters === undefined) return;
  if (!isPlainObject(filters)) throw new QueryRefusal(paramName(path), 'must hold conditions: filters[field][$operator]=value');
  checkCondition(filters, { policy, model, path, nesting: 0 }, path.length === 1);
}
