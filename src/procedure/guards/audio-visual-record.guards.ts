/**
 * 全程音像记录: a seizure and an on-site inspection carry their audio-visual record, and a 留置送达
 * witnessed by someone other than a representative of the grassroots organization or the recipient's
 * workplace carries a photo or video record instead.
 * Legal basis: 《中华人民共和国行政处罚法》第四十七条 (V); 国办发〔2018〕118号 (P/U, see the rule catalog);
 * 《中华人民共和国民事诉讼法》第八十九条 (V).
 */
import type { ServeDocumentInput, ServiceFacts } from '../action-inputs.js';
import type { AudioVisualRecordInput } from '../audio-visual-record.js';
import type { LocalDate } from '../local-date.js';
import { violation, type RuleCode } from '../rule-catalog.js';
import { inputGuard, type Guard } from './guard.js';

/** From the rulebook's cut-over (audioVisualRecordRequiredFrom) the act's input carries the record. */
export function audioVisualRecordGuard<
  I extends { readonly audioVisualRecord?: AudioVisualRecordInput },
>(
  code: Extract<
    RuleCode,
    | 'AUDIO_VISUAL_RECORD_REQUIRED_FOR_COMPULSORY_MEASURE'
    | 'AUDIO_VISUAL_RECORD_REQUIRED_FOR_INSPECTION'
  >,
): Guard<I> {
  return inputGuard<I>('audioVisualRecordAttached', [code], ({ input, actDate, rulebook }) => {
    const requiredFrom = rulebook.parameters.audioVisualRecordRequiredFrom.value;
    return actDate >= requiredFrom && input.audioVisualRecord === undefined
      ? violation(code, { requiredFrom })
      : undefined;
  });
}

/** A photo or video record of a 留置送达: the structured record, or before the cut-over its reference. */
export function leftAtResidenceRecorded(
  facts: ServiceFacts,
  actDate: LocalDate,
  requiredFrom: LocalDate,
): boolean {
  return (
    facts.audioVisualRecord !== undefined ||
    (actDate < requiredFrom && (facts.audiovisualRecordRef ?? '').trim().length > 0)
  );
}

const QUALIFIED_WITNESSES: readonly string[] = [
  'GRASSROOTS_ORGANIZATION_REPRESENTATIVE',
  'WORKPLACE_REPRESENTATIVE',
];

/** CPL art. 89: witnesses other than those representatives do not make a 留置送达 without a record. */
export const leftAtResidenceWitnessQualified: Guard<ServeDocumentInput> =
  inputGuard<ServeDocumentInput>(
    'leftAtResidenceWitnessQualified',
    ['LEFT_AT_RESIDENCE_WITNESS_NOT_QUALIFIED'],
    ({ input, actDate, rulebook }) => {
      if (input.method !== 'LEFT_AT_RESIDENCE') {
        return undefined;
      }
      const f = input.facts;
      const witnessed = (f.witnesses ?? []).some((w) => w.trim().length > 0);
      const requiredFrom = rulebook.parameters.audioVisualRecordRequiredFrom.value;
      if (!witnessed || leftAtResidenceRecorded(f, actDate, requiredFrom)) {
        // No witness at all is LEFT_AT_RESIDENCE_NOT_RECORDED's case.
        return undefined;
      }
      return f.witnessCapacity !== undefined && QUALIFIED_WITNESSES.includes(f.witnessCapacity)
        ? undefined
        : violation('LEFT_AT_RESIDENCE_WITNESS_NOT_QUALIFIED', {
            witnessCapacity: f.witnessCapacity ?? null,
          });
    },
  );
