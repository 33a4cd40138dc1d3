/**
 * Typed failures of document generation. Each carries a stable `code` (for the API layer and
 * for tests) and structured details, so callers never parse messages.
 */

/** Where in a template source (1-based line, 0-based column as Handlebars reports it). */
export interface TemplateLocation {
  readonly line: number;
  readonly column: number;
}

/** One thing a template or a generated document lacks (contract check, mandatory elements). */
export type MissingElement =
  | { readonly kind: 'MODEL_PATH'; readonly path: string }
  | { readonly kind: 'MANDATORY_PATH'; readonly path: string }
  | { readonly kind: 'MANDATORY_PHRASE'; readonly phrase: string };

export interface DocumentErrorDetails {
  readonly TEMPLATE_FIELD_MISSING: {
    readonly templateName: string;
    readonly path: string;
    readonly location?: TemplateLocation;
  };
  readonly TEMPLATE_VALUE_INVALID: {
    readonly templateName: string;
    readonly path: string;
    readonly reason: string;
    readonly location?: TemplateLocation;
  };
  readonly TEMPLATE_SYNTAX_ERROR: {
    readonly templateName: string;
    readonly reason: string;
    readonly location?: TemplateLocation;
  };
  readonly TEMPLATE_UNKNOWN_HELPER: {
    readonly templateName: string;
    readonly helper: string;
    readonly location?: TemplateLocation;
  };
  readonly TEMPLATE_FORBIDDEN_PATH: {
    readonly templateName: string;
    readonly path: string;
    readonly location?: TemplateLocation;
  };
  readonly MARKUP_INVALID: {
    readonly templateName: string;
    /** 1-based line of the rendered markup (not of the template source). */
    readonly line: number;
    readonly text: string;
    readonly reason: string;
  };
  readonly DOCUMENT_MANDATORY_ELEMENTS_MISSING: {
    readonly templateName: string;
    readonly missing: readonly MissingElement[];
  };
}

export type DocumentErrorCode = keyof DocumentErrorDetails;

export class DocumentError<C extends DocumentErrorCode = DocumentErrorCode> extends Error {
  override readonly name = 'DocumentError';

  constructor(
    readonly code: C,
    readonly details: DocumentErrorDetails[C],
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export function isDocumentError<C extends DocumentErrorCode>(
  error: unknown,
  code?: C,
): error is DocumentError<C> {
  return error instanceof DocumentError && (code === undefined || error.code === code);
}

export function describeMissing(element: MissingElement): string {
  switch (element.kind) {
    case 'MODEL_PATH':
      return `model has no value at ${element.path}`;
    case 'MANDATORY_PATH':
      return `mandatory field ${element.path} is not used or has no value`;
    case 'MANDATORY_PHRASE':
      return `mandatory phrase 「${element.phrase}」 is absent`;
  }
}

function at(location: TemplateLocation | undefined): string {
  return location ? ` (line ${location.line}, column ${location.column})` : '';
}

export const documentErrors = {
  fieldMissing(templateName: string, path: string, location?: TemplateLocation) {
    return new DocumentError(
      'TEMPLATE_FIELD_MISSING',
      { templateName, path, location },
      `template ${templateName} needs ${path}, which the model does not provide${at(location)}`,
    );
  },
  valueInvalid(templateName: string, path: string, reason: string, location?: TemplateLocation) {
    return new DocumentError(
      'TEMPLATE_VALUE_INVALID',
      { templateName, path, reason, location },
      `template ${templateName}: value at ${path} is unusable: ${reason}${at(location)}`,
    );
  },
  syntax(templateName: string, reason: string, location?: TemplateLocation) {
    return new DocumentError(
      'TEMPLATE_SYNTAX_ERROR',
      { templateName, reason, location },
      `template ${templateName}: ${reason}${at(location)}`,
    );
  },
  unknownHelper(templateName: string, helper: string, location?: TemplateLocation) {
    return new DocumentError(
      'TEMPLATE_UNKNOWN_HELPER',
      { templateName, helper, location },
      `template ${templateName} uses helper "${helper}", which is not whitelisted${at(location)}`,
    );
  },
  forbiddenPath(templateName: string, path: string, location?: TemplateLocation) {
    return new DocumentError(
      'TEMPLATE_FORBIDDEN_PATH',
      { templateName, path, location },
      `template ${templateName} looks up ${path}, which reaches into object internals${at(location)}`,
    );
  },
  markupInvalid(templateName: string, line: number, text: string, reason: string) {
    return new DocumentError(
      'MARKUP_INVALID',
      { templateName, line, text, reason },
      `template ${templateName}, markup line ${line}: ${reason}: ${text}`,
    );
  },
  mandatoryElementsMissing(templateName: string, missing: readonly MissingElement[]) {
    return new DocumentError(
      'DOCUMENT_MANDATORY_ELEMENTS_MISSING',
      { templateName, missing },
      `document ${templateName} is incomplete: ${missing.map(describeMissing).join('; ')}`,
    );
  },
};
