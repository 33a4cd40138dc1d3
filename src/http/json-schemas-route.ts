import express, { type Router } from 'express';
import { allJsonSchemas } from '../events/json-schemas.js';

/**
 * GET /schemas/webhook/<EventType>.json, /schemas/feed-item.json, /schemas/feed.json: the
 * JSON Schemas (draft 2020-12) of webhook bodies and the public feed, public like the feed.
 * Built once from src/events/json-schemas.ts; docs/events/ holds the same files.
 */
export function jsonSchemasRoute(): Router {
  const router = express.Router();
  const bodies = new Map(allJsonSchemas().map((s) => [s.path, JSON.stringify(s.schema)]));
  router.get('/schemas/*path', (req, res, next) => {
    const body = bodies.get(req.path);
    if (!body) {
      next();
      return;
    }
    res.type('application/schema+json').set('cache-control', 'public, max-age=3600').send(body);
  });
  return router;
}
