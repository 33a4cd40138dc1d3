import { registerEnumType } from 'type-graphql';
import { ERROR_CODES } from '../errors/error-codes.js';
import {
  PROVISION_VIOLATION_CODES,
  type ProvisionViolationCode,
} from '../procedure/provisions/index.js';
import { RULE_CATALOG, RULE_CODES } from '../procedure/rule-catalog.js';
import type { ViolationCode } from '../procedure/rule-violation.js';

/**
 * `enum RuleCode`: every code an entry of `violations` (a refused step's
 * `extensions.violations`, `availableActions`) can carry — the rule catalog's, the
 * penalty-provision checks', and the calendar's unloaded year.
 */

/** The provision checks word each message from the provision; these name the rule. */
const PROVISION_RULE_DESCRIPTIONS: Record<ProvisionViolationCode, string> = {
  PROVISION_NOT_FOUND: '处罚依据不在处罚条款目录中',
  PROVISION_NOT_A_CAC_PENALTY_BASIS: '该条款不是网信部门的处罚依据（应当移送或引用所转致的条款）',
  PROVISION_UNVERIFIED: '条文未经核实（U），须经法律审核确认后方可作为处罚依据',
  PROVISION_NOT_IN_FORCE_AT_ACT: '该条款在违法行为发生时不在施行期内',
  NEWER_LIGHTER_PROVISION_APPLIES: '新规定处罚较轻，应当适用新规定（从旧兼从轻）',
  PROVISION_REQUIRES_HIGHER_OFFICE_LEVEL: '该条款的处罚须由更高层级的网信部门作出',
  PENALTY_KIND_NOT_ALLOWED_BY_PROVISION: '该条款未规定所选的处罚种类',
  RESPONSIBLE_PERSON_REQUIRES_ORGANIZATION: '当事人为自然人，不能对直接责任人员另行处罚',
  FINE_AMOUNT_INVALID: '罚款须载明大于零的具体金额',
  FINE_BASIS_REQUIRED: '条款规定了可选的罚款上限，须载明所依据的计算方式',
  FINE_BASIS_NOT_ALLOWED: '条款在本案情形下不以所选方式计算罚款',
  ILLEGAL_GAINS_AMOUNT_REQUIRED: '按违法所得分档确定罚款的，须先认定违法所得金额',
  TURNOVER_REQUIRED: '按营业额确定罚款的，须先认定上一年度营业额',
  PROCUREMENT_AMOUNT_REQUIRED: '按采购金额确定罚款的，须先认定采购金额',
  FINE_BELOW_MINIMUM: '罚款低于条款规定的下限（未载明减轻处罚的理由）',
  FINE_ABOVE_MAXIMUM: '罚款超过条款规定的上限',
  MANDATORY_PENALTY_MISSING: '缺少条款规定必须并处的处罚（如没收违法所得）',
  FINE_ABOVE_LIGHTER_PART: '从轻处罚的罚款超出裁量基准划定的幅度较低部分',
  FINE_BELOW_HEAVIER_PART: '从重处罚的罚款低于裁量基准划定的幅度较高部分',
  HIGHER_FINE_PROVISION_GOVERNS:
    '同一违法行为违反多个法律规范应当给予罚款的，按照罚款数额高的规定处罚（《中华人民共和国行政处罚法》第二十九条）',
  FINE_COMPARISON_FACTS_REQUIRED:
    '比较各规定就本案可处的罚款数额，须先认定违法所得或者上一年度营业额（《中华人民共和国行政处罚法》第二十九条）',
};

function describe(code: ViolationCode): string {
  if (code === 'CALENDAR_YEAR_NOT_LOADED') {
    return `${ERROR_CODES.CALENDAR_YEAR_NOT_LOADED.message}（期限无法计算）`;
  }
  if (code in PROVISION_RULE_DESCRIPTIONS) {
    return PROVISION_RULE_DESCRIPTIONS[code as ProvisionViolationCode];
  }
  return RULE_CATALOG[code as keyof typeof RULE_CATALOG].message;
}

export const VIOLATION_CODES: readonly ViolationCode[] = [
  ...RULE_CODES,
  ...PROVISION_VIOLATION_CODES,
  'CALENDAR_YEAR_NOT_LOADED',
];

export const RuleCodeEnum = Object.fromEntries(VIOLATION_CODES.map((c) => [c, c])) as {
  [K in ViolationCode]: K;
};
registerEnumType(RuleCodeEnum, {
  name: 'RuleCode',
  description:
    '程序规则代码（rule code）：未满足的规则（violations[].code）的全部取值，含处罚条款核对与节假日数据缺失',
  valuesConfig: Object.fromEntries(
    VIOLATION_CODES.map((code) => [code, { description: describe(code) }]),
  ),
});
