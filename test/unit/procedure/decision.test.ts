/**
 * Legal review, collective discussion, case time limit, suspension, the decision
 * itself and the summary procedure (法制审核、集体讨论、办案期限、中止、处理决定、简易程序).
 */
import { describe, expect, it } from 'vitest';
import type {
  DecideCaseInput,
  ExtendTimeLimitInput,
  ImposeSummaryPenaltyInput,
} from '../../../src/procedure/action-inputs.js';
import {
  NO_FLAGS,
  type CaseFlags,
  type CaseSnapshot,
  type ProposedPenalty,
} from '../../../src/procedure/case-snapshot.js';
import { decide } from '../../../src/procedure/decide.js';
import { RULE_CATALOG } from '../../../src/procedure/rule-catalog.js';
import type { RuleViolation } from '../../../src/procedure/rule-violation.js';
import {
  certificate,
  codesOf,
  CONTEXT,
  d,
  HANDLER_A,
  HEAD,
  headApproval,
  notifiedSnapshot,
  principalHeadApproval,
  ref,
  REVIEWER,
  snapshot,
  TEAM,
} from './procedure-fixtures.js';

const FINE_5000: DecideCaseInput = {
  outcome: 'PENALTY',
  penalties: [{ kind: 'FINE', amountYuan: 5000 }],
};
const ready = (patch: Partial<CaseSnapshot> = {}) => notifiedSnapshot('READY_FOR_DECISION', patch);
const decideOn = (
  snap: CaseSnapshot,
  input: DecideCaseInput = FINE_5000,
  now = '2024-04-09',
  actor = HEAD,
) => decide(snap, 'decideCase', input, actor, d(now), CONTEXT);
const flags = (patch: Partial<CaseFlags>): CaseFlags => ({ ...NO_FLAGS, ...patch });
const passedReview = (on = '2024-04-09') => [
  { submittedOn: d(on), completedOn: d(on), result: 'PASSED' as const, reviewerId: 'reviewer' },
];
const heldHearing = {
  requestedOn: d('2024-04-03'),
  noticeServedOn: d('2024-04-15'),
  presidingOfficerId: 'presider',
  heldOn: d('2024-04-24'),
  outcome: 'HELD' as const,
};

describe('decideCase: the composite guard before a penalty (APL arts. 44-65)', () => {
  it('APL art. 57(1)(1): a notified case whose windows have closed is decided; the 7-working-day service period starts', () => {
    const result = decideOn(ready());
    expect(result).toMatchObject({
      ok: true,
      from: 'READY_FOR_DECISION',
      to: 'DECIDED_PENALTY',
      outcome: 'PENALTY',
      rulebookVersion: 'CAC-2023',
    });
    expect(result.ok && result.effects).toEqual([
      ...(
        [
          'DOCKETING',
          'JURISDICTION_DESIGNATION',
          'PRESERVATION_HANDLING',
          'COMPULSORY_MEASURE',
          'EMERGENCY_MEASURE_REPORT',
          'STATEMENT',
          'HEARING_REQUEST',
          'CASE_TIME_LIMIT',
        ] as const
      ).map((deadline) => ({ kind: 'STOP_DEADLINE', deadline })),
      {
        kind: 'START_DEADLINE',
        deadline: 'DECISION_SERVICE',
        parameter: 'decisionServicePeriod',
        trigger: 'ACTION_DATE',
      },
      { kind: 'DOCUMENT_DUE', document: 'PENALTY_DECISION' },
    ]);
  });

  it('APL arts. 62, 64(1): on the last day of the statement and hearing-request periods the decision is refused', () => {
    expect(codesOf(decideOn(ready(), FINE_5000, '2024-04-08'))).toEqual([
      'STATEMENT_PERIOD_NOT_OVER',
      'HEARING_REQUEST_PERIOD_NOT_OVER',
    ]);
  });

  it('APL art. 62: an explicit waiver of statement, defence and hearing allows the decision before the periods end', () => {
    const waived = ready({
      waivers: [
        { right: 'STATEMENT_AND_DEFENCE', waivedOn: d('2024-04-02') },
        { right: 'HEARING', waivedOn: d('2024-04-02') },
      ],
    });
    expect(decideOn(waived, FINE_5000, '2024-04-03').ok).toBe(true);
    const onlyStatements = ready({
      waivers: [{ right: 'STATEMENT_AND_DEFENCE', waivedOn: d('2024-04-02') }],
    });
    expect(codesOf(decideOn(onlyStatements, FINE_5000, '2024-04-03'))).toEqual([
      'HEARING_REQUEST_PERIOD_NOT_OVER',
    ]);
  });

  it('APL arts. 44, 62: a penalty without a served notice is refused with PRE_PENALTY_NOTICE_NOT_SERVED', () => {
    expect(codesOf(decideOn(snapshot('INVESTIGATING')))).toEqual(['PRE_PENALTY_NOTICE_NOT_SERVED']);
  });

  it('APL art. 44: a notice followed by a return for supplementary investigation must be served again', () => {
    const returned = ready({
      legalReviews: [
        {
          submittedOn: d('2024-04-09'),
          completedOn: d('2024-04-10'),
          result: 'RETURNED_FOR_SUPPLEMENT',
        },
        { submittedOn: d('2024-04-20'), completedOn: d('2024-04-22'), result: 'PASSED' },
      ],
    });
    expect(codesOf(decideOn(returned, FINE_5000, '2024-04-23'))).toEqual([
      'PRE_PENALTY_NOTICE_NOT_SERVED',
    ]);
  });

  it('APL art. 45(1): a statement not yet reviewed is refused with STATEMENT_NOT_REVIEWED', () => {
    const snap = ready({ statements: [{ id: 'st-1', receivedOn: d('2024-04-03') }] });
    expect(codesOf(decideOn(snap))).toEqual(['STATEMENT_NOT_REVIEWED']);
    const reviewed = ready({
      statements: [{ id: 'st-1', receivedOn: d('2024-04-03'), reviewedOn: d('2024-04-05') }],
    });
    expect(decideOn(reviewed).ok).toBe(true);
  });

  it('APL arts. 63, 65: a requested hearing not yet held is refused with HEARING_REQUESTED_NOT_HELD', () => {
    expect(codesOf(decideOn(ready({ hearing: { requestedOn: d('2024-04-03') } })))).toEqual([
      'HEARING_REQUESTED_NOT_HELD',
    ]);
    const withdrawn = ready({
      hearing: { requestedOn: d('2024-04-03'), withdrawnOn: d('2024-04-05') },
    });
    expect(decideOn(withdrawn).ok).toBe(true);
  });

  it.each<[string, Partial<CaseSnapshot>]>([
    ['a major public interest (58(1)(1))', { flags: flags({ majorPublicInterest: true }) }],
    ['a hearing held (58(1)(2))', { hearing: heldHearing }],
    [
      'a complex case (58(1)(3))',
      {
        flags: flags({ complexCase: true }),
        // Held after the review it follows (APL art. 58(1)): the same day counts.
        collectiveDiscussions: [{ heldOn: d('2024-04-25'), headCount: 3 }],
      },
    ],
    [
      'another law requiring review (58(1)(4))',
      { flags: flags({ legalReviewRequiredByOtherLaw: true }) },
    ],
  ])(
    'APL art. 58(1): a case with %s is refused without legal review (LEGAL_REVIEW_REQUIRED)',
    (_label, patch) => {
      expect(codesOf(decideOn(ready(patch), FINE_5000, '2024-04-25'))).toEqual([
        'LEGAL_REVIEW_REQUIRED',
      ]);
      expect(
        decideOn(
          ready({ ...patch, legalReviews: passedReview('2024-04-25') }),
          FINE_5000,
          '2024-04-25',
        ).ok,
      ).toBe(true);
    },
  );

  it('APL art. 58(1): the latest review not passed is refused with LEGAL_REVIEW_NOT_PASSED, also for a no-penalty decision', () => {
    const snap = ready({
      flags: flags({ majorPublicInterest: true }),
      notice: undefined,
      legalReviews: [
        { submittedOn: d('2024-04-09'), completedOn: d('2024-04-10'), result: 'NOT_PASSED' },
      ],
    });
    expect(codesOf(decideOn(snap, { outcome: 'FACTS_NOT_ESTABLISHED' }, '2024-04-11'))).toEqual([
      'LEGAL_REVIEW_NOT_PASSED',
    ]);
  });

  it('APL art. 57(1)(4): a transfer to the judicial organ does not wait for legal review or notice', () => {
    const snap = snapshot('INVESTIGATING', { flags: flags({ majorPublicInterest: true }) });
    expect(
      decideOn(snap, {
        outcome: 'TRANSFER_TO_JUDICIAL_ORGAN',
        recipient: '市公安局',
        judicial: {
          reportedOn: d('2024-04-08'),
          approval: principalHeadApproval('2024-04-09'),
          transferredOn: d('2024-04-09'),
          procuratorate: '市人民检察院',
        },
      }),
    ).toMatchObject({
      ok: true,
      to: 'TRANSFERRED_TO_JUDICIAL_ORGAN',
    });
  });

  it.each([
    ['2024-04-23', false],
    ['2024-04-24', true],
  ])(
    'APL arts. 58, 65 (D): a legal review completed %s, hearing held 2024-04-24 (earlier → LEGAL_REVIEW_PREDATES_HEARING)',
    (on, ok) => {
      const snap = notifiedSnapshot('HEARING_CONCLUDED', {
        hearing: heldHearing,
        legalReviews: passedReview(on),
      });
      expect(codesOf(decideOn(snap, FINE_5000, '2024-04-25'))).toEqual(
        ok ? [] : ['LEGAL_REVIEW_PREDATES_HEARING'],
      );
    },
  );

  it.each([
    // The review's probe: discussed 03-05, hearing and review 04-24, decided 04-25.
    ['2024-03-05', passedReview('2024-04-24'), ['COLLECTIVE_DISCUSSION_PREDATES_LEGAL_REVIEW']],
    ['2024-04-23', passedReview('2024-04-23'), ['COLLECTIVE_DISCUSSION_PREDATES_HEARING']],
    ['2024-04-24', passedReview('2024-04-24'), []],
  ])(
    'APL arts. 57(2), 58(1), 65 (D): a collective discussion held %s counts as the decision only after the passed review and the hearing (held 2024-04-24)',
    (heldOn, legalReviews, expected) => {
      const snap = notifiedSnapshot('HEARING_CONCLUDED', {
        flags: flags({ majorViolation: true }),
        hearing: heldHearing,
        legalReviews,
        collectiveDiscussions: [{ heldOn: d(heldOn), headCount: 3 }],
      });
      const found = codesOf(decideOn(snap, FINE_5000, '2024-04-25'));
      // A review before the hearing is refused on its own rule; only the discussion's codes matter here.
      expect(found.filter((c) => c.startsWith('COLLECTIVE_DISCUSSION'))).toEqual(expected);
    },
  );

  it('APL art. 57(2): a major violation needs a collective discussion of the heads (COLLECTIVE_DISCUSSION_REQUIRED)', () => {
    const major = ready({ flags: flags({ majorViolation: true }) });
    expect(codesOf(decideOn(major))).toEqual(['COLLECTIVE_DISCUSSION_REQUIRED']);
    expect(
      codesOf(
        decideOn({ ...major, collectiveDiscussions: [{ heldOn: d('2024-04-09'), headCount: 1 }] }),
      ),
    ).toEqual(['COLLECTIVE_DISCUSSION_REQUIRED']);
    expect(
      decideOn({ ...major, collectiveDiscussions: [{ heldOn: d('2024-04-09'), headCount: 2 }] }).ok,
    ).toBe(true);
  });

  it.each([
    ['2024-05-30', true],
    ['2024-05-31', false],
  ])(
    'APL art. 60: a penalty decided %s in a case docketed 2024-03-01 (day 91 → CASE_TIME_LIMIT_EXCEEDED)',
    (now, ok) => {
      expect(codesOf(decideOn(ready(), FINE_5000, now))).toEqual(
        ok ? [] : ['CASE_TIME_LIMIT_EXCEEDED'],
      );
    },
  );

  it('APL art. 60: the stored due date includes approved extensions and suspension time', () => {
    const extended = ready({
      deadlines: { ...ready().deadlines, CASE_TIME_LIMIT: { dueDate: d('2024-06-29') } },
    });
    expect(decideOn(extended, FINE_5000, '2024-06-29').ok).toBe(true);
    expect(codesOf(decideOn(extended, FINE_5000, '2024-06-30'))).toEqual([
      'CASE_TIME_LIMIT_EXCEEDED',
    ]);
  });

  describe('APL art. 60 sets a duty, not a forfeiture: the late decision (legal.md E15)', () => {
    const late = (lateDecision: DecideCaseInput['lateDecision']) =>
      ({ ...FINE_5000, ...(lateDecision ? { lateDecision } : {}) }) as DecideCaseInput;
    const violationOf = (input: DecideCaseInput) =>
      (
        decideOn(ready(), input, '2024-06-04') as { violations?: readonly RuleViolation[] }
      ).violations?.find((v) => v.code === 'CASE_TIME_LIMIT_EXCEEDED');

    it('APL art. 60: a penalty on day 95 without reason or approval is refused, naming both', () => {
      expect(codesOf(decideOn(ready(), FINE_5000, '2024-06-04'))).toEqual([
        'CASE_TIME_LIMIT_EXCEEDED',
      ]);
      expect(violationOf(FINE_5000)?.details).toMatchObject({
        dueDate: '2024-05-30',
        decidedOn: '2024-06-04',
        missing: ['lateDecisionReason', 'lateDecisionApproval'],
      });
    });

    it('APL art. 60: a reason alone is not enough; the office head must approve deciding late', () => {
      expect(violationOf(late({ reason: '当事人下落核查耗时' }))?.details).toMatchObject({
        missing: ['lateDecisionApproval'],
      });
      expect(
        violationOf(late({ reason: '   ', approval: headApproval('2024-06-03') }))?.details,
      ).toMatchObject({ missing: ['lateDecisionReason'] });
    });

    it('APL art. 60: an approval by a non-head, or dated after the decision, does not count', () => {
      const byHandler = headApproval('2024-06-03', {
        approverId: 'handler-a',
        approverRoles: ['CASE_HANDLER'],
      });
      expect(violationOf(late({ reason: '鉴定耗时', approval: byHandler }))).toBeDefined();
      expect(
        violationOf(late({ reason: '鉴定耗时', approval: headApproval('2024-06-05') })),
      ).toBeDefined();
    });

    it("APL art. 60: with a recorded reason and the head's approval the penalty is decided on day 95", () => {
      const result = decideOn(
        ready(),
        late({ reason: '电子数据鉴定耗时', approval: headApproval('2024-06-04') }),
        '2024-06-04',
      );
      expect(codesOf(result)).toEqual([]);
      expect(result.ok).toBe(true);
    });

    it('APL art. 60: the late-decision rule cites art. 60 and is marked as the design (D)', () => {
      const rule = RULE_CATALOG.CASE_TIME_LIMIT_EXCEEDED;
      expect(rule.status).toBe('D');
      expect(rule.legalBasis.map((c) => c.article)).toContain(60);
    });
  });

  it("APL art. 60: closing a case in the party's favour after the time limit stays possible", () => {
    expect(
      decideOn(snapshot('INVESTIGATING'), { outcome: 'FACTS_NOT_ESTABLISHED' }, '2024-06-01').ok,
    ).toBe(true);
  });

  it('a case without a stored case time limit is refused with DEADLINE_NOT_RECORDED', () => {
    expect(
      codesOf(decideOn(ready({ deadlines: { ...ready().deadlines, CASE_TIME_LIMIT: undefined } }))),
    ).toEqual(['DEADLINE_NOT_RECORDED']);
  });

  it.each<[string, ProposedPenalty[], boolean]>([
    ['the notified fine', [{ kind: 'FINE', amountYuan: 5000 }], true],
    ['a lower fine', [{ kind: 'FINE', amountYuan: 4000 }], true],
    ['a fine one yuan higher', [{ kind: 'FINE', amountYuan: 5001 }], false],
    [
      'the fine plus a penalty not notified',
      [{ kind: 'FINE', amountYuan: 5000 }, { kind: 'ORDER_TO_SUSPEND_BUSINESS' }],
      false,
    ],
  ])(
    'APL art. 45(2): deciding %s (heavier → PENALTY_HEAVIER_THAN_NOTIFIED)',
    (_label, penalties, ok) => {
      expect(codesOf(decideOn(ready(), { outcome: 'PENALTY', penalties }))).toEqual(
        ok ? [] : ['PENALTY_HEAVIER_THAN_NOTIFIED'],
      );
    },
  );

  it('APL art. 29: a second fine for the same illegal act is refused with FINED_TWICE_FOR_SAME_ACT', () => {
    const snap = ready({
      priorFinesForSameAct: [
        { caseId: 'case-bj-7', decidedOn: d('2023-11-02'), partyId: 'party-1' },
      ],
    });
    const result = decideOn(snap);
    expect(codesOf(result)).toEqual(['FINED_TWICE_FOR_SAME_ACT']);
    expect(!result.ok && result.violations[0]?.details).toEqual({ priorCaseIds: ['case-bj-7'] });
  });

  it('APL art. 40: a penalty with no evidence on file is refused with EVIDENCE_MISSING', () => {
    expect(codesOf(decideOn(ready({ evidence: [] })))).toEqual(['EVIDENCE_MISSING']);
  });

  it('APL art. 36(1): a time-barred violation is not penalized (LIMITATION_PERIOD_EXPIRED)', () => {
    const barred = ready({
      violation: { committedOn: d('2022-02-19'), harmsLifeHealthOrFinancialSecurity: false },
    });
    expect(codesOf(decideOn(barred))).toEqual(['LIMITATION_PERIOD_EXPIRED']);
  });

  it('APL art. 33(3): a no-penalty decision must record that the party was educated (EDUCATION_NOT_RECORDED)', () => {
    const input = (educationGiven: boolean): DecideCaseInput => ({
      outcome: 'NO_PENALTY',
      ground: 'FIRST_MINOR_AND_CORRECTED',
      educationGiven,
    });
    expect(codesOf(decideOn(snapshot('INVESTIGATING'), input(false)))).toEqual([
      'EDUCATION_NOT_RECORDED',
    ]);
    expect(decideOn(snapshot('INVESTIGATING'), input(true))).toMatchObject({
      ok: true,
      to: 'DECIDED_NO_PENALTY',
      outcome: 'NO_PENALTY',
    });
  });

  it('Compulsion Law art. 28(1): no penalty while items are still seized is refused with COMPULSORY_MEASURE_STILL_ACTIVE', () => {
    const seized = snapshot('INVESTIGATING', {
      compulsoryMeasures: [
        {
          id: 'm-1',
          kind: 'SEIZURE',
          startedOn: d('2024-03-20'),
          endsOn: d('2024-04-19'),
          extended: false,
        },
      ],
    });
    expect(codesOf(decideOn(seized, { outcome: 'FACTS_NOT_ESTABLISHED' }))).toEqual([
      'COMPULSORY_MEASURE_STILL_ACTIVE',
    ]);
  });

  it('APL art. 57: only the office head decides (ROLE_REQUIRED)', () => {
    expect(codesOf(decideOn(ready(), FINE_5000, '2024-04-09', HANDLER_A))).toEqual([
      'ROLE_REQUIRED',
    ]);
  });

  it('every unmet rule of the composite guard is reported together', () => {
    const messy = ready({
      flags: flags({ majorViolation: true, majorPublicInterest: true }),
      statements: [{ id: 'st-1', receivedOn: d('2024-04-03') }],
      evidence: [],
      priorFinesForSameAct: [{ caseId: 'c', decidedOn: d('2023-01-01') }],
    });
    expect(
      codesOf(
        decideOn(
          messy,
          { outcome: 'PENALTY', penalties: [{ kind: 'FINE', amountYuan: 9000 }] },
          '2024-04-08',
        ),
      ).sort(),
    ).toEqual(
      [
        'STATEMENT_PERIOD_NOT_OVER',
        'STATEMENT_NOT_REVIEWED',
        'HEARING_REQUEST_PERIOD_NOT_OVER',
        'LEGAL_REVIEW_REQUIRED',
        'COLLECTIVE_DISCUSSION_REQUIRED',
        'PENALTY_HEAVIER_THAN_NOTIFIED',
        'FINED_TWICE_FOR_SAME_ACT',
        'EVIDENCE_MISSING',
      ].sort(),
    );
  });
});

describe('legal review (法制审核)', () => {
  it('APL arts. 62, 64: a notified case goes to review only after the statement and hearing windows close', () => {
    const submit = (on: string) =>
      decide(
        notifiedSnapshot(),
        'submitLegalReview',
        { submittedOn: d(on) },
        HANDLER_A,
        d(on),
        CONTEXT,
      );
    expect(codesOf(submit('2024-04-08'))).toEqual([
      'STATEMENT_PERIOD_NOT_OVER',
      'HEARING_REQUEST_PERIOD_NOT_OVER',
    ]);
    expect(submit('2024-04-09')).toMatchObject({ ok: true, to: 'UNDER_LEGAL_REVIEW' });
  });

  const underReview = (patch: Partial<CaseSnapshot> = {}) =>
    notifiedSnapshot('UNDER_LEGAL_REVIEW', {
      legalReviews: [{ submittedOn: d('2024-04-09') }],
      ...patch,
    });
  const complete = (
    result: 'PASSED' | 'RETURNED_FOR_SUPPLEMENT' | 'NOT_PASSED',
    actor = REVIEWER,
    on = '2024-04-10',
    snap = underReview(),
  ) =>
    decide(
      snap,
      'completeLegalReview',
      { completedOn: d(on), result, opinion: '意见' },
      actor,
      d(on),
      CONTEXT,
    );

  it.each([
    ['PASSED', 'READY_FOR_DECISION'],
    ['RETURNED_FOR_SUPPLEMENT', 'INVESTIGATING'],
    ['NOT_PASSED', 'INVESTIGATING'],
  ] as const)('APL art. 58(1): review result %s leads to %s', (result, to) => {
    expect(complete(result)).toMatchObject({ ok: true, to });
  });

  it('APL art. 58(2): a first-time reviewer without the legal professional qualification is refused (REVIEWER_NOT_QUALIFIED)', () => {
    const unqualified = { ...REVIEWER, hasLegalProfessionalQualification: false };
    expect(codesOf(complete('PASSED', unqualified))).toEqual(['REVIEWER_NOT_QUALIFIED']);
  });

  it.each([
    ['2021-07-14', true],
    ['2021-07-15', false],
  ])(
    'APL arts. 58(2), 86: a reviewer without the qualification who first reviewed on %s (before the 2021 law → may go on)',
    (first, ok) => {
      const reviewer = {
        ...REVIEWER,
        hasLegalProfessionalQualification: false,
        firstLegalReviewOn: d(first),
      };
      expect(codesOf(complete('PASSED', reviewer))).toEqual(ok ? [] : ['REVIEWER_NOT_QUALIFIED']);
    },
  );

  it.each([
    ['2023-05-31', true],
    ['2023-06-01', false],
  ])(
    'CAC 2023 (U): a handler reviewing their own case on %s (from 2023-06-01 → REVIEWER_IS_HANDLER)',
    (on, ok) => {
      const handlerReviewer = { ...REVIEWER, officerId: 'handler-a' };
      const snap = underReview({
        docketedOn: d('2023-05-01'),
        legalReviews: [{ submittedOn: d('2023-05-30') }],
      });
      expect(codesOf(complete('PASSED', handlerReviewer, on, snap))).toEqual(
        ok ? [] : ['REVIEWER_IS_HANDLER'],
      );
    },
  );

  it('APL art. 58: an office head is not a legal reviewer (ROLE_REQUIRED), and lacks the qualification too', () => {
    expect(codesOf(complete('PASSED', HEAD))).toEqual(['ROLE_REQUIRED', 'REVIEWER_NOT_QUALIFIED']);
    expect(
      codesOf(complete('PASSED', { ...HEAD, hasLegalProfessionalQualification: true })),
    ).toEqual(['ROLE_REQUIRED']);
  });
});

describe('recordCollectiveDiscussion (集体讨论)', () => {
  const discuss = (participants: { officerId: string; isOfficeHead: boolean }[]) =>
    decide(
      notifiedSnapshot('READY_FOR_DECISION'),
      'recordCollectiveDiscussion',
      { heldOn: d('2024-04-10'), participants, conclusion: '同意' },
      HEAD,
      d('2024-04-10'),
      CONTEXT,
    );

  it('APL art. 57(2) (D: at least two heads): one head, or one head listed twice, is refused with COLLECTIVE_DISCUSSION_TOO_FEW_HEADS', () => {
    expect(
      codesOf(
        discuss([
          { officerId: 'head', isOfficeHead: true },
          { officerId: 'handler-a', isOfficeHead: false },
        ]),
      ),
    ).toEqual(['COLLECTIVE_DISCUSSION_TOO_FEW_HEADS']);
    expect(
      codesOf(
        discuss([
          { officerId: 'head', isOfficeHead: true },
          { officerId: 'head', isOfficeHead: true },
        ]),
      ),
    ).toEqual(['COLLECTIVE_DISCUSSION_TOO_FEW_HEADS']);
    expect(
      discuss([
        { officerId: 'head', isOfficeHead: true },
        { officerId: 'deputy-head', isOfficeHead: true },
      ]).ok,
    ).toBe(true);
  });
});

describe('extendTimeLimit: case time limit (APL art. 60; extension rules U)', () => {
  const extend = (patch: Partial<ExtendTimeLimitInput> = {}, snap = snapshot('INVESTIGATING')) =>
    decide(
      snap,
      'extendTimeLimit',
      {
        limit: 'CASE_TIME_LIMIT',
        approvedOn: d('2024-05-20'),
        extensionDays: 30,
        reason: '案情复杂',
        byCollectiveDiscussion: false,
        ...patch,
      },
      HEAD,
      d('2024-05-30'),
      // Approved on 2024-05-20 and entered 8 working days later: a late entry with its reason.
      { ...CONTEXT, lateEntryReason: '审批表于外勤结束后补录' },
    );

  it.each([
    [30, true],
    [31, false],
    [0, false],
  ])(
    'an extension of %i days (over 30 → TIME_LIMIT_EXTENSION_EXCEEDS_MAXIMUM)',
    (extensionDays, ok) => {
      expect(codesOf(extend({ extensionDays }))).toEqual(
        ok ? [] : ['TIME_LIMIT_EXTENSION_EXCEEDS_MAXIMUM'],
      );
    },
  );

  it('a second extension needs collective discussion (FURTHER_EXTENSION_REQUIRES_COLLECTIVE_DISCUSSION)', () => {
    const once = snapshot('INVESTIGATING', {
      timeLimitExtensions: [
        {
          limit: 'CASE_TIME_LIMIT',
          approvedOn: d('2024-05-01'),
          days: 30,
          byCollectiveDiscussion: false,
        },
      ],
    });
    expect(codesOf(extend({}, once))).toEqual(['FURTHER_EXTENSION_REQUIRES_COLLECTIVE_DISCUSSION']);
    expect(extend({ byCollectiveDiscussion: true }, once).ok).toBe(true);
  });

  it.each([
    ['2024-05-30', true],
    ['2024-05-31', false],
  ])(
    'an extension approved %s for a limit ending 2024-05-30 (after → EXTENSION_AFTER_EXPIRY)',
    (approvedOn, ok) => {
      const result = decide(
        snapshot('INVESTIGATING'),
        'extendTimeLimit',
        {
          limit: 'CASE_TIME_LIMIT',
          approvedOn: d(approvedOn),
          extensionDays: 30,
          reason: '案情复杂',
          byCollectiveDiscussion: false,
        },
        HEAD,
        d(approvedOn),
        CONTEXT,
      );
      expect(codesOf(result)).toEqual(ok ? [] : ['EXTENSION_AFTER_EXPIRY']);
    },
  );
});

describe('suspendCase / resumeCase (中止、恢复)', () => {
  const suspended = snapshot('INVESTIGATING', { suspensions: [{ suspendedOn: d('2024-03-20') }] });

  it('suspension pauses the case time limit; resumption resumes it', () => {
    const s = decide(
      snapshot('INVESTIGATING'),
      'suspendCase',
      { suspendedOn: d('2024-03-20'), reason: '等待鉴定' },
      HEAD,
      d('2024-03-20'),
      CONTEXT,
    );
    expect(s.ok && s.effects).toContainEqual({
      kind: 'PAUSE_DEADLINE',
      deadline: 'CASE_TIME_LIMIT',
    });
    const r = decide(
      suspended,
      'resumeCase',
      { resumedOn: d('2024-04-02') },
      HEAD,
      d('2024-04-02'),
      CONTEXT,
    );
    expect(r.ok && r.effects).toContainEqual({
      kind: 'RESUME_DEADLINE',
      deadline: 'CASE_TIME_LIMIT',
    });
  });

  it('while suspended, investigation acts are refused with CASE_SUSPENDED', () => {
    const input = {
      evidenceKind: 'DOCUMENTARY' as const,
      collectedOn: d('2024-03-25'),
      collectors: TEAM,
      certificatesShown: true,
      fromParty: false,
      recusalRightNotified: false,
      description: '书证',
    };
    expect(
      codesOf(decide(suspended, 'recordEvidence', input, HANDLER_A, d('2024-03-25'), CONTEXT)),
    ).toEqual(['CASE_SUSPENDED']);
  });

  it('a suspended case is not suspended again (CASE_ALREADY_SUSPENDED); a running one is not resumed (CASE_NOT_SUSPENDED)', () => {
    expect(
      codesOf(
        decide(
          suspended,
          'suspendCase',
          { suspendedOn: d('2024-03-25'), reason: 'x' },
          HEAD,
          d('2024-03-25'),
          CONTEXT,
        ),
      ),
    ).toEqual(['CASE_ALREADY_SUSPENDED']);
    expect(
      codesOf(
        decide(
          snapshot('INVESTIGATING'),
          'resumeCase',
          { resumedOn: d('2024-03-25') },
          HEAD,
          d('2024-03-25'),
          CONTEXT,
        ),
      ),
    ).toEqual(['CASE_NOT_SUSPENDED']);
  });
});

describe('imposeSummaryPenalty (简易程序, APL arts. 51-52)', () => {
  const onTheSpot = snapshot('CASE_SOURCE_REGISTERED', { docketedOn: undefined });
  const impose = (patch: Partial<ImposeSummaryPenaltyInput> = {}, actor = HANDLER_A) =>
    decide(
      onTheSpot,
      'imposeSummaryPenalty',
      {
        partyKind: 'NATURAL_PERSON',
        penalties: [{ kind: 'FINE', amountYuan: 200 }],
        officers: TEAM,
        certificatesShown: true,
        factsConclusive: true,
        partyInformedAndHeard: true,
        ...patch,
      },
      actor,
      d('2024-03-01'),
      CONTEXT,
    );

  it.each<[string, Partial<ImposeSummaryPenaltyInput>, boolean]>([
    ['a 200-yuan fine on a natural person', {}, true],
    [
      'a 201-yuan fine on a natural person',
      { penalties: [{ kind: 'FINE', amountYuan: 201 }] },
      false,
    ],
    [
      'a 3,000-yuan fine on a legal person',
      { partyKind: 'LEGAL_PERSON', penalties: [{ kind: 'FINE', amountYuan: 3000 }] },
      true,
    ],
    [
      'a 3,001-yuan fine on another organization',
      { partyKind: 'OTHER_ORGANIZATION', penalties: [{ kind: 'FINE', amountYuan: 3001 }] },
      false,
    ],
    ['a warning', { penalties: [{ kind: 'WARNING' }] }, true],
    [
      'two fines adding up to 250 yuan on a natural person',
      {
        penalties: [
          { kind: 'FINE', amountYuan: 150 },
          { kind: 'FINE', amountYuan: 100 },
        ],
      },
      false,
    ],
    ['an order to close', { penalties: [{ kind: 'ORDER_TO_CLOSE' }] }, false],
    ['a fine with no amount', { penalties: [{ kind: 'FINE' }] }, false],
    ['nothing', { penalties: [] }, false],
  ])(
    'APL art. 51: on the spot, %s (otherwise SUMMARY_PENALTY_OUT_OF_RANGE)',
    (_label, patch, ok) => {
      expect(codesOf(impose(patch))).toEqual(ok ? [] : ['SUMMARY_PENALTY_OUT_OF_RANGE']);
    },
  );

  it('APL art. 51: facts not conclusive are refused with SUMMARY_FACTS_NOT_CONCLUSIVE', () => {
    expect(codesOf(impose({ factsConclusive: false }))).toEqual(['SUMMARY_FACTS_NOT_CONCLUSIVE']);
  });

  it('APL arts. 44, 62: the party is told the facts and rights and heard even on the spot (PRE_PENALTY_NOTICE_NOT_SERVED)', () => {
    expect(codesOf(impose({ partyInformedAndHeard: false }))).toEqual([
      'PRE_PENALTY_NOTICE_NOT_SERVED',
    ]);
  });

  it('APL art. 52: certificates shown, by two certified officers, the acting officer included', () => {
    expect(codesOf(impose({ certificatesShown: false }))).toEqual(['CERTIFICATES_NOT_SHOWN']);
    expect(codesOf(impose({ officers: [ref(HANDLER_A)] }))).toEqual([
      'ENFORCEMENT_OFFICERS_FEWER_THAN_TWO',
    ]);
    const lapsed = { ...HANDLER_A, certificate: certificate('C-A', '2020-01-01', '2024-02-29') };
    expect(codesOf(impose({}, lapsed))).toEqual(['CERTIFICATE_NOT_VALID']);
  });

  it('APL art. 29: no second fine on the spot for an act already fined (FINED_TWICE_FOR_SAME_ACT)', () => {
    const fined = {
      ...onTheSpot,
      priorFinesForSameAct: [{ caseId: 'c-1', decidedOn: d('2024-01-01') }],
    };
    const result = decide(
      fined,
      'imposeSummaryPenalty',
      {
        partyKind: 'NATURAL_PERSON',
        penalties: [{ kind: 'FINE', amountYuan: 100 }],
        officers: TEAM,
        certificatesShown: true,
        factsConclusive: true,
        partyInformedAndHeard: true,
      },
      HANDLER_A,
      d('2024-03-01'),
      CONTEXT,
    );
    expect(codesOf(result)).toEqual(['FINED_TWICE_FOR_SAME_ACT']);
  });

  it('the summary decision ends the case on the spot and its filing with the office becomes due', () => {
    const result = impose();
    expect(result).toMatchObject({ ok: true, to: 'SUMMARY_PENALTY_IMPOSED' });
    expect(result.ok && result.effects).toContainEqual({
      kind: 'DOCUMENT_DUE',
      document: 'ON_THE_SPOT_FILING_RECORD',
    });
  });
});
