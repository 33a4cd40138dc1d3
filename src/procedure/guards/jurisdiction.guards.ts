/**
 * Transfer of jurisdiction (移送管辖) and requests for designated jurisdiction.
 * Legal basis: 《中华人民共和国行政处罚法》第二十五条、第二十七条第一款 (V); 2017 规定第十条第二款、
 * 第十一条、第十二条 (P); CAC 2023 transfer and designated jurisdiction (P exists, wording U).
 */
import type {
  JudicialTransferFacts,
  ResumeReturnedCaseInput,
  TransferCaseInput,
} from '../action-inputs.js';
import type { LocalDate } from '../local-date.js';
import { violation } from '../rule-catalog.js';
import type { RuleViolation } from '../rule-violation.js';
import { inputGuard, type Guard } from './guard.js';

/** What a step that sends the case to the judiciary records, and the facts it brings. */
interface JudicialTransferStep {
  readonly toJudicialOrgan: boolean;
  readonly judicial: JudicialTransferFacts | undefined;
}

/**
 * 移送涉嫌犯罪案件 (APL art. 27(1) V; 国务院《行政执法机关移送涉嫌犯罪案件的规定》 U): the
 * principal head approves the written report, on or after it and by the transfer day.
 */
function judicialApprovalViolation(
  { toJudicialOrgan, judicial: j }: JudicialTransferStep,
  actDate: LocalDate,
): RuleViolation | undefined {
  if (!toJudicialOrgan) {
    return undefined;
  }
  const a = j?.approval;
  return j !== undefined &&
    a !== undefined &&
    a.principalHead &&
    a.approvedOn >= j.reportedOn &&
    a.approvedOn <= j.transferredOn &&
    j.transferredOn <= actDate
    ? undefined
    : violation('JUDICIAL_TRANSFER_APPROVAL_REQUIRED', {
        reportedOn: j?.reportedOn,
        approvedOn: a?.approvedOn,
        principalHead: a?.principalHead ?? false,
        transferredOn: j?.transferredOn,
      });
}

/** The same regulation: the transfer is copied to the procuratorate at the same level. */
function procuratorateViolation({
  toJudicialOrgan,
  judicial,
}: JudicialTransferStep): RuleViolation | undefined {
  return toJudicialOrgan && (judicial?.procuratorate ?? '').trim() === ''
    ? violation('JUDICIAL_TRANSFER_NOT_COPIED_TO_PROCURATORATE')
    : undefined;
}

/**
 * The two rules of a judicial transfer, for a step: transferCase(TO_JUDICIAL_ORGAN) and
 * decideCase(TRANSFER_TO_JUDICIAL_ORGAN) ask for the same facts under the same codes.
 */
export function judicialTransferGuards<I>(
  of: (input: I) => JudicialTransferStep,
): readonly Guard<I>[] {
  return [
    inputGuard<I>(
      'judicialTransferApprovedByPrincipalHead',
      ['JUDICIAL_TRANSFER_APPROVAL_REQUIRED'],
      ({ input, actDate }) => judicialApprovalViolation(of(input), actDate),
    ),
    inputGuard<I>(
      'judicialTransferCopiedToProcuratorate',
      ['JUDICIAL_TRANSFER_NOT_COPIED_TO_PROCURATORATE'],
      ({ input }) => procuratorateViolation(of(input)),
    ),
  ];
}

/** APL art. 27(1), second sentence: the case comes back only after it went to the judiciary. */
export const resumeReturnedCaseGuards: readonly Guard<ResumeReturnedCaseInput>[] = [
  inputGuard<ResumeReturnedCaseInput>(
    'returnedAfterTransfer',
    ['JUDICIAL_RETURN_BEFORE_TRANSFER'],
    ({ input, snapshot }) => {
      const transferredOn = snapshot.judicialTransfer?.transferredOn;
      return transferredOn !== undefined && input.receivedOn < transferredOn
        ? violation('JUDICIAL_RETURN_BEFORE_TRANSFER', {
            transferredOn,
            receivedOn: input.receivedOn,
          })
        : undefined;
    },
  ),
];

export const transferCaseGuards: readonly Guard<TransferCaseInput>[] = [
  ...judicialTransferGuards<TransferCaseInput>((input) => ({
    toJudicialOrgan: input.kind === 'TO_JUDICIAL_ORGAN',
    judicial: input.judicial,
  })),
  // A receiving office that thinks the transfer wrong asks the common higher office to
  // designate; it never passes the case on to a third office.
  inputGuard<TransferCaseInput>(
    'transferredInCaseNotTransferredAgain',
    ['TRANSFERRED_IN_CASE_CANNOT_BE_TRANSFERRED'],
    ({ input, snapshot }) =>
      input.kind === 'TO_OFFICE_WITH_JURISDICTION' && snapshot.source?.type === 'TRANSFERRED_IN'
        ? violation('TRANSFERRED_IN_CASE_CANNOT_BE_TRANSFERRED', {
            originator: snapshot.source.originator,
          })
        : undefined,
  ),
];
