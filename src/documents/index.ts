/**
 * Document rendering engine (generic). Per-document view models and templates build on it.
 * Markup reference: docs/document-markup.md.
 */
export {
  renderDocument,
  type RenderDocumentInput,
  type RenderDocumentOptions,
  type RenderedDocument,
} from './render-document.js';
export {
  parseMarkup,
  parseInline,
  escapeMarkupText,
  inlineToPlainText,
  blocksToPlainText,
  SEAL_PLACEHOLDER,
  type Block,
  type BlockKind,
  type InlineText,
  type InlineSegment,
  type Alignment,
  type HeadingLevel,
  type TableCellBlock,
  type TableRowBlock,
  type SignatureLine,
} from './markup.js';
export {
  compileTemplate,
  compiledTemplate,
  renderTemplate,
  type CompiledTemplate,
} from './template-engine.js';
export { analyzeTemplate, type TemplateAnalysis, type PathUse } from './template-analysis.js';
export {
  checkTemplateAgainstModel,
  assertTemplateContract,
  listTemplatePaths,
  modelHasPath,
  modelHasValue,
  type MandatoryElements,
  type TemplateContractReport,
} from './template-contract.js';
export { renderDocx, buildDocument, type DocxMetadata } from './render-docx.js';
export {
  HELPER_DEFINITIONS,
  HELPER_NAMES,
  isHelperName,
  type HelperDefinition,
  type HelperName,
} from './helpers/helper-registry.js';
export { amountInCapitals } from './helpers/amount-in-capitals.js';
export { formatAmountInFigures, parseAmountToFen } from './helpers/money.js';
export { formatDocumentDate } from './helpers/document-date.js';
export { headingOrdinal, subheadingOrdinal } from './helpers/ordinals.js';
export {
  DocumentError,
  isDocumentError,
  describeMissing,
  type DocumentErrorCode,
  type DocumentErrorDetails,
  type MissingElement,
  type TemplateLocation,
} from './document-errors.js';
export * as documentStyles from './styles.js';
