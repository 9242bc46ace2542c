import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';

interface Context {
  state: Record<string, unknown>;
}

interface Pending {
  key: string;
  builtAt: number;
  rootFields: number;
}

/** The newsroom plugin's service (server/src/services/graphql-response-cache.ts), reached at request time. */
const service = () => strapi.plugin('newsroom').service('graphql-response-cache');

/**
 * Apollo's side of the newsroom's whole-response cache: before execution,
 * a fresh cached answer is sent as is; after it, an eligible answer is kept.
 * Authentication has run by then (the GraphQL route authenticates first), so
 * the service checks the caller's permissions as the resolvers would.
 */
export function newsroomResponseCachePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let pending: Pending | undefined;
      return {
        async responseForOperation({ operation, queryHash, operationName, request, contextValue }) {
          const found = await service().lookup({ operation, queryHash, operationName, variables: request.variables, state: contextValue.state });
          if (!found) return null;
          if ('pending' in found) {
            pending = found.pending;
            return null;
          }
          // The REST routes' header: which answers came from the cache.
          const headers = new HeaderMap([['x-newsroom-cache', 'hit']]);
          return { http: { status: undefined, headers }, body: { kind: 'single', singleResult: found.hit } };
        },
        async willSendResponse({ response, contextValue }) {
          if (!pending || response.body.kind !== 'single') return;
          response.http.headers.set('x-newsroom-cache', 'miss');
          await service().remember(pending, response.body.singleResult, contextValue.state);
        },
      };
    },
  };
}
