import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Express, type RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createRequestContext } from './app-context.js';
import { actorOnlyOperations, type ActorOnlyCheck } from './auth/actor-only-operations.js';
import type { RequestContext } from './auth/context.js';
import { DEFAULT_ROW_LEVEL_SECURITY, type RowLevelSecurity } from './auth/row-level-security.js';
import type { ApolloServerPlugin } from '@apollo/server';
import { signToken, type JwtSettings } from './auth/jwt.js';
import { EnforcementCertificate } from './entities/enforcement-certificate.entity.js';
import { createErrorFormatter, type ErrorLogger } from './errors/format-error.js';
import { isPlainDetailOperation } from './resolvers/case-detail-plain.js';
import { plainDetailResponsePlugin } from './resolvers/case-detail-response.js';
import { graphiqlAssets, graphiqlPage } from './graphiql.js';
import { auditCheckpointsRoute } from './http/audit-checkpoints-route.js';
import { documentsRouter } from './http/documents-route.js';
import {
  apolloHandler,
  expressHttpClasses,
  graphqlPostHandler,
  isGraphqlPost,
} from './http/graphql-post.js';
import { corsAllowList } from './http/cors.js';
import type { DownloadLinks } from './http/download-links.js';
import { jsonSchemasRoute } from './http/json-schemas-route.js';
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
import {
  INFRASTRUCTURE_MESSAGES,
  RETRY_AFTER_SECONDS,
  classifyInfrastructureError,
} from './errors/infrastructure.js';
import { jsonErrorHandler, notFoundHandler } from './http/error-handler.js';
import { rateLimiters, type RateLimits } from './http/rate-limit.js';
import { refuseDeepJson } from './http/json-depth.js';
import { createPdfConverter } from './documents/pdf-conversion.js';
import { GraphQLError } from 'graphql';
import { idempotencyPlugin } from './idempotency/idempotency-plugin.js';
import { healthRoutes } from './observability/health.js';
import { logger as defaultLogger, type Logger } from './observability/logger.js';
import { createMetrics, type MetricsOptions, type ZhifaMetrics } from './observability/metrics.js';
import { metricsHandler } from './observability/metrics-route.js';
import { operationLogPlugin, type OperationObserver } from './observability/operation-log.js';
import { countSqlStatements, requestScope } from './observability/request-scope.js';

export interface AppOptions {
  /** The owner's pool: system work (publication feed, checkpoints route, health, metrics). */
  orm: MikroORM;
  /**
   * The pool requests use when it logs in as the application role (embedded
   * PostgreSQL, ZHIFA_APP_DATABASE_URL); absent: `orm`, with a role switch per request.
   */
  requestOrm?: MikroORM;
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
  /** Defaults to the process logger (src/observability/logger.ts). */
  logger?: Logger;
  /**
   * `/metrics` on this app: 'main' serves it here (behind `metricsToken` when set),
   * 'off' leaves it to a separate port (server.ts) or disables it.
   */
  metricsEndpoint?: 'main' | 'off';
  metricsToken?: string;
  /** Signed download links (documents, case files); absent: plain paths needing the header. */
  downloadLinks?: DownloadLinks;
  /** Browser origins allowed by CORS (ZHIFA_CORS_ORIGINS). */
  corsOrigins?: readonly string[];
  /** GraphiQL's "log in as demo officer" button (only with demo data, never in production). */
  demoLogin?: boolean;
  /**
   * Express `trust proxy` (ZHIFA_TRUST_PROXY): which proxies' X-Forwarded-For gives the
   * client address the per-address rate limit counts. Default false: the socket address.
   */
  trustProxy?: boolean | number | string;
  /** How this process reports `/metrics` in a cluster (ZHIFA_WORKERS > 1); absent: alone. */
  metricsOptions?: Pick<MetricsOptions, 'businessGauges' | 'exposition'>;
  /** Seconds a stored Idempotency-Key answer is kept (ZHIFA_IDEMPOTENCY_TTL_SECONDS, default 24 h). */
  idempotencyTtlSeconds?: number;
  /** Row-level security for requests (ZHIFA_ROW_LEVEL_SECURITY, ZHIFA_DB_APP_ROLE); default on. */
  rowLevelSecurity?: RowLevelSecurity | false;
}

export const DEFAULT_EXECUTION_TIMEOUT_MS = 10_000;

export interface ZhifaApp {
  apollo: ApolloServer<RequestContext>;
  express: Express;
  httpServer: Server;
  metrics: ZhifaMetrics;
}

function errorLoggerFor(logger: Logger): ErrorLogger {
  // Errors go to the server log with their id; the client sees only the id.
  return ({ errorId, error, path }) =>
    logger.error({ errorId, path: path?.join('.') ?? '(request)', err: error }, 'internal error');
}

/**
 * Commits the request's scoped transaction before the answer leaves, so its writes are
 * visible then. If the commit fails (connection lost, database restarted) the answer
 * must not claim success: it becomes SERVICE_UNAVAILABLE (retryable; with an
 * Idempotency-Key the retry is safe) or a masked internal error, logged with its id.
 */
function endScopePlugin(logError: ErrorLogger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        // The actor's officer enters the request's identity map on its first read
        // (lazyActorFromRows). Every operation but a plain `case(id)` (which reads no
        // entity) reads it now, before any resolver runs or any transaction forks the map,
        // as when it entered with the context: later reads of the officer or their office
        // find them there, with the same statements as before.
        async didResolveOperation({ operation, document, schema, contextValue }) {
          const actor = contextValue.actor;
          if (
            actor &&
            !(
              operation &&
              isPlainDetailOperation(() => contextValue.em, schema, document, operation)
            )
          ) {
            void actor.officer;
          }
        },
        async willSendResponse({ contextValue, response }) {
          try {
            for (const step of contextValue.beforeEndScope ?? []) {
              await step();
            }
            await contextValue.endScope?.();
          } catch (error) {
            const errorId = randomUUID();
            logError({ errorId, error });
            const unavailable = classifyInfrastructureError(error) === 'SERVICE_UNAVAILABLE';
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [
                  {
                    message: unavailable
                      ? `${INFRASTRUCTURE_MESSAGES.SERVICE_UNAVAILABLE}（错误编号 ${errorId}）`
                      : `服务器内部错误（错误编号 ${errorId}）`,
                    extensions: unavailable
                      ? { code: 'SERVICE_UNAVAILABLE', retryable: true, errorId }
                      : { code: 'INTERNAL_SERVER_ERROR', errorId },
                  },
                ],
              },
            };
            response.http.status = unavailable ? 503 : 500;
            if (unavailable) {
              response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
            }
          }
        },
      };
    },
  };
}

const actorOnlyChecks = new WeakMap<ApolloServer<RequestContext>, ActorOnlyCheck>();

/** Whether a query text reads nothing but the actor, for this server's schema (actor-only-operations.ts). */
export function actorOnlyCheckOf(apollo: ApolloServer<RequestContext>): ActorOnlyCheck {
  return actorOnlyChecks.get(apollo) ?? (() => false);
}

export async function createApolloServer(
  options: AppOptions,
  httpServer?: Server,
  observeOperation?: OperationObserver,
): Promise<ApolloServer<RequestContext>> {
  const schema = await buildZhifaSchema();
  const logger = options.logger ?? defaultLogger;
  countSqlStatements(options.orm);
  if (options.requestOrm) {
    countSqlStatements(options.requestOrm);
  }
  const limits = { ...DEFAULT_QUERY_COST_LIMITS, ...options.queryLimits };
  const plugins = [
    endScopePlugin(options.logError ?? errorLoggerFor(logger)),
    idempotencyPlugin(options.idempotencyTtlSeconds),
    // A plain `case(id)` written without graphql-js's per-field execution (after idempotency).
    plainDetailResponsePlugin(),
    operationLogPlugin(logger, observeOperation),
    queryCostPlugin(limits),
    executionDeadlinePlugin(options.executionTimeoutMs ?? DEFAULT_EXECUTION_TIMEOUT_MS),
    serviceUnavailableStatusPlugin(RETRY_AFTER_SECONDS),
    // No answer is cacheable (case data, per officer): `cache-control: no-store` is set on
    // every /graphql response (createApp), without the cache-control plugin's per-field hints.
    ApolloServerPluginCacheControlDisabled(),
    // Production serves no IDE and no third-party scripts (D7).
    ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
  ];
  const apollo = new ApolloServer<RequestContext>({
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
    formatError: createErrorFormatter(options.logError ?? errorLoggerFor(logger), {
      production: options.production,
    }),
    plugins,
  });
  actorOnlyChecks.set(apollo, actorOnlyOperations(schema));
  return apollo;
}

function demoOfficerToken(options: AppOptions) {
  return async (certificate: string) => {
    const found = await options.orm.em
      .fork()
      .findOne(EnforcementCertificate, { number: certificate }, { populate: ['officer'] });
    return found?.officer.active ? signToken(found.officer.id, options.jwt, 12 * 3600) : undefined;
  };
}

export async function createApp(options: AppOptions): Promise<ZhifaApp> {
  const app = express();
  app.disable('x-powered-by');
  // Behind a load balancer every request comes from its address: trusting it (and only
  // it) for X-Forwarded-For makes per-address limits count clients, not the balancer.
  app.set('trust proxy', options.trustProxy ?? false);
  // Every response carries the request id (the caller's x-request-id when sane).
  app.use(requestScope);
  const cors = options.corsOrigins?.length ? [corsAllowList(options.corsOrigins)] : [];
  if (cors.length > 0) {
    app.use(cors);
  }
  // Its request listener is added once the routes exist (the drain plugin needs the server first).
  const httpServer = createServer(expressHttpClasses(app));
  const rowLevelSecurity = options.rowLevelSecurity ?? DEFAULT_ROW_LEVEL_SECURITY;
  const requestOrm = options.requestOrm ?? options.orm;
  const metrics = createMetrics(options.orm, {
    now: options.now,
    logger: options.logger,
    ...options.metricsOptions,
  });
  const apollo = await createApolloServer(options, httpServer, metrics.observeOperation);
  await apollo.start();
  const actorOnly = actorOnlyCheckOf(apollo);

  app.use(healthRoutes(options.orm));
  if ((options.metricsEndpoint ?? 'main') === 'main') {
    app.get('/metrics', metricsHandler(metrics, options.metricsToken));
  }
  // Both limits 0 ("no limit") leave no handler, and app.use() refuses an empty list.
  const limiters = options.rateLimits ? rateLimiters(options.rateLimits, options.jwt) : [];
  if (limiters.length > 0) {
    app.use(limiters);
  }
  if (!options.production) {
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
  const graphql: RequestHandler[] = [
    express.json({ limit: '100kb' }),
    refuseDeepJson(),
    // One layer: no answer is cacheable, and the scope is entered again after the body
    // parser (its stream callbacks ran outside it).
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      res.setHeader('cache-control', 'no-store');
      requestScope(req, res, next);
    },
    apolloHandler(apollo, async ({ req, res }) => {
      try {
        const context = await createRequestContext(
          requestOrm,
          options.jwt,
          req.headers.authorization,
          options.now,
          rowLevelSecurity,
          {
            actorOnly: actorOnly((req.body as { query?: unknown } | undefined)?.query as string),
            lazyOfficer: true,
          },
        );
        // Normally ended before the answer is sent (endScopePlugin); this covers a
        // request Apollo gives up on before its plugins run.
        res.once('close', () => {
          context.endScope?.().catch(() => {});
        });
        // Not spread: the context's `em` is made on first use (app-context.ts).
        context.downloadLinks = options.downloadLinks;
        return context;
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
    }),
  ];
  app.use('/graphql', graphql);
  // The other routes after /graphql: every GraphQL request would otherwise walk their
  // routers (none of them serves a /graphql path) before reaching its own handler.
  app.use(
    documentsRouter(
      requestOrm,
      options.jwt,
      createPdfConverter({
        concurrency: options.pdfConcurrency ?? 1,
        maxQueue: 4 * (options.pdfConcurrency ?? 1),
        cacheEntries: 64,
      }),
      options.downloadLinks,
      rowLevelSecurity,
    ),
  );
  app.use(publicationsFeed(options.orm, options.now));
  app.use(jsonSchemasRoute());
  app.use(auditCheckpointsRoute(options.orm));
  if (!options.production) {
    app.use(graphiqlAssets('/graphql', options.demoLogin ? demoOfficerToken(options) : undefined));
  }
  // Last: unknown routes and every error from body parsing, URL decoding or a route
  // answer one JSON shape, never Express's HTML page with a stack trace.
  app.use(notFoundHandler);
  const onError = jsonErrorHandler(
    options.logError ?? errorLoggerFor(options.logger ?? defaultLogger),
  );
  app.use(onError);
  // POST /graphql skips the router: the layers it would pass (request id, CORS, rate limits),
  // then its own, in the same order (src/http/graphql-post.ts).
  const graphqlPost = graphqlPostHandler(
    app,
    [requestScope, ...cors, ...limiters, ...graphql],
    onError,
  );
  httpServer.on('request', (req, res) => {
    if (isGraphqlPost(req)) {
      graphqlPost(req, res);
    } else {
      void app(req, res);
    }
  });
  return { apollo, express: app, httpServer, metrics };
}

export { createRequestContext };
