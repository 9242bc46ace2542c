import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from 'koa';
import { unavailableDuringRequest } from '../database/unavailable-during-request';
import { databaseUnavailableMessage, databaseUnavailableReason } from '../lib/database-unavailable';

/**
 * GraphQL's side of src/middlewares/database-unavailable.ts: Apollo catches
 * what resolvers throw and answers 200 with errors, so a database that
 * cannot be reached would look like a bad query. Such an answer becomes a
 * 503 with Retry-After, its errors coded SERVICE_UNAVAILABLE.
 */
export function databaseUnavailablePlugin(retryAfter: number): ApolloServerPlugin<{ koaContext: Context }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response, contextValue }) {
          if (!errors?.length) return;
          const reasons = errors.map((error) => databaseUnavailableReason(error.originalError) ?? unavailableDuringRequest(contextValue.koaContext) ?? null);
          const reason = reasons.find((found) => found !== null);
          if (!reason) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(retryAfter));
          if (response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          singleResult.errors = singleResult.errors?.map((formatted, i) =>
            reasons[i] ? { ...formatted, message: databaseUnavailableMessage(reasons[i]), extensions: { ...formatted.extensions, code: 'SERVICE_UNAVAILABLE' } } : formatted,
          );
        },
      };
    },
  };
}
