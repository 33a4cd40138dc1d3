import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../auth/context.js';
import type { Logger } from './logger.js';
import { currentRequestScope, REQUEST_ID_HEADER } from './request-scope.js';

/** Outcome code of a response: OK, or the first error's `extensions.code`. */
export type OperationObserver = (operation: string, outcome: string, seconds: number) => void;

/**
 * One log line per GraphQL operation: request id, operation name, officer id
 * and office (ids only, never names or case data), duration, SQL statement
 * count and outcome code. Variables and the query text are not logged: they
 * carry party data.
 */
export function operationLogPlugin(
  logger: Logger,
  observe: OperationObserver = () => {},
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      const requestId = request.http?.headers.get(REQUEST_ID_HEADER) ?? undefined;
      return {
        async willSendResponse({ operationName, response, contextValue }) {
          const durationMs = Math.round((performance.now() - started) * 10) / 10;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : [];
          const code = errors?.[0]?.extensions?.code;
          const outcome = errors?.length ? (typeof code === 'string' ? code : 'ERROR') : 'OK';
          const operation = operationName ?? request.operationName ?? '(anonymous)';
          observe(operation, outcome, durationMs / 1000);
          const line = {
            requestId,
            operation,
            officerId: contextValue.actor?.officerId,
            officeId: contextValue.actor?.officeId,
            durationMs,
            sqlStatements: currentRequestScope()?.sqlStatements,
            outcome,
          };
          if (outcome === 'OK') {
            logger.info(line, 'GraphQL operation');
          } else {
            logger.warn(line, 'GraphQL operation');
          }
        },
      };
    },
  };
}
