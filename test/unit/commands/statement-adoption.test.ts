// The decision letter's 予以采纳 / 部分予以采纳 / 不予采纳 comes from the recorded statement reviews.
import { describe, expect, it } from 'vitest';
import {
  adoptionOfReviews,
  resolveStatementAdoption,
} from '../../../src/commands/documents/statement-adoption.js';

describe('adoption from the recorded reviews', () => {
  it('all adopted, none, some; a statement counts with its latest review', () => {
    expect(adoptionOfReviews([])).toBeNull();
    expect(adoptionOfReviews([{ statementId: 's1', adopted: true }])).toBe('ADOPTED');
    expect(adoptionOfReviews([{ statementId: 's1', adopted: false }])).toBe('NOT_ADOPTED');
    expect(
      adoptionOfReviews([
        { statementId: 's1', adopted: true },
        { statementId: 's2', adopted: false },
      ]),
    ).toBe('PARTLY_ADOPTED');
    expect(
      adoptionOfReviews([
        { statementId: 's1', adopted: true },
        { statementId: 's1', adopted: false },
      ]),
    ).toBe('NOT_ADOPTED');
  });

  it('the typed value may only narrow an adopted review to 部分予以采纳', () => {
    expect(resolveStatementAdoption('NOT_ADOPTED', undefined)).toBe('NOT_ADOPTED');
    expect(resolveStatementAdoption('ADOPTED', 'PARTLY_ADOPTED')).toBe('PARTLY_ADOPTED');
    expect(resolveStatementAdoption(null, 'ADOPTED')).toBe('ADOPTED');
    expect(resolveStatementAdoption(null, null)).toBe('NOT_ADOPTED');
    expect(() => resolveStatementAdoption('NOT_ADOPTED', 'PARTLY_ADOPTED')).toThrow(
      expect.objectContaining({
        code: 'STATEMENT_ADOPTION_CONTRADICTS_REVIEW',
        details: expect.objectContaining({ field: 'content.statementAdoption' }),
      }),
    );
    expect(() => resolveStatementAdoption('PARTLY_ADOPTED', 'ADOPTED')).toThrow(
      expect.objectContaining({ code: 'STATEMENT_ADOPTION_CONTRADICTS_REVIEW' }),
    );
  });
});
