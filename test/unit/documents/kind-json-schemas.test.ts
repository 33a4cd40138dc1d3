import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_DEFINITIONS } from '../../../src/documents/document-registry.js';
import { documentKindSchemas, sectionsReadBy } from '../../../src/documents/kind-json-schemas.js';

describe('JSON Schemas per document kind (generateDocument sections, CaseDocument.model)', () => {
  it('APL art. 55: the inquiry transcript reads the inquiry section; its schema types the questions', () => {
    const inquiry = documentKindSchemas().get('INQUIRY_TRANSCRIPT')!;
    expect(inquiry.sections).toEqual(['inquiry']);
    const schema = inquiry.sectionsSchema as {
      properties: Record<string, { properties: Record<string, unknown> }>;
    };
    expect(schema.properties.inquiry!.properties.questions).toMatchObject({
      type: ['array', 'null'],
      items: { properties: { question: { type: ['string', 'null'] } } },
    });
  });

  it('every registered kind: its sample sections and its sample model validate against its own schemas', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    for (const definition of DOCUMENT_DEFINITIONS) {
      const schemas = documentKindSchemas().get(definition.kind)!;
      const sample = definition.sampleInput as unknown as Record<string, unknown>;
      const sections = Object.fromEntries(sectionsReadBy(definition).map((k) => [k, sample[k]]));
      const validSections = ajv.compile(schemas.sectionsSchema);
      expect(
        validSections(sections),
        `${definition.kind}: ${JSON.stringify(validSections.errors)}`,
      ).toBe(true);
      const validModel = ajv.compile(schemas.modelSchema);
      expect(
        validModel(definition.buildModel(definition.sampleInput)),
        `${definition.kind}: ${JSON.stringify(validModel.errors)}`,
      ).toBe(true);
    }
  });

  it('APL art. 55: a misspelt or wrongly typed inquiry field is refused by the schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(documentKindSchemas().get('INQUIRY_TRANSCRIPT')!.sectionsSchema);
    expect(validate({ inquiry: { palce: '北京' } })).toBe(false);
    expect(validate({ inquiry: { questions: 'none' } })).toBe(false);
    expect(validate({ inquiry: { place: '北京市海淀区' } })).toBe(true);
  });
});
