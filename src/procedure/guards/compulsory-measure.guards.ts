/**
 * Sealing and seizure (查封、扣押): written approval of the principal head, two
 * certified officers, at most 30 days plus one extension of at most 30 days, and
 * release once the period has run out.
 * Only on a statutory basis the office holds, reaching the suspected act, with evidence linked
 * (Compulsion Law arts. 17(1), 22; PIPL art. 63(1)(4)), and recorded on video from the cut-over.
 * Legal basis: 《中华人民共和国个人信息保护法》第六十三条第一款第（四）项 (V, from 2021-11-01);
 * 《中华人民共和国行政强制法》第十八条、第二十五条第一款、第二十七条、第二十八条 (V).
 */
import type {
  ExtendCompulsoryMeasureInput,
  ImposeCompulsoryMeasureInput,
  ReleaseCompulsoryMeasureInput,
} from '../action-inputs.js';
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
