/**
 * Transfer of jurisdiction (移送管辖) and requests for designated jurisdiction.
 * Legal basis: 《中华人民共和国行政处罚法》第二十五条、第二十七条第一款 (V); 2017 规定第十条第二款、
 * 第十一条、第十二条 (P); CAC 2023 transfer and designated jurisdiction (P exists, wording U).
 */
import type { TransferCaseInput } from '../action-inputs.js';
import { violation } from '../rule-catalog.js';
import { inputGuard, type Guard } from './guard.js';

export const transferCaseGuards: readonly Guard<TransferCaseInput>[] = [
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
