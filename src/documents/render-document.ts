/**
 * The engine's entry point: template + model → .docx.
 * compile (strict) → render markup → parse blocks → mandatory-element check → docx → Buffer.
 */
import { documentErrors } from './document-errors.js';
import { blocksToPlainText, parseMarkup, type Block } from './markup.js';
import { renderDocx } from './render-docx.js';
import { compiledTemplate, templateSourceSha256 } from './template-engine.js';
import { findMissingInDocument, type MandatoryElements } from './template-contract.js';

export interface RenderDocumentOptions {
  /** Refuse to generate unless these are present (DOCUMENT_MANDATORY_ELEMENTS_MISSING). */
  readonly mandatoryElements?: MandatoryElements;
  /** docx core properties. */
  readonly title?: string;
  readonly creator?: string;
  /**
   * A preview (dry run, previewDocument): this line is put above everything else, so the
   * document visibly says it is not one the office issued.
   */
  readonly previewBanner?: string;
}

export interface RenderDocumentInput {
  readonly templateSource: string;
  /** Names the template in errors and in the docx metadata, e.g. 'pre-penalty-notice@2026-01'. */
  readonly templateName: string;
  readonly model: object;
  readonly options?: RenderDocumentOptions;
}

export interface RenderedDocument {
  readonly buffer: Buffer;
  /** Plain text (one line per paragraph, cells tab-separated): for search, checks and logs. */
  readonly text: string;
  /** The rendered markup, to store with the document so it can be explained later. */
  readonly markup: string;
  readonly blocks: readonly Block[];
  /** SHA-256 of the template source, to record which wording produced the document. */
  readonly templateSha256: string;
}

export async function renderDocument(input: RenderDocumentInput): Promise<RenderedDocument> {
  const { templateSource, templateName, model, options = {} } = input;
  const templateSha256 = templateSourceSha256(templateSource);
  const template = compiledTemplate(templateSource, templateName, templateSha256);
  const markup = template.render(model);
  const parsed = parseMarkup(markup, templateName);
  const blocks: readonly Block[] = options.previewBanner
    ? [previewBannerBlock(options.previewBanner), ...parsed]
    : parsed;
  const text = blocksToPlainText(blocks);
  if (options.mandatoryElements) {
    const missing = findMissingInDocument(
      template.analysis.paths,
      model,
      text,
      options.mandatoryElements,
    );
    if (missing.length > 0) {
      throw documentErrors.mandatoryElementsMissing(templateName, missing);
    }
  }
  const buffer = await renderDocx(blocks, {
    title: options.title ?? templateName,
    creator: options.creator,
  });
  return {
    buffer,
    text,
    markup,
    blocks,
    templateSha256,
  };
}

function previewBannerBlock(banner: string): Block {
  return {
    kind: 'paragraph',
    line: 0,
    text: [{ kind: 'text', text: banner }],
    indent: false,
    align: 'center',
  };
}
