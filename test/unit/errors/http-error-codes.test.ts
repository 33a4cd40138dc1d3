import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from '../../../src/errors/error-codes.js';
import { jsonErrorHandler, notFoundHandler } from '../../../src/http/error-handler.js';

/** The plain HTTP routes answer registered codes too (surface HTTP), in one JSON shape. */
function answer(error: unknown) {
  const sent: { status?: number; body?: string; headers: Record<string, string> } = {
    headers: {},
  };
  const res = {
    headersSent: false,
    setHeader(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return res;
    },
    status(code: number) {
      sent.status = code;
      return res;
    },
    type() {
      return res;
    },
    send(body: string) {
      sent.body = body;
      return res;
    },
    json(body: unknown) {
      sent.body = JSON.stringify(body);
      return res;
    },
  } as unknown as Response;
  const req = { method: 'POST', path: '/graphql' } as Request;
  const logged: string[] = [];
  if (error === undefined) {
    notFoundHandler(req, res, () => undefined);
  } else {
    jsonErrorHandler(({ errorId }) => logged.push(errorId))(error, req, res, () => undefined);
  }
  return { ...sent, body: JSON.parse(sent.body!) as { error: Record<string, unknown> }, logged };
}

const CASES: [string, unknown, number][] = [
  [
    'MALFORMED_JSON',
    Object.assign(new SyntaxError('Unexpected token'), {
      type: 'entity.parse.failed',
      status: 400,
    }),
    400,
  ],
  [
    'PAYLOAD_TOO_LARGE',
    Object.assign(new Error('too large'), { type: 'entity.too.large', status: 413 }),
    413,
  ],
  [
    'UNSUPPORTED_MEDIA_TYPE',
    Object.assign(new Error('charset'), { type: 'charset.unsupported', status: 415 }),
    415,
  ],
  ['MALFORMED_URL', new URIError('URI malformed'), 400],
  ['BAD_REQUEST', Object.assign(new Error('nope'), { status: 400 }), 400],
  [
    'SERVICE_UNAVAILABLE',
    Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code: 'ECONNREFUSED' }),
    503,
  ],
  ['CONFLICT', Object.assign(new Error('duplicate key value'), { code: '23505' }), 409],
  ['INTERNAL_SERVER_ERROR', new Error('at /srv/zhifa/dist/x.js:1:1'), 500],
  ['ROUTE_NOT_FOUND', undefined, 404],
];

describe('HTTP error bodies', () => {
  it.each(CASES)('%s', (code, error, status) => {
    const sent = answer(error);
    expect(sent.status).toBe(status);
    expect(sent.body.error.code).toBe(code);
    expect(isErrorCode(code) && ERROR_CODES[code].surfaces).toContain('HTTP');
    expect(sent.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(JSON.stringify(sent.body)).not.toMatch(/stack|\/srv\/|10\.1\.2\.3|duplicate key/);
    expect(sent.body.error.errorId).toMatch(/^[0-9a-f-]{36}$/);
    if (code === 'SERVICE_UNAVAILABLE') {
      expect(sent.headers['retry-after']).toBeDefined();
    }
  });
});
