import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/paths.js';
import { undocumentedElements } from '../../../src/schema/undocumented.js';

describe('schema descriptions', () => {
  it('finds undocumented types, fields, arguments and enum values, and English-only ones', () => {
    const schema = buildSchema(`
      "文书 document" type Doc { "标题 title" title: String, size(unit: String): Int }
      enum Kind { "甲 A" A, B, "English only" C }
      "A date" scalar Day
      type Query { doc: Doc, day: Day }
    `);
    expect(undocumentedElements(schema)).toEqual([
      'Day',
      'Doc.size',
      'Doc.size(unit)',
      'Kind',
      'Kind.B',
      'Kind.C',
      'Query',
      'Query.day',
      'Query.doc',
    ]);
  });

  it('every type, field, argument and enum value of schema.graphql is described in Chinese', () => {
    const sdl = readFileSync(join(projectRoot, 'schema.graphql'), 'utf8');
    expect(
      undocumentedElements(buildSchema(sdl)),
      'describe these in Chinese with the English meaning',
    ).toEqual([]);
  });
});
