import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/context.js';
import { isInScope } from '../auth/office-scope.js';
import { Office } from '../entities/office.entity.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors/domain-error.js';
import { allowedChildLevels, type OfficeLevel } from '../procedure/office-level.js';
import { checkNumberFormat } from '../documents/numbering.js';
import { findVisibleById } from './find-visible.js';
import { collectInputErrors } from '../errors/input-errors.js';
import { divisionCode, optionalText, requiredText, unifiedSocialCreditCode } from './validate.js';

export interface OfficeFields {
  name: string;
  divisionCode: string;
  unifiedSocialCreditCode: string;
  shortName: string;
  reconsiderationOrgan: string;
  litigationCourt: string;
  paymentChannel: string;
}

/** An office the actor may see: its own subtree, and the offices above it (who supervises them). */
export function isOfficeVisible(actor: Actor, office: Office): boolean {
  return isInScope(actor, office.path) || actor.officePath.startsWith(office.path);
}

export async function findVisibleOffice(
  em: EntityManager,
  actor: Actor,
  id: string,
): Promise<Office> {
  return findVisibleById(
    em,
    Office,
    id,
    (missing) => NotFoundError.of('OFFICE', missing),
    (office) => isOfficeVisible(actor, office),
  );
}

/**
 * The office-path prefix a list is scoped to: the actor's subtree, narrowed to
 * the subtree of `officeId` when given. Filtering on an office above the actor
 * still shows only the actor's own subtree.
 */
export async function listScopePath(
  em: EntityManager,
  actor: Actor,
  officeId: string | null | undefined,
): Promise<string> {
  if (!officeId) {
    return actor.officePath;
  }
  const office = await findVisibleOffice(em, actor, officeId);
  return office.path.startsWith(actor.officePath) ? office.path : actor.officePath;
}

/** An office the actor may manage: their own or one below it. */
export async function findManagedOffice(
  em: EntityManager,
  actor: Actor,
  id: string,
): Promise<Office> {
  return findVisibleById(
    em,
    Office,
    id,
    (missing) => NotFoundError.of('OFFICE', missing),
    (office) => isInScope(actor, office.path),
  );
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

function validFields(input: OfficeFields): OfficeFields {
  return {
    name: requiredText('name', input.name, 100),
    divisionCode: divisionCode('divisionCode', input.divisionCode),
    unifiedSocialCreditCode: unifiedSocialCreditCode(
      'unifiedSocialCreditCode',
      input.unifiedSocialCreditCode,
    ),
    shortName: requiredText('shortName', input.shortName, 20),
    reconsiderationOrgan: requiredText('reconsiderationOrgan', input.reconsiderationOrgan, 200),
    litigationCourt: requiredText('litigationCourt', input.litigationCourt, 200),
    paymentChannel: requiredText('paymentChannel', input.paymentChannel, 500),
  };
}

async function assertCreditCodeFree(
  em: EntityManager,
  code: string,
  exceptId?: string,
): Promise<void> {
  const holder = await em.findOne(Office, { unifiedSocialCreditCode: code });
  if (holder && holder.id !== exceptId) {
    throw ConflictError.duplicate(
      'OFFICE_CREDIT_CODE_TAKEN',
      '该统一社会信用代码已被其他机关使用',
      { unifiedSocialCreditCode: code },
    );
  }
}

/** A child office sits below its parent (see allowedChildLevels), inside the actor's subtree. */
export async function createOffice(
  em: EntityManager,
  actor: Actor,
  input: OfficeFields & { parentId: string; level: OfficeLevel },
): Promise<Office> {
  const parent = await findManagedOffice(em, actor, input.parentId);
  const allowed = allowedChildLevels(parent.level);
  if (!allowed.includes(input.level)) {
    throw ValidationError.field(
      'OFFICE_LEVEL_MISMATCH',
      'level',
      allowed.length > 0
        ? `${parent.name}的下级机关层级应为 ${allowed.join(' 或 ')}`
        : `${parent.name}为县级机关，不能设下级机关`,
      { parentLevel: parent.level, allowedLevels: allowed, givenLevel: input.level },
    );
  }
  const fields = collectInputErrors('input', () => validFields(input));
  await assertCreditCodeFree(em, fields.unifiedSocialCreditCode);
  const office = em.create(Office, { ...fields, level: input.level, parent, path: '' });
  office.path = `${parent.path}${office.id}/`;
  return office;
}

/** What documents print about the office: where to send statements, whom to call, how numbers look. */
export interface OfficeDocumentFields {
  address?: string | null;
  postalCode?: string | null;
  contactPerson?: string | null;
  contactPhone?: string | null;
  documentNumberFormat?: string | null;
  onlineReconsiderationChannel?: string | null;
}

export async function updateOffice(
  em: EntityManager,
  actor: Actor,
  id: string,
  input: { [K in keyof OfficeFields]?: OfficeFields[K] | null } & OfficeDocumentFields,
): Promise<Office> {
  const office = await findManagedOffice(em, actor, id);
  const {
    address,
    postalCode,
    contactPerson,
    contactPhone,
    documentNumberFormat,
    onlineReconsiderationChannel,
    ...core
  } = input;
  const merged = collectInputErrors('input', () =>
    validFields({ ...office, ...(definedOnly(core) as Partial<OfficeFields>) }),
  );
  await assertCreditCodeFree(em, merged.unifiedSocialCreditCode, office.id);
  Object.assign(office, merged);
  if (address !== undefined) {
    office.address = optionalText('address', address, 200);
  }
  if (postalCode !== undefined) {
    if (postalCode && !/^\d{6}$/.test(postalCode)) {
      throw ValidationError.field('INVALID_POSTAL_CODE', 'postalCode', '邮政编码应为6位数字');
    }
    office.postalCode = postalCode || null;
  }
  if (contactPerson !== undefined) {
    office.contactPerson = optionalText('contactPerson', contactPerson, 50);
  }
  if (contactPhone !== undefined) {
    office.contactPhone = optionalText('contactPhone', contactPhone, 30);
  }
  if (onlineReconsiderationChannel !== undefined) {
    office.onlineReconsiderationChannel = optionalText(
      'onlineReconsiderationChannel',
      onlineReconsiderationChannel,
      500,
    );
  }
  if (documentNumberFormat != null) {
    const problems = checkNumberFormat(documentNumberFormat);
    if (problems.length > 0) {
      throw ValidationError.field(
        'INVALID_DOCUMENT_NUMBER_FORMAT',
        'documentNumberFormat',
        `文号格式有误：${problems.join('；')}`,
        {
          problems,
        },
      );
    }
    office.documentNumberFormat = documentNumberFormat;
  }
  return office;
}

/** Drops keys whose value is null/undefined, so partial updates keep the stored values. */
export function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined && v !== null),
  ) as Partial<T>;
}
