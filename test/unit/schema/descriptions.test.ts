import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/paths.js';
import { undocumentedElements } from '../../../src/schema/undocumented.js';

/**
 * Elements that were undocumented when this check was added (issue 14): the list may
 * only shrink. Anything new must carry a description (Chinese, with the English meaning).
 */
const baseline = new Set(
  JSON.parse(
    readFileSync(join(projectRoot, 'test/unit/schema/undocumented-baseline.json'), 'utf8'),
  ) as string[],
);

describe('schema descriptions', () => {
  it('finds undocumented types, fields, arguments and enum values', () => {
    const schema = buildSchema(`
      "文书 document" type Doc { "标题 title" title: String, size(unit: String): Int }
      enum Kind { "甲 A" A, B }
      type Query { doc: Doc }
    `);
    expect(undocumentedElements(schema)).toEqual([
      'Doc.size',
      'Doc.size(unit)',
      'Kind',
      'Kind.B',
      'Query',
      'Query.doc',
    ]);
  });

  it('every schema element added since the baseline has a description', () => {
    const sdl = readFileSync(join(projectRoot, 'schema.graphql'), 'utf8');
    const undocumented = undocumentedElements(buildSchema(sdl)).filter((e) => !baseline.has(e));
    expect(undocumented, 'describe these in Chinese with the English meaning').toEqual([]);
  });
});
