/**
 * Validation of catalog edits (管理员维护罚则目录). Runtime checks on purpose: rows arrive
 * from an admin form or a database, not only from typed seed code. Returns every error.
 *
 * Legal basis: 《中华人民共和国行政处罚法》第四条、第九条 (V): a penalty needs a cited legal
 * basis, and its kind must be one the law knows.
 */
import { isLocalDate } from '../local-date.js';
import { OFFICE_LEVELS } from '../office-level.js';
import { PENALTY_KINDS } from '../penalty-kind.js';
import {
  COMPETENT_AUTHORITIES,
  CONCORDANCE_RELATIONS,
  FINE_BASES,
  LAW_CODES,
  PROVISION_TIERS,
  RESPONSIBLE_PERSON_SCOPES,
  type PenaltyProvision,
  type Sanction,
} from './penalty-provision.js';

export const PROVISION_ERROR_CODES = [
  'ID_INVALID',
  'ID_DUPLICATE',
  'LAW_CODE_INVALID',
  'CITATION_INCOMPLETE', // law name, version id or label, article missing or malformed
  'SOURCE_MISSING',
  'STATUS_INVALID',
  'PERIOD_DATE_INVALID',
  'PERIOD_NOT_ORDERED',
  'TIER_INVALID',
  'TEXT_MISSING', // unlawful act, tier label or authority wording
  'AUTHORITY_INVALID',
  'OFFICE_LEVEL_INVALID',
  'KIND_INVALID',
  'KIND_CLASSIFICATION_STATUS_INVALID',
  'FINE_RANGE_MISSING',
  'RANGE_ON_NON_FINE',
  'RANGE_INVALID', // not a finite number, negative, or not an allowed basis
  'RANGE_MIN_ABOVE_MAX',
  'GAINS_CONDITION_INVALID',
  'ALTERNATIVE_FINES_AMBIGUOUS',
  'ONE_OF_GROUP_INVALID',
  'RESPONSIBLE_PERSON_SCOPE_INVALID',
  'REFERRAL_WITH_OWN_PENALTIES',
  'NO_PENALTIES',
  'CONCORDANCE_INVALID',
] as const;
export type ProvisionErrorCode = (typeof PROVISION_ERROR_CODES)[number];

export interface ProvisionValidationError {
  readonly code: ProvisionErrorCode;
  /** Path of the offending field, e.g. partySanctions[2].fine.maxYuan. */
  readonly field: string;
  readonly message: string;
  readonly provisionId?: string;
}

/** Upper-case letters, digits and hyphens, starting with the law code: CSL2016-64-1, PIPL-66-2. */
const ID_PATTERN = /^[A-Z][A-Z0-9_]*-\d+(-\d+){0,2}(-[A-Z][A-Z-]*)?$/;

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isPositiveInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v > 0;
const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

export function validateProvision(p: PenaltyProvision): ProvisionValidationError[] {
  const errors: ProvisionValidationError[] = [];
  const err = (code: ProvisionErrorCode, field: string, message: string): void => {
    errors.push({ code, field, message, provisionId: p.id });
  };

  if (!isText(p.id) || !ID_PATTERN.test(p.id)) {
    err('ID_INVALID', 'id', '条款编号须形如 CSL2016-64-1、PIPL-66-2 或 CSL2016-59-1-REFUSAL');
  }
  if (!oneOf(LAW_CODES, p.lawCode)) {
    err('LAW_CODE_INVALID', 'lawCode', `未知的法律代码：${String(p.lawCode)}`);
  }
  if (!isText(p.law) || /[《》]/.test(p.law)) {
    err('CITATION_INCOMPLETE', 'law', '须填写法律全称（不含书名号）');
  }
  if (!isText(p.versionId) || !isText(p.versionLabel)) {
    err('CITATION_INCOMPLETE', 'versionLabel', '须填写法律版本');
  }
  if (!isPositiveInt(p.article)) {
    err('CITATION_INCOMPLETE', 'article', '条号须为正整数');
  }
  if (p.paragraph !== undefined && !isPositiveInt(p.paragraph)) {
    err('CITATION_INCOMPLETE', 'paragraph', '款号须为正整数');
  }
  if (p.item !== undefined && (!isPositiveInt(p.item) || p.paragraph === undefined)) {
    err('CITATION_INCOMPLETE', 'item', '项号须为正整数，且须同时填写款号');
  }
  if (!oneOf(['V', 'P', 'U', 'D'] as const, p.status)) {
    err('STATUS_INVALID', 'status', '核实状态须为 V、P、U 或 D');
  }
  if (!isText(p.source)) {
    err('SOURCE_MISSING', 'source', '须注明条文来源');
  }

  const fromOk = typeof p.validFrom === 'string' && isLocalDate(p.validFrom);
  const toOk = p.validTo === undefined || (typeof p.validTo === 'string' && isLocalDate(p.validTo));
  if (!fromOk) {
    err('PERIOD_DATE_INVALID', 'validFrom', '施行日期须为 YYYY-MM-DD');
  }
  if (!toOk) {
    err('PERIOD_DATE_INVALID', 'validTo', '失效日期须为 YYYY-MM-DD');
  }
  if (fromOk && toOk && p.validTo !== undefined && p.validTo < p.validFrom) {
    err('PERIOD_NOT_ORDERED', 'validTo', `失效日期（${p.validTo}）早于施行日期（${p.validFrom}）`);
  }

  if (!oneOf(PROVISION_TIERS, p.tier)) {
    err('TIER_INVALID', 'tier', `未知的处罚档次：${String(p.tier)}`);
  }
  if (!isText(p.tierLabelZh)) {
    err('TEXT_MISSING', 'tierLabelZh', '须填写档次的适用情形');
  }
  if (!isText(p.unlawfulActZh)) {
    err('TEXT_MISSING', 'unlawfulActZh', '须填写违法行为');
  }
  if (!isText(p.authorityZh)) {
    err('TEXT_MISSING', 'authorityZh', '须填写处罚机关');
  }
  if (!oneOf(COMPETENT_AUTHORITIES, p.authority)) {
    err('AUTHORITY_INVALID', 'authority', `未知的处罚机关类别：${String(p.authority)}`);
  }
  if (!oneOf(OFFICE_LEVELS, p.minOfficeLevel)) {
    err('OFFICE_LEVEL_INVALID', 'minOfficeLevel', `未知的机关层级：${String(p.minOfficeLevel)}`);
  }

  validateSanctions(p.partySanctions, 'partySanctions', err);
  validateSanctions(p.responsiblePersonSanctions, 'responsiblePersonSanctions', err);

  const ownPenalties = p.partySanctions.length + p.responsiblePersonSanctions.length;
  const routedElsewhere = p.authority === 'REFERRAL_ONLY' || p.authority === 'PUBLIC_SECURITY_ONLY';
  if (p.authority === 'REFERRAL_ONLY' && ownPenalties > 0) {
    err('REFERRAL_WITH_OWN_PENALTIES', 'partySanctions', '转致条款不应设有本条处罚');
  }
  if (!routedElsewhere && ownPenalties === 0) {
    err('NO_PENALTIES', 'partySanctions', '须至少规定一种处罚');
  }

  (p.requireOneOf ?? []).forEach((group, i) => {
    const kinds = new Set(p.partySanctions.map((s) => s.kind));
    if (group.length < 2 || group.some((k) => !kinds.has(k))) {
      err(
        'ONE_OF_GROUP_INVALID',
        `requireOneOf[${i}]`,
        '“至少一种”须列两种以上、且均为本条对当事人规定的处罚种类',
      );
    }
  });

  if (
    p.responsiblePersonSanctions.length > 0 &&
    !oneOf(RESPONSIBLE_PERSON_SCOPES, p.responsiblePersonScope)
  ) {
    err(
      'RESPONSIBLE_PERSON_SCOPE_INVALID',
      'responsiblePersonScope',
      '对直接责任人员设有处罚时须注明范围（主管人员或全部直接责任人员）',
    );
  }

  if (p.successors !== undefined) {
    if (
      !oneOf(CONCORDANCE_RELATIONS, p.successors.relation) ||
      p.successors.provisionIds.length === 0 ||
      p.successors.provisionIds.includes(p.id) ||
      !isText(p.successors.noteZh)
    ) {
      err(
        'CONCORDANCE_INVALID',
        'successors',
        '新旧对照须列明新条款编号（不得指向自身）、对应关系和说明',
      );
    }
  }
  return errors;
}

function validateSanctions(
  list: readonly Sanction[],
  path: string,
  err: (code: ProvisionErrorCode, field: string, message: string) => void,
): void {
  list.forEach((s, i) => {
    const at = `${path}[${i}]`;
    if (!oneOf(PENALTY_KINDS, s.kind)) {
      err(
        'KIND_INVALID',
        `${at}.kind`,
        `未知的处罚种类：${String(s.kind)}（行政拘留不属网信部门处罚种类）`,
      );
    }
    if (!isText(s.measureZh)) {
      err('TEXT_MISSING', `${at}.measureZh`, '须填写处罚措施的条文表述');
    }
    if (
      s.kindClassificationStatus !== undefined &&
      !oneOf(['V', 'P', 'U', 'D'] as const, s.kindClassificationStatus)
    ) {
      err(
        'KIND_CLASSIFICATION_STATUS_INVALID',
        `${at}.kindClassificationStatus`,
        '归类核实状态须为 V、P、U 或 D',
      );
    }
    if (s.kind !== 'FINE') {
      if (s.fine !== undefined) {
        err('RANGE_ON_NON_FINE', `${at}.fine`, '只有罚款可以设定金额幅度');
      }
      if (s.gainsCondition !== undefined) {
        err('GAINS_CONDITION_INVALID', `${at}.gainsCondition`, '违法所得分档只适用于罚款');
      }
      return;
    }
    const f = s.fine;
    if (f === undefined) {
      err('FINE_RANGE_MISSING', `${at}.fine`, '罚款须设定幅度');
      return;
    }
    if (!oneOf(FINE_BASES, f.basis)) {
      err('RANGE_INVALID', `${at}.fine.basis`, `未知的罚款计算方式：${String(f.basis)}`);
      return;
    }
    switch (f.basis) {
      case 'FIXED':
        if (!isAmount(f.minYuan) || !isAmount(f.maxYuan) || f.maxYuan === 0) {
          err('RANGE_INVALID', `${at}.fine`, '罚款金额须为非负数，最高额须大于零');
        } else if (f.minYuan > f.maxYuan) {
          err('RANGE_MIN_ABOVE_MAX', `${at}.fine`, `最低额${f.minYuan}元高于最高额${f.maxYuan}元`);
        }
        break;
      case 'MULTIPLE_OF_ILLEGAL_GAINS':
      case 'MULTIPLE_OF_PROCUREMENT_AMOUNT':
        if (!isAmount(f.minMultiple) || !isAmount(f.maxMultiple) || f.maxMultiple === 0) {
          err('RANGE_INVALID', `${at}.fine`, '倍数须为非负数，最高倍数须大于零');
        } else if (f.minMultiple > f.maxMultiple) {
          err(
            'RANGE_MIN_ABOVE_MAX',
            `${at}.fine`,
            `最低倍数${f.minMultiple}高于最高倍数${f.maxMultiple}`,
          );
        }
        break;
      case 'PERCENT_OF_PRIOR_YEAR_TURNOVER':
        if (!isAmount(f.maxPercent) || f.maxPercent === 0 || f.maxPercent > 100) {
          err('RANGE_INVALID', `${at}.fine.maxPercent`, '营业额百分比须大于0且不超过100');
        }
        break;
    }
    const c = s.gainsCondition;
    if (c !== undefined) {
      const needsYuan = c.when === 'GAINS_AT_LEAST' || c.when === 'GAINS_NONE_OR_BELOW';
      const known = [
        'GAINS_AT_LEAST',
        'GAINS_NONE_OR_BELOW',
        'GAINS_PRESENT',
        'GAINS_NONE',
      ].includes(c.when);
      if (!known || (needsYuan && !('yuan' in c && isAmount(c.yuan) && c.yuan > 0))) {
        err('GAINS_CONDITION_INVALID', `${at}.gainsCondition`, '违法所得分档须注明条件及金额');
      }
    }
  });

  // Unconditioned fines are alternatives told apart by basis; two with one basis cannot be chosen between.
  const unconditioned = list.filter(
    (s) => s.kind === 'FINE' && s.gainsCondition === undefined && s.fine,
  );
  const bases = unconditioned.map((s) => s.fine?.basis);
  if (new Set(bases).size !== bases.length) {
    err('ALTERNATIVE_FINES_AMBIGUOUS', path, '同一对象的可选罚款须采用不同的计算方式');
  }
  const conditioned = list.some((s) => s.kind === 'FINE' && s.gainsCondition !== undefined);
  if (conditioned && unconditioned.length > 0) {
    err('ALTERNATIVE_FINES_AMBIGUOUS', path, '按违法所得分档的罚款不得与不分档的罚款并列');
  }
}

/** Every row, plus catalog-wide rules: unique ids and concordance links that resolve to a later version. */
export function validateCatalog(catalog: readonly PenaltyProvision[]): ProvisionValidationError[] {
  const errors = catalog.flatMap(validateProvision);
  const seen = new Set<string>();
  for (const p of catalog) {
    if (seen.has(p.id)) {
      errors.push({
        code: 'ID_DUPLICATE',
        field: 'id',
        message: `条款编号重复：${p.id}`,
        provisionId: p.id,
      });
    }
    seen.add(p.id);
    for (const id of p.successors?.provisionIds ?? []) {
      const next = catalog.find((c) => c.id === id);
      if (!next) {
        errors.push({
          code: 'CONCORDANCE_INVALID',
          field: 'successors',
          message: `新旧对照指向不存在的条款：${id}`,
          provisionId: p.id,
        });
      } else if (next.lawCode !== p.lawCode || next.validFrom <= p.validFrom) {
        errors.push({
          code: 'CONCORDANCE_INVALID',
          field: 'successors',
          message: `新旧对照须指向同一法律的较新版本：${id}`,
          provisionId: p.id,
        });
      }
    }
  }
  return errors;
}
