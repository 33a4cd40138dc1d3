/**
 * Service of documents (送达, APL art. 61; CPL arts. 85-95; Compulsion Law art. 38): the
 * deemed-served date per method, the guards of each method, the pre-penalty notice issued
 * without service, and the service of the decision letter within 7 working days.
 */
import { describe, expect, it } from 'vitest';
import type { ServeDocumentInput, ServiceFacts } from '../../../src/procedure/action-inputs.js';
import { applyTransition } from '../../../src/procedure/apply-transition.js';
import type { CaseSnapshot, ServiceMethod } from '../../../src/procedure/case-snapshot.js';
import { decide } from '../../../src/procedure/decide.js';
import { deemedServedOn } from '../../../src/procedure/service.js';
import { seedCalendar } from './calendar/seed-calendar.js';
import {
  codesOf,
  CONTEXT,
  d,
  executionSnapshot,
  HANDLER_A,
  HEAD,
  headApproval,
  notifiedSnapshot,
  snapshot,
  TEAM,
  WORKING_DAYS,
} from './procedure-fixtures.js';

const ids = { next: (kind: string) => `${kind}-1` };

const facts = (patch: Partial<ServiceFacts> = {}): ServiceFacts => ({
  servedOn: d('2024-04-10'),
  recipientName: '王五',
  recipientRole: 'LEGAL_REPRESENTATIVE',
  signed: true,
  signedOn: d('2024-04-10'),
  ...patch,
});

const serve = (patch: Partial<ServeDocumentInput> = {}): ServeDocumentInput => ({
  documents: ['PRE_PENALTY_NOTICE'],
  method: 'DIRECT',
  facts: facts(),
  servers: TEAM,
  deemedServedOn: d('2024-04-10'),
  ...patch,
});

/** A notice issued on Monday 2024-04-08 and not yet served (hearing-eligible 5,000 yuan fine). */
const unserved = (patch: Partial<CaseSnapshot> = {}) =>
  snapshot('PRE_PENALTY_NOTICE_SERVED', {
    notice: {
      issuedOn: d('2024-04-08'),
      proposedPenalties: [{ kind: 'FINE', amountYuan: 5000 }],
      hearingEligible: true,
    },
    ...patch,
  });

const serveOn = (snap: CaseSnapshot, input: ServeDocumentInput, now = '2024-04-10') =>
  decide(snap, 'serveDocument', input, HANDLER_A, d(now), CONTEXT);

describe('deemedServedOn (CPL arts. 87-95)', () => {
  it.each<[ServiceMethod, Partial<ServiceFacts>, string]>([
    ['DIRECT', { signedOn: d('2024-04-11') }, '2024-04-11'],
    [
      'ADULT_FAMILY_MEMBER_OR_RECEIVING_OFFICE',
      { recipientRole: 'RECEIVING_OFFICE', signedOn: d('2024-04-12') },
      '2024-04-12',
    ],
    ['ENTRUSTED', { intermediary: '区网信办', signedOn: d('2024-04-15') }, '2024-04-15'],
    ['FORWARDED', { intermediary: '某监狱', signedOn: d('2024-04-16') }, '2024-04-16'],
    ['LEFT_AT_RESIDENCE', { signed: false, signedOn: undefined }, '2024-04-10'],
    ['ELECTRONIC', { reachedSystemOn: d('2024-04-10') }, '2024-04-10'],
    ['MAIL', { mailReceiptOn: d('2024-04-13') }, '2024-04-13'],
  ])('CPL arts. 87-94: %s is deemed served on the date its facts give', (method, patch, date) => {
    expect(deemedServedOn(method, facts(patch), WORKING_DAYS)?.deemedServedOn).toBe(date);
  });

  it('CPL art. 95: public notice published Monday 2024-03-04 is deemed served on day 30 (Wednesday 2024-04-03), not day 29', () => {
    const deemed = deemedServedOn(
      'PUBLIC_NOTICE',
      facts({ servedOn: d('2024-03-04') }),
      WORKING_DAYS,
    );
    expect(deemed?.deemedServedOn).toBe('2024-04-03');
    expect(deemed?.explanation).toContain('经过30日');
  });

  it('CPL arts. 95, 85 (D): day 30 falling on Sunday 2024-03-31 rolls over to Monday 2024-04-01', () => {
    const deemed = deemedServedOn(
      'PUBLIC_NOTICE',
      facts({ servedOn: d('2024-03-01') }),
      WORKING_DAYS,
    );
    expect(deemed?.deemedServedOn).toBe('2024-04-01');
    expect(deemed?.legalBasis.map((b) => b.article)).toEqual([95, 85]);
  });

  it('CPL arts. 95, 85: with the real calendar, day 30 in the National Day holiday (2024-10-05) rolls to 2024-10-08', () => {
    const deemed = deemedServedOn(
      'PUBLIC_NOTICE',
      facts({ servedOn: d('2024-09-05') }),
      seedCalendar(),
    );
    expect(deemed?.deemedServedOn).toBe('2024-10-08');
  });

  it.each<[ServiceMethod, Partial<ServiceFacts>]>([
    ['DIRECT', { signed: false }],
    ['DIRECT', { signedOn: undefined }],
    ['ELECTRONIC', {}],
    ['MAIL', {}],
  ])('without the fact that fixes the date, %s gives no deemed date', (method, patch) => {
    expect(deemedServedOn(method, facts(patch), WORKING_DAYS)).toBeUndefined();
  });
});

describe('pre-penalty notice issued without service (APL arts. 44, 62, 64(1))', () => {
  const notice = {
    proposedPenalties: [{ kind: 'FINE' as const, amountYuan: 5000 }],
    issuedOn: d('2024-04-08'),
    approval: headApproval('2024-04-05'),
  };

  it('issuePrePenaltyNotice without servedOn starts no window and records the notice unserved', () => {
    const before = snapshot('INVESTIGATING');
    const result = decide(
      before,
      'issuePrePenaltyNotice',
      notice,
      HANDLER_A,
      d('2024-04-08'),
      CONTEXT,
    );
    expect(result).toMatchObject({
      ok: true,
      outcome: 'ISSUED_HEARING_ELIGIBLE',
      actDate: '2024-04-08',
    });
    expect(result.ok && result.effects).toEqual([
      { kind: 'RECORD_HEARING_ELIGIBILITY', eligible: true },
      { kind: 'DOCUMENT_DUE', document: 'PRE_PENALTY_NOTICE' },
    ]);
    if (!result.ok) {
      return;
    }
    const next = applyTransition(before, result, notice, HANDLER_A, ids);
    expect(next.notice).toEqual({
      issuedOn: d('2024-04-08'),
      proposedPenalties: notice.proposedPenalties,
      hearingEligible: true,
    });
  });

  it('with servedOn the behaviour is unchanged: both windows start from SERVED_ON', () => {
    const result = decide(
      snapshot('INVESTIGATING'),
      'issuePrePenaltyNotice',
      { ...notice, servedOn: d('2024-04-08') },
      HANDLER_A,
      d('2024-04-08'),
      CONTEXT,
    );
    expect(result).toMatchObject({ ok: true, outcome: 'HEARING_ELIGIBLE' });
  });

  it.each([
    ['requestHearing', { requestedOn: d('2024-04-10') }],
    ['waiveRights', { rights: ['HEARING'], waivedOn: d('2024-04-10'), signedByParty: true }],
    ['recordStatement', { receivedOn: d('2024-04-10'), channel: 'WRITTEN' }],
  ] as const)(
    'APL arts. 44, 62: %s on an unserved notice is refused with NOTICE_NOT_SERVED',
    (action, input) => {
      expect(
        codesOf(decide(unserved(), action, input as never, HANDLER_A, d('2024-04-10'), CONTEXT)),
      ).toEqual(['NOTICE_NOT_SERVED']);
    },
  );

  it('APL art. 44: a penalty on an unserved notice is refused with NOTICE_NOT_SERVED', () => {
    const result = decide(
      unserved({ status: 'READY_FOR_DECISION' }),
      'decideCase',
      { outcome: 'PENALTY', penalties: [{ kind: 'FINE', amountYuan: 5000 }] },
      HEAD,
      d('2024-04-20'),
      CONTEXT,
    );
    expect(codesOf(result)).toEqual(['NOTICE_NOT_SERVED']);
  });

  it('serveDocument (PRE_PENALTY_NOTICE) sets servedOn to the deemed date and starts both windows from DEEMED_SERVED_ON', () => {
    const before = unserved();
    const input = serve({
      method: 'MAIL',
      facts: facts({ signed: false, mailReceiptOn: d('2024-04-12'), trackingNumber: 'EMS1' }),
      deemedServedOn: d('2024-04-12'),
    });
    const result = serveOn(before, input, '2024-04-12');
    expect(result).toMatchObject({
      ok: true,
      outcome: 'PRE_PENALTY_NOTICE_SERVED_HEARING_ELIGIBLE',
      to: 'PRE_PENALTY_NOTICE_SERVED',
    });
    expect(result.ok && result.effects).toEqual([
      {
        kind: 'START_DEADLINE',
        deadline: 'STATEMENT',
        parameter: 'statementPeriod',
        trigger: 'DEEMED_SERVED_ON',
      },
      {
        kind: 'START_DEADLINE',
        deadline: 'HEARING_REQUEST',
        parameter: 'hearingRequestPeriod',
        trigger: 'DEEMED_SERVED_ON',
      },
      { kind: 'DOCUMENT_DUE', document: 'SERVICE_RECEIPT' },
    ]);
    if (!result.ok) {
      return;
    }
    const next = applyTransition(before, result, input, HANDLER_A, ids);
    expect(next.notice?.servedOn).toBe('2024-04-12');
    expect(next.services).toEqual([
      {
        id: 'service-1',
        documents: ['PRE_PENALTY_NOTICE'],
        method: 'MAIL',
        servedOn: d('2024-04-10'),
        deemedServedOn: d('2024-04-12'),
        serverIds: ['handler-a', 'handler-b'],
      },
    ]);
    // Served: the party may now ask for a hearing.
    const withWindow = {
      ...next,
      deadlines: { ...next.deadlines, HEARING_REQUEST: { dueDate: d('2024-04-19') } },
    };
    expect(
      decide(
        withWindow,
        'requestHearing',
        { requestedOn: d('2024-04-15') },
        HANDLER_A,
        d('2024-04-15'),
        CONTEXT,
      ).ok,
    ).toBe(true);
    // A second service is refused.
    expect(codesOf(serveOn(next, input, '2024-04-12'))).toEqual(['DOCUMENT_ALREADY_SERVED']);
  });

  it('a notice already served at issue cannot be served again', () => {
    expect(codesOf(serveOn(notifiedSnapshot(), serve()))).toEqual(['DOCUMENT_ALREADY_SERVED']);
  });
});

describe('service methods (CPL arts. 87-95, Compulsion Law art. 38)', () => {
  it('CPL arts. 87-88: direct service needs the recipient’s signature and date (SERVICE_RECEIPT_NOT_SIGNED)', () => {
    expect(codesOf(serveOn(unserved(), serve({ facts: facts({ signed: false }) })))).toEqual([
      'SERVICE_RECEIPT_NOT_SIGNED',
    ]);
  });

  it('CPL art. 88: an adult family member may not sign for an organization; its receiving office may', () => {
    const via = (role: ServiceFacts['recipientRole']) =>
      serve({
        method: 'ADULT_FAMILY_MEMBER_OR_RECEIVING_OFFICE',
        facts: facts({ recipientRole: role }),
      });
    expect(codesOf(serveOn(unserved(), via('ADULT_FAMILY_MEMBER')))).toEqual([
      'SUBSTITUTE_RECIPIENT_NOT_ELIGIBLE',
    ]);
    expect(serveOn(unserved(), via('RECEIVING_OFFICE')).ok).toBe(true);
    const citizen = unserved({ parties: [{ id: 'p', kind: 'NATURAL_PERSON' }] });
    expect(serveOn(citizen, via('ADULT_FAMILY_MEMBER')).ok).toBe(true);
  });

  it.each<[string, Partial<ServiceFacts>, boolean]>([
    [
      'reason and witness',
      {
        refusalReason: '拒绝签收',
        witnesses: ['居委会 李四'],
        witnessCapacity: 'GRASSROOTS_ORGANIZATION_REPRESENTATIVE',
      },
      true,
    ],
    ['reason and video', { refusalReason: '拒绝签收', audiovisualRecordRef: 'video-1' }, true],
    ['reason only', { refusalReason: '拒绝签收' }, false],
    [
      'witness only',
      { witnesses: ['居委会 李四'], witnessCapacity: 'GRASSROOTS_ORGANIZATION_REPRESENTATIVE' },
      false,
    ],
  ])('CPL art. 89: lien service with %s → allowed %s', (_label, patch, ok) => {
    const input = serve({
      method: 'LEFT_AT_RESIDENCE',
      facts: facts({ signed: false, signedOn: undefined, ...patch }),
    });
    expect(codesOf(serveOn(unserved(), input))).toEqual(
      ok ? [] : ['LEFT_AT_RESIDENCE_NOT_RECORDED'],
    );
  });

  it.each<[string, boolean, Partial<ServiceFacts>]>([
    [
      'a residents’ committee representative',
      true,
      { witnessCapacity: 'GRASSROOTS_ORGANIZATION_REPRESENTATIVE' },
    ],
    [
      'a representative of the recipient’s workplace',
      true,
      { witnessCapacity: 'WORKPLACE_REPRESENTATIVE' },
    ],
    ['a neighbour (OTHER)', false, { witnessCapacity: 'OTHER' }],
    ['a witness whose capacity is not recorded', false, {}],
    [
      'a neighbour and a video of the process',
      true,
      { witnessCapacity: 'OTHER', audiovisualRecordRef: 'video-1' },
    ],
  ])(
    'CPL art. 89 (有关基层组织或者所在单位的代表): 留置送达 witnessed by %s → allowed %s (else LEFT_AT_RESIDENCE_WITNESS_NOT_QUALIFIED)',
    (_label, ok, patch) => {
      const input = serve({
        method: 'LEFT_AT_RESIDENCE',
        facts: facts({
          signed: false,
          signedOn: undefined,
          refusalReason: '拒绝签收',
          witnesses: ['王五'],
          ...patch,
        }),
      });
      expect(codesOf(serveOn(unserved(), input))).toEqual(
        ok ? [] : ['LEFT_AT_RESIDENCE_WITNESS_NOT_QUALIFIED'],
      );
    },
  );

  it('CPL art. 89, APL art. 47: from the 2027-01-01 cut-over a neighbour-witnessed 留置送达 needs the structured audio-visual record, a bare reference no longer counts', () => {
    const av = {
      sha256: 'b'.repeat(64),
      sizeBytes: 20_000_000,
      mediaType: 'video/mp4',
      recorderId: 'handler-a',
      recordedFrom: '2027-01-05T02:00:00.000Z',
      recordedTo: '2027-01-05T02:20:00.000Z',
      custodian: '李四',
      custodyLocation: '执法记录仪存储服务器',
    };
    const on = d('2027-01-05');
    const lien = (patch: Partial<ServiceFacts>) =>
      serve({
        method: 'LEFT_AT_RESIDENCE',
        deemedServedOn: on,
        facts: facts({
          servedOn: on,
          signed: false,
          signedOn: undefined,
          refusalReason: '拒绝签收',
          witnesses: ['王五'],
          witnessCapacity: 'OTHER',
          ...patch,
        }),
      });
    expect(
      codesOf(serveOn(unserved(), lien({ audiovisualRecordRef: 'video-1' }), '2027-01-05')),
    ).toEqual(['LEFT_AT_RESIDENCE_WITNESS_NOT_QUALIFIED']);
    expect(serveOn(unserved(), lien({ audioVisualRecord: av }), '2027-01-05').ok).toBe(true);
  });

  it('APL art. 61(2), CPL art. 90: electronic service only to a confirmed address of a party who signed the confirmation', () => {
    const input = serve({
      method: 'ELECTRONIC',
      facts: facts({
        signed: false,
        electronicAddress: 'legal@example.cn',
        reachedSystemOn: d('2024-04-10'),
      }),
    });
    expect(codesOf(serveOn(unserved(), input))).toEqual(['ELECTRONIC_SERVICE_WITHOUT_CONSENT']);
    const consent = (addresses: string[], signedOn = '2024-04-01', withdrawnOn?: string) =>
      unserved({
        parties: [
          {
            id: 'party-1',
            kind: 'LEGAL_PERSON',
            electronicServiceConsent: {
              signedOn: d(signedOn),
              addresses,
              ...(withdrawnOn ? { withdrawnOn: d(withdrawnOn) } : {}),
            },
          },
        ],
      });
    expect(serveOn(consent(['legal@example.cn']), input).ok).toBe(true);
    expect(codesOf(serveOn(consent(['other@example.cn']), input))).toEqual([
      'ELECTRONIC_SERVICE_WITHOUT_CONSENT',
    ]);
    expect(codesOf(serveOn(consent(['legal@example.cn'], '2024-04-11'), input))).toEqual([
      'ELECTRONIC_SERVICE_WITHOUT_CONSENT',
    ]);
    expect(
      codesOf(serveOn(consent(['legal@example.cn'], '2024-04-01', '2024-04-10'), input)),
    ).toEqual(['ELECTRONIC_SERVICE_WITHOUT_CONSENT']);
    const noDate = serve({ ...input, facts: { ...input.facts, reachedSystemOn: undefined } });
    expect(codesOf(serveOn(consent(['legal@example.cn']), noDate))).toEqual([
      'SERVICE_DATE_NOT_RECORDED',
    ]);
  });

  it('CPL art. 91: mail needs the receipt date on the return slip (SERVICE_DATE_NOT_RECORDED)', () => {
    expect(
      codesOf(serveOn(unserved(), serve({ method: 'MAIL', facts: facts({ signed: false }) }))),
    ).toEqual(['SERVICE_DATE_NOT_RECORDED']);
  });

  it('CPL arts. 91-94: entrusted or forwarded service names the intermediary', () => {
    expect(codesOf(serveOn(unserved(), serve({ method: 'ENTRUSTED' })))).toEqual([
      'INTERMEDIARY_NOT_NAMED',
    ]);
    expect(
      serveOn(
        unserved(),
        serve({ method: 'FORWARDED', facts: facts({ intermediary: '某部队政治机关' }) }),
      ).ok,
    ).toBe(true);
  });

  it('CPL art. 95: public notice needs its ground, medium and the reasons and process; deemed served 30 days on', () => {
    const published = facts({ servedOn: d('2024-04-10'), signed: false });
    expect(
      codesOf(
        serveOn(
          unserved(),
          serve({ method: 'PUBLIC_NOTICE', facts: published, deemedServedOn: d('2024-05-10') }),
        ),
      ),
    ).toEqual(['PUBLIC_NOTICE_NOT_JUSTIFIED']);
    const justified = {
      ...published,
      publicNoticeGround: 'WHEREABOUTS_UNKNOWN' as const,
      publicationMedium: '本办门户网站',
      reasonAndProcess: '直接送达、邮寄送达均未成功，当事人下落不明',
    };
    expect(
      serveOn(
        unserved(),
        serve({ method: 'PUBLIC_NOTICE', facts: justified, deemedServedOn: d('2024-05-10') }),
      ).ok,
    ).toBe(true);
    expect(
      codesOf(
        serveOn(
          unserved(),
          serve({ method: 'PUBLIC_NOTICE', facts: justified, deemedServedOn: d('2024-05-09') }),
        ),
      ),
    ).toEqual(['DEEMED_SERVICE_DATE_MISMATCH']);
  });

  it('D: the deemed date given must be the one the method gives (DEEMED_SERVICE_DATE_MISMATCH)', () => {
    expect(codesOf(serveOn(unserved(), serve({ deemedServedOn: d('2024-04-09') })))).toEqual([
      'DEEMED_SERVICE_DATE_MISMATCH',
    ]);
  });

  it('D: in-person service names the server (SERVER_NOT_RECORDED); one server is enough', () => {
    expect(codesOf(serveOn(unserved(), serve({ servers: [] })))).toEqual(['SERVER_NOT_RECORDED']);
    expect(serveOn(unserved(), serve({ servers: TEAM.slice(0, 1) })).ok).toBe(true);
  });

  it('D: a document the case does not hold cannot be served (DOCUMENT_NOT_SERVABLE)', () => {
    expect(codesOf(serveOn(unserved(), serve({ documents: ['PENALTY_DECISION'] })))).toEqual([
      'DOCUMENT_NOT_SERVABLE',
    ]);
  });
});

describe('serving the decision (APL art. 61(1): on the spot or within 7 working days)', () => {
  // Decided Wednesday 2024-04-10; 7 working days end Friday 2024-04-19.
  const decided = (outcome: 'PENALTY' | 'NO_PENALTY' = 'PENALTY', fineFen = 500_000) =>
    snapshot(outcome === 'PENALTY' ? 'DECIDED_PENALTY' : 'DECIDED_NO_PENALTY', {
      decision: {
        outcome,
        decidedOn: d('2024-04-10'),
        penalties:
          fineFen > 0 ? [{ kind: 'FINE', amountYuan: fineFen / 100 }] : [{ kind: 'WARNING' }],
        fineFen,
      },
      deadlines: { DECISION_SERVICE: { dueDate: WORKING_DAYS.add(d('2024-04-10'), 7) } },
    });
  const letter = (on: string, patch: Partial<ServeDocumentInput> = {}) =>
    serve({
      documents: ['PENALTY_DECISION'],
      facts: facts({ servedOn: d(on), signedOn: d(on) }),
      deemedServedOn: d(on),
      ...patch,
    });

  it('Reconsideration Law art. 22(2): a decision served electronically needs the internet channel for reconsideration', () => {
    const consented = (snap: CaseSnapshot): CaseSnapshot => ({
      ...snap,
      parties: [
        {
          id: 'party-1',
          kind: 'LEGAL_PERSON',
          electronicServiceConsent: { signedOn: d('2024-04-01'), addresses: ['legal@example.cn'] },
        },
      ],
    });
    const electronic = (channel?: string) =>
      letter('2024-04-11', {
        method: 'ELECTRONIC',
        facts: facts({
          servedOn: d('2024-04-11'),
          signed: false,
          signedOn: undefined,
          electronicAddress: 'legal@example.cn',
          reachedSystemOn: d('2024-04-11'),
          ...(channel !== undefined ? { reconsiderationChannel: channel } : {}),
        }),
      });
    const refused = serveOn(consented(decided()), electronic(), '2024-04-11');
    expect(codesOf(refused)).toEqual(['ONLINE_RECONSIDERATION_CHANNEL_REQUIRED']);
    expect(refused.ok ? [] : refused.violations[0]!.legalBasis).toContainEqual(
      expect.objectContaining({ law: '中华人民共和国行政复议法', article: 22, paragraph: 2 }),
    );
    expect(codesOf(serveOn(consented(decided()), electronic('  '), '2024-04-11'))).toEqual([
      'ONLINE_RECONSIDERATION_CHANNEL_REQUIRED',
    ]);
    expect(
      serveOn(consented(decided()), electronic('https://fuyi.example.gov.cn'), '2024-04-11').ok,
    ).toBe(true);
    // A pre-penalty notice is no decision: no channel needed.
    const notice = serve({
      method: 'ELECTRONIC',
      facts: facts({
        signed: false,
        signedOn: undefined,
        electronicAddress: 'legal@example.cn',
        reachedSystemOn: d('2024-04-10'),
      }),
    });
    expect(serveOn(consented(unserved()), notice).ok).toBe(true);
  });

  it('handed over on the spot: payment, reconsideration and litigation periods start from the deemed-served date', () => {
    const result = serveOn(decided(), letter('2024-04-10'));
    expect(result).toMatchObject({
      ok: true,
      to: 'DECISION_SERVED',
      outcome: 'PENALTY_DECISION_SERVED_WITH_FINE',
    });
    expect(result.ok && result.effects).toEqual([
      { kind: 'STOP_DEADLINE', deadline: 'DECISION_SERVICE' },
      {
        kind: 'START_DEADLINE',
        deadline: 'PAYMENT',
        parameter: 'paymentPeriod',
        trigger: 'DEEMED_SERVED_ON',
      },
      {
        kind: 'START_DEADLINE',
        deadline: 'RECONSIDERATION_PERIOD',
        parameter: 'reconsiderationPeriod',
        trigger: 'DEEMED_SERVED_ON',
      },
      {
        kind: 'START_DEADLINE',
        deadline: 'LITIGATION_PERIOD',
        parameter: 'litigationPeriod',
        trigger: 'DEEMED_SERVED_ON',
      },
      { kind: 'DOCUMENT_DUE', document: 'SERVICE_RECEIPT' },
    ]);
  });

  it.each([
    ['2024-04-19', true], // 7th working day
    ['2024-04-22', false], // 8th working day
  ])(
    'APL arts. 61(1), 85: the letter served on %s → in time %s (DECISION_SERVICE_LATE)',
    (on, ok) => {
      expect(codesOf(serveOn(decided(), letter(on), on))).toEqual(
        ok ? [] : ['DECISION_SERVICE_LATE'],
      );
    },
  );

  it('APL art. 61(1) (D): a late service is recorded with its reason', () => {
    expect(
      serveOn(
        decided(),
        letter('2024-04-22', { lateServiceReason: '当事人外出，多次联系未果' }),
        '2024-04-22',
      ).ok,
    ).toBe(true);
  });

  it('a decision without a fine starts no payment period; a no-penalty decision stays and may then be closed', () => {
    expect(serveOn(decided('PENALTY', 0), letter('2024-04-10'))).toMatchObject({
      outcome: 'PENALTY_DECISION_SERVED',
    });
    const noPenalty = decided('NO_PENALTY', 0);
    const input = letter('2024-04-10', { documents: ['NO_PENALTY_DECISION'] });
    const result = serveOn(noPenalty, input);
    expect(result).toMatchObject({
      ok: true,
      outcome: 'NO_PENALTY_DECISION_SERVED',
      to: 'DECIDED_NO_PENALTY',
    });
    if (!result.ok) {
      return;
    }
    const next = applyTransition(noPenalty, result, input, HANDLER_A, ids);
    expect(next.decision?.servedOn).toBe('2024-04-10');
    expect(
      decide(
        next,
        'closeCase',
        { ground: 'NO_PENALTY', closedOn: d('2024-04-11'), approval: headApproval('2024-04-11') },
        HEAD,
        d('2024-04-11'),
        CONTEXT,
      ).ok,
    ).toBe(true);
  });

  it('Compulsion Law art. 38: the demand is served directly unless that is refused or impossible', () => {
    const demanded = executionSnapshot('ENFORCEMENT_DEMAND_ISSUED', {
      enforcement: {
        demandIssuedOn: d('2024-11-01'),
        demandAmountFen: 1_000_000,
        remedyPeriodsLapseOn: d('2024-10-10'),
        rulings: [],
      },
    });
    const byMail = serve({
      documents: ['ENFORCEMENT_DEMAND'],
      method: 'MAIL',
      facts: facts({ servedOn: d('2024-11-04'), signed: false, mailReceiptOn: d('2024-11-06') }),
      deemedServedOn: d('2024-11-06'),
    });
    expect(codesOf(serveOn(demanded, byMail, '2024-11-06'))).toEqual([
      'DEMAND_NOT_SERVED_DIRECTLY',
    ]);
    const impossible = { ...byMail, facts: { ...byMail.facts, directServiceImpossible: true } };
    const result = serveOn(demanded, impossible, '2024-11-06');
    expect(result).toMatchObject({ ok: true, outcome: 'ENFORCEMENT_DEMAND_SERVED' });
    if (!result.ok) {
      return;
    }
    expect(
      applyTransition(demanded, result, impossible, HANDLER_A, ids).enforcement?.demandServedOn,
    ).toBe('2024-11-06');
  });

  it('APL art. 64(2): a hearing notice served (by mail) fewer than 7 working days before the hearing is refused', () => {
    const scheduled = notifiedSnapshot('HEARING_SCHEDULED', {
      hearing: {
        requestedOn: d('2024-04-03'),
        noticeServedOn: d('2024-04-08'),
        hearingOn: d('2024-04-19'),
        presidingOfficerId: 'presider',
      },
    });
    const byMail = (receipt: string) =>
      serve({
        documents: ['HEARING_NOTICE'],
        method: 'MAIL',
        facts: facts({ servedOn: d('2024-04-08'), signed: false, mailReceiptOn: d(receipt) }),
        deemedServedOn: d(receipt),
      });
    expect(codesOf(serveOn(scheduled, byMail('2024-04-10'), '2024-04-10'))).toEqual([]);
    expect(codesOf(serveOn(scheduled, byMail('2024-04-11'), '2024-04-11'))).toEqual([
      'HEARING_NOTICE_TOO_LATE',
    ]);
  });
});
