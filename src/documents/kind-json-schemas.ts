/**
 * JSON Schemas (draft 2020-12) per document kind: what `generateDocument(sections:)` and
 * `previewDocument(sections:)` accept, and the shape of the stored `CaseDocument.model`. Served by
 * `Query.documentKinds`; the server validates `sections` with the same schema (ajv) before it
 * builds a document, so every wrongly typed or unknown section field comes back at once, each
 * at its input path.
 *
 * The source of truth is each kind's registered definition (src/documents/document-registry.ts):
 * which sections a kind reads is observed by running its `buildModel` on its `sampleInput` (the
 * realistic sample the template contract tests prove, every branch populated), and the shape of
 * every section and of the model is the shape of that sample. Values may be null everywhere
 * (whether a value is required is the template contract's question: the strict render refuses a
 * document lacking a mandatory element, naming each). Section objects are closed
 * (additionalProperties: false), so a misspelt field is refused instead of silently ignored.
 */
import type { DocumentKind } from '../procedure/effects.js';
import { DOCUMENT_DEFINITIONS } from './document-registry.js';
import type { CaseDocumentSource } from './kinds/case-document-source.js';
import type { DocumentKindDefinition } from './kinds/kind-definition.js';

export type JsonSchema = { [key: string]: unknown };

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Parts of the source read from the database, never supplied as sections. */
const DATABASE_PARTS = new Set(['office', 'case', 'parties', 'handlers', 'evidence', 'document']);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Amounts of yuan may be written as decimal strings or numbers (Yuan in case-document-source.ts). */
const AMOUNT_KEY = /yuan|amount/i;

type Types = string[];

function typesOf(schema: JsonSchema): Types {
  const t = schema.type;
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
}

/** The schema of one sample value (keyed by its property name, for amounts). */
function inferSchema(value: unknown, key: string, closed: boolean): JsonSchema {
  if (value === null || value === undefined) {
    return {};
  }
  if (Array.isArray(value)) {
    const items = value
      .map((item) => inferSchema(item, key, closed))
      .reduce<JsonSchema | undefined>((a, b) => (a ? mergeSchemas(a, b) : b), undefined);
    return { type: ['array', 'null'], items: items ?? {} };
  }
  switch (typeof value) {
    case 'string':
      if (AMOUNT_KEY.test(key)) {
        return { type: ['string', 'number', 'null'] };
      }
      return DATE.test(value)
        ? { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' }
        : { type: ['string', 'null'] };
    case 'number':
      return { type: AMOUNT_KEY.test(key) ? ['string', 'number', 'null'] : ['number', 'null'] };
    case 'boolean':
      return { type: ['boolean', 'null'] };
    case 'object': {
      const properties = Object.fromEntries(
        Object.entries(value as object).map(([k, v]) => [k, inferSchema(v, k, closed)]),
      );
      return {
        type: ['object', 'null'],
        properties,
        additionalProperties: !closed,
      };
    }
    default:
      return {};
  }
}

/** Two samples of one place (list items): properties joined, types joined. */
function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  if (Object.keys(a).length === 0 || Object.keys(b).length === 0) {
    return {};
  }
  const types = [...new Set([...typesOf(a), ...typesOf(b)])];
  const merged: JsonSchema = { ...a, ...b, type: types };
  if (a.pattern !== b.pattern) {
    delete merged.pattern;
  }
  if (a.properties || b.properties) {
    const pa = (a.properties ?? {}) as Record<string, JsonSchema>;
    const pb = (b.properties ?? {}) as Record<string, JsonSchema>;
    merged.properties = Object.fromEntries(
      [...new Set([...Object.keys(pa), ...Object.keys(pb)])].map((k) => [
        k,
        pa[k] && pb[k] ? mergeSchemas(pa[k], pb[k]) : (pa[k] ?? pb[k])!,
      ]),
    );
  }
  if (a.items || b.items) {
    merged.items =
      a.items && b.items
        ? mergeSchemas(a.items as JsonSchema, b.items as JsonSchema)
        : (a.items ?? b.items);
  }
  return merged;
}

/** The top-level parts of the source a kind's model builder reads. */
export function sectionsReadBy(definition: DocumentKindDefinition): string[] {
  const read = new Set<string>();
  const tracked = new Proxy(definition.sampleInput, {
    get(target, property, receiver) {
      if (typeof property === 'string') {
        read.add(property);
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  }) as CaseDocumentSource;
  definition.buildModel(tracked);
  return [...read].filter((k) => !DATABASE_PARTS.has(k)).sort();
}

export interface DocumentKindSchemas {
  readonly kind: DocumentKind;
  readonly title: string;
  /** Sections the kind reads (besides the case's own data). */
  readonly sections: readonly string[];
  readonly sectionsSchema: JsonSchema;
  readonly modelSchema: JsonSchema;
}

/**
 * Each section's shape joined over every kind's sample: one set of sections serves several kinds
 * (the steps record them together), and one sample may show fields another lacks.
 */
let sectionShapes: ReadonlyMap<string, JsonSchema> | undefined;
function sectionShapesOfAllKinds(): ReadonlyMap<string, JsonSchema> {
  if (!sectionShapes) {
    const shapes = new Map<string, JsonSchema>();
    for (const definition of DOCUMENT_DEFINITIONS) {
      const sample = definition.sampleInput as unknown as Record<string, unknown>;
      for (const [name, value] of Object.entries(sample)) {
        if (DATABASE_PARTS.has(name) || value === undefined) {
          continue;
        }
        const shape = inferSchema(value, name, true);
        const before = shapes.get(name);
        shapes.set(name, before ? mergeSchemas(before, shape) : shape);
      }
    }
    sectionShapes = shapes;
  }
  return sectionShapes;
}

function schemasOf(definition: DocumentKindDefinition): DocumentKindSchemas {
  const sections = sectionsReadBy(definition);
  const sample = definition.sampleInput as unknown as Record<string, unknown>;
  const properties: Record<string, JsonSchema> = {
    facts: {
      type: ['array', 'null'],
      items: { type: 'string' },
      description: '认定的违法事实，逐段；不填时为案件的违法事实摘要',
    },
  };
  // Every section the source knows may be given (one set of sections serves several kinds);
  // those this kind does not read are checked by their shape and ignored.
  const shapes = sectionShapesOfAllKinds();
  for (const name of [...new Set([...sections, ...shapes.keys()])].sort()) {
    properties[name] = shapes.get(name) ?? inferSchema(sample[name], name, true);
  }
  const sectionsSchema: JsonSchema = {
    $schema: JSON_SCHEMA_DIALECT,
    $id: `/schemas/documents/${definition.kind}/sections.json`,
    title: `${definition.title}（${definition.kind}）的 sections`,
    description:
      '文书所需的内容（sections）：各部分的结构取自该文书种类登记的样例；值均可为空，缺少法定要素时生成被拒绝并指明字段',
    type: 'object',
    properties,
    required: [],
    additionalProperties: false,
  };
  const modelSchema: JsonSchema = {
    $schema: JSON_SCHEMA_DIALECT,
    $id: `/schemas/documents/${definition.kind}/model.json`,
    title: `${definition.title}（${definition.kind}）的数据模型`,
    description: '生成文书时的数据模型（CaseDocument.model）：模板所读的全部内容',
    ...inferSchema(definition.buildModel(definition.sampleInput), 'model', false),
    type: 'object',
  };
  return { kind: definition.kind, title: definition.title, sections, sectionsSchema, modelSchema };
}

let cache: ReadonlyMap<DocumentKind, DocumentKindSchemas> | undefined;

/** Every registered kind's schemas, computed once per process. */
export function documentKindSchemas(): ReadonlyMap<DocumentKind, DocumentKindSchemas> {
  cache ??= new Map(DOCUMENT_DEFINITIONS.map((d) => [d.kind, schemasOf(d)]));
  return cache;
}
