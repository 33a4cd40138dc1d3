import type { ApolloServer, BaseContext, HTTPGraphQLRequest } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type {
  ErrorRequestHandler,
  Express,
  NextFunction,
  Request,
  RequestHandler,
  Response,
} from 'express';
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * `POST /graphql` without Express's router: every GraphQL request walked the app's layers
 * (request id, CORS, health, metrics, rate limits, GraphiQL) matching paths, and then
 * `res.send` hashed the answer for an ETag nobody may use (the answer is `no-store`).
 * The same handlers, in the same order, run here on the same Express request and
 * response objects (rate limits read `req.ip`, errors answer through `res.status().json()`);
 * an error goes to the app's JSON error handler as it would through Express.
 * Anything else — another method, another path, `/graphql/…`, a path spelled with capitals —
 * is Express's, unchanged.
 */
export function isGraphqlPost(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  return (
    req.method === 'POST' &&
    url.startsWith('/graphql') &&
    (url.length === 8 || url.charCodeAt(8) === 63) /* '?' */
  );
}

/**
 * Request and response classes for `http.createServer` whose instances are made with
 * Express's prototypes for `app` (`app.request`, `app.response`), as `app.handle` and
 * graphqlPostHandler would set them: changing the prototype of every request's two objects
 * afterwards (`Object.setPrototypeOf`) costs V8 a new hidden class each time and leaves
 * Node's HTTP code with objects of many shapes. They still are `http.IncomingMessage` and
 * `http.ServerResponse` (Express's prototypes inherit from them); Express's own
 * `setPrototypeOf` to the same prototype changes nothing.
 */
export function expressHttpClasses(app: Express): {
  IncomingMessage: typeof IncomingMessage;
  ServerResponse: typeof ServerResponse;
} {
  function ExpressIncomingMessage(this: IncomingMessage, socket: Socket) {
    IncomingMessage.call(this, socket);
  }
  ExpressIncomingMessage.prototype = app.request;
  function ExpressServerResponse(
    this: ServerResponse,
    req: IncomingMessage,
    options?: Record<string, unknown>,
  ) {
    (ServerResponse as unknown as (req: IncomingMessage, options?: object) => void).call(
      this,
      req,
      options,
    );
  }
  ExpressServerResponse.prototype = app.response;
  return {
    IncomingMessage: ExpressIncomingMessage as unknown as typeof IncomingMessage,
    ServerResponse: ExpressServerResponse as unknown as typeof ServerResponse,
  };
}

/** Runs `handlers` as Express would (a handler's thrown error or rejected promise is `next(error)`). */
export function graphqlPostHandler(
  app: Express,
  handlers: readonly RequestHandler[],
  onError: ErrorRequestHandler,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (incoming, outgoing) => {
    // What app.handle does before its router: the two objects become Express's (already
    // made so by the server's request classes, expressHttpClasses; then nothing changes).
    const req = (
      Object.getPrototypeOf(incoming) === app.request
        ? incoming
        : Object.setPrototypeOf(incoming, app.request)
    ) as Request;
    const res = (
      Object.getPrototypeOf(outgoing) === app.response
        ? outgoing
        : Object.setPrototypeOf(outgoing, app.response)
    ) as Response;
    req.res = res;
    res.req = req;
    res.locals ??= Object.create(null) as Response['locals'];
    req.originalUrl = req.url;
    req.baseUrl = '';
    req.params = {};
    let index = 0;
    const fail = (error: unknown) => {
      // As Express's final handler: an error after the answer started can only end the connection.
      onError(error, req, res, () => req.socket.destroy());
    };
    const next: NextFunction = (error?: unknown) => {
      if (error !== undefined && error !== null) {
        fail(error);
        return;
      }
      const handler = handlers[index++];
      if (!handler) {
        fail(new Error('POST /graphql: no handler answered'));
        return;
      }
      try {
        const result = handler(req, res, next) as unknown;
        if (result instanceof Promise) {
          result.catch(fail);
        }
      } catch (thrown) {
        fail(thrown);
      }
    };
    next();
  };
}

/**
 * Hands the parsed request to Apollo and writes its answer, as @as-integrations/express5 does,
 * without `res.send` (its ETag hash and freshness check serve `GET` caches, not a `no-store` POST).
 */
export function apolloHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (args: { req: Request; res: Response }) => Promise<TContext>,
): RequestHandler {
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) {
        headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
    }
    const query = req.url.indexOf('?');
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: req.method.toUpperCase(),
      headers,
      search: query < 0 ? '' : req.url.slice(query),
      body: req.body as unknown,
    };
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => context({ req, res }),
    });
    for (const [key, value] of answer.headers) {
      res.setHeader(key, value);
    }
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(answer.body.string));
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) {
      res.write(chunk);
    }
    res.end();
  };
}
