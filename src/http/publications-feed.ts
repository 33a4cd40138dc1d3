import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { Publication } from '../entities/publication.entity.js';
import { toLocalDate } from '../procedure/local-date.js';
import type { PublicationFields } from '../publication/publication-record.js';
import type { HttpErrorBody } from './error-handler.js';

/**
 * GET /feeds/publications.json — the public 双公示 feed for credit portals.
 * The information is public by law (APL art. 48) and personal identity numbers
 * are already masked in the record. Portals poll with ?since=<next> (the cursor of the last change they saw); a
 * withdrawn decision stays in the feed with `withdrawnOn` and its ground (and without its fields),
 * so portals take it down. A record past its 公示截止期 (`endsOn`) has left publication: the feed no
 * longer serves it, withdrawn or not. Items follow docs/events/feed-item.json
 * (src/events/json-schemas.ts, also served at /schemas/feed-item.json).
 */
export interface FeedItem {
  id: string;
  caseId: string;
  publishedOn: string;
  endsOn: string;
  withdrawnOn: string | null;
  withdrawalGround: string | null;
  withdrawalReason: string | null;
  fields: PublicationFields | null;
}

export function feedItem(p: Publication): FeedItem {
  return {
    id: p.id,
    caseId: p.case.id,
    publishedOn: p.publishedOn,
    endsOn: p.endsOn,
    withdrawnOn: p.withdrawnOn ?? null,
    withdrawalGround: p.withdrawalGround ?? null,
    withdrawalReason: p.withdrawnOn ? (p.withdrawalReason ?? null) : null,
    // A withdrawn record is no longer public: portals get what they need to take it down.
    fields: p.withdrawnOn ? null : p.fields,
  };
}

export function publicationsFeed(orm: MikroORM, now: () => Date = () => new Date()): Router {
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
      const current = { endsOn: { $gte: toLocalDate(now()) } };
      // Ordered by last change, so a withdrawal brings the record back to portals that already had it.
      const rows = await em.find(
        Publication,
        since
          ? {
              ...current,
              $or: [
                { updatedAt: { $gt: since.updatedAt } },
                { updatedAt: since.updatedAt, id: { $gt: since.id } },
              ],
            }
          : current,
        { orderBy: { updatedAt: 'asc', id: 'asc' }, limit },
      );
      res.json({
        items: rows.map(feedItem),
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
