import { describe, expect, it } from 'vitest';
import { domainEventsForStep, type StepFacts } from '../../../src/events/step-events.js';
import { officePathPrefixes } from '../../../src/events/record-domain-event.js';
import { signWebhook, verifyWebhookSignature } from '../../../src/events/webhook-signature.js';
import { retryDelaySeconds } from '../../../src/events/webhook-dispatcher.js';

const DOCUMENT = {
  id: '0190a1b2-0000-7000-8000-000000000001',
  kind: 'PENALTY_DECISION',
  title: '行政处罚决定书',
  number: '京网信罚〔2026〕3号',
  version: 1,
  sha256: 'a'.repeat(64),
};

function facts(overrides: Partial<StepFacts>): StepFacts {
  return {
    action: 'recordEvidence',
    from: 'INVESTIGATING',
    to: 'INVESTIGATING',
    outcome: 'RECORDED',
    actDate: '2026-11-22',
    documents: [],
    ...overrides,
  };
}

describe('domain events of a procedural step', () => {
  it('docketing emits CASE_DOCKETED; not docketing emits nothing', () => {
    expect(
      domainEventsForStep(facts({ action: 'decideDocketing', from: 'CASE_SOURCE_REGISTERED' })),
    ).toEqual([
      {
        type: 'CASE_DOCKETED',
        data: {
          action: 'decideDocketing',
          fromStatus: 'CASE_SOURCE_REGISTERED',
          toStatus: 'INVESTIGATING',
          docketedOn: '2026-11-22',
        },
      },
    ]);
    expect(
      domainEventsForStep(
        facts({ action: 'decideDocketing', from: 'CASE_SOURCE_REGISTERED', to: 'NOT_DOCKETED' }),
      ),
    ).toEqual([]);
    expect(domainEventsForStep(facts({}))).toEqual([]);
  });

  it('a decision emits DECISION_MADE, then DOCUMENT_ISSUED per document with its digest and download path', () => {
    const events = domainEventsForStep(
      facts({
        action: 'decideCase',
        from: 'READY_FOR_DECISION',
        to: 'DECIDED_PENALTY',
        outcome: 'PENALTY',
        documents: [DOCUMENT],
      }),
    );
    expect(events.map((e) => e.type)).toEqual(['DECISION_MADE', 'DOCUMENT_ISSUED']);
    expect(events[0]!.data).toMatchObject({
      outcome: 'PENALTY',
      decidedOn: '2026-11-22',
      documentIds: [DOCUMENT.id],
    });
    expect(events[1]!.data.document).toEqual({
      ...DOCUMENT,
      downloadUrl: `/documents/${DOCUMENT.id}`,
    });
  });

  it('later actions map by name and copy only identifiers from the input', () => {
    const served = domainEventsForStep(
      facts({
        action: 'serveDocument',
        submitted: {
          documentId: DOCUMENT.id,
          recipientName: '张伟',
          recipientIdNumber: '110101199003071234',
        },
      }),
    );
    expect(served).toHaveLength(1);
    expect(served[0]!.type).toBe('DOCUMENT_SERVED');
    expect(served[0]!.data.documentId).toBe(DOCUMENT.id);
    expect(JSON.stringify(served)).not.toMatch(/张伟|110101199003071234/);
    const paid = domainEventsForStep(
      facts({
        action: 'recordPayment',
        submitted: {
          paidOn: '2026-11-30',
          amountFen: 500000,
          channel: 'BANK',
          receiptNumber: 'R-1',
          payerName: '张伟',
        },
      }),
    );
    expect(paid[0]!.type).toBe('PAYMENT_RECORDED');
    expect(paid[0]!.data).toMatchObject({
      paidOn: '2026-11-30',
      amountFen: 500000,
      channel: 'BANK',
    });
    expect(JSON.stringify(paid)).not.toMatch(/张伟|R-1/);
    expect(domainEventsForStep(facts({ action: 'closeCase', to: 'CLOSED' }))[0]!.type).toBe(
      'CASE_CLOSED',
    );
  });
});

describe('delivery helpers', () => {
  it('scopes by every office above the event’s office', () => {
    expect(officePathPrefixes('/a/b/c/')).toEqual(['/a/', '/a/b/', '/a/b/c/']);
  });

  it('signs "<timestamp>.<body>" with HMAC-SHA256 (a known vector)', () => {
    // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    const signature = signWebhook('whsec_test', '1700000000', '{"a":1}');
    expect(signature).toBe(
      'sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789',
    );
    expect(verifyWebhookSignature('whsec_test', '1700000000', '{"a":1}', signature)).toBe(true);
    expect(verifyWebhookSignature('whsec_test', '1700000001', '{"a":1}', signature)).toBe(false);
    expect(verifyWebhookSignature('whsec_test', '1700000000', '{"a":1}', undefined)).toBe(false);
  });

  it('backs off exponentially with jitter, growing until the one-hour cap', () => {
    const waits = [1, 2, 3, 4, 5].map((n) => retryDelaySeconds(n, () => 0.5));
    expect(waits).toEqual([1.5, 3, 6, 12, 24]);
    for (let n = 1; n < 11; n += 1) {
      expect(retryDelaySeconds(n + 1, () => 0)).toBeGreaterThanOrEqual(
        retryDelaySeconds(n, () => 1),
      );
    }
    expect(retryDelaySeconds(30, () => 1)).toBe(3600);
    expect(retryDelaySeconds(30, () => 0)).toBe(1800);
  });
});
