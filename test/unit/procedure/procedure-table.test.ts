/**
 * docs/procedure.md is the rendered procedure table; this test fails when they
 * drift. Regenerate: UPDATE_PROCEDURE_DOC=1 npx vitest run --project unit test/unit/procedure/procedure-table.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROCEDURE_ACTIONS } from '../../../src/procedure/procedure-action.js';
import { renderProcedureTable } from '../../../src/procedure/procedure-table.js';
import { RULE_CODES } from '../../../src/procedure/rule-catalog.js';

const DOC = fileURLToPath(new URL('../../../docs/procedure.md', import.meta.url));

describe('docs/procedure.md', () => {
  const rendered = renderProcedureTable();

  it('lists every action and every rule code with its citation', () => {
    PROCEDURE_ACTIONS.forEach((a) => expect(rendered).toContain(`### \`${a}\``));
    RULE_CODES.forEach((c) => expect(rendered).toContain(`| \`${c}\` |`));
    expect(rendered).toContain('《中华人民共和国行政处罚法》第六十四条第（一）项 (V)');
  });

  it('is the current rendering of the procedure table', () => {
    if (process.env.UPDATE_PROCEDURE_DOC) {
      writeFileSync(DOC, rendered);
    }
    expect(readFileSync(DOC, 'utf8')).toBe(rendered);
  });
});
