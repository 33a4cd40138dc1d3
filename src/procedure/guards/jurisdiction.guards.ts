/**
 * Transfer of jurisdiction (移送管辖) and requests for designated jurisdiction.
 * Legal basis: 《中华人民共和国行政处罚法》第二十五条、第二十七条第一款 (V); 2017 规定第十条第二款、
 * 第十一条、第十二条 (P); CAC 2023 transfer and designated jurisdiction (P exists, wording U).
 */
import type { ResumeReturnedCaseInput, TransferCaseInput } from '../action-inputs.js';
import { violation } from '../rule-catalog.js';
import { inputGuard, type Guard } from './guard.js';

/**
 * 移送涉嫌犯罪案件 (APL art. 27(1) V; 国务院《行政执法机关移送涉嫌犯罪案件的规定》 U): the
 * principal head approves the written report, on or after it and by the transfer day.
 */
const judicialTransferApproved = inputGuard<TransferCaseInput>(
  'judicialTransferApprovedByPrincipalHead',
  ['JUDICIAL_TRANSFER_APPROVAL_REQUIRED'],
  ({ input, actDate }) => {
    if (input.kind !== 'TO_JUDICIAL_ORGAN') {
      return undefined;
    }
    const j = input.judicial;
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
  },
);

const procuratorateCopied = inputGuard<TransferCaseInput>(
  'judicialTransferCopiedToProcuratorate',
  ['JUDICIAL_TRANSFER_NOT_COPIED_TO_PROCURATORATE'],
  ({ input }) =>
    input.kind === 'TO_JUDICIAL_ORGAN' && (input.judicial?.procuratorate ?? '').trim() === ''
      ? violation('JUDICIAL_TRANSFER_NOT_COPIED_TO_PROCURATORATE')
      : undefined,
);

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
  judicialTransferApproved,
  procuratorateCopied,
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
