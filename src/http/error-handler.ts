import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorCode } from '../errors/error-codes.js';
import type { ErrorLogger } from '../errors/format-error.js';
import {
  INFRASTRUCTURE_MESSAGES,
  RETRY_AFTER_SECONDS,
  classifyInfrastructureError,
} from '../errors/infrastructure.js';

/**
 * One JSON error shape on every HTTP route:
 * `{ "error": { "code", "message", "errorId" } }`, the status kept, the cause logged
 * with the errorId. Express's default handler would answer an HTML page with the stack
 * trace and install paths (it prints them unless NODE_ENV=production).
 */
export interface HttpErrorBody {
  error: { code: ErrorCode; message: string; errorId?: string; retryAfterSeconds?: number };
}

/** body-parser / raw-body error types → stable codes with a Chinese message. */
const REQUEST_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  'entity.parse.failed': { code: 'MALFORMED_JSON', message: '请求体不是有效的 JSON' },
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', message: '请求体超过大小上限' },
  'charset.unsupported': { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的字符集' },
  'encoding.unsupported': { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容编码' },
  'entity.verify.failed': { code: 'BAD_REQUEST', message: '请求体校验失败' },
  'request.aborted': { code: 'BAD_REQUEST', message: '请求被中断' },
  'request.size.invalid': { code: 'BAD_REQUEST', message: '请求体长度与声明不符' },
  'stream.encoding.set': { code: 'BAD_REQUEST', message: '请求体无法读取' },
  'parameters.too.many': { code: 'BAD_REQUEST', message: '参数过多' },
};

function statusOf(error: unknown): number | undefined {
  const status =
    (error as { status?: unknown; statusCode?: unknown })?.status ??
    (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

export function jsonErrorHandler(log: ErrorLogger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const errorId = randomUUID();
    const type = (error as { type?: unknown })?.type;
    const known = typeof type === 'string' ? REQUEST_ERRORS[type] : undefined;
    const status = statusOf(error);
    let body: HttpErrorBody;
    let httpStatus: number;
    const infrastructure = classifyInfrastructureError(error);
    if (known && status && status < 500) {
      httpStatus = status;
      body = { error: { ...known, errorId } };
    } else if (
      error instanceof URIError ||
      (status === 400 && /decode param/i.test(String((error as Error)?.message)))
    ) {
      httpStatus = 400;
      body = { error: { code: 'MALFORMED_URL', message: '请求地址中的转义序列无效', errorId } };
    } else if (infrastructure) {
      httpStatus = infrastructure === 'CONFLICT' ? 409 : 503;
      if (httpStatus === 503) {
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      }
      body = {
        error: { code: infrastructure, message: INFRASTRUCTURE_MESSAGES[infrastructure], errorId },
      };
    } else if (status && status < 500) {
      httpStatus = status;
      body = { error: { code: 'BAD_REQUEST', message: '请求无效', errorId } };
    } else {
      httpStatus = 500;
      body = {
        error: {
          code: 'INTERNAL_SERVER_ERROR',
          message: `服务器内部错误（错误编号 ${errorId}）`,
          errorId,
        },
      };
    }
    log({ errorId, error, path: [req.method, req.path] });
    res.status(httpStatus).type('application/json').send(JSON.stringify(body));
  };
}

/** Unknown routes answer the same JSON shape (404), not Express's HTML "Cannot GET". */
export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).json({
    error: { code: 'ROUTE_NOT_FOUND', message: '请求的地址不存在', errorId: randomUUID() },
  } satisfies HttpErrorBody);
};
