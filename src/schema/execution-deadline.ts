import type { ApolloServerPlugin } from '@apollo/server';
import { startExecutionDeadline } from './field-resolvers.js';

/**
 * A per-request execution deadline: once an operation has run longer
 * than `ms`, every field still to resolve fails with EXECUTION_TIMEOUT, so the request
 * ends instead of holding a connection and the event loop. The cost limit keeps
 * accepted operations far below it; this is the backstop. The database's
 * statement_timeout bounds a single statement (see db/session-timeouts.ts).
 */
export function executionDeadlinePlugin(ms: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue }) {
          // Checked before each field by the schema's resolvers (field-resolvers.ts).
          startExecutionDeadline(contextValue, ms);
        },
      };
    },
  };
}

/**
 * A GraphQL answer whose every error is SERVICE_UNAVAILABLE (database down or busy) and
 * that carries no data goes out as HTTP 503 with Retry-After, like the REST routes.
 */
export function serviceUnavailableStatusPlugin(retryAfterSeconds: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') {
            return;
          }
          const { errors, data } = response.body.singleResult;
          if (
            errors?.length &&
            !data &&
            errors.every((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')
          ) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(retryAfterSeconds));
          }
        },
      };
    },
  };
}
