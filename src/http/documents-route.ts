import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { signToken, type JwtSettings } from '../auth/jwt.js';
import type { DownloadLinks } from './download-links.js';
import { isInScope } from '../auth/office-scope.js';
import { createRequestContext } from '../app-context.js';
import { DEFAULT_ROW_LEVEL_SECURITY, type RowLevelSecurity } from '../auth/row-level-security.js';
import { isUuid } from '../commands/office.commands.js';
import { exportCaseFile } from '../commands/case-file.js';
import { checkStoredDocument } from '../commands/case-events.js';
import { CaseDocument } from '../entities/case-document.entity.js';
import { InterviewDocument } from '../entities/interview-document.entity.js';
import { Case } from '../entities/case.entity.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { PdfRendererUnavailableError } from '../documents/pdf.js';
import {
  createPdfConverter,
  PdfConverterBusyError,
  type PdfConverter,
} from '../documents/pdf-conversion.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** RFC 6266 / RFC 5987: an ASCII fallback plus the UTF-8 Chinese name. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function problem(res: express.Response, status: number, code: ErrorCode, message: string) {
  res.status(status).json({ error: { code, message } });
}

/**
 * GET /documents/:id — the stored .docx (or ?format=pdf, rendered by LibreOffice
 * where installed) to a caller whose office scope covers the case.
 */
export function documentsRouter(
  orm: MikroORM,
  jwt: JwtSettings,
  pdf: PdfConverter = createPdfConverter({ concurrency: 1, maxQueue: 4, cacheEntries: 64 }),
  links?: DownloadLinks,
  rowLevelSecurity: RowLevelSecurity | false = DEFAULT_ROW_LEVEL_SECURITY,
): Router {
  const router = express.Router();
  // A valid signed link stands in for the header: the officer it names is checked
  // (active, case in scope) exactly as a bearer token would be.
  const authorizationOf = (req: express.Request): string | undefined => {
    const officerId = req.headers.authorization ? undefined : links?.verify(req.path, req.query);
    return officerId ? `Bearer ${signToken(officerId, jwt, 60)}` : req.headers.authorization;
  };
  // The request's context and officer; without an officer, 401 is answered and nothing returned.
  const authenticate = async (req: express.Request, res: express.Response) => {
    const ctx = await createRequestContext(
      orm,
      jwt,
      authorizationOf(req),
      undefined,
      rowLevelSecurity,
    );
    // The request's scope transaction ends with the response, whatever happens.
    res.once('close', () => {
      ctx.endScope?.().catch(() => {});
    });
    if (!ctx.actor) {
      problem(
        res,
        401,
        ctx.authenticationError?.code ?? 'UNAUTHENTICATED',
        ctx.authenticationError?.message ?? '请先登录',
      );
      return undefined;
    }
    return { ctx, actor: ctx.actor };
  };
  /** The .docx as stored, or ?format=pdf rendered by LibreOffice (501 where not installed). */
  async function sendStored(
    req: express.Request,
    res: express.Response,
    stored: { baseName: string; content: Buffer; sha256: string },
  ): Promise<void> {
    const baseName = stored.baseName;
    if (req.query.format === 'pdf') {
      try {
        // Keyed by the bytes actually served, not the stored column.
        const digest = createHash('sha256').update(stored.content).digest('hex');
        const rendered = await pdf.toPdf(stored.content, digest);
        res.setHeader('Content-Type', 'application/pdf');
        res.setHeader('Content-Disposition', contentDisposition(`${baseName}.pdf`));
        res.send(rendered);
      } catch (error) {
        if (error instanceof PdfRendererUnavailableError) {
          problem(res, 501, error.code, error.message);
          return;
        }
        if (error instanceof PdfConverterBusyError) {
          res.setHeader('Retry-After', String(error.retryAfterSeconds));
          problem(res, 503, error.code, error.message);
          return;
        }
        throw error;
      }
      return;
    }
    res.setHeader('Content-Type', DOCX);
    res.setHeader('Content-Disposition', contentDisposition(`${baseName}.docx`));
    res.setHeader('X-Content-SHA256', stored.sha256);
    res.send(stored.content);
  }
  router.get('/documents/:id', async (req, res, next) => {
    try {
      const signedIn = await authenticate(req, res);
      if (!signedIn) {
        return;
      }
      const { ctx, actor } = signedIn;
      const id = req.params.id;
      const document = isUuid(id)
        ? await ctx.em.findOne(CaseDocument, { id }, { populate: ['case', 'content'] })
        : null;
      if (!document || !isInScope(actor, document.case.officePath)) {
        problem(res, 404, 'DOCUMENT_NOT_FOUND', '文书不存在或不在您的管辖范围内');
        return;
      }
      // Re-hash the bytes before serving them: replaced content is refused, never served as genuine.
      const integrity = await checkStoredDocument(ctx.em, document);
      if (!integrity.intact) {
        console.error(
          `[zhifa] document ${document.id} failed its integrity check (${integrity.failure}): stored ${document.sha256}, actual ${integrity.actualSha256}`,
        );
        problem(
          res,
          409,
          'DOCUMENT_INTEGRITY_VIOLATION',
          `文书内容与登记的 SHA-256 不符（${integrity.failure}），可能已被篡改，拒绝提供；请联系系统管理员核查`,
        );
        return;
      }
      // Everything needed is loaded: give the connection back before any conversion.
      await ctx.endScope?.();
      await sendStored(req, res, {
        baseName: `${document.title}${document.number ? `（${document.number}）` : ''}`,
        content: document.content,
        sha256: document.sha256,
      });
    } catch (error) {
      next(error);
    }
  });
  // 约谈文书: the interview's office scope, and the bytes re-hashed against their SHA-256.
  router.get('/interview-documents/:id', async (req, res, next) => {
    try {
      const signedIn = await authenticate(req, res);
      if (!signedIn) {
        return;
      }
      const { ctx, actor } = signedIn;
      const id = req.params.id;
      const document = isUuid(id)
        ? await ctx.em.findOne(InterviewDocument, { id }, { populate: ['content'] })
        : null;
      if (!document || !isInScope(actor, document.officePath)) {
        problem(res, 404, 'DOCUMENT_NOT_FOUND', '文书不存在或不在您的管辖范围内');
        return;
      }
      const actual = createHash('sha256').update(document.content).digest('hex');
      if (actual !== document.sha256) {
        console.error(
          `[zhifa] interview document ${document.id} failed its integrity check: stored ${document.sha256}, actual ${actual}`,
        );
        problem(
          res,
          409,
          'DOCUMENT_INTEGRITY_VIOLATION',
          '文书内容与登记的 SHA-256 不符，可能已被篡改，拒绝提供；请联系系统管理员核查',
        );
        return;
      }
      await ctx.endScope?.();
      await sendStored(req, res, {
        baseName: document.title,
        content: document.content,
        sha256: document.sha256,
      });
    } catch (error) {
      next(error);
    }
  });
  router.get('/cases/:id/case-file.zip', async (req, res, next) => {
    try {
      const signedIn = await authenticate(req, res);
      if (!signedIn) {
        return;
      }
      const { ctx, actor } = signedIn;
      const found = isUuid(req.params.id)
        ? await ctx.em.findOne(Case, { id: req.params.id })
        : null;
      if (!found || !isInScope(actor, found.officePath)) {
        problem(res, 404, 'CASE_NOT_FOUND', '案件不存在或不在您的管辖范围内');
        return;
      }
      // ?volumePdf=1 adds the volume as PDF (LibreOffice); 501 where it is not installed.
      const file = await exportCaseFile(ctx.em, found, {
        volumePdf: req.query.volumePdf === '1' || req.query.volumePdf === 'true',
      });
      res.setHeader('Content-Type', 'application/zip');
      res.setHeader('Content-Disposition', contentDisposition(file.fileName));
      res.setHeader('X-Content-SHA256', file.sha256);
      res.send(file.content);
    } catch (error) {
      if (error instanceof PdfRendererUnavailableError) {
        problem(res, 501, error.code, error.message);
        return;
      }
      next(error);
    }
  });
  return router;
}
