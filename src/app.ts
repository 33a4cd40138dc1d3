import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Express } from 'express';
import { createServer, type Server } from 'node:http';
import { createRequestContext } from './app-context.js';
import type { RequestContext } from './auth/context.js';
import type { JwtSettings } from './auth/jwt.js';
import { createErrorFormatter, type ErrorLogger } from './errors/format-error.js';
import { graphiqlAssets, graphiqlPage } from './graphiql.js';
import { documentsRouter } from './http/documents-route.js';
import { publicationsFeed } from './http/publications-feed.js';
import { buildZhifaSchema } from './schema/build-schema.js';
import { aliasLimit } from './schema/limits.js';
import {
  DEFAULT_QUERY_COST_LIMITS,
  depthLimitRule,
  queryCostPlugin,
  type QueryCostLimits,
} from './schema/query-cost.js';
import {
  executionDeadlinePlugin,
  serviceUnavailableStatusPlugin,
} from './schema/execution-deadline.js';
import { RETRY_AFTER_SECONDS, classifyInfrastructureError } from './errors/infrastructure.js';
import { jsonErrorHandler, notFoundHandler } from './http/error-handler.js';
import { rateLimiters, type RateLimits } from './http/rate-limit.js';
import { refuseDeepJson } from './http/json-depth.js';
import { createPdfConverter } from './documents/pdf-conversion.js';
import { GraphQLError } from 'graphql';

export interface AppOptions {
  orm: MikroORM;
  /** Defaults to the system clock; tests pin it. */
  now?: () => Date;
  jwt: JwtSettings;
  production: boolean;
  logError?: ErrorLogger;
  /** Query depth and cost limits (ZHIFA_MAX_QUERY_DEPTH, ZHIFA_MAX_QUERY_COST). */
  queryLimits?: Partial<QueryCostLimits>;
  /** Per-request execution deadline in ms (ZHIFA_EXECUTION_TIMEOUT_MS). */
  executionTimeoutMs?: number;
  /** Requests per minute per officer and per client address (unset: no limit). */
  rateLimits?: RateLimits;
  /** LibreOffice conversions at once (ZHIFA_PDF_CONCURRENCY, default 1). */
  pdfConcurrency?: number;
}

export const DEFAULT_EXECUTION_TIMEOUT_MS = 10_000;

export interface ZhifaApp {
  apollo: ApolloServer<RequestContext>;
  express: Express;
  httpServer: Server;
}

const defaultErrorLogger: ErrorLogger = ({ errorId, error, path }) => {
  // Errors go to the server log with their id; the client sees only the id.
  console.error(`[zhifa] error ${errorId} at ${path?.join('.') ?? '(request)'}:`, error);
};

export async function createApolloServer(
  options: AppOptions,
  httpServer?: Server,
): Promise<ApolloServer<RequestContext>> {
  const schema = await buildZhifaSchema();
  const limits = { ...DEFAULT_QUERY_COST_LIMITS, ...options.queryLimits };
  const plugins = [
    queryCostPlugin(limits),
    executionDeadlinePlugin(options.executionTimeoutMs ?? DEFAULT_EXECUTION_TIMEOUT_MS),
    serviceUnavailableStatusPlugin(RETRY_AFTER_SECONDS),
    // Production serves no IDE and no third-party scripts (D7).
    ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
  ];
  return new ApolloServer<RequestContext>({
    schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: options.production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // server.ts owns shutdown (drain HTTP, stop the dispatcher, close the ORM, stop PostgreSQL);
    // Apollo's own handlers would stop it and re-raise the signal halfway through.
    stopOnTerminationSignals: false,
    validationRules: [depthLimitRule(limits.maxDepth), aliasLimit()],
    formatError: createErrorFormatter(options.logError ?? defaultErrorLogger, {
      production: options.production,
    }),
    plugins,
  });
}

export async function createApp(options: AppOptions): Promise<ZhifaApp> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const apollo = await createApolloServer(options, httpServer);
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  if (options.rateLimits) {
    app.use(rateLimiters(options.rateLimits, options.jwt));
  }
  app.use(
    documentsRouter(
      options.orm,
      options.jwt,
      createPdfConverter({
        concurrency: options.pdfConcurrency ?? 1,
        maxQueue: 4 * (options.pdfConcurrency ?? 1),
        cacheEntries: 64,
      }),
    ),
  );
  app.use(publicationsFeed(options.orm));
  if (!options.production) {
    app.use(graphiqlAssets('/graphql'));
    // A browser asking for HTML gets GraphiQL; API clients get GraphQL.
    app.get('/graphql', (req, res, next) => {
      if (
        req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) ===
          'text/html' &&
        !req.query.query
      ) {
        res.type('html').send(graphiqlPage());
        return;
      }
      next();
    });
  }
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    refuseDeepJson(),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          return await createRequestContext(options.orm, options.jwt, req.headers.authorization);
        } catch (error) {
          // The officer lookup needs a connection: an outage or a full pool is a 503, retryable.
          if (classifyInfrastructureError(error) === 'SERVICE_UNAVAILABLE') {
            throw new GraphQLError('服务暂时不可用', {
              originalError: error instanceof Error ? error : undefined,
              extensions: {
                code: 'SERVICE_UNAVAILABLE',
                http: {
                  status: 503,
                  headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]),
                },
              },
            });
          }
          throw error;
        }
      },
    }),
  );
  // Last: unknown routes and every error from body parsing, URL decoding or a route
  // answer one JSON shape, never Express's HTML page with a stack trace.
  app.use(notFoundHandler);
  app.use(jsonErrorHandler(options.logError ?? defaultErrorLogger));
  return { apollo, express: app, httpServer };
}

export { createRequestContext };
