/**
 * Investigation acts: evidence collection, inquiry and inspection transcripts,
 * and registered preservation of evidence (先行登记保存).
 * Legal basis: 《中华人民共和国行政处罚法》第四十二条第一款、第四十六条第一款、第五十五条第一款、
 * 第五十六条 (V); 2017 规定第十八条 (P).
 */
import type {
  HandlePreservedEvidenceInput,
  PreserveEvidenceInput,
  RecordEvidenceInput,
  RecordInquiryInput,
  RecordInspectionInput,
} from '../action-inputs.js';
import { recusedOfficerIds, type Approval, type CaseSnapshot } from '../case-snapshot.js';
import { isEvidenceKind } from '../evidence-kind.js';
import type { LocalDate } from '../local-date.js';
import { violation } from '../rule-catalog.js';
import { inputGuard, type Guard, type InputGuard } from './guard.js';
import { onAnOpenRecord, recordExists } from './common.guards.js';
import { officerTeamGuards, onSiteTeamGuards } from './officer.guards.js';

/** Evidence or a transcript was already taken from the party. */
export function hasCollectedFromParty(snapshot: CaseSnapshot): boolean {
  return (
    snapshot.evidence.some((e) => e.fromParty) || snapshot.transcripts.some((t) => t.withParty)
  );
}

/** The first time evidence is taken from the party, the file must prove they were told of the recusal right. */
function recusalRightNotifiedOnFirstCollection<I>(
  fromParty: (input: I) => boolean,
  notified: (input: I) => boolean,
): InputGuard<I> {
  return inputGuard<I>(
    'recusalRightNotifiedOnFirstCollection',
    ['RECUSAL_RIGHT_NOT_NOTIFIED'],
    ({ input, snapshot }) =>
      fromParty(input) && !hasCollectedFromParty(snapshot) && !notified(input)
        ? violation('RECUSAL_RIGHT_NOT_NOTIFIED')
        : undefined,
  );
}

/** Prior approval by a head of the office, dated on or before the act. */
export function isHeadApproval(approval: Approval | undefined, actDate: LocalDate): boolean {
  return (
    approval !== undefined &&
    approval.approverRoles.includes('OFFICE_HEAD') &&
    approval.approvedOn <= actDate
  );
}

export function headApproved<I>(select: (input: I) => Approval | undefined): InputGuard<I> {
  return inputGuard<I>(
    'headApproved',
    ['HEAD_APPROVAL_REQUIRED', 'RECUSED_OFFICER_ACTING'],
    ({ input, actDate, snapshot }) => {
      const approval = select(input);
      if (!isHeadApproval(approval, actDate)) {
        return violation('HEAD_APPROVAL_REQUIRED', { approvedOn: approval?.approvedOn, actDate });
      }
      // A recused head approves nothing in the case (APL art. 43(1)).
      return recusedOfficerIds(snapshot).has(approval!.approverId)
        ? violation('RECUSED_OFFICER_ACTING', { officerIds: [approval!.approverId] })
        : undefined;
    },
  );
}

export const recordEvidenceGuards: readonly Guard<RecordEvidenceInput>[] = [
  inputGuard<RecordEvidenceInput>(
    'statutoryEvidenceKind',
    ['EVIDENCE_KIND_NOT_STATUTORY'],
    ({ input }) =>
      isEvidenceKind(input.evidenceKind)
        ? undefined
        : violation('EVIDENCE_KIND_NOT_STATUTORY', { kind: input.evidenceKind }),
  ),
  ...officerTeamGuards<RecordEvidenceInput>(
    'EVIDENCE_COLLECTORS_FEWER_THAN_TWO',
    (i) => i.collectors,
    (i) => i.certificatesShown,
  ),
  recusalRightNotifiedOnFirstCollection<RecordEvidenceInput>(
    (i) => i.fromParty,
    (i) => i.recusalRightNotified,
  ),
];

export const recordInquiryGuards: readonly Guard<RecordInquiryInput>[] = [
  ...onSiteTeamGuards<RecordInquiryInput>('EVIDENCE_COLLECTORS_FEWER_THAN_TWO'),
  recusalRightNotifiedOnFirstCollection<RecordInquiryInput>(
    (i) => i.intervieweeIsParty,
    (i) => i.recusalRightNotified,
  ),
];

export const recordInspectionGuards: readonly Guard<RecordInspectionInput>[] = [
  ...onSiteTeamGuards<RecordInspectionInput>('EVIDENCE_COLLECTORS_FEWER_THAN_TWO'),
  recusalRightNotifiedOnFirstCollection<RecordInspectionInput>(
    (i) => i.ofParty,
    (i) => i.recusalRightNotified,
  ),
  // On-site: the party's premises, devices or items.
  inputGuard<RecordInspectionInput>(
    'audioVisualRecordAttached',
    ['AUDIO_VISUAL_RECORD_REQUIRED_FOR_INSPECTION'],
    ({ input, actDate, rulebook }) => {
      const requiredFrom = rulebook.parameters.audioVisualRecordRequiredFrom.value;
      return input.ofParty && actDate >= requiredFrom && input.audioVisualRecord === undefined
        ? violation('AUDIO_VISUAL_RECORD_REQUIRED_FOR_INSPECTION', { requiredFrom })
        : undefined;
    },
  ),
];

export const preserveEvidenceGuards: readonly Guard<PreserveEvidenceInput>[] = [
  ...onSiteTeamGuards<PreserveEvidenceInput>('ENFORCEMENT_OFFICERS_FEWER_THAN_TWO'),
  headApproved<PreserveEvidenceInput>((i) => i.approval),
];

export const handlePreservedEvidenceGuards: readonly Guard<HandlePreservedEvidenceInput>[] =
  onAnOpenRecord<HandlePreservedEvidenceInput, CaseSnapshot['preservations'][number]>(
    'unhandledPreservationExists',
    (s) => s.preservations,
    (p) => p.handledOn === undefined,
    'PRESERVATION_ALREADY_HANDLED',
    [
      recordExists<HandlePreservedEvidenceInput>(
        'preservationExists',
        'preservationId',
        (s) => s.preservations,
      ),
      inputGuard<HandlePreservedEvidenceInput>(
        'handledInTimeOrReasoned',
        ['PRESERVATION_HANDLED_LATE'],
        ({ input, snapshot }) => {
          // APL art. 56 sets a duty, not a forfeiture: a late decision is made, with its reason.
          const due = snapshot.deadlines.PRESERVATION_HANDLING?.dueDate;
          return due !== undefined &&
            input.decidedOn > due &&
            (input.lateHandlingReason ?? '').trim().length === 0
            ? violation('PRESERVATION_HANDLED_LATE', { decidedOn: input.decidedOn, dueDate: due })
            : undefined;
        },
      ),
      inputGuard<HandlePreservedEvidenceInput>(
        'preservationNotHandled',
        ['PRESERVATION_ALREADY_HANDLED'],
        ({ input, snapshot }) => {
          const preservation = snapshot.preservations.find((p) => p.id === input.preservationId);
          return preservation?.handledOn !== undefined
            ? violation('PRESERVATION_ALREADY_HANDLED', { handledOn: preservation.handledOn })
            : undefined;
        },
      ),
    ],
  );
