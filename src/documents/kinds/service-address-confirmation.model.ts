/**
 * 送达地址确认书 (SERVICE_ADDRESS_CONFIRMATION) — signed by the party: whether they agree to
 * electronic service, the confirmed electronic and postal addresses, the recipient and phone.
 * Legal basis: 《中华人民共和国行政处罚法》第六十一条第二款 (当事人同意并签订确认书的，可以采用传真、
 * 电子邮件等方式送达); 《中华人民共和国民事诉讼法》第九十条 (electronic service: the date it reaches
 * the recipient's system). The notices on changed or inaccurate addresses follow practice
 * (docs/document-sources.md §4.13, status U): no article is printed for them. R-SRV-02, §6.8.
 * Internal-to-party form: no seal.
 */
import { localDate } from '../../procedure/local-date.js';
import type { CaseDocumentSource, ServiceAddressSource } from './case-document-source.js';
import {
  baseModel,
  missingInSource,
  requireSection,
  withDocument,
  type BaseModel,
} from './common.js';
import { defineKind, mergeElements, type DocumentKindDefinition } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

const KIND = 'SERVICE_ADDRESS_CONFIRMATION';

export interface ServiceAddressConfirmationModel extends BaseModel {
  readonly serviceAddress: {
    readonly consentGiven: boolean;
    /** Required (and printed) when consentGiven; null otherwise. */
    readonly electronicAddress: string | null;
    readonly postalAddress: string;
    readonly recipient: string;
    readonly phone: string;
    /** null: printed blank for the party to date by hand. */
    readonly signedOn: string | null;
  };
}

export function buildServiceAddressConfirmationModel(
  source: CaseDocumentSource,
): ServiceAddressConfirmationModel {
  const a = requireSection(KIND, source.serviceAddress, 'serviceAddress');
  if (a.consentGiven && !a.electronicAddress) {
    throw missingInSource(KIND, 'serviceAddress.electronicAddress');
  }
  return {
    ...baseModel(KIND, source),
    serviceAddress: {
      consentGiven: a.consentGiven,
      electronicAddress: a.consentGiven ? a.electronicAddress : null,
      postalAddress: a.postalAddress,
      recipient: a.recipient,
      phone: a.phone,
      signedOn: a.signedOn,
    },
  };
}

const ELEMENTS = {
  paths: [
    'office.name',
    'case.number',
    'party.name',
    'serviceAddress.postalAddress',
    'serviceAddress.recipient',
    'serviceAddress.phone',
  ],
  phrases: [
    '《中华人民共和国行政处罚法》第六十一条第二款',
    '是否同意电子送达',
    '送达地址发生变更',
    '视为送达',
    '受送达人签名或者盖章',
  ],
};

function elementsFor(model: ServiceAddressConfirmationModel) {
  return model.serviceAddress.consentGiven
    ? mergeElements(ELEMENTS, {
        paths: ['serviceAddress.electronicAddress'],
        phrases: ['同意本机关采用电子方式送达'],
      })
    : ELEMENTS;
}

export const sampleServiceAddress: ServiceAddressSource = {
  consentGiven: true,
  electronicAddress: '电子邮箱：legal@mmapp-example.cn',
  postalAddress: '北京市海淀区某某路8号院3号楼501室（邮政编码：100080）',
  recipient: '王某某（法务专员）',
  phone: '13800000001',
  signedOn: localDate('2026-08-20'),
};

export const serviceAddressConfirmationKind: DocumentKindDefinition =
  defineKind<ServiceAddressConfirmationModel>({
    kind: KIND,
    title: '送达地址确认书',
    templateFile: 'service-address-confirmation.hbs',
    version: '2026-11',
    sealed: false,
    buildModel: buildServiceAddressConfirmationModel,
    mandatoryElements: ELEMENTS,
    mandatoryElementsFor: elementsFor,
    sampleInput: {
      ...withDocument(sampleCaseSource, null, '2026-08-20'),
      serviceAddress: sampleServiceAddress,
    },
  });
