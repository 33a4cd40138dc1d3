import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { DOMAIN_EVENT_TYPES } from '../../../src/events/domain-event-types.js';
import {
  FEED_ITEM_SCHEMA,
  FEED_PAGE_SCHEMA,
  PUBLICATION_FIELDS_SCHEMA,
  allJsonSchemas,
  webhookEventSchema,
} from '../../../src/events/json-schemas.js';
import { domainEventsForStep } from '../../../src/events/step-events.js';
import { buildPublicationFields } from '../../../src/publication/publication-record.js';

/**
 * Issue 14: the JSON Schemas of webhook bodies and feed items come from one source
 * (src/events/json-schemas.ts); docs/events/ must be its copy. UPDATE_EVENT_SCHEMAS=1 rewrites it.
 */
const DOCS = join(import.meta.dirname, '../../../docs/events');

function validator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addSchema(FEED_ITEM_SCHEMA);
  return ajv;
}

describe('webhook and feed JSON Schemas (issue 14)', () => {
  it('docs/events holds exactly the generated schemas', async () => {
    const expected = allJsonSchemas();
    if (process.env.UPDATE_EVENT_SCHEMAS) {
      for (const { file, schema } of expected) {
        const path = join(DOCS, file);
        const options = await prettier.resolveConfig(path);
        await writeFile(
          path,
          await prettier.format(JSON.stringify(schema), { ...options, filepath: path }),
        );
      }
    }
    const files = (await readdir(DOCS)).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(expected.map((s) => s.file).sort());
    for (const { file, schema } of expected) {
      const copy: unknown = JSON.parse(await readFile(join(DOCS, file), 'utf8'));
      expect(copy, `docs/events/${file} is stale: run UPDATE_EVENT_SCHEMAS=1`).toEqual(schema);
    }
  });

  it('every schema compiles under draft 2020-12 in strict mode', () => {
    const ajv = validator();
    for (const { schema, path } of allJsonSchemas()) {
      if (path !== FEED_ITEM_SCHEMA.$id) {
        expect(() => ajv.compile(schema), path).not.toThrow();
      }
    }
  });

  it('the 双公示 record a decision yields matches its schema, and an unknown field does not', () => {
    const fields = buildPublicationFields({
      party: {
        kind: 'NATURAL_PERSON',
        name: '张伟',
        idType: 'RESIDENT_ID_CARD',
        idNumber: '110105198803121236',
        legalRepresentative: null,
      },
      decisionNumber: '京网信罚〔2025〕1号',
      decisionDate: '2025-10-31' as never,
      violationTypes: ['未经同意处理个人信息'],
      facts: '未经同意收集通讯录信息',
      basis: [{ law: '中华人民共和国个人信息保护法', article: 66, paragraph: 1, status: 'V' }],
      penalties: [{ kind: 'FINE', amountYuan: '12345.67' }],
      office: { name: '北京市互联网信息办公室', unifiedSocialCreditCode: '11110000000000020M' },
      endsOn: '2026-10-31' as never,
    });
    const validate = validator().compile(PUBLICATION_FIELDS_SCHEMA);
    expect(validate(fields), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...fields, 罚款金额: 1.234567 })).toBe(false);
    expect(validate({ ...fields, 案由: '违法处理个人信息案' })).toBe(false);
  });

  it('step events validate against their type’s schema; an unknown field or another type does not', () => {
    const ajv = validator();
    const planned = domainEventsForStep({
      action: 'serveDocument',
      from: 'DECIDED_PENALTY',
      to: 'DECISION_SERVED',
      outcome: 'SERVED',
      actDate: '2025-11-03',
      documents: [
        {
          id: '0193a1b2-0000-7000-8000-000000000001',
          kind: 'SERVICE_RECEIPT',
          title: '送达回证',
          number: null,
          version: 1,
          sha256: 'a'.repeat(64),
        },
      ],
      submitted: { documentId: '0193a1b2-0000-7000-8000-000000000002', method: 'DIRECT' },
    });
    expect(planned.map((e) => e.type)).toEqual(['DOCUMENT_SERVED', 'DOCUMENT_ISSUED']);
    for (const { type, data } of planned) {
      const body = {
        id: '0193a1b2-0000-7000-8000-000000000003',
        type,
        occurredAt: '2025-11-03T02:00:00.000Z',
        case: {
          id: '0193a1b2-0000-7000-8000-000000000004',
          number: '京网信案〔2025〕1号',
          officeName: '北京市互联网信息办公室',
        },
        data,
      };
      const validate = ajv.compile(webhookEventSchema(type));
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
      // No personal data can slip in: an unknown field fails the schema.
      expect(validate({ ...body, data: { ...data, partyName: '张伟' } })).toBe(false);
      expect(validate({ ...body, type: 'CASE_CLOSED' })).toBe(false);
    }
  });

  it('covers every event type and the feed page', () => {
    expect(allJsonSchemas().map((s) => s.path)).toEqual([
      ...DOMAIN_EVENT_TYPES.map((t) => `/schemas/webhook/${t}.json`),
      '/schemas/feed-item.json',
      '/schemas/feed.json',
    ]);
    const validate = validator().compile(FEED_PAGE_SCHEMA);
    expect(validate({ items: [], next: null })).toBe(true);
    expect(validate({ items: [{ id: 'x' }], next: null })).toBe(false);
  });
});
