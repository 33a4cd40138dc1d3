// 复查意见书 (CORRECTION_REVIEW_OPINION): rendered from the case source to .docx and read back.
import { describe, expect, it } from 'vitest';
import { renderCaseDocument } from '../../../../src/documents/document-registry.js';
import { correctionReviewOpinionKind } from '../../../../src/documents/kinds/correction-review-opinion.model.js';
import { expectAll, textOf } from './render-kind.js';

describe('复查意见书 (CORRECTION_REVIEW_OPINION)', () => {
  const sample = correctionReviewOpinionKind.sampleInput;
  const review = sample.correctionReview!;

  it('APL art. 28(1): names the order reviewed, its period, the review date, what was found and the finding', async () => {
    const text = await textOf('CORRECTION_REVIEW_OPINION', sample);
    expectAll(text, [
      '复查意见书',
      '京网信责改复〔2026〕1号',
      '北京某某科技有限公司：',
      '本机关于2026年8月14日作出京网信责改〔2026〕1号《责令改正通知书》',
      '《中华人民共和国行政处罚法》第二十八条第一款',
      '责令你单位于2026年8月24日前改正违法行为',
      '于2026年8月26日对你单位的改正情况进行了复查',
      '当事人未提交书面改正报告',
      '复查意见：经复查，当事人逾期未按照责令改正通知书的要求改正违法行为，属于拒不改正。',
      '（印章）',
    ]);
  });

  it('APL art. 28(1): a 立即改正 order complied with', async () => {
    const text = await textOf('CORRECTION_REVIEW_OPINION', {
      ...sample,
      correctionReview: { ...review, dueOn: null, finding: 'COMPLIED' },
    });
    expectAll(text, [
      '责令你单位立即改正违法行为',
      '复查意见：经复查，当事人已按照责令改正通知书的要求改正违法行为。',
    ]);
    expect(text).not.toContain('拒不改正');
  });

  it('is strict: without the review section the document is refused', async () => {
    await expect(
      renderCaseDocument('CORRECTION_REVIEW_OPINION', { ...sample, correctionReview: null }),
    ).rejects.toMatchObject({
      details: { missing: [{ kind: 'MANDATORY_PATH', path: 'correctionReview' }] },
    });
  });
});
