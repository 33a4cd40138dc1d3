/**
 * Pre-penalty notice, statements and defence, waivers and hearing
 * (事先告知、陈述申辩、放弃权利、听证).
 */
import { describe, expect, it } from 'vitest';
import type {
  IssuePrePenaltyNoticeInput,
  RecordHearingInput,
  ScheduleHearingInput,
} from '../../../src/procedure/action-inputs.js';
import type { Party, ProposedPenalty } from '../../../src/procedure/case-snapshot.js';
import { decide } from '../../../src/procedure/decide.js';
import { assessHearingEligibility } from '../../../src/procedure/hearing-eligibility.js';
import { rulebookFor } from '../../../src/procedure/rulebook.js';
import {
  codesOf,
  CONTEXT,
  d,
  fakeWorkingDays,
  HANDLER_A,
  HEAD,
  headApproval,
  notifiedSnapshot,
  PRESIDER,
  snapshot,
  WORKING_DAYS,
} from './procedure-fixtures.js';

describe('issuePrePenaltyNotice (行政处罚事先告知)', () => {
  const now = d('2024-04-01');
  const notice = (patch: Partial<IssuePrePenaltyNoticeInput> = {}): IssuePrePenaltyNoticeInput => ({
    proposedPenalties: [{ kind: 'FINE', amountYuan: 5000 }],
    servedOn: now,
    approval: headApproval('2024-03-29'),
    ...patch,
  });
  const issue = (
    input: IssuePrePenaltyNoticeInput,
    snap = snapshot('INVESTIGATING'),
    ctx = CONTEXT,
  ) => decide(snap, 'issuePrePenaltyNotice', input, HANDLER_A, now, ctx);

  it('APL arts. 44, 63, 64: a hearing-eligible notice starts the statement and the 5-working-day hearing-request periods from service', () => {
    const result = issue(notice());
    expect(result).toMatchObject({
      ok: true,
      to: 'PRE_PENALTY_NOTICE_SERVED',
      outcome: 'HEARING_ELIGIBLE',
    });
    expect(result.ok && result.effects).toEqual([
      { kind: 'RECORD_HEARING_ELIGIBILITY', eligible: true },
      {
        kind: 'START_DEADLINE',
        deadline: 'STATEMENT',
        parameter: 'statementPeriod',
        trigger: 'SERVED_ON',
      },
      {
        kind: 'START_DEADLINE',
        deadline: 'HEARING_REQUEST',
        parameter: 'hearingRequestPeriod',
        trigger: 'SERVED_ON',
      },
      { kind: 'DOCUMENT_DUE', document: 'PRE_PENALTY_NOTICE' },
    ]);
  });

  it('APL art. 44: a notice without a proposed penalty is refused with PROPOSED_PENALTY_REQUIRED', () => {
    expect(codesOf(issue(notice({ proposedPenalties: [] })))).toEqual([
      'PROPOSED_PENALTY_REQUIRED',
    ]);
  });

  it('APL art. 57(1): a notice without the head review of the investigation result is refused with HEAD_APPROVAL_REQUIRED', () => {
    expect(codesOf(issue(notice({ approval: undefined })))).toEqual(['HEAD_APPROVAL_REQUIRED']);
  });

  it('APL arts. 40, 44: a notice with no evidence on file (its main evidence) is refused with EVIDENCE_MISSING', () => {
    expect(codesOf(issue(notice(), snapshot('INVESTIGATING', { evidence: [] })))).toEqual([
      'EVIDENCE_MISSING',
    ]);
  });

  it('APL art. 44: a notice with no party identified is refused with PARTY_REQUIRED', () => {
    expect(codesOf(issue(notice(), snapshot('INVESTIGATING', { parties: [] })))).toEqual([
      'PARTY_REQUIRED',
    ]);
  });

  it('APL art. 29: proposing a fine for an act already fined is refused with FINED_TWICE_FOR_SAME_ACT; a warning is not', () => {
    const fined = snapshot('INVESTIGATING', {
      priorFinesForSameAct: [{ caseId: 'case-0', decidedOn: d('2023-12-01') }],
    });
    expect(codesOf(issue(notice(), fined))).toEqual(['FINED_TWICE_FOR_SAME_ACT']);
    expect(issue(notice({ proposedPenalties: [{ kind: 'WARNING' }] }), fined).ok).toBe(true);
  });

  it('APL art. 63: with a provincial threshold, the office override decides eligibility and is recorded in the version', () => {
    const overrides = {
      id: 'SH-2024',
      source: '省级标准',
      values: { hearingFineThresholdOrganization: 100000 },
    };
    const result = issue(notice(), snapshot('INVESTIGATING'), {
      ...CONTEXT,
      rulebookOverrides: overrides,
    });
    expect(result).toMatchObject({
      ok: true,
      outcome: 'NOT_HEARING_ELIGIBLE',
      rulebookVersion: 'CAC-2023+SH-2024',
    });
  });
});

describe('APL art. 63(1): hearing eligibility', () => {
  const rulebook = rulebookFor(d('2024-04-01'));
  const withThresholds = rulebookFor(d('2024-04-01'), {
    id: 'T',
    source: '省级标准',
    values: {
      hearingFineThresholdNaturalPerson: 5000,
      hearingFineThresholdOrganization: 100000,
      hearingConfiscationThresholdOrganization: 50000,
    },
  });
  const org: Party[] = [{ id: 'p', kind: 'LEGAL_PERSON' }];
  const person: Party[] = [{ id: 'p', kind: 'NATURAL_PERSON' }];

  it.each<[string, ProposedPenalty, readonly Party[], boolean]>([
    ['revocation of a permit', { kind: 'REVOCATION_OF_PERMIT' }, org, true],
    ['lowering of qualification', { kind: 'LOWERING_OF_QUALIFICATION' }, org, true],
    ['order to suspend business', { kind: 'ORDER_TO_SUSPEND_BUSINESS' }, org, true],
    ['order to close', { kind: 'ORDER_TO_CLOSE' }, org, true],
    ['restriction of practice', { kind: 'RESTRICTION_OF_PRACTICE' }, person, true],
    ['a warning', { kind: 'WARNING' }, org, false],
    ['circulated criticism', { kind: 'CIRCULATED_CRITICISM' }, org, false],
    [
      'no threshold set: organization fine of 3,000 (summary limit)',
      { kind: 'FINE', amountYuan: 3000 },
      org,
      false,
    ],
    ['no threshold set: organization fine of 3,001', { kind: 'FINE', amountYuan: 3001 }, org, true],
    [
      'no threshold set: natural-person fine of 200',
      { kind: 'FINE', amountYuan: 200 },
      person,
      false,
    ],
    [
      'no threshold set: natural-person fine of 201',
      { kind: 'FINE', amountYuan: 201 },
      person,
      true,
    ],
    ['no threshold set: fine with no amount yet', { kind: 'FINE' }, org, true],
  ])('no provincial threshold: %s', (_label, penalty, parties, eligible) => {
    expect(assessHearingEligibility([penalty], parties, rulebook).eligible).toBe(eligible);
  });

  it.each<[string, ProposedPenalty, readonly Party[], boolean]>([
    ['organization fine of 99,999', { kind: 'FINE', amountYuan: 99999 }, org, false],
    [
      'organization fine of 100,000 (以上 includes the figure)',
      { kind: 'FINE', amountYuan: 100000 },
      org,
      true,
    ],
    ['natural-person fine of 4,999', { kind: 'FINE', amountYuan: 4999 }, person, false],
    ['natural-person fine of 5,000', { kind: 'FINE', amountYuan: 5000 }, person, true],
    [
      'confiscation of 50,000 from an organization',
      { kind: 'CONFISCATION_OF_ILLEGAL_GAINS', amountYuan: 50000 },
      org,
      true,
    ],
    [
      'confiscation of 49,999 from an organization',
      { kind: 'CONFISCATION_OF_ILLEGAL_GAINS', amountYuan: 49999 },
      org,
      false,
    ],
  ])(
    'provincial thresholds (person 5,000 / organization 100,000): %s',
    (_label, penalty, parties, eligible) => {
      expect(assessHearingEligibility([penalty], parties, withThresholds).eligible).toBe(eligible);
    },
  );

  it('APL art. 63(1)(6): a departmental rule giving a hearing makes any penalty eligible', () => {
    expect(assessHearingEligibility([{ kind: 'WARNING' }], org, rulebook, true)).toEqual({
      eligible: true,
      reasons: ['OTHER_RULE'],
    });
  });

  it('an unknown party kind is treated as a natural person (the lower threshold, doubt favours a hearing)', () => {
    expect(
      assessHearingEligibility([{ kind: 'FINE', amountYuan: 1000 }], [], rulebook).eligible,
    ).toBe(true);
  });

  it('其他较重 (U, overridable): 暂扣许可证件 is heavier by default; an office can narrow the list', () => {
    expect(
      assessHearingEligibility([{ kind: 'SUSPENSION_OF_PERMIT' }], org, rulebook).reasons,
    ).toEqual(['HEAVIER_PENALTY_KIND']);
    const narrowed = rulebookFor(d('2024-04-01'), {
      id: 'N',
      source: '省级标准',
      values: { heavierPenaltyKinds: [] },
    });
    expect(
      assessHearingEligibility([{ kind: 'SUSPENSION_OF_PERMIT' }], org, narrowed).eligible,
    ).toBe(false);
  });
});

describe('statements, review and waiver (陈述、申辩、复核、放弃)', () => {
  it('APL art. 45(1): statements are recorded while the case is notified, also while suspended', () => {
    const snap = notifiedSnapshot('PRE_PENALTY_NOTICE_SERVED', {
      suspensions: [{ suspendedOn: d('2024-04-02') }],
    });
    expect(
      decide(
        snap,
        'recordStatement',
        { receivedOn: d('2024-04-03'), channel: 'WRITTEN' },
        HANDLER_A,
        d('2024-04-03'),
        CONTEXT,
      ).ok,
    ).toBe(true);
  });

  it('APL art. 45(1): reviewing a statement that is not on file is refused with RECORD_NOT_FOUND', () => {
    const input = { statementId: 'st-9', reviewedOn: d('2024-04-05'), adopted: false };
    expect(
      codesOf(
        decide(notifiedSnapshot(), 'reviewStatement', input, HANDLER_A, d('2024-04-05'), CONTEXT),
      ),
    ).toEqual(['RECORD_NOT_FOUND']);
  });

  it('APL art. 62: a waiver not signed by the party is refused with WAIVER_NOT_EXPLICIT', () => {
    const unsigned = {
      rights: ['STATEMENT_AND_DEFENCE'] as const,
      waivedOn: d('2024-04-02'),
      signedByParty: false,
    };
    expect(
      codesOf(
        decide(notifiedSnapshot(), 'waiveRights', unsigned, HANDLER_A, d('2024-04-02'), CONTEXT),
      ),
    ).toEqual(['WAIVER_NOT_EXPLICIT']);
    const empty = { rights: [], waivedOn: d('2024-04-02'), signedByParty: true };
    expect(
      codesOf(
        decide(notifiedSnapshot(), 'waiveRights', empty, HANDLER_A, d('2024-04-02'), CONTEXT),
      ),
    ).toEqual(['WAIVER_NOT_EXPLICIT']);
  });

  it('APL art. 62: withdrawing a hearing request returns the case to the notice stage', () => {
    const snap = notifiedSnapshot('HEARING_REQUESTED', {
      hearing: { requestedOn: d('2024-04-02') },
    });
    const input = { rights: ['HEARING'] as const, waivedOn: d('2024-04-03'), signedByParty: true };
    expect(decide(snap, 'waiveRights', input, HANDLER_A, d('2024-04-03'), CONTEXT)).toMatchObject({
      ok: true,
      to: 'PRE_PENALTY_NOTICE_SERVED',
      outcome: 'HEARING_REQUEST_WITHDRAWN',
    });
  });
});

describe('requestHearing (要求听证)', () => {
  const request = (requestedOn: string, snap = notifiedSnapshot(), now = requestedOn) =>
    decide(snap, 'requestHearing', { requestedOn: d(requestedOn) }, HANDLER_A, d(now), CONTEXT);

  it('the fixture stores the hearing-request due date 5 working days after service on Monday 2024-04-01', () => {
    expect(notifiedSnapshot().deadlines.HEARING_REQUEST?.dueDate).toBe('2024-04-08');
  });

  it('APL art. 64(1): a hearing request on the 5th working day after the notice is accepted', () => {
    expect(request('2024-04-08')).toMatchObject({ ok: true, to: 'HEARING_REQUESTED' });
  });

  it('APL art. 64(1): hearing request after 5 working days is refused with HEARING_REQUEST_OUT_OF_TIME', () => {
    expect(codesOf(request('2024-04-09'))).toEqual(['HEARING_REQUEST_OUT_OF_TIME']);
  });

  it('APL arts. 64(1), 85: holidays do not count; with 4-5 April off, the 5th working day is 10 April', () => {
    const calendar = fakeWorkingDays(['2024-04-04', '2024-04-05']);
    const due = calendar.add(d('2024-04-01'), 5);
    expect(due).toBe('2024-04-10');
    const snap = notifiedSnapshot('PRE_PENALTY_NOTICE_SERVED', {
      deadlines: {
        HEARING_REQUEST: { dueDate: due },
        CASE_TIME_LIMIT: { dueDate: d('2024-05-30') },
      },
    });
    expect(request('2024-04-10', snap).ok).toBe(true);
    expect(codesOf(request('2024-04-11', snap))).toEqual(['HEARING_REQUEST_OUT_OF_TIME']);
  });

  it('APL art. 64(1): the date of the request counts, not the day it is recorded (posted on the last day)', () => {
    expect(request('2024-04-08', notifiedSnapshot(), '2024-04-10').ok).toBe(true);
  });

  it('APL art. 63(1): a notice that is not hearing-eligible gives no hearing (HEARING_NOT_AVAILABLE)', () => {
    const snap = notifiedSnapshot('PRE_PENALTY_NOTICE_SERVED', {
      notice: {
        servedOn: d('2024-04-01'),
        proposedPenalties: [{ kind: 'WARNING' }],
        hearingEligible: false,
      },
    });
    expect(codesOf(request('2024-04-03', snap))).toEqual(['HEARING_NOT_AVAILABLE']);
  });

  it('APL art. 62: after an explicit waiver of the hearing the request is refused with HEARING_RIGHT_WAIVED', () => {
    const snap = notifiedSnapshot('PRE_PENALTY_NOTICE_SERVED', {
      waivers: [{ right: 'HEARING', waivedOn: d('2024-04-02') }],
    });
    expect(codesOf(request('2024-04-03', snap))).toEqual(['HEARING_RIGHT_WAIVED']);
  });

  it('a hearing-eligible notice without a stored request due date is refused with DEADLINE_NOT_RECORDED', () => {
    const snap = notifiedSnapshot('PRE_PENALTY_NOTICE_SERVED', {
      deadlines: { CASE_TIME_LIMIT: { dueDate: d('2024-05-30') } },
    });
    expect(codesOf(request('2024-04-03', snap))).toEqual(['DEADLINE_NOT_RECORDED']);
  });
});

describe('scheduleHearing (听证通知)', () => {
  const requested = notifiedSnapshot('HEARING_REQUESTED', {
    hearing: { requestedOn: d('2024-04-03') },
  });
  const schedule = (patch: Partial<ScheduleHearingInput> = {}, snap = requested, actor = HEAD) =>
    decide(
      snap,
      'scheduleHearing',
      {
        hearingOn: d('2024-04-24'),
        noticeServedOn: d('2024-04-15'),
        presidingOfficerId: 'presider',
        isPublic: true,
        ...patch,
      },
      actor,
      d('2024-04-15'),
      CONTEXT,
    );

  it('the notice served Monday 2024-04-15 is 7 working days before Wednesday 2024-04-24', () => {
    expect(WORKING_DAYS.workingDaysBetween(d('2024-04-15'), d('2024-04-24'))).toBe(7);
  });

  it('APL art. 64(2): a hearing 7 working days after the notice is served is allowed', () => {
    expect(schedule()).toMatchObject({ ok: true, to: 'HEARING_SCHEDULED' });
  });

  it('APL art. 64(2): a hearing 6 working days after the notice is refused with HEARING_NOTICE_TOO_LATE', () => {
    const result = schedule({ hearingOn: d('2024-04-23') });
    expect(codesOf(result)).toEqual(['HEARING_NOTICE_TOO_LATE']);
    expect(!result.ok && result.violations[0]?.details).toMatchObject({
      workingDays: 6,
      required: 7,
    });
  });

  it.each(['handler-a', 'collector-c'])(
    'APL art. 64(4): presiding officer %s investigated the case → PRESIDING_OFFICER_IS_INVESTIGATOR',
    (id) => {
      const snap = notifiedSnapshot('HEARING_REQUESTED', {
        hearing: { requestedOn: d('2024-04-03') },
        transcripts: [
          {
            id: 't-1',
            kind: 'INQUIRY',
            conductedOn: d('2024-03-06'),
            officerIds: ['collector-c', 'handler-b'],
            withParty: true,
          },
        ],
      });
      expect(codesOf(schedule({ presidingOfficerId: id }, snap))).toEqual([
        'PRESIDING_OFFICER_IS_INVESTIGATOR',
      ]);
    },
  );

  it('APL art. 64(3): a non-public hearing without secrets or privacy is refused with NON_PUBLIC_HEARING_WITHOUT_GROUND', () => {
    expect(codesOf(schedule({ isPublic: false }))).toEqual(['NON_PUBLIC_HEARING_WITHOUT_GROUND']);
    expect(schedule({ isPublic: false, nonPublicGround: 'COMMERCIAL_SECRET' }).ok).toBe(true);
  });

  it('APL art. 64(4): the office head designates the presiding officer (a handler may not: ROLE_REQUIRED)', () => {
    expect(codesOf(schedule({}, requested, HANDLER_A))).toEqual(['ROLE_REQUIRED']);
  });
});

describe('recordHearing (听证笔录)', () => {
  const scheduled = notifiedSnapshot('HEARING_SCHEDULED', {
    hearing: {
      requestedOn: d('2024-04-03'),
      noticeServedOn: d('2024-04-15'),
      hearingOn: d('2024-04-24'),
      presidingOfficerId: 'presider',
    },
  });
  const record = (patch: Partial<RecordHearingInput> = {}, snap = scheduled) =>
    decide(
      snap,
      'recordHearing',
      {
        heldOn: d('2024-04-24'),
        outcome: 'HELD',
        agentCount: 2,
        recordSignedByParty: true,
        refusalNotedByPresider: false,
        ...patch,
      },
      PRESIDER,
      d('2024-04-24'),
      CONTEXT,
    );

  it.each<[string, Partial<RecordHearingInput>, boolean]>([
    ['signed by the party', {}, true],
    [
      'refusal to sign noted by the presider',
      { recordSignedByParty: false, refusalNotedByPresider: true },
      true,
    ],
    ['neither signed nor refusal noted', { recordSignedByParty: false }, false],
    [
      'terminated because the party stayed away',
      { outcome: 'TERMINATED_PARTY_ABSENT', recordSignedByParty: false },
      true,
    ],
  ])(
    'APL art. 64(8): hearing record %s (otherwise HEARING_RECORD_NOT_SIGNED)',
    (_label, patch, ok) => {
      expect(codesOf(record(patch))).toEqual(ok ? [] : ['HEARING_RECORD_NOT_SIGNED']);
    },
  );

  it('APL art. 64(5): two agents are allowed, three are refused with HEARING_AGENTS_MORE_THAN_TWO', () => {
    expect(record({ agentCount: 2 })).toMatchObject({ ok: true, to: 'HEARING_CONCLUDED' });
    expect(codesOf(record({ agentCount: 3 }))).toEqual(['HEARING_AGENTS_MORE_THAN_TWO']);
  });

  it('APL art. 64(4): a pending recusal of the presiding officer blocks the hearing (RECUSAL_PENDING_FOR_PRESIDING_OFFICER)', () => {
    const snap = {
      ...scheduled,
      recusals: [{ id: 'r', targetOfficerId: 'presider', appliedOn: d('2024-04-20') }],
    };
    expect(codesOf(record({}, snap))).toEqual(['RECUSAL_PENDING_FOR_PRESIDING_OFFICER']);
  });

  it('APL art. 64(2): holding the hearing earlier than 7 working days after the notice is refused with HEARING_NOTICE_TOO_LATE', () => {
    expect(codesOf(record({ heldOn: d('2024-04-23') }))).toEqual(['HEARING_NOTICE_TOO_LATE']);
  });

  it('APL art. 64(4): only the hearing officer records the hearing (ROLE_REQUIRED)', () => {
    const result = decide(
      scheduled,
      'recordHearing',
      {
        heldOn: d('2024-04-24'),
        outcome: 'HELD',
        agentCount: 0,
        recordSignedByParty: true,
        refusalNotedByPresider: false,
      },
      HANDLER_A,
      d('2024-04-24'),
      CONTEXT,
    );
    expect(codesOf(result)).toEqual(['ROLE_REQUIRED']);
  });
});
