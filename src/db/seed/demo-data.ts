import type { EntityManager } from '@mikro-orm/postgresql';
import { EnforcementCertificate } from '../../entities/enforcement-certificate.entity.js';
import { Office } from '../../entities/office.entity.js';
import { Officer } from '../../entities/officer.entity.js';
import { Party } from '../../entities/party.entity.js';
import type { LocalDate } from '../../procedure/local-date.js';
import type { OfficeLevel } from '../../procedure/office-level.js';
import type { OfficerRole } from '../../procedure/officer-role.js';
import {
  creditCodeCheckCharacter,
  residentIdCheckCharacter,
} from '../../procedure/party-identifiers.js';

/**
 * Demo organization: an illustrative hierarchy of cyberspace offices with
 * officers in every role, and parties. Names of companies and persons are
 * fictitious; identifiers are made up but pass their standards' checks.
 * No case is written here: the demo cases are walked through the procedural
 * mutations by src/demo/demo-cases.ts, so each has what the engine produces.
 * The same organization seeds the integration tests.
 */

/** Registration-authority prefix + division code + 9 characters, completed with the GB 32100 check character. */
function creditCode(prefix: string, division: string, organization: string): string {
  const first17 = `${prefix}${division}${organization}`;
  return first17 + creditCodeCheckCharacter(first17);
}

function residentId(division: string, birth: string, sequence: string): string {
  const first17 = `${division}${birth}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

interface OfficeSeed {
  key: string;
  address: string;
  postalCode: string;
  contactPhone: string;
  parentKey?: string;
  level: OfficeLevel;
  name: string;
  divisionCode: string;
  shortName: string;
  certificatePrefix: string;
  reconsiderationOrgan: string;
  litigationCourt: string;
  paymentChannel: string;
}

const OFFICES: OfficeSeed[] = [
  {
    key: 'national',
    address: '北京市西城区车公庄大街11号',
    postalCode: '100044',
    contactPhone: '010-55627300',
    level: 'NATIONAL',
    name: '国家互联网信息办公室',
    divisionCode: '100000',
    shortName: '国网信',
    certificatePrefix: 'CN',
    reconsiderationOrgan: '国家互联网信息办公室',
    litigationCourt: '北京市第二中级人民法院',
    paymentChannel: '通过全国统一公共支付平台或指定代收银行缴入中央国库',
  },
  {
    key: 'beijing',
    address: '北京市朝阳区工人体育场北路甲2号',
    postalCode: '100027',
    contactPhone: '010-12345001',
    parentKey: 'national',
    level: 'PROVINCIAL',
    name: '北京市互联网信息办公室',
    divisionCode: '110000',
    shortName: '京网信',
    certificatePrefix: 'BJ',
    reconsiderationOrgan: '北京市人民政府',
    litigationCourt: '北京市西城区人民法院',
    paymentChannel: '北京市非税收入收缴系统（代收银行：中国工商银行北京市分行各营业网点）',
  },
  {
    key: 'haidian',
    address: '北京市海淀区长春桥路17号',
    postalCode: '100089',
    contactPhone: '010-12345108',
    parentKey: 'beijing',
    level: 'COUNTY',
    name: '北京市海淀区互联网信息办公室',
    divisionCode: '110108',
    shortName: '海网信',
    certificatePrefix: 'HD',
    reconsiderationOrgan: '北京市海淀区人民政府',
    litigationCourt: '北京市海淀区人民法院',
    paymentChannel: '北京市非税收入收缴系统（代收银行：中国工商银行北京海淀支行）',
  },
  {
    key: 'shanghai',
    address: '上海市黄浦区人民大道200号',
    postalCode: '200003',
    contactPhone: '021-12345001',
    parentKey: 'national',
    level: 'PROVINCIAL',
    name: '上海市互联网信息办公室',
    divisionCode: '310000',
    shortName: '沪网信',
    certificatePrefix: 'SH',
    reconsiderationOrgan: '上海市人民政府',
    litigationCourt: '上海市黄浦区人民法院',
    paymentChannel: '上海市非税收入统一缴款平台（“随申办”或代收银行网点）',
  },
  {
    key: 'pudong',
    address: '上海市浦东新区世纪大道2001号',
    postalCode: '200135',
    contactPhone: '021-12345115',
    parentKey: 'shanghai',
    level: 'COUNTY',
    name: '上海市浦东新区互联网信息办公室',
    divisionCode: '310115',
    shortName: '浦网信',
    certificatePrefix: 'PD',
    reconsiderationOrgan: '上海市浦东新区人民政府',
    litigationCourt: '上海市浦东新区人民法院',
    paymentChannel: '上海市非税收入统一缴款平台（“随申办”或代收银行网点）',
  },
  {
    key: 'zhejiang',
    address: '浙江省杭州市西湖区省府路8号',
    postalCode: '310025',
    contactPhone: '0571-12345001',
    parentKey: 'national',
    level: 'PROVINCIAL',
    name: '浙江省互联网信息办公室',
    divisionCode: '330000',
    shortName: '浙网信',
    certificatePrefix: 'ZJ',
    reconsiderationOrgan: '浙江省人民政府',
    litigationCourt: '杭州市西湖区人民法院',
    paymentChannel: '浙江省统一公共支付平台（“浙里办”或代收银行网点）',
  },
  {
    key: 'hangzhou',
    address: '浙江省杭州市上城区解放东路18号',
    postalCode: '310016',
    contactPhone: '0571-12345100',
    parentKey: 'zhejiang',
    level: 'MUNICIPAL',
    name: '杭州市互联网信息办公室',
    divisionCode: '330100',
    shortName: '杭网信',
    certificatePrefix: 'HZ',
    reconsiderationOrgan: '杭州市人民政府',
    litigationCourt: '杭州市上城区人民法院',
    paymentChannel: '浙江省统一公共支付平台（“浙里办”或代收银行网点）',
  },
  {
    key: 'xihu',
    address: '浙江省杭州市西湖区文三路90号',
    postalCode: '310012',
    contactPhone: '0571-12345106',
    parentKey: 'hangzhou',
    level: 'COUNTY',
    name: '杭州市西湖区互联网信息办公室',
    divisionCode: '330106',
    shortName: '西湖网信',
    certificatePrefix: 'XH',
    reconsiderationOrgan: '杭州市西湖区人民政府',
    litigationCourt: '杭州市西湖区人民法院',
    paymentChannel: '浙江省统一公共支付平台（“浙里办”或代收银行网点）',
  },
];

/** Each office gets one officer per role (two case handlers); certificate numbers are <prefix>0001…. */
const STAFF: { suffix: string; roles: OfficerRole[]; legalQualification?: boolean }[] = [
  { suffix: '负责人', roles: ['OFFICE_HEAD'] },
  { suffix: '办案一', roles: ['CASE_HANDLER'] },
  { suffix: '办案二', roles: ['CASE_HANDLER'] },
  { suffix: '法制审核', roles: ['LEGAL_REVIEWER'], legalQualification: true },
  { suffix: '听证主持', roles: ['HEARING_OFFICER'] },
  { suffix: '管理员', roles: ['ADMIN'] },
];

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '建国',
  '海燕',
  '志强',
  '晓明',
  '丽华',
  '文博',
  '思远',
  '静怡',
  '子涵',
  '明轩',
  '雨桐',
  '浩然',
];

/** The demo organization: who acts and against whom. Cases are built by the engine (src/demo). */
export interface DemoOrganization {
  offices: Record<string, Office>;
  /** By certificate number (BJ0001 = Beijing's head, BJ0002/BJ0003 handlers, …). */
  officers: Record<string, Officer>;
  parties: Record<string, Party>;
}

export async function isDatabaseEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(Office, {})) === 0;
}

export async function seedDemoOrganization(
  em: EntityManager,
  today: LocalDate,
): Promise<DemoOrganization> {
  const year = Number(today.slice(0, 4));
  const offices: Record<string, Office> = {};
  for (const [index, seed] of OFFICES.entries()) {
    const parent = seed.parentKey ? offices[seed.parentKey] : undefined;
    const office = em.create(Office, {
      level: seed.level,
      parent,
      path: '',
      name: seed.name,
      divisionCode: seed.divisionCode,
      // 11 = 机构编制 / 机关; the organization code part is made up.
      unifiedSocialCreditCode: creditCode(
        '11',
        seed.divisionCode,
        `0000${String(index + 1).padStart(4, '0')}M`,
      ),
      shortName: seed.shortName,
      reconsiderationOrgan: seed.reconsiderationOrgan,
      litigationCourt: seed.litigationCourt,
      paymentChannel: seed.paymentChannel,
      address: seed.address,
      postalCode: seed.postalCode,
      contactPhone: seed.contactPhone,
    });
    office.path = `${parent?.path ?? '/'}${office.id}/`;
    offices[seed.key] = office;
  }

  const officers: Record<string, Officer> = {};
  let nameIndex = 0;
  for (const seed of OFFICES) {
    const office = offices[seed.key]!;
    for (const [i, staff] of STAFF.entries()) {
      const name = SURNAMES[nameIndex % SURNAMES.length]! + GIVEN[(nameIndex * 5) % GIVEN.length]!;
      nameIndex += 1;
      const officer = em.create(Officer, {
        name,
        office,
        officePath: office.path,
        roles: staff.roles,
        // The office head (<prefix>0001) is the principal head (主要负责人) who approves seizures.
        principalHead: i === 0,
        legalQualificationNumber: staff.legalQualification
          ? `A2019${seed.divisionCode}${String(i).padStart(4, '0')}`
          : null,
      });
      const number = `${seed.certificatePrefix}${String(i + 1).padStart(4, '0')}`;
      em.create(EnforcementCertificate, {
        officer,
        number,
        issuingAuthority:
          seed.level === 'NATIONAL'
            ? '国家互联网信息办公室'
            : `${seed.name.replace('互联网信息办公室', '')}人民政府`,
        validFrom: `${year - 2}-01-01` as LocalDate,
        validTo: `${year + 3}-12-31` as LocalDate,
      });
      officers[number] = officer;
    }
  }
  // The first case handler answers the party's questions about documents.
  for (const seed of OFFICES) {
    offices[seed.key]!.contactPerson = officers[`${seed.certificatePrefix}0002`]!.name;
  }

  // Two edge cases the tests rely on: an expired certificate and a revoked one.
  const beijing = offices.beijing!;
  const expired = em.create(Officer, {
    name: '何过期',
    office: beijing,
    officePath: beijing.path,
    roles: ['CASE_HANDLER'],
  });
  em.create(EnforcementCertificate, {
    officer: expired,
    number: 'BJ0901',
    issuingAuthority: '北京市人民政府',
    validFrom: `${year - 6}-01-01` as LocalDate,
    validTo: `${year - 1}-12-31` as LocalDate,
  });
  officers.BJ0901 = expired;
  const revoked = em.create(Officer, {
    name: '钱注销',
    office: beijing,
    officePath: beijing.path,
    roles: ['CASE_HANDLER'],
  });
  em.create(EnforcementCertificate, {
    officer: revoked,
    number: 'BJ0902',
    issuingAuthority: '北京市人民政府',
    validFrom: `${year - 2}-01-01` as LocalDate,
    validTo: `${year + 3}-12-31` as LocalDate,
    revokedOn: `${year}-01-15` as LocalDate,
    revocationReason: '调离执法岗位',
  });
  officers.BJ0902 = revoked;

  const parties: Record<string, Party> = {};
  const company = (
    key: string,
    officeKey: string,
    name: string,
    division: string,
    org: string,
    address: string,
    representative: string,
  ) => {
    const office = offices[officeKey]!;
    parties[key] = em.create(Party, {
      kind: 'LEGAL_PERSON',
      name,
      idType: 'UNIFIED_SOCIAL_CREDIT_CODE',
      idNumber: creditCode('91', division, org),
      address,
      legalRepresentative: representative,
      contactPhone: '010-6' + String(1000000 + Object.keys(parties).length * 7919).slice(-7),
      electronicServiceConsent: key === 'xinghe',
      electronicServiceAddress: key === 'xinghe' ? 'legal@xinghe-data.example.cn' : null,
      electronicServiceConsentOn: key === 'xinghe' ? (`${year - 1}-06-01` as LocalDate) : null,
      office,
      officePath: office.path,
    });
  };
  company(
    'xinghe',
    'beijing',
    '北京星河数据科技有限公司',
    '110108',
    'MA01XH7K2',
    '北京市海淀区中关村大街27号9层',
    '周明远',
  );
  company(
    'qingniao',
    'haidian',
    '北京青鸟互动娱乐有限公司',
    '110108',
    'MA02QN3P8',
    '北京市海淀区上地十街10号3层301室',
    '林晓雯',
  );
  company(
    'yunfan',
    'shanghai',
    '上海云帆网络信息技术有限公司',
    '310115',
    'MA1GYF9T4',
    '上海市浦东新区张江路88号5幢',
    '沈嘉禾',
  );
  company(
    'lanjing',
    'pudong',
    '上海蓝鲸智能科技有限公司',
    '310115',
    'MA1HLJ2W6',
    '上海市浦东新区世纪大道100号20层',
    '顾晨',
  );
  company(
    'xixi',
    'hangzhou',
    '杭州西溪信息服务有限公司',
    '330106',
    'MA2XX8R1C',
    '浙江省杭州市西湖区文三路90号',
    '钱塘',
  );
  const person = (
    key: string,
    officeKey: string,
    name: string,
    division: string,
    birth: string,
    seq: string,
    address: string,
  ) => {
    const office = offices[officeKey]!;
    parties[key] = em.create(Party, {
      kind: 'NATURAL_PERSON',
      name,
      idType: 'RESIDENT_ID_CARD',
      idNumber: residentId(division, birth, seq),
      address,
      office,
      officePath: office.path,
    });
  };
  person(
    'zhangwei',
    'beijing',
    '张伟',
    '110105',
    '19880312',
    '123',
    '北京市朝阳区望京街道某小区5号楼2单元301',
  );
  person(
    'liuyang',
    'shanghai',
    '刘洋',
    '310104',
    '19950721',
    '246',
    '上海市徐汇区漕溪北路某弄12号',
  );

  await em.flush();
  return { offices, officers, parties };
}
