/**
 * Checks `sections` of generateDocument/previewDocument against the kind's JSON Schema
 * (src/documents/kind-json-schemas.ts, served as documentKinds.sectionsSchema) before anything is
 * built: every unknown or wrongly typed field at once, each at its input path
 * (`sections.inquiry.questions[0].answer`), as one refusal.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { documentKindSchemas } from '../../documents/kind-json-schemas.js';
import { ValidationError } from '../../errors/domain-error.js';
import { inputPath } from '../../errors/input-errors.js';
import type { DocumentKind } from '../../procedure/effects.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const compiled = new Map<DocumentKind, ValidateFunction>();

function validatorFor(kind: DocumentKind): ValidateFunction | undefined {
  if (!compiled.has(kind)) {
    const schemas = documentKindSchemas().get(kind);
    if (!schemas) {
      return undefined;
    }
    compiled.set(kind, ajv.compile(schemas.sectionsSchema));
  }
  return compiled.get(kind);
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数值',
  boolean: '是否',
  array: '列表',
  object: '对象',
  null: '空',
};

function describe(error: ErrorObject): { path: string[]; reason: string } {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String((error.params as { additionalProperty: string }).additionalProperty);
      return { path: [...path, extra], reason: `没有字段 ${extra}` };
    }
    case 'type': {
      const types = String((error.params as { type: string | string[] }).type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t);
      return { path, reason: `应为${types.join('或')}` };
    }
    case 'pattern':
      return { path, reason: '应为日期 YYYY-MM-DD' };
    default:
      return { path, reason: error.message ?? error.keyword };
  }
}

/** Throws every mismatch of `sections` with the kind's schema; the root is the argument's name. */
export function assertSectionsMatchKind(
  kind: DocumentKind,
  sections: unknown,
  root = 'sections',
): void {
  const validate = validatorFor(kind);
  if (!validate || sections === null || sections === undefined || validate(sections)) {
    return;
  }
  const errors = (validate.errors ?? []).map((error) => {
    const { path, reason } = describe(error);
    const at = inputPath([root, ...path]);
    return ValidationError.field('DOCUMENT_SECTIONS_INVALID', at, `${at}：${reason}`, {
      keyword: error.keyword,
    }).at(at);
  });
  throw ValidationError.all(errors);
}
