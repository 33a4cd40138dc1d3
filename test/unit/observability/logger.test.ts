import { describe, expect, it } from 'vitest';
import {
  createLogger,
  formatPrettyLine,
  wantsPrettyLogs,
} from '../../../src/observability/logger.js';

describe('logger', () => {
  it('writes JSON lines with level label, ISO time and message, and redacts secret-named fields', () => {
    const lines: string[] = [];
    const log = createLogger({
      level: 'info',
      pretty: false,
      destination: { write: (l) => lines.push(l) },
    });
    log.info(
      { operation: 'CaseList', token: 'eyJ.secret', headers: { authorization: 'Bearer x' } },
      'hello',
    );
    log.debug('not at info level');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(record).toMatchObject({
      level: 'info',
      msg: 'hello',
      operation: 'CaseList',
      token: '[redacted]',
    });
    expect(record.headers).toEqual({ authorization: '[redacted]' });
    expect(record.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('is pretty only when a terminal asks for it', () => {
    expect(wantsPrettyLogs({}, true)).toBe(true);
    expect(wantsPrettyLogs({}, false)).toBe(false);
    expect(wantsPrettyLogs({ ZHIFA_LOG_FORMAT: 'json' }, true)).toBe(false);
    expect(wantsPrettyLogs({ ZHIFA_LOG_FORMAT: 'pretty' }, false)).toBe(true);
    expect(
      formatPrettyLine(
        '{"level":"warn","time":"2026-12-03T07:41:02.123Z","msg":"GraphQL operation","outcome":"FORBIDDEN"}',
      ),
    ).toBe('07:41:02 WARN  GraphQL operation outcome=FORBIDDEN\n');
  });
});
