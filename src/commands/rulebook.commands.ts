import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/context.js';
import { Office } from '../entities/office.entity.js';
import { ForbiddenError, ValidationError } from '../errors/domain-error.js';
import type { PenaltyKind } from '../procedure/penalty-kind.js';
import type { RulebookOverrides } from '../procedure/rulebook.js';
import { findManagedOffice } from './office.commands.js';
import { requiredText } from './validate.js';

/** The overrides that apply to an office: its own, else the nearest ancestor's (provinces set them). */
export async function overridesForOffice(
  em: EntityManager,
  officePath: string,
): Promise<RulebookOverrides | undefined> {
  return (await overridesForOffices(em, [officePath])).get(officePath);
}

/** overridesForOffice for several offices (a page of cases) in one statement. */
export async function overridesForOffices(
  em: EntityManager,
  officePaths: readonly string[],
): Promise<Map<string, RulebookOverrides | undefined>> {
  const ids = [...new Set(officePaths.flatMap(officeIdsOfPath))];
  const offices = await em.find(
    Office,
    { id: { $in: ids }, rulebookOverrides: { $ne: null } },
    { fields: ['path', 'rulebookOverrides'] },
  );
  const result = new Map<string, RulebookOverrides | undefined>();
  for (const path of officePaths) {
    result.set(path, nearestOverrides(path, offices));
  }
  return result;
}

/** The ids of an office path's offices, root first (`/CN/BJ/HD/` → the three ids). */
export function officeIdsOfPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * The overrides that apply at `path`, given the offices of that line that have overrides: the
 * path lists the office's ancestors root first, the nearest with overrides wins.
 */
export function nearestOverrides(
  path: string,
  offices: readonly { id: string; rulebookOverrides: RulebookOverrides | null }[],
): RulebookOverrides | undefined {
  const byId = new Map(offices.map((o) => [o.id, o]));
  const nearest = officeIdsOfPath(path)
    .reverse()
    .map((id) => byId.get(id))
    .find((o) => o !== undefined);
  return nearest?.rulebookOverrides ?? undefined;
}

export interface OverridesInput {
  id: string;
  source: string;
  hearingFineThresholdNaturalPerson?: number | null;
  hearingFineThresholdOrganization?: number | null;
  hearingConfiscationThresholdNaturalPerson?: number | null;
  hearingConfiscationThresholdOrganization?: number | null;
  heavierPenaltyKinds?: PenaltyKind[] | null;
}

const AMOUNT_KEYS = [
  'hearingFineThresholdNaturalPerson',
  'hearingFineThresholdOrganization',
  'hearingConfiscationThresholdNaturalPerson',
  'hearingConfiscationThresholdOrganization',
] as const;

/**
 * APL art. 63 leaves 较大数额 to provinces (and State Council departments): only
 * a provincial-level or the national office records them, citing the document.
 */
export async function setRulebookOverrides(
  em: EntityManager,
  actor: Actor,
  officeId: string,
  input: OverridesInput | null,
): Promise<Office> {
  const office = await findManagedOffice(em, actor, officeId);
  if (office.level !== 'PROVINCIAL' && office.level !== 'NATIONAL') {
    throw ForbiddenError.outsideOffice('“较大数额”等由省级规定的参数');
  }
  if (input === null) {
    office.rulebookOverrides = null;
    return office;
  }
  const values: Record<string, number | PenaltyKind[]> = {};
  for (const key of AMOUNT_KEYS) {
    const value = input[key];
    if (value !== undefined && value !== null) {
      if (!Number.isFinite(value) || value <= 0) {
        throw ValidationError.field('INVALID_AMOUNT', key, `${key} 须为正数（元）`);
      }
      values[key] = value;
    }
  }
  if (input.heavierPenaltyKinds) {
    values.heavierPenaltyKinds = [...new Set(input.heavierPenaltyKinds)];
  }
  if (Object.keys(values).length === 0) {
    throw ValidationError.field('OVERRIDES_EMPTY', 'input', '至少设置一个参数');
  }
  office.rulebookOverrides = {
    id: requiredText('id', input.id, 60),
    source: requiredText('source', input.source, 300),
    status: 'P',
    values,
  };
  return office;
}
