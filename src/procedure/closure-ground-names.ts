import type { ClosureGround } from './case-snapshot.js';

/** Each ground for closing a case as the closing approval form prints it and the API describes it. */
export const CLOSURE_GROUND_NAMES: Record<ClosureGround, string> = {
  EXECUTED: '行政处罚决定执行完毕',
  NO_PENALTY: '作出不予行政处罚决定',
  FACTS_NOT_ESTABLISHED: '违法事实不能成立',
  TRANSFERRED: '已移送管辖或者移送司法机关',
  NOT_DOCKETED: '不予立案',
  DOCKETING_CANCELLED: '撤销立案',
  ENFORCEMENT_TERMINATED: '人民法院裁定终结执行',
  DECISION_ANNULLED: '行政处罚决定被依法撤销',
  COURT_REFUSED_ENFORCEMENT: '人民法院裁定不予执行',
  INVESTIGATION_TERMINATED: '终止调查',
};
