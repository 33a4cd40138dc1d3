/**
 * Penalty provisions catalog (罚则目录): types, seed data, version choice, penalty checks,
 * and validation of catalog edits.
 *
 * Legal basis: 《中华人民共和国行政处罚法》第四条、第九条、第二十八条、第三十二条、第三十七条 (V).
 */
export {
  COMPETENT_AUTHORITIES,
  CONCORDANCE_RELATIONS,
  FINE_BASES,
  LAW_CODES,
  PROVISION_TIERS,
  RESPONSIBLE_PERSON_SCOPES,
  findProvision,
  formatProvisionCitation,
  isInForce,
  penaltyBasisRecord,
  provisionCitation,
  sanctionsFor,
  type CompetentAuthority,
  type Concordance,
  type ConcordanceRelation,
  type FineBasis,
  type FineRange,
  type IllegalGainsCondition,
  type LawCode,
  type LawVersion,
  type PenaltyBasisRecord,
  type PenaltyProvision,
  type ProvisionTier,
  type ResponsiblePersonScope,
  type Sanction,
} from './penalty-provision.js';
export {
  LAW_VERSIONS,
  NON_PENALTY_ARTICLES,
  PENALTY_PROVISIONS_SEED,
  PROVISION_LAW_NAMES,
  PROVISION_SOURCES,
  type NonPenaltyArticle,
} from './provisions.seed.js';
export {
  chooseApplicableProvision,
  compareSeverity,
  predecessorsOf,
  successorsOf,
  type SeverityComparison,
  type SeverityVerdict,
  type VersionChoice,
} from './applicable-version.js';
export {
  CORRECTION_TIER_RULE_CODES,
  PROVISION_VIOLATION_CODES,
  checkProposedPenalties,
  refusalTierOtherGround,
  formatYuan,
  type PartyKind,
  type PenaltyCheckContext,
  type PenaltyTarget,
  type ProposedPenalty,
  type ProvisionViolationCode,
} from './check-penalties.js';
export {
  PROVISION_ERROR_CODES,
  validateCatalog,
  validateProvision,
  type ProvisionErrorCode,
  type ProvisionValidationError,
} from './validate-provision.js';
