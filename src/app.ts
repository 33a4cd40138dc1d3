import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Express } from 'express';
import { createServer, type Server } from 'node:http';
import { createRequestContext } from './app-context.js';
import type { RequestContext } from './auth/context.js';
import type { JwtSettings } from './auth/jwt.js';
import { createErrorFormatter, type ErrorLogger } from './errors/format-error.js';
import { graphiqlAssets, graphiqlPage } from './graphiql.js';
import { auditCheckpointsRoute } from './http/audit-checkpoints-route.js';
import { documentsRouter } from './http/documents-route.js';
import { publicationsFeed } from './http/publications-feed.js';
import { buildZhifaSchema } from './schema/build-schema.js';
import { aliasLimit, depthLimit } from './schema/limits.js';

export interface AppOptions {
  orm: MikroORM;
  /** Defaults to the system clock; tests pin it. */
  now?: () => Date;
  jwt: JwtSettings;
  production: boolean;
  logError?: ErrorLogger;
}

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
    validationRules: [depthLimit(), aliasLimit()],
    formatError: createErrorFormatter(options.logError ?? defaultErrorLogger),
    plugins: httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : [],
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
  app.use(documentsRouter(options.orm, options.jwt));
  app.use(publicationsFeed(options.orm));
  app.use(auditCheckpointsRoute(options.orm));
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
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createRequestContext(options.orm, options.jwt, req.headers.authorization, options.now),
    }),
  );
  return { apollo, express: app, httpServer };
}

export { createRequestContext };
