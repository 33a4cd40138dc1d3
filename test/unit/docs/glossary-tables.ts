/**
 * The generated part of docs/glossary.md: every procedural action, case status and document kind,
 * and the legal vocabularies of the API (enum values with their Chinese descriptions in
 * schema.graphql), one line each: Chinese legal term ⇄ English identifier.
 */
import { buildSchema, isEnumType } from 'graphql';
import {
  documentDefinition,
  isRegisteredDocumentKind,
} from '../../../src/documents/document-registry.js';
import {
  CASE_STATUSES,
  CASE_STATUS_NAMES,
  isTerminalStatus,
} from '../../../src/procedure/case-status.js';
import { DOCUMENT_KINDS } from '../../../src/procedure/effects.js';
import { PROCEDURE_ACTIONS } from '../../../src/procedure/procedure-action.js';
import { transitionOf } from '../../../src/procedure/transitions.js';
import { readRepoFile } from './repo-files.js';

/** Enums of schema.graphql whose values are legal terms (post-decision vocabulary included). */
export const GLOSSARY_ENUMS = [
  'CaseSourceType',
  'JurisdictionBasis',
  'TransferKind',
  'EvidenceKind',
  'CompulsoryMeasureKind',
  'CompulsoryMeasureBasis',
  'AudioVisualRecordedAct',
  'PreservationHandling',
  'ReleaseGround',
  'RecusalGround',
  'WaivableRight',
  'StatementChannel',
  'HearingOutcome',
  'NonPublicGround',
  'LegalReviewResult',
  'TimeLimitKind',
  'DecisionOutcome',
  'NoPenaltyGround',
  'DiscretionTier',
  'DiscretionGround',
  'PenaltyKind',
  'ServableDocument',
  'ServiceMethod',
  'ServiceRecipientRole',
  'WitnessCapacity',
  'PublicNoticeGround',
  'DeadlineKind',
  'PaymentArrangementKind',
  'PaymentChannel',
  'RemedyStage',
  'RemedyOutcome',
  'CourtRulingResult',
  'ClosureGround',
] as const;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** 'PENALTY_DECISION', // 行政处罚决定书 → 行政处罚决定书 (the declaration's comment). */
function declaredDocumentNames(): Map<string, string> {
  const source = readRepoFile('src/procedure/effects.ts');
  return new Map(
    [...source.matchAll(/^\s*'([A-Z_]+)',\s*\/\/\s*(.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()]),
  );
}

export function renderGlossaryTables(): string {
  const lines: string[] = [];
  lines.push('## Procedural actions', '', '| 中文 | Identifier | Roles |', '| --- | --- | --- |');
  PROCEDURE_ACTIONS.forEach((a) => {
    const t = transitionOf(a);
    lines.push(`| ${cell(t.title)} | \`${a}\` | ${t.roles.map((r) => `\`${r}\``).join(', ')} |`);
  });

  lines.push('', '## Case statuses', '', '| 中文 | Identifier | Terminal |', '| --- | --- | --- |');
  CASE_STATUSES.forEach((s) =>
    lines.push(
      `| ${cell(CASE_STATUS_NAMES[s])} | \`${s}\` | ${isTerminalStatus(s) ? 'yes' : ''} |`,
    ),
  );

  const declared = declaredDocumentNames();
  lines.push('', '## Documents', '', '| 中文 | Identifier |', '| --- | --- |');
  DOCUMENT_KINDS.forEach((k) => {
    const title = isRegisteredDocumentKind(k) ? documentDefinition(k).title : declared.get(k);
    lines.push(`| ${cell(title ?? '')} | \`${k}\` |`);
  });

  const schema = buildSchema(readRepoFile('schema.graphql'));
  lines.push('', '## Legal vocabularies of the API');
  GLOSSARY_ENUMS.forEach((name) => {
    const type = schema.getType(name);
    if (!isEnumType(type)) {
      throw new Error(`schema.graphql has no enum ${name}`);
    }
    lines.push(
      '',
      `### \`${name}\` — ${cell(type.description ?? '')}`,
      '',
      '| 中文 | Identifier |',
      '| --- | --- |',
    );
    type.getValues().forEach((v) => lines.push(`| ${cell(v.description ?? '')} | \`${v.name}\` |`));
  });
  return lines.join('\n');
}
