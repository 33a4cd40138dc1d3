import express from 'express';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  expressHttpClasses,
  graphqlPostHandler,
  isGraphqlPost,
} from '../../../src/http/graphql-post.js';

const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;

describe('isGraphqlPost', () => {
  it('takes POST /graphql with or without a query string, and leaves every other request to Express', () => {
    expect(isGraphqlPost(request('POST', '/graphql'))).toBe(true);
    expect(isGraphqlPost(request('POST', '/graphql?operation=Me'))).toBe(true);
    expect(isGraphqlPost(request('GET', '/graphql'))).toBe(false);
    expect(isGraphqlPost(request('OPTIONS', '/graphql'))).toBe(false);
    expect(isGraphqlPost(request('POST', '/graphql/'))).toBe(false);
    expect(isGraphqlPost(request('POST', '/graphqlx'))).toBe(false);
    expect(isGraphqlPost(request('POST', '/GraphQL'))).toBe(false);
    expect(isGraphqlPost(request('POST', '/graphql#x'))).toBe(false);
    expect(isGraphqlPost(request('POST', '/documents/1'))).toBe(false);
  });
});

describe('expressHttpClasses', () => {
  it("makes a server's requests and responses with the app's Express prototypes, still Node's classes", async () => {
    const app = express();
    app.set('trust proxy', false);
    const seen: { request: unknown; response: unknown; node: boolean }[] = [];
    app.get('/probe', (req, res) => {
      res.json({ ip: req.ip, path: req.path, query: req.query });
    });
    const server = createServer(expressHttpClasses(app));
    const graphqlPost = graphqlPostHandler(
      app,
      [
        (req, res) => {
          seen.push({
            request: Object.getPrototypeOf(req),
            response: Object.getPrototypeOf(res),
            node: req instanceof IncomingMessage && res instanceof ServerResponse,
          });
          res.status(201).json({ ip: req.ip, url: req.originalUrl });
        },
      ],
      (error, _req, res) => res.status(500).json({ error: String(error) }),
    );
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      seen.push({
        request: Object.getPrototypeOf(req),
        response: Object.getPrototypeOf(res),
        node: req instanceof IncomingMessage && res instanceof ServerResponse,
      });
      if (isGraphqlPost(req)) {
        graphqlPost(req, res);
      } else {
        void app(req, res);
      }
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    try {
      const { port } = server.address() as AddressInfo;
      const post = await fetch(`http://127.0.0.1:${port}/graphql?x=1`, { method: 'POST' });
      expect(post.status).toBe(201);
      expect(await post.json()).toEqual({ ip: '127.0.0.1', url: '/graphql?x=1' });
      const get = await fetch(`http://127.0.0.1:${port}/probe?a=b`);
      expect(get.status).toBe(200);
      expect(await get.json()).toEqual({ ip: '127.0.0.1', path: '/probe', query: { a: 'b' } });
      expect(seen).toHaveLength(3);
      for (const each of seen) {
        expect(each).toEqual({ request: app.request, response: app.response, node: true });
      }
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });
});
