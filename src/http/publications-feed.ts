import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { Publication } from '../entities/publication.entity.js';
import type { HttpErrorBody } from './error-handler.js';

/**
 * GET /feeds/publications.json — the public 双公示 feed for credit portals.
 * The information is public by law (APL art. 48) and personal identity numbers
 * are already masked in the record. Portals poll with ?since=<next> (the cursor of the last change they saw); a
 * withdrawn decision stays in the feed with `withdrawnOn`, so portals take it down.
 */
export function publicationsFeed(orm: MikroORM): Router {
  const router = express.Router();
  router.get('/feeds/publications.json', async (req, res, next) => {
    try {
      const limit = Math.min(Math.max(Number(req.query.limit ?? 100) || 100, 1), 500);
      const since = typeof req.query.since === 'string' ? parseSince(req.query.since) : undefined;
      if (req.query.since !== undefined && !since) {
        res.status(400).json({
          error: { code: 'INVALID_CURSOR', message: 'since 参数无效，请使用上一页返回的 next' },
        } satisfies HttpErrorBody);
        return;
      }
      const em = orm.em.fork();
      // Ordered by last change, so a withdrawal brings the record back to portals that already had it.
      const rows = await em.find(
        Publication,
        since
          ? {
              $or: [
                { updatedAt: { $gt: since.updatedAt } },
                { updatedAt: since.updatedAt, id: { $gt: since.id } },
              ],
            }
          : {},
        { orderBy: { updatedAt: 'asc', id: 'asc' }, limit },
      );
      res.json({
        items: rows.map((p) => ({
          id: p.id,
          publishedOn: p.publishedOn,
          withdrawnOn: p.withdrawnOn ?? null,
          withdrawalReason: p.withdrawalReason ?? null,
          fields: p.fields,
        })),
        next: rows.length > 0 ? cursorOf(rows[rows.length - 1]!) : (req.query.since ?? null),
      });
    } catch (error) {
      next(error);
    }
  });
  return router;
}

function cursorOf(publication: Publication): string {
  return Buffer.from(
    JSON.stringify([publication.updatedAt.toISOString(), publication.id]),
  ).toString('base64url');
}

function parseSince(value: string): { updatedAt: Date; id: string } | undefined {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    const updatedAt = new Date(at);
    return Number.isNaN(updatedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)
      ? undefined
      : { updatedAt, id };
  } catch {
    return undefined;
  }
}
