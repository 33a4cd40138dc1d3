// Periods and rates a document states come from the rulebook of its act date, not from the
// template: the printed number is the rulebook's, written in Chinese numerals.
import { describe, it } from 'vitest';
import { paymentArrangementKind } from '../../../../src/documents/kinds/case-file-notices.model.js';
import {
  courtEnforcementApplicationKind,
  enforcementDemandKind,
} from '../../../../src/documents/kinds/enforcement.model.js';
import { seizureDecisionKind } from '../../../../src/documents/kinds/seizure-decision.model.js';
import { chineseNumeral } from '../../../../src/procedure/legal-basis.js';
import { localDate } from '../../../../src/procedure/local-date.js';
import { rulebookFor } from '../../../../src/procedure/rulebook.js';
import { expectAll, textOf } from './render-kind.js';

const rules = rulebookFor(localDate('2026-09-01')).parameters;
const zh = chineseNumeral;

describe('document wording read from the rulebook', () => {
  it('查封（扣押）决定书: the extension limit of Compulsion Law art. 25 (compulsoryMeasureExtensionMaximum)', async () => {
    const text = await textOf('SEIZURE_DECISION_AND_LIST', seizureDecisionKind.sampleInput);
    expectAll(text, [
      `共${zh(rules.compulsoryMeasureMaximum.length)}日`,
      `延长期限不超过${zh(rules.compulsoryMeasureExtensionMaximum.length)}日`,
    ]);
  });

  it('延期（分期）缴纳罚款决定书: the daily surcharge of APL art. 72 (lateSurchargePercentPerDay)', async () => {
    const text = await textOf('PAYMENT_ARRANGEMENT_DECISION', paymentArrangementKind.sampleInput);
    expectAll(text, [
      `每日按罚款数额的百分之${zh(rules.lateSurchargePercentPerDay.value)}加处罚款`,
    ]);
  });

  it('催告书 and 强制执行申请书: surcharge rate, statement period and the wait after service', async () => {
    const demand = await textOf('ENFORCEMENT_DEMAND', enforcementDemandKind.sampleInput);
    expectAll(demand, [
      `每日按罚款数额的百分之${zh(rules.lateSurchargePercentPerDay.value)}加处罚款`,
      `${zh(rules.enforcementDemandStatementPeriod.length)}个工作日内向本机关提出陈述、申辩意见`,
    ]);
    const application = await textOf(
      'COURT_ENFORCEMENT_APPLICATION',
      courtEnforcementApplicationKind.sampleInput,
    );
    expectAll(application, [`催告书送达${zh(rules.enforcementDemandWaitPeriod.length)}日后`]);
  });
});
