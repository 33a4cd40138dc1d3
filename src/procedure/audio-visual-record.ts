/**
 * Audio-visual records (音像记录) of the full-process record (执法全过程记录), kept as evidence
 * attachments: the file's SHA-256, size and media type, who recorded it, the period recorded, and
 * who holds the original where (custody).
 * Legal basis: 《中华人民共和国行政处罚法》第四十七条 (V: 以文字、音像等形式…全过程记录，归档保存);
 * 《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》
 * （国办发〔2018〕118号）: audio-visual recording of seizures and other on-site coercive acts, read in a
 * secondary source (P); which other on-site acts it covers for a cyberspace office is U.
 */
import type { LocalDate } from './local-date.js';

/** The acts an audio-visual record is attached to. */
export const AUDIO_VISUAL_RECORDED_ACTS = [
  'COMPULSORY_MEASURE', // 查封、扣押
  'INSPECTION', // 现场检查、勘验
  'LEFT_AT_RESIDENCE', // 留置送达
] as const;
export type AudioVisualRecordedAct = (typeof AUDIO_VISUAL_RECORDED_ACTS)[number];

export const AUDIO_VISUAL_RECORDED_ACT_NAMES: Record<AudioVisualRecordedAct, string> = {
  COMPULSORY_MEASURE: '查封、扣押',
  INSPECTION: '现场检查、勘验',
  LEFT_AT_RESIDENCE: '留置送达',
};

// The first act date on which the structured record is needed is the rulebook parameter
// audioVisualRecordRequiredFrom (the system cut-over, status D), not a constant here.

/** The record as the act's input carries it. */
export interface AudioVisualRecordInput {
  /** SHA-256 of the original file, 64 lowercase hexadecimal digits. */
  readonly sha256: string;
  readonly sizeBytes: number;
  /** IANA media type, e.g. video/mp4. */
  readonly mediaType: string;
  /** The officer who recorded (记录人). */
  readonly recorderId: string;
  /** Recorded period, ISO 8601 instants. */
  readonly recordedFrom: string;
  readonly recordedTo: string;
  /** Who holds the original (原始载体保管人). */
  readonly custodian: string;
  /** Where the original is kept (存放地点). */
  readonly custodyLocation: string;
}

/** The record as the case keeps it, tied to the act's own record. */
export interface AudioVisualRecord extends AudioVisualRecordInput {
  readonly id: string;
  readonly act: AudioVisualRecordedAct;
  /** Id of the measure, transcript or service record it documents. */
  readonly recordId: string;
  /** Act date. */
  readonly recordedOn: LocalDate;
}
