import type { RequestHandler } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { ZhifaMetrics } from './metrics.js';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `GET /metrics` in the Prometheus text format; with a token, only for `Authorization: Bearer <token>`. */
export function metricsHandler(metrics: ZhifaMetrics, token: string | undefined): RequestHandler {
  return async (req, res) => {
    if (token) {
      const match = /^Bearer (\S+)$/i.exec(req.headers.authorization?.trim() ?? '');
      if (!match || !sameToken(match[1]!, token)) {
        res
          .status(401)
          .set('www-authenticate', 'Bearer')
          .type('text')
          .send('metrics token required\n');
        return;
      }
    }
    res
      .type(metrics.registry.contentType)
      .set('cache-control', 'no-store')
      .send(await metrics.exposition());
  };
}
