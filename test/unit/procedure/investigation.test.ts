/**
 * Investigation: recusal, evidence, transcripts, registered preservation and
 * sealing/seizure (回避、调查取证、先行登记保存、查封扣押).
 */
import { describe, expect, it } from 'vitest';
import type {
  ApplyForRecusalInput,
  ExtendCompulsoryMeasureInput,
  ImposeCompulsoryMeasureInput,
  PreserveEvidenceInput,
  RecordEvidenceInput,
} from '../../../src/procedure/action-inputs.js';
import type {
  Approval,
  CaseSnapshot,
  CompulsoryMeasureRecord,
  RecusalRecord,
} from '../../../src/procedure/case-snapshot.js';
import { availableActions, decide } from '../../../src/procedure/decide.js';
import { applyTransition } from '../../../src/procedure/apply-transition.js';
import { addCalendarDays } from '../../../src/procedure/local-date.js';
import { RULE_CATALOG } from '../../../src/procedure/rule-catalog.js';
import type { ProcedureAction } from '../../../src/procedure/procedure-action.js';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../../src/procedure/evidence-kind.js';
import {
  certificate,
  codesOf,
  CONTEXT,
  d,
  DEPUTY_HEAD,
  HANDLER_A,
  HANDLER_B,
  HEAD,
  headApproval,
  notifiedSnapshot,
  principalHeadApproval,
  ref,
  REVIEWER,
  sampleInputs,
  snapshot,
  TEAM,
  ON_SITE_WITH_PARTY,
  CUSTODY,
} from './procedure-fixtures.js';

const investigating = (patch: Parameters<typeof snapshot>[1] = {}) =>
  snapshot('INVESTIGATING', patch);

describe('recusal (回避)', () => {
  const now = d('2024-03-10');
  const pending = investigating({
    recusals: [{ id: 'rec-1', targetOfficerId: 'handler-a', appliedOn: d('2024-03-08') }],
  });

  it('APL art. 43(2): the party may apply for the recusal of an officer on the case', () => {
    const input = {
      targetOfficerId: 'handler-a',
      applicant: 'PARTY',
      ground: 'DIRECT_INTEREST',
      appliedOn: now,
    } as const;
    expect(
      decide(investigating(), 'applyForRecusal', input, HANDLER_B, now, CONTEXT),
    ).toMatchObject({ ok: true, to: 'INVESTIGATING' });
    const stranger = { ...input, targetOfficerId: 'someone-else' };
    expect(
      codesOf(decide(investigating(), 'applyForRecusal', stranger, HANDLER_B, now, CONTEXT)),
    ).toEqual(['RECUSAL_TARGET_NOT_ON_CASE']);
  });

  it('APL art. 43(3): the investigation does not stop while a recusal application is pending', () => {
    const input: RecordEvidenceInput = {
      evidenceKind: 'DOCUMENTARY',
      collectedOn: now,
      collectors: TEAM,
      certificatesShown: true,
      fromParty: false,
      recusalRightNotified: false,
      description: '备案信息',
    };
    expect(decide(pending, 'recordEvidence', input, HANDLER_A, now, CONTEXT).ok).toBe(true);
  });

  it('APL art. 43(3): an officer never decides their own recusal (RECUSAL_SELF_DECISION)', () => {
    const headIsTarget = investigating({
      handlers: [...TEAM, ref(HEAD)],
      recusals: [{ id: 'rec-1', targetOfficerId: 'head', appliedOn: d('2024-03-08') }],
    });
    expect(
      codesOf(
        decide(
          headIsTarget,
          'decideRecusal',
          { recusalId: 'rec-1', granted: false },
          HEAD,
          now,
          CONTEXT,
        ),
      ),
    ).toEqual(['RECUSAL_SELF_DECISION']);
  });

  it('APL art. 43(3): the head decides (a handler may not: ROLE_REQUIRED)', () => {
    expect(
      decide(pending, 'decideRecusal', { recusalId: 'rec-1', granted: false }, HEAD, now, CONTEXT)
        .ok,
    ).toBe(true);
    expect(
      codesOf(
        decide(
          pending,
          'decideRecusal',
          { recusalId: 'rec-1', granted: false },
          HANDLER_B,
          now,
          CONTEXT,
        ),
      ),
    ).toEqual(['ROLE_REQUIRED']);
  });

  it('APL art. 42(1): granting a recusal that leaves one handler needs a certified replacement (HANDLERS_FEWER_THAN_TWO)', () => {
    expect(
      codesOf(
        decide(pending, 'decideRecusal', { recusalId: 'rec-1', granted: true }, HEAD, now, CONTEXT),
      ),
    ).toEqual(['HANDLERS_FEWER_THAN_TWO']);
    const replacement = { officerId: 'handler-c', certificate: certificate('C-3') };
    expect(
      decide(
        pending,
        'decideRecusal',
        { recusalId: 'rec-1', granted: true, replacementHandlers: [replacement] },
        HEAD,
        now,
        CONTEXT,
      ).ok,
    ).toBe(true);
    const expired = {
      officerId: 'handler-c',
      certificate: certificate('C-3', '2020-01-01', '2024-03-09'),
    };
    expect(
      codesOf(
        decide(
          pending,
          'decideRecusal',
          { recusalId: 'rec-1', granted: true, replacementHandlers: [expired] },
          HEAD,
          now,
          CONTEXT,
        ),
      ),
    ).toEqual(['CERTIFICATE_NOT_VALID']);
  });

  it('a recusal is decided once (RECUSAL_ALREADY_DECIDED) and must exist (RECORD_NOT_FOUND)', () => {
    const decided = investigating({
      recusals: [
        {
          id: 'rec-1',
          targetOfficerId: 'handler-a',
          appliedOn: d('2024-03-08'),
          decision: 'REJECTED',
          decidedOn: d('2024-03-09'),
        },
      ],
    });
    expect(
      codesOf(
        decide(
          decided,
          'decideRecusal',
          { recusalId: 'rec-1', granted: false },
          HEAD,
          now,
          CONTEXT,
        ),
      ),
    ).toEqual(['RECUSAL_ALREADY_DECIDED']);
    expect(
      codesOf(
        decide(
          decided,
          'decideRecusal',
          { recusalId: 'rec-9', granted: false },
          HEAD,
          now,
          CONTEXT,
        ),
      ),
    ).toEqual(['RECORD_NOT_FOUND']);
  });

  describe('capability 8: heads, legal reviewers, who decides, and 复议', () => {
    const apply = (patch: Partial<ApplyForRecusalInput>, snap = investigating(), on = now) =>
      decide(
        snap,
        'applyForRecusal',
        {
          targetOfficerId: 'head',
          applicant: 'PARTY',
          ground: 'DIRECT_INTEREST',
          appliedOn: on,
          ...patch,
        },
        HANDLER_B,
        on,
        CONTEXT,
      );

    it.each<[string, Partial<ApplyForRecusalInput>, boolean]>([
      ['a head (负责人) who will approve and decide', { targetRoles: ['OFFICE_HEAD'] }, true],
      [
        'a legal reviewer (法制审核人员) who will review',
        { targetOfficerId: 'reviewer', targetRoles: ['LEGAL_REVIEWER'] },
        true,
      ],
      [
        'an officer of the office with no part in the case',
        { targetOfficerId: 'presider', targetRoles: ['HEARING_OFFICER'] },
        false,
      ],
    ])(
      'APL art. 43(2): the party may apply for the recusal of %s → allowed %s',
      (_l, patch, ok) => {
        expect(codesOf(apply(patch))).toEqual(ok ? [] : ['RECUSAL_TARGET_NOT_ON_CASE']);
      },
    );

    it('APL art. 43(2): the hearing’s recorder (记录人) may be challenged once the hearing names them', () => {
      const clerk = { targetOfficerId: 'clerk', targetRoles: ['CASE_HANDLER'] as const };
      expect(codesOf(apply(clerk))).toEqual(['RECUSAL_TARGET_NOT_ON_CASE']);
      const scheduled = investigating({
        hearing: {
          requestedOn: d('2024-03-05'),
          presidingOfficerId: 'presider',
          recorderId: 'clerk',
        },
      });
      expect(apply(clerk, scheduled).ok).toBe(true);
    });

    it('APL art. 43(3) (U): a head’s recusal is decided by the heads’ collective discussion (RECUSAL_OF_HEAD_NOT_BY_COLLECTIVE_DISCUSSION), recorded from the application', () => {
      const input: ApplyForRecusalInput = {
        targetOfficerId: 'head',
        applicant: 'PARTY',
        ground: 'DIRECT_INTEREST',
        appliedOn: now,
        targetRoles: ['OFFICE_HEAD'],
      };
      const applied = decide(investigating(), 'applyForRecusal', input, HANDLER_B, now, CONTEXT);
      if (!applied.ok) {
        throw new Error('refused');
      }
      const next = applyTransition(investigating(), applied, input, HANDLER_B, {
        next: () => 'rec-h',
      });
      expect(next.recusals.at(-1)).toMatchObject({ id: 'rec-h', targetIsHead: true });
      const byDeputy = (byCollectiveDiscussion?: boolean) =>
        decide(
          next,
          'decideRecusal',
          {
            recusalId: 'rec-h',
            granted: false,
            ...(byCollectiveDiscussion ? { byCollectiveDiscussion } : {}),
          },
          DEPUTY_HEAD,
          now,
          CONTEXT,
        );
      expect(codesOf(byDeputy())).toEqual(['RECUSAL_OF_HEAD_NOT_BY_COLLECTIVE_DISCUSSION']);
      expect(byDeputy(true).ok).toBe(true);
      expect(RULE_CATALOG.RECUSAL_OF_HEAD_NOT_BY_COLLECTIVE_DISCUSSION.status).toBe('U');
    });

    const rejected = (patch: Partial<RecusalRecord> = {}) =>
      investigating({
        recusals: [
          {
            id: 'rec-1',
            targetOfficerId: 'handler-a',
            appliedOn: d('2024-03-08'),
            decision: 'REJECTED',
            decidedOn: d('2024-03-09'),
            ...patch,
          },
        ],
      });
    const reconsider = { targetOfficerId: 'handler-a', reconsiderationOf: 'rec-1' };

    it('2017 art. 17(2) (U after 2023-05-31): the party may apply once for 复议 of a rejected recusal', () => {
      expect(apply(reconsider, rejected()).ok).toBe(true);
      const twice = investigating({
        recusals: [
          ...rejected().recusals,
          {
            id: 'rec-2',
            targetOfficerId: 'handler-a',
            appliedOn: d('2024-03-10'),
            reconsiderationOf: 'rec-1',
          },
        ],
      });
      expect(codesOf(apply(reconsider, twice))).toEqual(['RECUSAL_RECONSIDERATION_NOT_ALLOWED']);
    });

    it.each<[string, Partial<RecusalRecord>, Partial<ApplyForRecusalInput>]>([
      ['of a granted recusal', { decision: 'GRANTED' }, {}],
      ['of an undecided application', { decision: undefined, decidedOn: undefined }, {}],
      ['by the officer rather than the party', {}, { applicant: 'OFFICER_SELF' }],
      ['against another officer', {}, { targetOfficerId: 'handler-b' }],
    ])(
      '2017 art. 17(2) (U): a 复议 %s is refused with RECUSAL_RECONSIDERATION_NOT_ALLOWED',
      (_l, record, patch) => {
        expect(codesOf(apply({ ...reconsider, ...patch }, rejected(record)))).toEqual([
          'RECUSAL_RECONSIDERATION_NOT_ALLOWED',
        ]);
      },
    );

    it('E7: a 复议 refused in 2026 cites APL art. 43(3) only; one refused in May 2023 also cites 2017 art. 17(2)', () => {
      const laws = (on: string) => {
        const snap = rejected({ decision: 'GRANTED' });
        const result = apply(reconsider, { ...snap, docketedOn: d('2023-05-02') }, d(on));
        return result.ok ? [] : result.violations.flatMap((v) => v.legalBasis.map((b) => b.law));
      };
      expect(laws('2026-03-10')).toEqual(['中华人民共和国行政处罚法']);
      expect(laws('2023-05-10')).toEqual([
        '中华人民共和国行政处罚法',
        '互联网信息内容管理行政执法程序规定',
      ]);
    });

    const headRecused = (s: CaseSnapshot) => ({
      ...s,
      recusals: [
        {
          id: 'rec-1',
          targetOfficerId: 'deputy-head',
          appliedOn: d('2024-04-02'),
          decision: 'GRANTED' as const,
          decidedOn: d('2024-04-03'),
          targetIsHead: true,
        },
      ],
    });

    it('APL art. 43(1): a recused head takes no part in the collective discussion (RECUSED_OFFICER_ACTING)', () => {
      const ready = headRecused(notifiedSnapshot('READY_FOR_DECISION'));
      const input = sampleInputs('2024-04-22').recordCollectiveDiscussion;
      expect(
        codesOf(decide(ready, 'recordCollectiveDiscussion', input, HEAD, d('2024-04-22'), CONTEXT)),
      ).toEqual(['RECUSED_OFFICER_ACTING']);
    });

    it('APL art. 43(1): a recused legal reviewer cannot then give the review opinion (RECUSED_OFFICER_ACTING)', () => {
      const underReview = notifiedSnapshot('UNDER_LEGAL_REVIEW', {
        legalReviews: [{ submittedOn: d('2024-04-09') }],
        recusals: [
          {
            id: 'rec-1',
            targetOfficerId: 'reviewer',
            appliedOn: d('2024-04-09'),
            decision: 'GRANTED',
            decidedOn: d('2024-04-09'),
          },
        ],
      });
      expect(
        codesOf(
          decide(
            underReview,
            'completeLegalReview',
            sampleInputs('2024-04-10').completeLegalReview,
            REVIEWER,
            d('2024-04-10'),
            CONTEXT,
          ),
        ),
      ).toEqual(['RECUSED_OFFICER_ACTING']);
    });
  });

  it('APL art. 43(1): a recused officer takes no further part (RECUSED_OFFICER_ACTING)', () => {
    const recused = investigating({
      recusals: [
        {
          id: 'rec-1',
          targetOfficerId: 'handler-a',
          appliedOn: d('2024-03-08'),
          decision: 'GRANTED',
          decidedOn: d('2024-03-09'),
        },
      ],
    });
    const input = {
      conductedOn: now,
      officers: TEAM,
      certificatesShown: true,
      intervieweeIsParty: false,
      recusalRightNotified: false,
    };
    expect(codesOf(decide(recused, 'recordInquiry', input, HANDLER_B, now, CONTEXT))).toEqual([
      'RECUSED_OFFICER_ACTING',
    ]);
    expect(codesOf(decide(recused, 'recordInquiry', input, HANDLER_A, now, CONTEXT))).toEqual([
      'RECUSED_OFFICER_ACTING',
      'RECUSED_OFFICER_ACTING',
    ]);
  });
});

describe('recordEvidence (收集、调取证据)', () => {
  const now = d('2024-03-10');
  const evidence = (patch: Partial<RecordEvidenceInput> = {}): RecordEvidenceInput => ({
    evidenceKind: 'ELECTRONIC_DATA',
    collectedOn: now,
    collectors: TEAM,
    certificatesShown: true,
    fromParty: false,
    recusalRightNotified: false,
    description: '网页截图及哈希值',
    ...patch,
  });
  const record = (input: RecordEvidenceInput, snap = investigating(), actor = HANDLER_A) =>
    decide(snap, 'recordEvidence', input, actor, now, CONTEXT);

  it.each(EVIDENCE_KINDS)('APL art. 46(1): %s is a statutory kind of evidence', (kind) => {
    expect(record(evidence({ evidenceKind: kind })).ok).toBe(true);
  });

  it('APL art. 46(1): any other kind is refused with EVIDENCE_KIND_NOT_STATUTORY', () => {
    expect(codesOf(record(evidence({ evidenceKind: 'HEARSAY' as EvidenceKind })))).toEqual([
      'EVIDENCE_KIND_NOT_STATUTORY',
    ]);
  });

  it('APL art. 42(1), CAC 2017 art. 18(1): one collector is refused with EVIDENCE_COLLECTORS_FEWER_THAN_TWO', () => {
    expect(codesOf(record(evidence({ collectors: [ref(HANDLER_A)] })))).toEqual([
      'EVIDENCE_COLLECTORS_FEWER_THAN_TWO',
    ]);
  });

  it.each([
    ['2024-03-10', true],
    ['2024-03-09', false],
  ])(
    'APL art. 42(1): a collector certificate valid until %s, on a collection on 2024-03-10 (CERTIFICATE_NOT_VALID when expired)',
    (validTo, ok) => {
      const collectors = [
        ref(HANDLER_A),
        { officerId: 'handler-c', certificate: certificate('C-3', '2020-01-01', validTo) },
      ];
      expect(codesOf(record(evidence({ collectors })))).toEqual(
        ok ? [] : ['CERTIFICATE_NOT_VALID'],
      );
    },
  );

  it('APL art. 42(1): certificates are checked on the collection day, not the recording day', () => {
    const collectors = [
      ref(HANDLER_A),
      { officerId: 'handler-c', certificate: certificate('C-3', '2020-01-01', '2024-03-08') },
    ];
    expect(record(evidence({ collectors, collectedOn: d('2024-03-08') })).ok).toBe(true);
  });

  it('APL art. 42(1): the recording officer acts in person and needs a valid certificate too', () => {
    const lapsed = { ...HANDLER_A, certificate: certificate('C-A', '2020-01-01', '2024-03-01') };
    expect(codesOf(record(evidence(), investigating(), lapsed))).toEqual(['CERTIFICATE_NOT_VALID']);
  });

  it('APL art. 55(1): certificates not shown is refused with CERTIFICATES_NOT_SHOWN', () => {
    expect(codesOf(record(evidence({ certificatesShown: false })))).toEqual([
      'CERTIFICATES_NOT_SHOWN',
    ]);
  });

  // A case investigated in May 2023, under the 2017 rules (in force up to 2023-05-31).
  const may2023 = d('2023-05-30');
  const fresh2023 = investigating({ evidence: [], docketedOn: d('2023-05-02') });
  const in2023 = (action: 'recordEvidence' | 'recordInquiry', input: object, on = may2023) =>
    decide(fresh2023, action, input as never, HANDLER_A, on, CONTEXT);

  it('CAC 2017 art. 18(2): up to 2023-05-31, the first collection from the party needs proof of the recusal-right notice (RECUSAL_RIGHT_NOT_NOTIFIED)', () => {
    const first = evidence({ fromParty: true, collectedOn: may2023 });
    expect(codesOf(in2023('recordEvidence', first))).toEqual(['RECUSAL_RIGHT_NOT_NOTIFIED']);
    expect(in2023('recordEvidence', { ...first, recusalRightNotified: true }).ok).toBe(true);
    // Later collections from the party: the notice is already on file.
    expect(record(evidence({ fromParty: true }), investigating()).ok).toBe(true);
  });

  it('CAC 2017 art. 18(2) repealed 2023-06-01: a first collection from the party after that binds no notice duty (APL art. 43(2) gives the right only)', () => {
    const fresh = investigating({ evidence: [] });
    expect(codesOf(record(evidence({ fromParty: true }), fresh))).toEqual([]);
  });

  it('CAC 2017 art. 18(2): up to 2023-05-31, questioning the party for the first time is a first collection too', () => {
    const inquiry = {
      conductedOn: may2023,
      officers: TEAM,
      certificatesShown: true,
      intervieweeIsParty: true,
      recusalRightNotified: false,
    };
    expect(codesOf(in2023('recordInquiry', inquiry))).toEqual(['RECUSAL_RIGHT_NOT_NOTIFIED']);
    const fresh = investigating({ evidence: [] });
    const inspection = {
      conductedOn: now,
      officers: [ref(HANDLER_A)],
      certificatesShown: true,
      ofParty: true,
      recusalRightNotified: true,
    };
    expect(codesOf(decide(fresh, 'recordInspection', inspection, HANDLER_A, now, CONTEXT))).toEqual(
      ['EVIDENCE_COLLECTORS_FEWER_THAN_TWO'],
    );
  });

  it.each([
    ['2026-12-31', true, false, true],
    ['2027-01-04', true, false, false],
    ['2027-01-04', true, true, true],
    ['2027-01-04', false, false, true],
  ])(
    'APL art. 47, 国办发〔2018〕118号: an inspection on %s of the party’s premises %s with the audio-visual record %s → allowed %s (AUDIO_VISUAL_RECORD_REQUIRED_FOR_INSPECTION from the 2027-01-01 cut-over)',
    (on, ofParty, attached, ok) => {
      const inspection = {
        conductedOn: d(on),
        officers: TEAM,
        certificatesShown: true,
        ofParty,
        recusalRightNotified: true,
        ...(attached
          ? {
              audioVisualRecord: {
                sha256: 'c'.repeat(64),
                sizeBytes: 300_000_000,
                mediaType: 'video/mp4',
                recorderId: 'handler-a',
                recordedFrom: `${on}T01:00:00.000Z`,
                recordedTo: `${on}T03:00:00.000Z`,
                custodian: '证据管理员',
                custodyLocation: '市网信办电子证据存储',
              },
            }
          : {}),
      };
      const snap = investigating({ docketedOn: d('2026-12-30') });
      expect(
        codesOf(decide(snap, 'recordInspection', inspection, HANDLER_A, d(on), CONTEXT)),
      ).toEqual(ok ? [] : ['AUDIO_VISUAL_RECORD_REQUIRED_FOR_INSPECTION']);
    },
  );

  it('E7: a refusal of an act after 2023-05-31 cites no article of the repealed 2017 rules', () => {
    const refused = record(evidence({ collectors: [ref(HANDLER_A)] }));
    expect(refused.ok).toBe(false);
    const laws = refused.ok
      ? []
      : refused.violations.flatMap((v) => v.legalBasis.map((b) => b.law));
    expect(laws).toContain('中华人民共和国行政处罚法');
    expect(laws).not.toContain('互联网信息内容管理行政执法程序规定');
    const before = in2023(
      'recordEvidence',
      evidence({ collectors: [ref(HANDLER_A)], collectedOn: may2023 }),
    );
    const lawsBefore = before.ok
      ? []
      : before.violations.flatMap((v) => v.legalBasis.map((b) => b.law));
    expect(lawsBefore).toContain('互联网信息内容管理行政执法程序规定');
  });

  it('APL art. 47: evidence dated after today is refused with ACT_DATE_IN_FUTURE', () => {
    expect(codesOf(record(evidence({ collectedOn: d('2024-03-11') })))).toEqual([
      'ACT_DATE_IN_FUTURE',
    ]);
  });
});

describe('preserveEvidence / handlePreservedEvidence (先行登记保存)', () => {
  const now = d('2024-03-11');
  const preserve = (approval: Approval | undefined, patch: Partial<PreserveEvidenceInput> = {}) =>
    decide(
      investigating(),
      'preserveEvidence',
      {
        startedOn: now,
        officers: TEAM,
        certificatesShown: true,
        approval,
        items: ['服务器'],
        ...patch,
      },
      HANDLER_A,
      now,
      CONTEXT,
    );

  it('APL art. 56: with the head approval, preservation starts the 7-working-day handling period', () => {
    const result = preserve(headApproval('2024-03-11'));
    expect(result.ok && result.effects).toContainEqual({
      kind: 'START_DEADLINE',
      deadline: 'PRESERVATION_HANDLING',
      parameter: 'preservationHandlingPeriod',
      trigger: 'STARTED_ON',
    });
  });

  it.each<[string, Approval | undefined]>([
    ['no approval', undefined],
    ['approval dated after the preservation', headApproval('2024-03-12')],
    [
      'approval by someone who is not a head',
      headApproval('2024-03-11', { approverRoles: ['CASE_HANDLER'] }),
    ],
  ])(
    'APL art. 56: preservation with %s is refused with HEAD_APPROVAL_REQUIRED',
    (_label, approval) => {
      expect(codesOf(preserve(approval))).toEqual(['HEAD_APPROVAL_REQUIRED']);
    },
  );

  it('APL art. 42(1): preservation by one officer is refused with ENFORCEMENT_OFFICERS_FEWER_THAN_TWO', () => {
    expect(codesOf(preserve(headApproval('2024-03-11'), { officers: [ref(HANDLER_A)] }))).toEqual([
      'ENFORCEMENT_OFFICERS_FEWER_THAN_TWO',
    ]);
  });

  it('APL art. 56: the handling decision stops the period; it is made once (PRESERVATION_ALREADY_HANDLED)', () => {
    const snap = investigating({ preservations: [{ id: 'p-1', startedOn: d('2024-03-11') }] });
    const input = {
      preservationId: 'p-1',
      decidedOn: d('2024-03-15'),
      handling: 'RETURN',
    } as const;
    const result = decide(
      snap,
      'handlePreservedEvidence',
      input,
      HANDLER_A,
      d('2024-03-15'),
      CONTEXT,
    );
    expect(result.ok && result.effects).toContainEqual({
      kind: 'STOP_DEADLINE',
      deadline: 'PRESERVATION_HANDLING',
    });
    const handled = investigating({
      preservations: [{ id: 'p-1', startedOn: d('2024-03-11'), handledOn: d('2024-03-15') }],
    });
    expect(
      codesOf(
        decide(handled, 'handlePreservedEvidence', input, HANDLER_A, d('2024-03-15'), CONTEXT),
      ),
    ).toEqual(['PRESERVATION_ALREADY_HANDLED']);
  });

  it.each([
    ['2024-03-20', undefined, []],
    ['2024-03-21', undefined, ['PRESERVATION_HANDLED_LATE']],
    ['2024-03-21', '证据鉴定意见于3月20日才送达', []],
  ])(
    'APL art. 56 (legal.md E12): handling period due 2024-03-20, decided %s with reason %s → %j',
    (decidedOn, lateHandlingReason, expected) => {
      const snap = investigating({
        preservations: [{ id: 'p-1', startedOn: d('2024-03-11') }],
        deadlines: {
          ...investigating().deadlines,
          PRESERVATION_HANDLING: { dueDate: d('2024-03-20') },
        },
      });
      const input = {
        preservationId: 'p-1',
        decidedOn: d(decidedOn),
        handling: 'RETURN',
        ...(lateHandlingReason ? { lateHandlingReason } : {}),
      } as const;
      expect(
        codesOf(decide(snap, 'handlePreservedEvidence', input, HANDLER_A, d(decidedOn), CONTEXT)),
      ).toEqual(expected);
    },
  );
});

describe('compulsory measures (查封、扣押)', () => {
  const start = d('2024-03-04');
  const impose = (
    patch: Partial<ImposeCompulsoryMeasureInput> = {},
    now = start,
    snap = investigating(),
  ) =>
    decide(
      snap,
      'imposeCompulsoryMeasure',
      {
        measure: 'SEIZURE',
        startedOn: now,
        endsOn: d('2024-04-03'),
        officers: TEAM,
        certificatesShown: true,
        approval: principalHeadApproval(now),
        basis: 'PIPL_63_1_4',
        evidenceIds: ['ev-1'],
        suspectedProvisions: [{ provisionId: 'PIPL-66-1', lawCode: 'PIPL' }],
        onSite: ON_SITE_WITH_PARTY,
        custody: CUSTODY,
        ...patch,
      },
      HANDLER_A,
      now,
      CONTEXT,
    );

  it('Compulsion Law arts. 17(1), 22: a seizure that names no statutory basis is refused with COMPULSORY_MEASURE_BASIS_MISSING', () => {
    expect(codesOf(impose({ basis: undefined }))).toEqual(['COMPULSORY_MEASURE_BASIS_MISSING']);
  });

  it.each<[string, ImposeCompulsoryMeasureInput['suspectedProvisions']]>([
    ['a CSL content case (CSL 2025 art. 61)', [{ provisionId: 'CSL2025-61-1', lawCode: 'CSL' }]],
    ['a news-service case', [{ provisionId: 'NEWS_PROV-22', lawCode: 'NEWS_PROV' }]],
    ['a case whose suspected provisions are not recorded', []],
  ])(
    'PIPL art. 63(1)(4), Compulsion Law art. 22: a seizure in %s is refused with COMPULSORY_MEASURE_BASIS_NOT_APPLICABLE',
    (_label, suspectedProvisions) => {
      const result = impose({ suspectedProvisions });
      expect(codesOf(result)).toEqual(['COMPULSORY_MEASURE_BASIS_NOT_APPLICABLE']);
      expect(result.ok ? [] : result.violations[0]!.legalBasis.map((b) => b.article)).toEqual([
        17, 22, 63,
      ]);
    },
  );

  it('PIPL art. 63(1)(4): a case suspected under both the CSL and the PIPL may seize on the PIPL basis', () => {
    expect(
      impose({
        suspectedProvisions: [
          { provisionId: 'CSL2025-61-1', lawCode: 'CSL' },
          { provisionId: 'PIPL-66-1', lawCode: 'PIPL' },
        ],
      }).ok,
    ).toBe(true);
  });

  it.each<[string, string[]]>([
    ['no evidence', []],
    ['evidence of another case', ['ev-9']],
  ])(
    'PIPL art. 63(1)(4) (有证据证明): a seizure with %s linked is refused with COMPULSORY_MEASURE_EVIDENCE_MISSING',
    (_label, evidenceIds) => {
      expect(codesOf(impose({ evidenceIds }))).toEqual(['COMPULSORY_MEASURE_EVIDENCE_MISSING']);
    },
  );

  it('Compulsion Law art. 22: every unmet basis rule is listed at once, with the approval rule', () => {
    expect(codesOf(impose({ basis: undefined, evidenceIds: [], approval: undefined }))).toEqual([
      'COMPULSORY_MEASURE_BASIS_MISSING',
      'COMPULSORY_MEASURE_EVIDENCE_MISSING',
      'PRINCIPAL_HEAD_APPROVAL_REQUIRED',
    ]);
  });

  describe('APL art. 47, 国办发〔2018〕118号: the audio-visual record of a seizure', () => {
    const av = {
      sha256: 'a'.repeat(64),
      sizeBytes: 1_048_576,
      mediaType: 'video/mp4',
      recorderId: 'handler-b',
      recordedFrom: '2027-01-04T01:00:00.000Z',
      recordedTo: '2027-01-04T02:30:00.000Z',
      custodian: '张三',
      custodyLocation: '市网信办证据保管室',
    };
    const snap2027 = investigating({ docketedOn: d('2026-12-30') });
    // 2027-01-04 is a Monday of the provisional 2027 calendar; 2026-12-31 the last day before the cut-over.
    it.each([
      ['2026-12-31', false, true],
      ['2027-01-04', false, false],
      ['2027-01-04', true, true],
    ])(
      'a seizure on %s with the record attached: %s → allowed: %s (required from the 2027-01-01 cut-over)',
      (on, attached, ok) => {
        const result = impose(
          { endsOn: addCalendarDays(d(on), 30), ...(attached ? { audioVisualRecord: av } : {}) },
          d(on),
          snap2027,
        );
        expect(codesOf(result)).toEqual(
          ok ? [] : ['AUDIO_VISUAL_RECORD_REQUIRED_FOR_COMPULSORY_MEASURE'],
        );
      },
    );

    it('the record is kept with the measure it documents, with its hash and custody', () => {
      const on = d('2027-01-04');
      const input: ImposeCompulsoryMeasureInput = {
        measure: 'SEIZURE',
        startedOn: on,
        endsOn: addCalendarDays(on, 30),
        officers: TEAM,
        certificatesShown: true,
        approval: principalHeadApproval(on),
        basis: 'PIPL_63_1_4',
        evidenceIds: ['ev-1'],
        suspectedProvisions: [{ provisionId: 'PIPL-66-1', lawCode: 'PIPL' }],
        onSite: ON_SITE_WITH_PARTY,
        custody: CUSTODY,
        audioVisualRecord: av,
      };
      const result = decide(snap2027, 'imposeCompulsoryMeasure', input, HANDLER_A, on, CONTEXT);
      if (!result.ok) {
        throw new Error(JSON.stringify(result.violations));
      }
      let n = 0;
      const next = applyTransition(snap2027, result, input, HANDLER_A, { next: () => `id-${++n}` });
      const m = next.compulsoryMeasures.at(-1)!;
      expect(m).toMatchObject({ basis: 'PIPL_63_1_4', evidenceIds: ['ev-1'] });
      expect(next.audioVisualRecords).toEqual([
        { ...av, id: 'id-2', act: 'COMPULSORY_MEASURE', recordId: m.id, recordedOn: on },
      ]);
    });
  });

  it.each<[string, Approval | undefined]>([
    ['no approval', undefined],
    ['a head who is not the principal head', headApproval('2024-03-04')],
    [
      'an oral approval of the principal head',
      { ...principalHeadApproval('2024-03-04'), written: false },
    ],
    ['an approval dated after the seizure', principalHeadApproval('2024-03-05')],
  ])(
    'PIPL art. 63(1)(4): a seizure with %s is refused with PRINCIPAL_HEAD_APPROVAL_REQUIRED',
    (_label, approval) => {
      expect(codesOf(impose({ approval }))).toEqual(['PRINCIPAL_HEAD_APPROVAL_REQUIRED']);
    },
  );

  it('PIPL art. 63 took effect 2021-11-01: a seizure on 2021-10-31 is not held to the principal-head rule', () => {
    const before = d('2021-10-31');
    const approval = headApproval('2021-10-31');
    const docketed2021 = investigating({ docketedOn: d('2021-10-08') });
    expect(impose({ approval, endsOn: d('2021-11-30') }, before, docketed2021).ok).toBe(true);
    const after = d('2021-11-01');
    expect(
      codesOf(
        impose(
          { approval: headApproval('2021-11-01'), endsOn: d('2021-12-01') },
          after,
          docketed2021,
        ),
      ),
    ).toEqual(['PRINCIPAL_HEAD_APPROVAL_REQUIRED']);
  });

  it.each([
    ['2024-04-03', true],
    ['2024-04-04', false],
  ])(
    'Compulsion Law art. 25(1): a seizure from 2024-03-04 ending %s (over 30 days → SEIZURE_EXCEEDS_30_DAYS)',
    (endsOn, ok) => {
      expect(codesOf(impose({ endsOn: d(endsOn) }))).toEqual(ok ? [] : ['SEIZURE_EXCEEDS_30_DAYS']);
    },
  );

  it('Compulsion Law art. 18(2): a seizure by one officer is refused with ENFORCEMENT_OFFICERS_FEWER_THAN_TWO', () => {
    expect(codesOf(impose({ officers: [ref(HANDLER_A)] }))).toEqual([
      'ENFORCEMENT_OFFICERS_FEWER_THAN_TWO',
    ]);
  });

  const measure = (patch: Partial<CompulsoryMeasureRecord> = {}): CompulsoryMeasureRecord => ({
    id: 'm-1',
    kind: 'SEIZURE',
    startedOn: start,
    endsOn: d('2024-04-03'),
    extended: false,
    ...patch,
  });
  const extend = (
    patch: Partial<ExtendCompulsoryMeasureInput> = {},
    m = measure(),
    now = '2024-04-01',
  ) =>
    decide(
      investigating({ compulsoryMeasures: [m] }),
      'extendCompulsoryMeasure',
      {
        measureId: 'm-1',
        newEndsOn: d('2024-05-03'),
        approval: headApproval(now),
        reason: '情况复杂',
        ...patch,
      },
      HANDLER_A,
      d(now),
      CONTEXT,
    );

  it.each([
    ['2024-05-03', true],
    ['2024-05-04', false],
  ])(
    'Compulsion Law art. 25(1): extending a seizure ending 2024-04-03 to %s (over 30 more days → SEIZURE_EXCEEDS_30_DAYS)',
    (to, ok) => {
      expect(codesOf(extend({ newEndsOn: d(to) }))).toEqual(ok ? [] : ['SEIZURE_EXCEEDS_30_DAYS']);
    },
  );

  it('Compulsion Law art. 25(1): a second extension is refused with SEIZURE_ALREADY_EXTENDED', () => {
    expect(
      codesOf(
        extend(
          { newEndsOn: d('2024-05-10') },
          measure({ endsOn: d('2024-05-03'), extended: true }),
        ),
      ),
    ).toEqual(['SEIZURE_ALREADY_EXTENDED']);
  });

  it.each([
    ['2024-04-03', true],
    ['2024-04-04', false],
  ])(
    'Compulsion Law arts. 25, 28: an extension decided on %s, for a seizure ending 2024-04-03 (after expiry → SEIZURE_PERIOD_EXPIRED)',
    (now, ok) => {
      expect(codesOf(extend({}, measure(), now))).toEqual(ok ? [] : ['SEIZURE_PERIOD_EXPIRED']);
    },
  );

  it('Compulsion Law art. 25(1): an extension needs the head approval (HEAD_APPROVAL_REQUIRED)', () => {
    expect(codesOf(extend({ approval: undefined }))).toEqual(['HEAD_APPROVAL_REQUIRED']);
  });

  it('Compulsion Law art. 28(1)(4): after the period expires, the case moves on only after the release', () => {
    const snap = investigating({ compulsoryMeasures: [measure()] });
    const notice = {
      proposedPenalties: [{ kind: 'WARNING' as const }],
      servedOn: d('2024-04-04'),
      approval: headApproval('2024-04-04'),
    };
    expect(
      codesOf(decide(snap, 'issuePrePenaltyNotice', notice, HANDLER_A, d('2024-04-04'), CONTEXT)),
    ).toEqual(['SEIZURE_PERIOD_EXPIRED']);
    expect(
      decide(
        snap,
        'issuePrePenaltyNotice',
        { ...notice, servedOn: d('2024-04-03'), approval: headApproval('2024-04-03') },
        HANDLER_A,
        d('2024-04-03'),
        CONTEXT,
      ).ok,
    ).toBe(true);
    const release = {
      measureId: 'm-1',
      releasedOn: d('2024-04-04'),
      ground: 'PERIOD_EXPIRED',
    } as const;
    const released = decide(
      snap,
      'releaseCompulsoryMeasure',
      release,
      HANDLER_A,
      d('2024-04-04'),
      CONTEXT,
    );
    expect(released.ok && released.effects).toContainEqual({
      kind: 'STOP_DEADLINE',
      deadline: 'COMPULSORY_MEASURE',
    });
  });

  it('Compulsion Law art. 28: a released measure cannot be released or extended again (MEASURE_ALREADY_RELEASED)', () => {
    const snap = investigating({ compulsoryMeasures: [measure({ releasedOn: d('2024-03-20') })] });
    const release = {
      measureId: 'm-1',
      releasedOn: d('2024-03-21'),
      ground: 'NO_VIOLATION',
    } as const;
    expect(
      codesOf(
        decide(snap, 'releaseCompulsoryMeasure', release, HANDLER_A, d('2024-03-21'), CONTEXT),
      ),
    ).toEqual(['MEASURE_ALREADY_RELEASED']);
    expect(codesOf(extend({}, measure({ releasedOn: d('2024-03-20') })))).toEqual([
      'MEASURE_ALREADY_RELEASED',
    ]);
  });

  it('a seizure is released even while the case is suspended', () => {
    const snap = investigating({
      compulsoryMeasures: [measure()],
      suspensions: [{ suspendedOn: d('2024-03-15') }],
    });
    const release = {
      measureId: 'm-1',
      releasedOn: d('2024-03-20'),
      ground: 'NO_VIOLATION',
    } as const;
    expect(
      decide(snap, 'releaseCompulsoryMeasure', release, HANDLER_A, d('2024-03-20'), CONTEXT).ok,
    ).toBe(true);
  });
});

describe('acts on an open record are offered only when the case holds one', () => {
  const now = d('2024-03-21');
  const offered = (snap: ReturnType<typeof investigating>, action: ProcedureAction) => {
    const answer = availableActions(snap, HANDLER_A, now, CONTEXT).find(
      (a) => a.action === action,
    )!;
    return answer.allowed ? 'allowed' : answer.violations.map((v) => v.code).join(',');
  };
  const seizure = (patch: Partial<CompulsoryMeasureRecord> = {}): CompulsoryMeasureRecord => ({
    id: 'm-1',
    kind: 'SEIZURE',
    startedOn: d('2024-03-11'),
    endsOn: d('2024-04-09'),
    extended: false,
    ...patch,
  });

  it.each<[string, ProcedureAction]>([
    ['handlePreservedEvidence', 'handlePreservedEvidence'],
    ['releaseCompulsoryMeasure', 'releaseCompulsoryMeasure'],
    ['extendCompulsoryMeasure', 'extendCompulsoryMeasure'],
  ])('%s: none recorded → RECORD_NOT_FOUND, before any input', (_label, action) => {
    expect(offered(investigating(), action)).toBe('RECORD_NOT_FOUND');
  });

  it('handlePreservedEvidence: every preservation handled → PRESERVATION_ALREADY_HANDLED; one open → allowed', () => {
    const handled = { id: 'p-1', startedOn: d('2024-03-11'), handledOn: d('2024-03-15') };
    expect(offered(investigating({ preservations: [handled] }), 'handlePreservedEvidence')).toBe(
      'PRESERVATION_ALREADY_HANDLED',
    );
    const open = { id: 'p-2', startedOn: d('2024-03-18') };
    expect(
      offered(investigating({ preservations: [handled, open] }), 'handlePreservedEvidence'),
    ).toBe('allowed');
  });

  it('releaseCompulsoryMeasure: every measure released → MEASURE_ALREADY_RELEASED; one in force → allowed', () => {
    const released = seizure({ releasedOn: d('2024-03-20') });
    expect(
      offered(investigating({ compulsoryMeasures: [released] }), 'releaseCompulsoryMeasure'),
    ).toBe('MEASURE_ALREADY_RELEASED');
    expect(
      offered(investigating({ compulsoryMeasures: [seizure()] }), 'releaseCompulsoryMeasure'),
    ).toBe('allowed');
  });

  it('the real call without a record gives the same single reason', () => {
    const release = { measureId: 'm-9', releasedOn: now, ground: 'NO_VIOLATION' } as const;
    expect(
      codesOf(
        decide(investigating(), 'releaseCompulsoryMeasure', release, HANDLER_A, now, CONTEXT),
      ),
    ).toEqual(['RECORD_NOT_FOUND']);
  });
});
