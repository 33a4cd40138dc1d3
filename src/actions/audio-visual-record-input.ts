import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor as RequestActor } from '../auth/context.js';
import { officersInScope } from '../commands/procedure/resolve-references.js';
import { requiredText } from '../commands/validate.js';
import { ValidationError } from '../errors/domain-error.js';
import { reportInvalid } from '../errors/input-errors.js';
import type { AudioVisualRecordInput } from '../procedure/audio-visual-record.js';
import type { AudioVisualRecordInput as AudioVisualRecordGraphqlInput } from '../schema/procedure-inputs/common.inputs.js';

/**
 * The audio-visual record an act's input carries (全程音像记录, APL art. 47): checked alone
 * (digest, size, media type, period, custody), then the recorder resolved to an officer in scope.
 */

const SHA256 = /^[0-9a-f]{64}$/;
const MEDIA_TYPE = /^(video|audio|image)\/[a-z0-9][a-z0-9.+-]{0,126}$/;

export function checkAudioVisualRecord(
  field: string,
  record: AudioVisualRecordGraphqlInput | null | undefined,
): AudioVisualRecordInput | undefined {
  if (!record) {
    return undefined;
  }
  const sha256 = record.sha256.trim().toLowerCase();
  if (!SHA256.test(sha256)) {
    reportInvalid(ValidationError.field('INVALID_SHA256', `${field}.sha256`), null);
  }
  if (!Number.isSafeInteger(record.sizeBytes) || record.sizeBytes < 0) {
    reportInvalid(ValidationError.field('INVALID_SIZE', `${field}.sizeBytes`), null);
  }
  const mediaType = record.mediaType.trim().toLowerCase();
  if (!MEDIA_TYPE.test(mediaType)) {
    reportInvalid(ValidationError.field('INVALID_MEDIA_TYPE', `${field}.mediaType`), null);
  }
  if (record.recordedTo.getTime() < record.recordedFrom.getTime()) {
    reportInvalid(ValidationError.field('DATE_RANGE_INVERTED', `${field}.recordedTo`), null);
  }
  return {
    sha256,
    sizeBytes: record.sizeBytes,
    mediaType,
    recorderId: record.recorderId,
    recordedFrom: record.recordedFrom.toISOString(),
    recordedTo: record.recordedTo.toISOString(),
    custodian: requiredText(`${field}.custodian`, record.custodian, 100),
    custodyLocation: requiredText(`${field}.custodyLocation`, record.custodyLocation, 500),
  };
}

/** The record with its recorder checked: an officer in the actor's scope (else OFFICER_NOT_FOUND). */
export async function resolveAudioVisualRecord(
  em: EntityManager,
  actor: RequestActor,
  record: AudioVisualRecordInput | undefined,
): Promise<{ audioVisualRecord?: AudioVisualRecordInput }> {
  if (!record) {
    return {};
  }
  const [recorder] = await officersInScope(em, actor, [record.recorderId]);
  return { audioVisualRecord: { ...record, recorderId: recorder!.id } };
}
