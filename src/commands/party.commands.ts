import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/context.js';
import { isInScope } from '../auth/office-scope.js';
import { Party } from '../entities/party.entity.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors/domain-error.js';
import { collectInputErrors, reportInvalid } from '../errors/input-errors.js';
import type { LocalDate } from '../procedure/local-date.js';
import type { PartyIdType, PartyKind } from '../schema/enums.js';
import { findVisibleById } from './find-visible.js';
import { findManagedOffice } from './office.commands.js';
import {
  optionalText,
  requiredText,
  residentIdNumber,
  unifiedSocialCreditCode,
} from './validate.js';

export interface PartyFields {
  kind: PartyKind;
  name: string;
  idType: PartyIdType;
  idNumber: string;
  address: string;
  legalRepresentative?: string | null;
  contactPhone?: string | null;
  electronicServiceConsent?: boolean | null;
  electronicServiceAddress?: string | null;
}

export async function findVisibleParty(
  em: EntityManager,
  actor: Actor,
  id: string,
): Promise<Party> {
  return findVisibleById(
    em,
    Party,
    id,
    (missing) => NotFoundError.of('PARTY', missing),
    (party) => isInScope(actor, party.officePath),
  );
}

/** Which identifiers fit which kind of party, and the checks their standards define. */
function validPartyFields(input: PartyFields): Required<PartyFields> {
  const kind = input.kind;
  const idType = input.idType;
  // A mismatched identifier type is reported once; its number is then only checked as present
  // (its format follows the type, which is wrong), while the other fields are checked as usual.
  let idTypeFits = false;
  if (kind === 'NATURAL_PERSON' && idType === 'UNIFIED_SOCIAL_CREDIT_CODE') {
    reportInvalid(
      ValidationError.field(
        'PARTY_ID_TYPE_MISMATCH',
        'idType',
        '公民不使用统一社会信用代码，请使用居民身份证或其他身份证件',
      ),
      undefined,
    );
  } else if (
    kind !== 'NATURAL_PERSON' &&
    (idType === 'RESIDENT_ID_CARD' || idType === 'PASSPORT')
  ) {
    reportInvalid(
      ValidationError.field(
        'PARTY_ID_TYPE_MISMATCH',
        'idType',
        '法人或其他组织应使用统一社会信用代码（或其他登记证件）',
      ),
      undefined,
    );
  } else if (kind === 'LEGAL_PERSON' && idType !== 'UNIFIED_SOCIAL_CREDIT_CODE') {
    reportInvalid(
      ValidationError.field('PARTY_ID_TYPE_MISMATCH', 'idType', '法人应登记统一社会信用代码'),
      undefined,
    );
  } else {
    idTypeFits = true;
  }
  const idNumber = !idTypeFits
    ? requiredText('idNumber', input.idNumber, 50)
    : idType === 'RESIDENT_ID_CARD'
      ? residentIdNumber('idNumber', input.idNumber)
      : idType === 'UNIFIED_SOCIAL_CREDIT_CODE'
        ? unifiedSocialCreditCode('idNumber', input.idNumber)
        : requiredText('idNumber', input.idNumber, 50);
  const consent = input.electronicServiceConsent ?? false;
  const electronicServiceAddress = optionalText(
    'electronicServiceAddress',
    input.electronicServiceAddress,
    200,
  );
  if (consent && !electronicServiceAddress) {
    // APL art. 61(2): electronic service needs the party's consent AND a confirmed address.
    reportInvalid(
      ValidationError.field(
        'ELECTRONIC_SERVICE_ADDRESS_REQUIRED',
        'electronicServiceAddress',
        '同意电子送达的，须登记确认的电子送达地址',
        {
          legalBasis: '《中华人民共和国行政处罚法》第六十一条第二款',
        },
      ),
      undefined,
    );
  }
  const legalRepresentative = optionalText('legalRepresentative', input.legalRepresentative, 50);
  if (kind !== 'NATURAL_PERSON' && !legalRepresentative) {
    reportInvalid(
      ValidationError.field(
        'LEGAL_REPRESENTATIVE_REQUIRED',
        'legalRepresentative',
        '法人或其他组织须登记法定代表人或负责人',
      ),
      undefined,
    );
  }
  return {
    kind,
    idType,
    idNumber,
    name: requiredText('name', input.name, 100),
    address: requiredText('address', input.address, 200),
    legalRepresentative,
    contactPhone: optionalText('contactPhone', input.contactPhone, 30),
    electronicServiceConsent: consent,
    electronicServiceAddress,
  };
}

async function assertIdNumberFree(
  em: EntityManager,
  officeId: string,
  idNumber: string,
  exceptId?: string,
) {
  const holder = await em.findOne(Party, { office: officeId, idNumber });
  if (holder && holder.id !== exceptId) {
    throw ConflictError.duplicate('PARTY_ALREADY_REGISTERED', '本机关已登记该证件号码的当事人', {
      partyId: holder.id,
    });
  }
}

export async function createParty(
  em: EntityManager,
  actor: Actor,
  input: PartyFields & { officeId?: string | null },
  today: LocalDate,
): Promise<Party> {
  const office = await findManagedOffice(em, actor, input.officeId ?? actor.officeId);
  const fields = collectInputErrors('input', () => validPartyFields(input));
  await assertIdNumberFree(em, office.id, fields.idNumber);
  return em.create(Party, {
    ...fields,
    electronicServiceConsentOn: fields.electronicServiceConsent ? today : null,
    office,
    officePath: office.path,
  });
}

export async function updateParty(
  em: EntityManager,
  actor: Actor,
  id: string,
  input: Partial<PartyFields>,
  today: LocalDate,
): Promise<Party> {
  const party = await findVisibleParty(em, actor, id);
  const merged: PartyFields = {
    kind: input.kind ?? party.kind,
    name: input.name ?? party.name,
    idType: input.idType ?? party.idType,
    idNumber: input.idNumber ?? party.idNumber,
    address: input.address ?? party.address,
    legalRepresentative:
      input.legalRepresentative !== undefined
        ? input.legalRepresentative
        : party.legalRepresentative,
    contactPhone: input.contactPhone !== undefined ? input.contactPhone : party.contactPhone,
    electronicServiceConsent: input.electronicServiceConsent ?? party.electronicServiceConsent,
    electronicServiceAddress:
      input.electronicServiceAddress !== undefined
        ? input.electronicServiceAddress
        : party.electronicServiceAddress,
  };
  const fields = collectInputErrors('input', () => validPartyFields(merged));
  await assertIdNumberFree(em, party.office.id, fields.idNumber, party.id);
  // Consent (or a new confirmed address) is dated: electronic service counts from it.
  const consentChanged =
    fields.electronicServiceConsent !== party.electronicServiceConsent ||
    fields.electronicServiceAddress !== party.electronicServiceAddress;
  Object.assign(party, fields);
  if (consentChanged) {
    party.electronicServiceConsentOn = fields.electronicServiceConsent ? today : null;
  }
  return party;
}
