// 查封（扣押）决定书 and its follow-ups: the measure actually taken (查封 or 扣押) in the text and in
// the stored title, and the approval the decision recites: the principal head's written approval
// for a seizure under PIPL art. 63(4), the head's approval otherwise.
import { describe, expect, it } from 'vitest';
import { renderCaseDocument } from '../../../../src/documents/document-registry.js';
import type { CaseDocumentSource } from '../../../../src/documents/kinds/case-document-source.js';
import { seizureDecisionKind } from '../../../../src/documents/kinds/seizure-decision.model.js';
import {
  seizureExtensionKind,
  seizureReleaseKind,
} from '../../../../src/documents/kinds/seizure-follow-up.model.js';
import { compulsionLaw, pipl } from '../../../../src/procedure/citations.js';
import { textOf } from './render-kind.js';

const sample = seizureDecisionKind.sampleInput;

function withSeizure(
  source: CaseDocumentSource,
  change: Partial<NonNullable<CaseDocumentSource['seizure']>>,
): CaseDocumentSource {
  return { ...source, seizure: { ...source.seizure!, ...change } };
}

describe('查封（扣押）决定书', () => {
  it('a seizure under PIPL art. 63(4) recites the principal head’s written approval', async () => {
    expect(sample.seizure!.basis).toContainEqual(pipl(63, 1, 4));
    const text = await textOf('SEIZURE_DECISION_AND_LIST', sample);
    expect(text).toContain('的规定，经本机关主要负责人书面批准，本机关决定');
    expect(text).not.toContain('的规定，经本机关负责人批准，本机关决定');
  });

  it('any other seizure recites the head’s approval', async () => {
    const text = await textOf(
      'SEIZURE_DECISION_AND_LIST',
      withSeizure(sample, { basis: [compulsionLaw(9, undefined, 3)] }),
    );
    expect(text).toContain('的规定，经本机关负责人批准，本机关决定');
    expect(text).not.toContain('主要负责人');
  });

  it('prints and stores the measure actually taken, never 「查封（扣押）」', async () => {
    const cases = [
      [seizureDecisionKind, 'SEIZE', '扣押决定书'],
      [seizureDecisionKind, 'SEAL', '查封决定书'],
      [seizureExtensionKind, 'SEAL', '延长查封期限决定书'],
      [seizureReleaseKind, 'SEIZE', '解除扣押决定书'],
    ] as const;
    for (const [definition, measure, title] of cases) {
      const rendered = await renderCaseDocument(
        definition.kind,
        withSeizure(definition.sampleInput, { measure }),
      );
      expect(rendered.title, definition.kind).toBe(title);
      const text = await textOf(definition.kind, withSeizure(definition.sampleInput, { measure }));
      expect(text, definition.kind).toContain(title);
      expect(text, definition.kind).not.toContain('查封（扣押）');
    }
  });
});
