/**
 * docs/glossary.md covers every action, status, document kind and legal vocabulary of the API:
 * its second half is generated. Regenerate it with
 * UPDATE_GLOSSARY=1 npx vitest run --project unit test/unit/docs/glossary.test.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/paths.js';
import { CASE_STATUSES } from '../../../src/procedure/case-status.js';
import { PROCEDURE_ACTIONS } from '../../../src/procedure/procedure-action.js';
import { renderGlossaryTables } from './glossary-tables.js';
import { readRepoFile } from './repo-files.js';

const GLOSSARY = 'docs/glossary.md';
const BEGIN = /<!-- BEGIN generated glossary[^]*?-->\n/;
const END = '<!-- END generated glossary -->';

describe('docs/glossary.md', () => {
  const glossary = readRepoFile(GLOSSARY);

  it('holds the current generated tables', () => {
    const begin = BEGIN.exec(glossary);
    const end = glossary.indexOf(END);
    expect(begin && end > begin.index).toBe(true);
    const head = glossary.slice(0, begin!.index + begin![0].length);
    const expected = `${head}${renderGlossaryTables()}\n${glossary.slice(end)}`;
    if (process.env.UPDATE_GLOSSARY) {
      writeFileSync(join(projectRoot, GLOSSARY), expected);
    }
    expect(glossary).toBe(expected);
  });

  it('names every action and every status with its Chinese term', () => {
    PROCEDURE_ACTIONS.forEach((a) =>
      expect(glossary).toMatch(new RegExp(`\\| [^|]*\\p{Script=Han}[^|]* \\| \`${a}\` \\|`, 'u')),
    );
    CASE_STATUSES.forEach((s) =>
      expect(glossary).toMatch(new RegExp(`\\| [^|]*\\p{Script=Han}[^|]* \\| \`${s}\` \\|`, 'u')),
    );
  });

  it.each([
    '送达',
    '送达回证',
    '留置送达',
    '公告送达',
    '加处罚款',
    '延期',
    '分期',
    '行政复议',
    '行政诉讼',
    '催告',
    '强制执行',
    '结案',
    '双公示',
  ])('has the post-decision term %s', (term) => expect(glossary).toContain(term));
});
