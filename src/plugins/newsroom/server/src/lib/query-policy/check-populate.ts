import { isPlainObject } from '../plain-object';
import { checkFilters } from './check-filters';
import { checkFields, checkSort } from './check-sort-fields';
import { isRelation, relations, visibleAttribute, type Model, type Models } from './model';
import type { QueryPolicy } from './policy';
import { list, paramName, QueryRefusal } from './refusal';

const OPTIONS = ['fields', 'populate', 'filters', 'sort', 'count'];
const ALL = ['*', 'true', true];

interface Walk {
  models: Models;
  policy: QueryPolicy;
  path: string[];
  depth: number;
}

/** `populate=tags,sources`, `populate[0]=tags`, `populate=*`, `populate[tags][fields][0]=name`: as { relation: options }. */
function requested(populate: unknown, model: Model, walk: Walk): Array<[string, unknown, string[]]> {
  const param = paramName(walk.path);
  if (ALL.includes(populate as string)) return relations(model).map((name) => [name, true, walk.path]);
  if (typeof populate === 'string') return populate.split(',').map((name) => [name.trim(), true, walk.path]);
  if (Array.isArray(populate)) {
    return populate.flatMap((item, i) => {
      if (typeof item !== 'string') throw new QueryRefusal(paramName([...walk.path, String(i)]), 'must name a relation');
      return requested(item, model, { ...walk, path: [...walk.path, String(i)] });
    });
  }
  if (isPlainObject(populate)) return Object.entries(populate).map(([name, options]) => [name, options, [...walk.path, name]]);
  throw new QueryRefusal(param, 'must name relations: populate=tags, populate[tags][fields][0]=name or populate=*');
}

function checkLevel(populate: unknown, model: Model, walk: Walk): void {
  const modelPolicy = walk.policy.models[model.uid];
  const plural = modelPolicy?.plural ?? model.uid;
  for (const [dotted, options, path] of requested(populate, model, walk)) {
    // `populate=tags.sources` is Strapi's short form of one relation within another.
    const [name, ...deeper] = dotted.split('.');
    const param = paramName(path);
    if (!isRelation(visibleAttribute(model, name))) {
      throw new QueryRefusal(param, `"${name}" is not a relation of ${plural} (relations: ${list(relations(model))})`);
    }
    const refused = modelPolicy?.refusedRelations[name];
    if (refused) {
      const how = ALL.includes(populate as string) ? ' (populate=* asks for every relation)' : '';
      throw new QueryRefusal(param, `${plural}' ${name} are not populated${how}: there can be any number of them`, refused.alternative);
    }
    if (walk.depth + 1 > walk.policy.maxPopulateDepth) {
      throw new QueryRefusal(param, `populate nests ${walk.policy.maxPopulateDepth} relations deep at most`);
    }
    const target = walk.models[model.attributes[name].target!];
    const inner = { ...walk, path, depth: walk.depth + 1 };
    if (deeper.length > 0) checkLevel(deeper.join('.'), target, inner);
    else checkOptions(options, target, inner);
  }
}

function checkOptions(options: unknown, target: Model, walk: Walk): void {
  if (ALL.includes(options as string) || options === 'false' || options === false) return;
  if (!isPlainObject(options)) throw new QueryRefusal(paramName(walk.path), 'must be true, * or options (fields, populate, filters, sort)');
  const targetPolicy = walk.policy.models[target.uid];
  for (const [key, value] of Object.entries(options)) {
    const path = [...walk.path, key];
    if (!OPTIONS.includes(key)) throw new QueryRefusal(paramName(path), `is not a populate option (${OPTIONS.join(', ')})`);
    if (key === 'populate') checkLevel(value, target, { ...walk, path });
    if (key === 'filters') checkFilters(value, target, walk.policy, path);
    if (key === 'fields' && targetPolicy) checkFields(value, target, targetPolicy, path);
    if (key === 'sort' && targetPolicy) checkSort(value, target, targetPolicy, path);
  }
}

/** Populates only relations whose size does not grow with the archive, and not too deep. */
export function checkPopulate(populate: unknown, model: Model, models: Models, policy: QueryPolicy): void {
  if (populate === undefined) return;
  checkLevel(populate, model, { models, policy, path: ['populate'], depth: 0 });
}
