import type { Core } from '@strapi/strapi';
import type { OperationDefinitionNode } from 'graphql';
import { PLUGIN_ID } from '../../../shared/constants';
import { cacheableAnswers, noteCacheable } from '../graphql/cacheable-answers';
import { NEWSROOM_QUERY_ACTIONS } from '../graphql/resolvers';
import { getService } from '../utils/get-service';

export interface Operation {
  operation: OperationDefinitionNode;
  /** Apollo's hash of the query text. */
  queryHash: string;
  operationName: string | null;
  variables?: Record<string, unknown>;
  state: Record<string, unknown>;
}

/** An answer to build and remember(), once Apollo has built it. */
export interface Pending {
  key: string;
  builtAt: number;
  rootFields: number;
}

type Lookup = { hit: Record<string, unknown> } | { pending: Pending } | null;

const isNewsroomQuery = (name: string): name is keyof typeof NEWSROOM_QUERY_ACTIONS => Object.hasOwn(NEWSROOM_QUERY_ACTIONS, name);

/**
 * Whole GraphQL responses of operations made only of newsroom queries, in
 * the REST routes' response cache (services/response-cache.ts), invalidated
 * by the same cache tags: a hit skips execution, whose per-field cost
 * (Strapi wraps every field's resolver) is most of an uncached answer. An
 * operation is eligible when each root field is a newsroom query the caller
 * may call, without directives or fragments; anything else runs as usual.
 * The Apollo side is src/graphql/newsroom-response-cache.ts.
 */
const graphqlResponseCache = ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = () => getService(strapi, 'response-cache');

  async function permitted(state: Record<string, unknown>, field: keyof typeof NEWSROOM_QUERY_ACTIONS): Promise<boolean> {
    try {
      await strapi.auth.verify(state.auth as never, { scope: [`plugin::${PLUGIN_ID}.${NEWSROOM_QUERY_ACTIONS[field]}`] });
      return true;
    } catch {
      return false;
    }
  }

  return {
    async lookup({ operation, queryHash, operationName, variables, state }: Operation): Promise<Lookup> {
      if (operation.operation !== 'query' || operation.directives?.length) return null;
      const fields: Array<keyof typeof NEWSROOM_QUERY_ACTIONS> = [];
      for (const selection of operation.selectionSet.selections) {
        if (selection.kind !== 'Field' || selection.directives?.length || !isNewsroomQuery(selection.name.value)) return null;
        fields.push(selection.name.value);
      }
      for (const field of new Set(fields)) if (!(await permitted(state, field))) return null;
      const key = `graphql-operation|${queryHash}|${operationName ?? ''}|${JSON.stringify(variables ?? {})}`;
      const peeked = await cache().peek(key);
      if (!peeked) return null;
      const { entry, builtAt } = peeked;
      if (!entry) return { pending: { key, builtAt, rootFields: fields.length } };
      noteCacheable(state, entry.cacheTags, fields.length);
      return { hit: JSON.parse(entry.body.toString()) as Record<string, unknown> };
    },

    /** Keeps an answer with data and no error, every root field answered by a newsroom query. */
    async remember(pending: Pending, result: { data?: unknown; errors?: unknown }, state: Record<string, unknown>): Promise<void> {
      const noted = cacheableAnswers(state);
      if (result.errors !== undefined || !result.data || !noted || noted.answers !== pending.rootFields) return;
      await cache().store(pending.key, pending.builtAt, { body: JSON.stringify(result), type: 'application/json', cacheTags: [...noted.cacheTags] });
    },
  };
};

export default graphqlResponseCache;
