/**
 * Sealing and seizure (查封、扣押): written approval of the principal head, two
 * certified officers, at most 30 days plus one extension of at most 30 days, and
 * release once the period has run out.
 * Only on a statutory basis the office holds, reaching the suspected act, with evidence linked
 * (Compulsion Law arts. 17(1), 22; PIPL art. 63(1)(4)), and recorded on video from the cut-over.
 * The on-site procedure of art. 18 items (4)-(9), custody (art. 26), the emergency procedure
 * (art. 19: imposed on the spot, reported within 24 hours, ratified or released at once) and the
 * testing time excluded from the period (art. 25(3)).
 * Legal basis: 《中华人民共和国个人信息保护法》第六十三条第一款第（四）项 (V, from 2021-11-01);
 * 《中华人民共和国行政强制法》第十八条、第十九条、第二十五条、第二十六条、第二十七条、第二十八条 (V).
 */
import type {
  ExtendCompulsoryMeasureInput,
  ImposeCompulsoryMeasureInput,
  RatifyEmergencyMeasureInput,
  RecordTestingPeriodInput,
  ReleaseCompulsoryMeasureInput,
} from '../action-inputs.js';
import { emergencyReleaseCause, reportedInTime } from '../compulsory-measure-periods.js';
import type { CaseSnapshot } from '../case-snapshot.js';
import { addCalendarDays, type LocalDate } from '../local-date.js';
import { basisReaches } from '../compulsory-measure-basis.js';
import { violation } from '../rule-catalog.js';
import { audioVisualRecordGuard } from './audio-visual-record.guards.js';
import { inputGuard, stateGuard, type Guard, type StateGuard } from './guard.js';
import { onAnOpenRecord, recordExists } from './common.guards.js';
import { headApproved } from './evidence.guards.js';
import { onSiteTeamGuards } from './officer.guards.js';

function findMeasure(snapshot: CaseSnapshot, id: string) {
  return snapshot.compulsoryMeasures.find((m) => m.id === id);
}

/** Extending and releasing act on a measure of the case that is still in force (and need one). */
function unreleasedMeasure<I extends { readonly measureId: string }>(): Guard<I>[] {
  return onAnOpenRecord<I, CaseSnapshot['compulsoryMeasures'][number]>(
    'unreleasedMeasureExists',
    (s) => s.compulsoryMeasures,
    (m) => m.releasedOn === undefined,
    'MEASURE_ALREADY_RELEASED',
    [
      recordExists<I>('measureExists', 'measureId', (s) => s.compulsoryMeasures),
      inputGuard<I>('measureNotReleased', ['MEASURE_ALREADY_RELEASED'], ({ input, snapshot }) => {
        const m = findMeasure(snapshot, input.measureId);
        return m?.releasedOn !== undefined
          ? violation('MEASURE_ALREADY_RELEASED', { releasedOn: m.releasedOn })
          : undefined;
      }),
    ],
  );
}

/** Art. 18 items (4)-(9): each unmet item is its own rule, so a refusal lists them all. */
const onSiteGuards: readonly Guard<ImposeCompulsoryMeasureInput>[] = [
  inputGuard<ImposeCompulsoryMeasureInput>(
    'onSiteFactsRecorded',
    ['COMPULSORY_MEASURE_ON_SITE_FACTS_MISSING'],
    ({ input }) =>
      input.onSite === undefined
        ? violation('COMPULSORY_MEASURE_ON_SITE_FACTS_MISSING')
        : undefined,
  ),
  inputGuard<ImposeCompulsoryMeasureInput>(
    'partyNotifiedToBePresent',
    ['COMPULSORY_MEASURE_PARTY_NOT_NOTIFIED'],
    ({ input }) =>
      input.onSite && !input.onSite.partyNotified
        ? violation('COMPULSORY_MEASURE_PARTY_NOT_NOTIFIED')
        : undefined,
  ),
  // Items (5) and (6) are done to the party present; an absent party is covered by the witness.
  inputGuard<ImposeCompulsoryMeasureInput>(
    'partyInformedOnSite',
    ['COMPULSORY_MEASURE_PARTY_NOT_INFORMED'],
    ({ input }) =>
      input.onSite?.partyPresent && !input.onSite.informedOfReasonsAndRemedies
        ? violation('COMPULSORY_MEASURE_PARTY_NOT_INFORMED')
        : undefined,
  ),
  inputGuard<ImposeCompulsoryMeasureInput>(
    'partyHeardOnSite',
    ['COMPULSORY_MEASURE_PARTY_NOT_HEARD'],
    ({ input }) =>
      input.onSite?.partyPresent && !input.onSite.statementsHeard
        ? violation('COMPULSORY_MEASURE_PARTY_NOT_HEARD')
        : undefined,
  ),
  inputGuard<ImposeCompulsoryMeasureInput>(
    'onSiteTranscriptMade',
    ['COMPULSORY_MEASURE_TRANSCRIPT_MISSING'],
    ({ input }) =>
      input.onSite && !input.onSite.transcriptMade
        ? violation('COMPULSORY_MEASURE_TRANSCRIPT_MISSING')
        : undefined,
  ),
  inputGuard<ImposeCompulsoryMeasureInput>(
    'onSiteTranscriptSigned',
    ['COMPULSORY_MEASURE_TRANSCRIPT_NOT_SIGNED'],
    ({ input }) => {
      const f = input.onSite;
      if (!f || !f.transcriptMade) {
        return undefined;
      }
      const partySide = !f.partyPresent || f.partySigned || f.partyRefusalNoted;
      return f.officersSigned && partySide
        ? undefined
        : violation('COMPULSORY_MEASURE_TRANSCRIPT_NOT_SIGNED', {
            officersSigned: f.officersSigned,
            partySigned: f.partySigned,
            partyRefusalNoted: f.partyRefusalNoted,
          });
    },
  ),
  inputGuard<ImposeCompulsoryMeasureInput>(
    'witnessWhenPartyAbsent',
    ['COMPULSORY_MEASURE_WITNESS_MISSING'],
    ({ input }) => {
      const f = input.onSite;
      if (!f || f.partyPresent) {
        return undefined;
      }
      const named = (f.witness ?? '').trim().length > 0;
      return named && f.witnessSigned
        ? undefined
        : violation('COMPULSORY_MEASURE_WITNESS_MISSING', {
            witnessNamed: named,
            witnessSigned: f.witnessSigned,
          });
    },
  ),
];

/** Art. 26: custody recorded (place, custodian), its costs the office's. */
const custodyGuards: readonly Guard<ImposeCompulsoryMeasureInput>[] = [
  inputGuard<ImposeCompulsoryMeasureInput>(
    'custodyRecorded',
    ['COMPULSORY_MEASURE_CUSTODY_NOT_RECORDED'],
    ({ input }) => {
      const c = input.custody;
      return c && c.place.trim().length > 0 && c.custodian.trim().length > 0
        ? undefined
        : violation('COMPULSORY_MEASURE_CUSTODY_NOT_RECORDED');
    },
  ),
  inputGuard<ImposeCompulsoryMeasureInput>(
    'custodyCostNotCharged',
    ['COMPULSORY_MEASURE_CUSTODY_COST_CHARGED'],
    ({ input }) =>
      input.custody && input.custody.costChargedToPartyFen > 0
        ? violation('COMPULSORY_MEASURE_CUSTODY_COST_CHARGED', {
            costChargedToPartyFen: input.custody.costChargedToPartyFen,
          })
        : undefined,
  ),
];

export const imposeCompulsoryMeasureGuards: readonly Guard<ImposeCompulsoryMeasureInput>[] = [
  ...onSiteTeamGuards<ImposeCompulsoryMeasureInput>('ENFORCEMENT_OFFICERS_FEWER_THAN_TWO'),
  inputGuard<ImposeCompulsoryMeasureInput>(
    'statutoryBasisGiven',
    ['COMPULSORY_MEASURE_BASIS_MISSING'],
    ({ input }) =>
      input.basis === undefined ? violation('COMPULSORY_MEASURE_BASIS_MISSING') : undefined,
  ),
  inputGuard<ImposeCompulsoryMeasureInput>(
    'statutoryBasisReachesTheCase',
    ['COMPULSORY_MEASURE_BASIS_NOT_APPLICABLE'],
    ({ input }) =>
      input.basis !== undefined && !basisReaches(input.basis, input.suspectedProvisions)
        ? violation('COMPULSORY_MEASURE_BASIS_NOT_APPLICABLE', {
            basis: input.basis,
            suspectedProvisionIds: input.suspectedProvisions.map((p) => p.provisionId),
            suspectedLaws: [...new Set(input.suspectedProvisions.map((p) => p.lawCode))],
          })
        : undefined,
  ),
  inputGuard<ImposeCompulsoryMeasureInput>(
    'evidenceLinked',
    ['COMPULSORY_MEASURE_EVIDENCE_MISSING'],
    ({ input, snapshot }) => {
      const recorded = new Set(snapshot.evidence.map((e) => e.id));
      const unknown = input.evidenceIds.filter((id) => !recorded.has(id));
      return input.evidenceIds.length === 0 || unknown.length > 0
        ? violation('COMPULSORY_MEASURE_EVIDENCE_MISSING', {
            evidenceIds: input.evidenceIds,
            ...(unknown.length > 0 ? { notInCase: unknown } : {}),
          })
        : undefined;
    },
  ),
  audioVisualRecordGuard<ImposeCompulsoryMeasureInput>(
    'AUDIO_VISUAL_RECORD_REQUIRED_FOR_COMPULSORY_MEASURE',
  ),
  inputGuard<ImposeCompulsoryMeasureInput>(
    'principalHeadWrittenApproval',
    ['PRINCIPAL_HEAD_APPROVAL_REQUIRED'],
    ({ input, actDate }) => {
      const a = input.approval;
      if (input.emergency) {
        // Art. 19: on the spot in an emergency, the approval follows (ratifyEmergencyMeasure).
        return undefined;
      }
      return a && a.principalHead && a.written && a.approvedOn <= actDate
        ? undefined
        : violation('PRINCIPAL_HEAD_APPROVAL_REQUIRED', {
            principalHead: a?.principalHead ?? false,
            written: a?.written ?? false,
          });
    },
  ),
  inputGuard<ImposeCompulsoryMeasureInput>(
    'measureWithin30Days',
    ['SEIZURE_EXCEEDS_30_DAYS'],
    ({ input, rulebook }) => {
      const lastDay = addCalendarDays(
        input.startedOn,
        rulebook.parameters.compulsoryMeasureMaximum.length,
      );
      return input.endsOn > lastDay
        ? violation('SEIZURE_EXCEEDS_30_DAYS', { endsOn: input.endsOn, lastAllowedDay: lastDay })
        : undefined;
    },
  ),
  inputGuard<ImposeCompulsoryMeasureInput>(
    'emergencyStated',
    ['EMERGENCY_MEASURE_REASON_MISSING'],
    ({ input }) =>
      input.emergency && input.emergency.reason.trim().length === 0
        ? violation('EMERGENCY_MEASURE_REASON_MISSING')
        : undefined,
  ),
  ...onSiteGuards,
  ...custodyGuards,
];

export const extendCompulsoryMeasureGuards: readonly Guard<ExtendCompulsoryMeasureInput>[] = [
  ...unreleasedMeasure<ExtendCompulsoryMeasureInput>(),
  inputGuard<ExtendCompulsoryMeasureInput>(
    'measureNotExtendedBefore',
    ['SEIZURE_ALREADY_EXTENDED'],
    ({ input, snapshot }) =>
      findMeasure(snapshot, input.measureId)?.extended
        ? violation('SEIZURE_ALREADY_EXTENDED')
        : undefined,
  ),
  inputGuard<ExtendCompulsoryMeasureInput>(
    'measureNotExpired',
    ['SEIZURE_PERIOD_EXPIRED'],
    ({ input, snapshot, now }) => {
      const m = findMeasure(snapshot, input.measureId);
      return m && m.releasedOn === undefined && now > m.endsOn
        ? violation('SEIZURE_PERIOD_EXPIRED', { endsOn: m.endsOn, now })
        : undefined;
    },
  ),
  inputGuard<ExtendCompulsoryMeasureInput>(
    'extensionWithin30Days',
    ['SEIZURE_EXCEEDS_30_DAYS'],
    ({ input, snapshot, rulebook }) => {
      const m = findMeasure(snapshot, input.measureId);
      if (!m) {
        return undefined;
      }
      const lastDay = addCalendarDays(
        m.endsOn,
        rulebook.parameters.compulsoryMeasureExtensionMaximum.length,
      );
      return input.newEndsOn > lastDay
        ? violation('SEIZURE_EXCEEDS_30_DAYS', {
            newEndsOn: input.newEndsOn,
            lastAllowedDay: lastDay,
          })
        : undefined;
    },
  ),
  headApproved<ExtendCompulsoryMeasureInput>((i) => i.approval),
];

export const releaseCompulsoryMeasureGuards: readonly Guard<ReleaseCompulsoryMeasureInput>[] = [
  ...unreleasedMeasure<ReleaseCompulsoryMeasureInput>(),
];

export const ratifyEmergencyMeasureGuards: readonly Guard<RatifyEmergencyMeasureInput>[] = [
  ...unreleasedMeasure<RatifyEmergencyMeasureInput>(),
  inputGuard<RatifyEmergencyMeasureInput>(
    'imposedInEmergency',
    ['MEASURE_NOT_IMPOSED_IN_EMERGENCY'],
    ({ input, snapshot }) => {
      const m = findMeasure(snapshot, input.measureId);
      return m && !m.emergency ? violation('MEASURE_NOT_IMPOSED_IN_EMERGENCY') : undefined;
    },
  ),
  inputGuard<RatifyEmergencyMeasureInput>(
    'notRatifiedBefore',
    ['EMERGENCY_MEASURE_ALREADY_RATIFIED'],
    ({ input, snapshot }) => {
      const r = findMeasure(snapshot, input.measureId)?.emergency?.ratification;
      return r
        ? violation('EMERGENCY_MEASURE_ALREADY_RATIFIED', {
            approved: r.approved,
            decidedOn: r.decidedOn,
          })
        : undefined;
    },
  ),
  inputGuard<RatifyEmergencyMeasureInput>(
    'reportedWithin24Hours',
    ['EMERGENCY_MEASURE_REPORT_LATE'],
    ({ input, snapshot, rulebook }) => {
      const e = findMeasure(snapshot, input.measureId)?.emergency;
      if (!e) {
        return undefined;
      }
      const hours = rulebook.parameters.emergencyMeasureReportPeriod.length * 24;
      return Date.parse(input.reportedAt) < Date.parse(e.imposedAt) ||
        !reportedInTime(e.imposedAt, input.reportedAt, hours)
        ? violation('EMERGENCY_MEASURE_REPORT_LATE', {
            imposedAt: e.imposedAt,
            reportedAt: input.reportedAt,
            hours,
          })
        : undefined;
    },
  ),
  // PIPL art. 63(1)(4): the principal head's written decision, whether to approve or to refuse.
  inputGuard<RatifyEmergencyMeasureInput>(
    'principalHeadWrittenDecision',
    ['PRINCIPAL_HEAD_APPROVAL_REQUIRED'],
    ({ input, actDate }) => {
      const a = input.approval;
      return a && a.principalHead && a.written && a.approvedOn <= actDate
        ? undefined
        : violation('PRINCIPAL_HEAD_APPROVAL_REQUIRED', {
            principalHead: a?.principalHead ?? false,
            written: a?.written ?? false,
          });
    },
  ),
];

export const recordTestingPeriodGuards: readonly Guard<RecordTestingPeriodInput>[] = [
  ...unreleasedMeasure<RecordTestingPeriodInput>(),
  inputGuard<RecordTestingPeriodInput>(
    'testingWithinMeasure',
    ['TESTING_PERIOD_OUTSIDE_MEASURE'],
    ({ input, snapshot }) => {
      const m = findMeasure(snapshot, input.measureId);
      if (!m) {
        return undefined;
      }
      return input.startsOn < m.startedOn ||
        input.startsOn > m.endsOn ||
        input.endsOn < input.startsOn
        ? violation('TESTING_PERIOD_OUTSIDE_MEASURE', {
            startsOn: input.startsOn,
            endsOn: input.endsOn,
            measureStartedOn: m.startedOn,
            measureEndsOn: m.endsOn,
          })
        : undefined;
    },
  ),
  inputGuard<RecordTestingPeriodInput>(
    'testingPeriodsDisjoint',
    ['TESTING_PERIOD_OVERLAPS'],
    ({ input, snapshot }) => {
      const overlapping = (findMeasure(snapshot, input.measureId)?.testingPeriods ?? []).filter(
        (t) => t.startsOn <= input.endsOn && input.startsOn <= t.endsOn,
      );
      return overlapping.length > 0
        ? violation('TESTING_PERIOD_OVERLAPS', {
            overlaps: overlapping.map((t) => ({ startsOn: t.startsOn, endsOn: t.endsOn })),
          })
        : undefined;
    },
  ),
];

/** Measures imposed on the spot that must be released at once, and why. */
export function measuresAwaitingRelease(
  snapshot: CaseSnapshot,
  today: LocalDate,
  reportDays: number,
): { measureId: string; cause: string }[] {
  return snapshot.compulsoryMeasures.flatMap((m) => {
    const cause = emergencyReleaseCause(m, today, reportDays);
    return cause ? [{ measureId: m.id, cause }] : [];
  });
}

/**
 * Art. 19: a measure the head refused (or that was not reported within 24 hours) is released at
 * once: until then every step but the release is refused.
 */
export const noEmergencyMeasureAwaitingRelease: StateGuard = stateGuard(
  'noEmergencyMeasureAwaitingRelease',
  ['EMERGENCY_MEASURE_AWAITING_RELEASE'],
  ({ snapshot, now, rulebook }) => {
    const waiting = measuresAwaitingRelease(
      snapshot,
      now,
      rulebook.parameters.emergencyMeasureReportPeriod.length,
    );
    return waiting.length > 0
      ? violation('EMERGENCY_MEASURE_AWAITING_RELEASE', { measures: waiting })
      : undefined;
  },
);

export function expiredMeasures(snapshot: CaseSnapshot, today: LocalDate): string[] {
  return snapshot.compulsoryMeasures
    .filter((m) => m.releasedOn === undefined && today > m.endsOn)
    .map((m) => m.id);
}

/** Once a seizure period has run out, the case moves on only after the release (Compulsion Law art. 28(1)(4)). */
export const noExpiredCompulsoryMeasure: StateGuard = stateGuard(
  'noExpiredCompulsoryMeasure',
  ['SEIZURE_PERIOD_EXPIRED'],
  ({ snapshot, now }) => {
    const expired = expiredMeasures(snapshot, now);
    return expired.length > 0
      ? violation('SEIZURE_PERIOD_EXPIRED', { measureIds: expired, now })
      : undefined;
  },
);
