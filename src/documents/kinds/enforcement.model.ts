/**
 * 催告书 (ENFORCEMENT_DEMAND) and 强制执行申请书 (COURT_ENFORCEMENT_APPLICATION): enforcing an
 * unpaid money penalty through the court, as an office without its own enforcement power.
 * Legal basis: 《中华人民共和国行政处罚法》第七十二条第一款第（一）项 (a daily surcharge, capped at the fine)
 * and 第（四）项 (apply to the court under the Compulsion Law); 《中华人民共和国行政强制法》第三十五条
 * (the demand: time limit, manner, amount and how to pay, the right to state and defend), 第三十六条
 * (statement and defence heard, recorded, reviewed), 第三十八条 (service), 第五十三条 (apply within
 * three months after the remedy periods), 第五十四条 (demand first; apply ten days after it is
 * served), 第五十五条 (the application and its materials; signed by the head, sealed, dated).
 * R-EXE-03, R-EXE-05, R-EXE-06, §6.12, §6.13; docs/document-sources.md §4.16.
 */
import { surchargeRatesOn } from '../../procedure/execution.js';
import { localDate } from '../../procedure/local-date.js';
import { rulebookFor } from '../../procedure/rulebook.js';
import type { LegalBasis } from '../../procedure/legal-basis.js';
import { pipl } from '../../procedure/citations.js';
import { documentErrors } from '../document-errors.js';
import { parseAmountToFen } from '../helpers/money.js';
import type {
  CaseDocumentSource,
  CourtApplicationSource,
  EnforcementSource,
  Yuan,
} from './case-document-source.js';
import { baseModel, requireSection, withDocument, type BaseModel } from './common.js';
import {
  defineKind,
  mergeElements,
  SIGNED_DOCUMENT_ELEMENTS,
  type DocumentKindDefinition,
} from './kind-definition.js';
import { sampleCaseSource, sampleOffice, sampleRules } from './sample-case.js';

type EnforcementKind = 'ENFORCEMENT_DEMAND' | 'COURT_ENFORCEMENT_APPLICATION';

export interface EnforcementView {
  readonly decisionNumber: string;
  readonly decisionDate: string;
  readonly servedOn: string;
  readonly decisionContent: string;
  readonly decisionBasis: readonly LegalBasis[];
  readonly fineYuan: Yuan;
  readonly confiscationYuan: Yuan | null;
  readonly surchargeYuan: Yuan;
  readonly surchargeAsOf: string;
  readonly totalYuan: Yuan;
  readonly performBy: string;
  readonly bankName: string;
  readonly accountName: string | null;
  readonly accountNumber: string | null;
  readonly electronicChannel: string | null;
  readonly statementDays: number;
  /** 每日按罚款数额的百分之几 (APL art. 72(1)(1)), from the rulebook. */
  readonly surchargePercentPerDay: number;
  /** 催告书送达几日后 (Compulsion Law art. 54; working days by art. 69), from the rulebook. */
  readonly demandWaitDays: number;
  readonly consequence: string;
}

/** The amounts must add up, and the surcharge may not exceed the fine (APL art. 72(1)(1)). */
function checkAmounts(kind: EnforcementKind, e: EnforcementSource): void {
  const fine = parseAmountToFen(e.fineYuan);
  const surcharge = parseAmountToFen(e.surchargeYuan);
  const confiscation = e.confiscationYuan === null ? 0 : parseAmountToFen(e.confiscationYuan);
  if (surcharge > fine) {
    throw documentErrors.valueInvalid(
      kind,
      'enforcement.surchargeYuan',
      '加处罚款的数额不得超出罚款的数额（《中华人民共和国行政处罚法》第七十二条第一款第（一）项）',
    );
  }
  if (parseAmountToFen(e.totalYuan) !== fine + confiscation + surcharge) {
    throw documentErrors.valueInvalid(
      kind,
      'enforcement.totalYuan',
      'the total is not fine + confiscation + surcharge',
    );
  }
}

function enforcementView(kind: EnforcementKind, source: CaseDocumentSource): EnforcementView {
  const e = requireSection(kind, source.enforcement, 'enforcement');
  checkAmounts(kind, e);
  return {
    decisionNumber: e.decisionNumber,
    decisionDate: e.decisionDate,
    servedOn: e.servedOn,
    decisionContent: e.decisionContent,
    decisionBasis: e.decisionBasis,
    fineYuan: e.fineYuan,
    confiscationYuan: e.confiscationYuan,
    surchargeYuan: e.surchargeYuan,
    surchargeAsOf: e.surchargeAsOf,
    totalYuan: e.totalYuan,
    performBy: e.performBy,
    bankName: e.paymentChannel.bankName,
    accountName: e.paymentChannel.accountName,
    accountNumber: e.paymentChannel.accountNumber,
    electronicChannel: e.paymentChannel.electronicChannel,
    statementDays: e.statementDays,
    surchargePercentPerDay: surchargeRatesOn(e.surchargeAsOf).percentPerDay,
    demandWaitDays: rulebookFor(e.surchargeAsOf).parameters.enforcementDemandWaitPeriod.length,
    consequence: e.consequence,
  };
}

// ── 催告书 ────────────────────────────────────────────────────────────────

export interface EnforcementDemandModel extends BaseModel {
  readonly enforcement: EnforcementView;
}

export function buildEnforcementDemandModel(source: CaseDocumentSource): EnforcementDemandModel {
  const kind = 'ENFORCEMENT_DEMAND';
  return { ...baseModel(kind, source), enforcement: enforcementView(kind, source) };
}

const DEMAND_ELEMENTS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number',
    'party.name',
    'enforcement.decisionNumber',
    'enforcement.decisionDate',
    'enforcement.servedOn',
    'enforcement.fineYuan', // art. 35(3): 明确的金额
    'enforcement.surchargeYuan',
    'enforcement.totalYuan',
    'enforcement.performBy', // art. 35(1): 履行义务的期限
    'enforcement.bankName', // art. 35(2)(3): 方式, 给付方式
    'enforcement.statementDays', // art. 35(4), art. 36
    'enforcement.consequence',
  ],
  phrases: [
    '催告书',
    '《中华人民共和国行政强制法》第三十五条',
    '第三十六条',
    '有权进行陈述和申辩',
    '第五十四条',
  ],
});

// ── 强制执行申请书 ────────────────────────────────────────────────────────

export interface CourtEnforcementApplicationModel extends BaseModel {
  readonly enforcement: EnforcementView & {
    readonly application: {
      readonly court: string;
      readonly demandNumber: string;
      readonly demandServedOn: string;
      readonly headName: string;
      readonly performance: string;
      readonly partyOpinion: string | null;
      readonly officeOpinion: string;
      readonly attachments: readonly { readonly title: string; readonly quantity: string }[];
    };
  };
}

export function buildCourtEnforcementApplicationModel(
  source: CaseDocumentSource,
): CourtEnforcementApplicationModel {
  const kind = 'COURT_ENFORCEMENT_APPLICATION';
  const view = enforcementView(kind, source);
  const a: CourtApplicationSource = requireSection(
    kind,
    source.enforcement!.application,
    'enforcement.application',
  );
  return {
    ...baseModel(kind, source),
    enforcement: {
      ...view,
      application: {
        court: a.court,
        demandNumber: a.demandNumber,
        demandServedOn: a.demandServedOn,
        headName: a.headName,
        performance: a.performance,
        partyOpinion: a.partyOpinion,
        officeOpinion: a.officeOpinion,
        attachments: a.attachments.map((m) => ({ title: m.title, quantity: m.quantity })),
      },
    },
  };
}

const APPLICATION_ELEMENTS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number',
    'party.name', // 被申请人
    'party.address',
    'enforcement.decisionNumber', // art. 55(1)(2): the decision and its basis
    'enforcement.decisionDate',
    'enforcement.decisionBasis',
    'enforcement.decisionContent',
    'enforcement.servedOn',
    'enforcement.totalYuan', // art. 55(1)(4): the subject matter
    'enforcement.application.court',
    'enforcement.application.demandNumber', // art. 55(1)(3): 催告情况
    'enforcement.application.demandServedOn',
    'enforcement.application.headName',
    'enforcement.application.performance',
    'enforcement.application.officeOpinion',
    'enforcement.application.attachments',
  ],
  phrases: [
    '强制执行申请书',
    '申请人',
    '被申请人',
    '在法定期限内未申请行政复议或者提起行政诉讼',
    '《中华人民共和国行政强制法》第五十三条、第五十四条、第五十五条',
    '负责人（签名）',
    '此致',
  ],
});

// ── Samples ───────────────────────────────────────────────────────────────

const d = localDate;

/**
 * The 2026-11-05 decision (served 2026-11-06) left unpaid: the surcharge reached the fine after
 * 34 days; the remedy periods ran out on 2027-05-06 (six months), so the office demands and then
 * applies within the three months of Compulsion Law art. 53.
 */
export const sampleEnforcement: EnforcementSource = {
  decisionNumber: '京网信罚决〔2026〕15号',
  decisionDate: d('2026-11-05'),
  servedOn: d('2026-11-06'),
  decisionContent: '给予警告，没收违法所得人民币12,345.60元，并处罚款人民币500,000元',
  decisionBasis: [pipl(66, 1)],
  fineYuan: '500000',
  confiscationYuan: '12345.60',
  surchargeYuan: '500000',
  surchargeAsOf: d('2027-05-10'),
  totalYuan: '1012345.60',
  performBy: d('2027-05-25'),
  paymentChannel: sampleOffice.paymentChannel,
  statementDays: sampleRules.enforcementDemandStatementPeriod.length,
  consequence: '向北京市西城区人民法院申请强制执行',
  application: {
    court: '北京市西城区人民法院',
    demandNumber: '京网信催〔2027〕1号',
    demandServedOn: d('2027-05-11'),
    headName: '周某',
    performance: '截至本申请书作出之日，被申请人未缴纳任何罚没款和加处罚款。',
    partyOpinion:
      '被申请人于2027年5月13日提交书面陈述，称资金周转困难，请求免除加处罚款。经复核，被申请人未提供经济困难的证明材料，也未申请延期或者分期缴纳罚款，其意见不予采纳。',
    officeOpinion:
      '上述行政处罚决定认定事实清楚，证据确凿，适用法律正确，程序合法，内容适当，已经发生法律效力；被申请人经催告后无正当理由仍不履行，符合申请人民法院强制执行的条件。',
    attachments: [
      { title: '《行政处罚决定书》（京网信罚决〔2026〕15号）及送达回证', quantity: '1份（共8页）' },
      {
        title: '作出行政处罚决定的事实、理由和依据（案件调查终结报告及主要证据）',
        quantity: '1份（共36页）',
      },
      { title: '《催告书》（京网信催〔2027〕1号）及送达回证', quantity: '1份（共4页）' },
      { title: '被申请人的意见及本机关催告情况说明', quantity: '1份（共2页）' },
      { title: '申请强制执行标的情况说明', quantity: '1份（共1页）' },
    ],
  },
};

export const enforcementDemandKind: DocumentKindDefinition = defineKind<EnforcementDemandModel>({
  kind: 'ENFORCEMENT_DEMAND',
  title: '催告书',
  templateFile: 'enforcement-demand.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildEnforcementDemandModel,
  mandatoryElements: DEMAND_ELEMENTS,
  mandatoryElementsFor: () => DEMAND_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信催〔2027〕1号', '2027-05-10'),
    enforcement: { ...sampleEnforcement, application: null },
  },
});

export const courtEnforcementApplicationKind: DocumentKindDefinition =
  defineKind<CourtEnforcementApplicationModel>({
    kind: 'COURT_ENFORCEMENT_APPLICATION',
    title: '强制执行申请书',
    templateFile: 'court-enforcement-application.hbs',
    version: '2026-11',
    sealed: true,
    buildModel: buildCourtEnforcementApplicationModel,
    mandatoryElements: APPLICATION_ELEMENTS,
    mandatoryElementsFor: () => APPLICATION_ELEMENTS,
    sampleInput: {
      ...withDocument(sampleCaseSource, '京网信强申〔2027〕1号', '2027-06-01'),
      enforcement: { ...sampleEnforcement, surchargeAsOf: d('2027-06-01') },
    },
  });
