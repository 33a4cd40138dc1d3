import { describe, expect, it } from 'vitest';
import { documentPenaltiesByParty, type CheckedPenalty } from '../../../src/actions/penalties.js';

/**
 * APL arts. 44, 61 with several parties: the pre-penalty notice and the decision letter are made
 * for each party, stating only that party's penalties; one party keeps one letter for the case.
 */
const COMPANY = { id: 'company' };
const PERSON = { id: 'person' };
const line = (partyId: string | undefined, kind: 'WARNING' | 'FINE', amountYuan?: number) =>
  ({
    kind,
    provisionId: 'DSL-45-1',
    target: 'PARTY',
    ...(partyId ? { partyId } : {}),
    ...(amountYuan !== undefined ? { amountYuan } : {}),
  }) as CheckedPenalty;

describe('one letter per penalized party (APL arts. 44, 61)', () => {
  it('APL arts. 44, 61: the company and the person each get their own lines, in the order of the case’s parties', () => {
    const lines = [
      line(PERSON.id, 'FINE', 50_000),
      line(COMPANY.id, 'WARNING'),
      line(COMPANY.id, 'FINE', 80_000),
    ];
    expect(documentPenaltiesByParty([COMPANY, PERSON], lines)).toEqual([
      {
        partyId: COMPANY.id,
        penalties: [
          { kind: 'WARNING', provisionId: 'DSL-45-1' },
          { kind: 'FINE', provisionId: 'DSL-45-1', amountYuan: 80_000 },
        ],
      },
      {
        partyId: PERSON.id,
        penalties: [{ kind: 'FINE', provisionId: 'DSL-45-1', amountYuan: 50_000 }],
      },
    ]);
  });

  it('APL art. 61: a party the lines do not penalize gets no letter of penalties', () => {
    expect(
      documentPenaltiesByParty([COMPANY, PERSON], [line(COMPANY.id, 'FINE', 80_000)]).map(
        (l) => l.partyId,
      ),
    ).toEqual([COMPANY.id]);
  });

  it('APL arts. 44, 61: one party, or a line naming no party, keeps one letter for the case (none per party)', () => {
    expect(documentPenaltiesByParty([COMPANY], [line(COMPANY.id, 'FINE', 80_000)])).toEqual([]);
    expect(
      documentPenaltiesByParty(
        [COMPANY, PERSON],
        [line(COMPANY.id, 'FINE', 80_000), line(undefined, 'WARNING')],
      ),
    ).toEqual([]);
  });
});
