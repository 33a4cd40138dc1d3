import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../src/procedure/local-date.js';
import {
  creditRepairViolations,
  isPublishedOn,
  publicationChoice,
  publicationEndsOn,
} from '../../../src/procedure/publication.js';
import { rulebookFor } from '../../../src/procedure/rulebook.js';

const d = (s: string) => s as LocalDate;
const rulebook = rulebookFor(d('2025-10-31'));

describe('the 双公示 publication lifecycle (APL art. 48(1))', () => {
  it('APL art. 48(1): the office’s social-impact finding decides publication, either way', () => {
    expect(publicationChoice(true, ['WARNING'], rulebook)).toMatchObject({
      choice: 'SOCIAL_IMPACT_FOUND',
      publish: true,
    });
    expect(publicationChoice(false, ['FINE'], rulebook)).toMatchObject({
      choice: 'NO_SOCIAL_IMPACT_FOUND',
      publish: false,
    });
    expect(publicationChoice(true, ['WARNING'], rulebook).legalBasis).toEqual([
      expect.objectContaining({ article: 48, paragraph: 1 }),
    ]);
  });

  it('APL art. 48(1): without a finding, a fine is presumed to have social impact and a warning alone is not', () => {
    expect(publicationChoice(null, ['WARNING', 'FINE'], rulebook)).toMatchObject({
      choice: 'PRESUMED_SOCIAL_IMPACT',
      publish: true,
    });
    expect(publicationChoice(undefined, ['WARNING'], rulebook)).toMatchObject({
      choice: 'PRESUMED_NO_SOCIAL_IMPACT',
      publish: false,
    });
    expect(publicationChoice(null, ['CIRCULATED_CRITICISM'], rulebook).publish).toBe(false);
    expect(rulebook.parameters.publicationPresumedPenaltyKinds.status).toBe('P');
  });

  it('APL art. 48(1): the 公示期 ends publicationDuration after the decision, and the record is published through that day only', () => {
    const endsOn = publicationEndsOn(d('2025-10-31'), rulebook);
    expect(endsOn).toBe('2026-10-31');
    expect(isPublishedOn({ endsOn }, d('2026-10-31'))).toBe(true);
    expect(isPublishedOn({ endsOn }, d('2026-11-01'))).toBe(false);
    expect(isPublishedOn({ endsOn, withdrawnOn: d('2026-02-03') }, d('2026-03-01'))).toBe(false);
  });

  it('APL art. 48(1): credit repair removes a record only after the minimum publication period', () => {
    const publication = { publishedOn: d('2025-10-31'), endsOn: d('2026-10-31') };
    const early = creditRepairViolations(publication, d('2026-01-30'), rulebook);
    expect(early.map((v) => v.code)).toEqual(['CREDIT_REPAIR_BEFORE_MINIMUM_PUBLICATION']);
    expect(early[0]!.details).toMatchObject({ earliestRemovalOn: '2026-01-31' });
    expect(creditRepairViolations(publication, d('2026-01-31'), rulebook)).toEqual([]);
  });

  it('credit repair before publication or after the 公示期 ended is refused with every unmet rule', () => {
    const publication = { publishedOn: d('2025-10-31'), endsOn: d('2026-10-31') };
    expect(
      creditRepairViolations(publication, d('2025-10-30'), rulebook).map((v) => v.code),
    ).toEqual(['CREDIT_REPAIR_BEFORE_PUBLICATION', 'CREDIT_REPAIR_BEFORE_MINIMUM_PUBLICATION']);
    expect(
      creditRepairViolations(publication, d('2026-11-02'), rulebook).map((v) => v.code),
    ).toEqual(['CREDIT_REPAIR_AFTER_PUBLICATION_END']);
  });
});
