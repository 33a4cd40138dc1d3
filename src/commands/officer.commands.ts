import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/context.js';
import { isInScope } from '../auth/office-scope.js';
import { EnforcementCertificate } from '../entities/enforcement-certificate.entity.js';
import { Officer } from '../entities/officer.entity.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors/domain-error.js';
import { isLocalDate, type LocalDate } from '../procedure/local-date.js';
import { OFFICER_ROLES, type OfficerRole } from '../procedure/officer-role.js';
import { findVisibleById } from './find-visible.js';
import { findManagedOffice, isUuid } from './office.commands.js';
import { dateRange, optionalText, requiredText } from './validate.js';

export async function findVisibleOfficer(
  em: EntityManager,
  actor: Actor,
  id: string,
): Promise<Officer> {
  return findVisibleById(
    em,
    Officer,
    id,
    (missing) => NotFoundError.of('OFFICER', missing),
    (officer) => isInScope(actor, officer.officePath),
  );
}

function validRoles(roles: readonly OfficerRole[]): OfficerRole[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) {
    throw ValidationError.field('ROLES_REQUIRED', 'roles', '至少指定一个角色');
  }
  // Keep the stored order canonical so equal role sets compare equal.
  return OFFICER_ROLES.filter((role) => unique.includes(role));
}

export async function createOfficer(
  em: EntityManager,
  actor: Actor,
  input: {
    officeId: string;
    name: string;
    roles: OfficerRole[];
    legalQualificationNumber?: string | null;
  },
): Promise<Officer> {
  const office = await findManagedOffice(em, actor, input.officeId);
  return em.create(Officer, {
    office,
    officePath: office.path,
    name: requiredText('name', input.name, 50),
    roles: validRoles(input.roles),
    legalQualificationNumber: optionalText(
      'legalQualificationNumber',
      input.legalQualificationNumber,
      50,
    ),
  });
}

export async function updateOfficer(
  em: EntityManager,
  actor: Actor,
  id: string,
  input: {
    name?: string | null;
    roles?: OfficerRole[] | null;
    active?: boolean | null;
    legalQualificationNumber?: string | null;
  },
): Promise<Officer> {
  const officer = await findVisibleOfficer(em, actor, id);
  if (
    officer.id === actor.officerId &&
    (input.active === false || (input.roles && !input.roles.includes('ADMIN')))
  ) {
    // An administrator locking themselves out leaves the office without one.
    throw ValidationError.field(
      'CANNOT_DEMOTE_SELF',
      input.active === false ? 'active' : 'roles',
      '不能停用本人账号或取消本人的管理员角色',
    );
  }
  if (input.name != null) {
    officer.name = requiredText('name', input.name, 50);
  }
  if (input.roles != null) {
    officer.roles = validRoles(input.roles);
  }
  if (input.active != null) {
    officer.active = input.active;
  }
  if (input.legalQualificationNumber !== undefined) {
    officer.legalQualificationNumber = optionalText(
      'legalQualificationNumber',
      input.legalQualificationNumber,
      50,
    );
  }
  return officer;
}

export async function addEnforcementCertificate(
  em: EntityManager,
  actor: Actor,
  input: {
    officerId: string;
    number: string;
    issuingAuthority: string;
    validFrom: LocalDate;
    validTo: LocalDate;
  },
): Promise<EnforcementCertificate> {
  const officer = await findVisibleOfficer(em, actor, input.officerId);
  const number = requiredText('number', input.number, 50);
  dateRange('validFrom', input.validFrom, 'validTo', input.validTo);
  if (await em.findOne(EnforcementCertificate, { number })) {
    throw ConflictError.duplicate(
      'CERTIFICATE_NUMBER_TAKEN',
      `执法证件编号 ${number} 已存在（证件编号全国唯一）`,
      { number },
    );
  }
  return em.create(EnforcementCertificate, {
    officer,
    number,
    issuingAuthority: requiredText('issuingAuthority', input.issuingAuthority, 100),
    validFrom: input.validFrom,
    validTo: input.validTo,
  });
}

export async function revokeEnforcementCertificate(
  em: EntityManager,
  actor: Actor,
  input: { certificateId: string; revokedOn: LocalDate; reason: string },
): Promise<EnforcementCertificate> {
  const certificate = isUuid(input.certificateId)
    ? await em.findOne(
        EnforcementCertificate,
        { id: input.certificateId },
        { populate: ['officer'] },
      )
    : null;
  if (!certificate || !isInScope(actor, certificate.officer.officePath)) {
    throw NotFoundError.of('CERTIFICATE', input.certificateId);
  }
  if (!isLocalDate(input.revokedOn)) {
    throw ValidationError.field(
      'INVALID_DATE',
      'revokedOn',
      'revokedOn 不是有效日期（YYYY-MM-DD）',
    );
  }
  if (certificate.revokedOn) {
    throw ConflictError.duplicate('CERTIFICATE_ALREADY_REVOKED', '该执法证件已注销', {
      revokedOn: certificate.revokedOn,
    });
  }
  certificate.revokedOn = input.revokedOn;
  certificate.revocationReason = requiredText('reason', input.reason, 200);
  return certificate;
}
