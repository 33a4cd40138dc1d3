import type { EntityManager } from '@mikro-orm/postgresql';
import { Case } from '../../src/entities/case.entity.js';
import { Decision } from '../../src/entities/decision.entity.js';
import { Evidence } from '../../src/entities/evidence.entity.js';
import { NumberSequence } from '../../src/entities/number-sequence.entity.js';
import type { DemoOrganization } from '../../src/db/seed/demo-data.js';
import type { CaseStatus } from '../../src/procedure/case-status.js';
import type { LocalDate } from '../../src/procedure/local-date.js';

/** The demo organization plus the storage fixtures below. */
export interface DemoData extends DemoOrganization {
  cases: Record<string, Case>;
}

/**
 * Storage fixtures, for the tests only: six bare case rows written straight into their statuses,
 * with no audit event, deadline or document (the audit-trail tests append the first events
 * themselves; scope and listing tests count them). The engine never produced them, so they are
 * never seeded outside the tests: `npm start` walks its demo cases through the mutations
 * (src/demo/demo-cases.ts), and a test that needs such a case walks one too.
 */
export async function seedFixtureCases(
  em: EntityManager,
  organization: DemoOrganization,
  today: LocalDate,
): Promise<DemoData> {
  const year = Number(today.slice(0, 4));
  const { offices, officers, parties } = organization;
  const cases: Record<string, Case> = {};
  const addCase = (
    key: string,
    officeKey: string,
    serial: number,
    status: CaseStatus,
    title: string,
    summary: string,
    partyKeys: string[],
    handlerNumbers: string[],
    dates: { registeredOn: string; docketedOn?: string; decidedOn?: string },
  ) => {
    const office = offices[officeKey]!;
    const number = `${office.shortName}案〔${year}〕${serial}号`;
    const found = em.create(Case, {
      number,
      office,
      officePath: office.path,
      status,
      title,
      violationSummary: summary,
      registeredOn: dates.registeredOn as LocalDate,
      docketedOn: (dates.docketedOn ?? null) as LocalDate | null,
      decidedOn: (dates.decidedOn ?? null) as LocalDate | null,
      searchText: [number, ...partyKeys.map((k) => parties[k]!.name)].join(' '),
    });
    partyKeys.forEach((k) => found.parties.add(parties[k]!));
    handlerNumbers.forEach((n) => found.handlers.add(officers[n]!));
    cases[key] = found;
    return found;
  };

  const xingheCase = addCase(
    'xinghePersonalInformation',
    'beijing',
    1,
    'INVESTIGATING',
    '违法处理个人信息案',
    '当事人运营的“星河出行”App未经用户单独同意向第三方提供精确位置信息，且未履行个人信息保护影响评估义务。',
    ['xinghe'],
    ['BJ0002', 'BJ0003'],
    { registeredOn: `${year}-03-02`, docketedOn: `${year}-03-09` },
  );
  addCase(
    'qingniaoMinors',
    'haidian',
    1,
    'CASE_SOURCE_REGISTERED',
    '未落实未成年人网络保护义务案',
    '群众举报当事人运营的网络游戏未落实未成年人防沉迷措施。',
    ['qingniao'],
    ['HD0002', 'HD0003'],
    { registeredOn: `${year}-05-20` },
  );
  addCase(
    'yunfanDataSecurity',
    'shanghai',
    1,
    'DECIDED_PENALTY',
    '未履行数据安全保护义务案',
    '当事人未按规定对重要数据处理活动开展风险评估，导致约12万条用户数据泄露。',
    ['yunfan'],
    ['SH0002', 'SH0003'],
    { registeredOn: `${year}-01-08`, docketedOn: `${year}-01-12`, decidedOn: `${year}-04-10` },
  );
  addCase(
    'lanjingAlgorithm',
    'pudong',
    1,
    'INVESTIGATING',
    '未履行算法备案义务案',
    '当事人提供具有舆论属性的算法推荐服务，未按规定履行备案手续。',
    ['lanjing'],
    ['PD0002', 'PD0003'],
    { registeredOn: `${year}-06-03`, docketedOn: `${year}-06-10` },
  );
  addCase(
    'xixiContent',
    'hangzhou',
    1,
    'INVESTIGATING',
    '未履行信息内容管理主体责任案',
    '当事人运营的网站未及时处置违法违规信息，造成不良影响。',
    ['xixi'],
    ['HZ0002', 'HZ0003'],
    { registeredOn: `${year}-07-14`, docketedOn: `${year}-07-18` },
  );
  addCase(
    'zhangweiRumour',
    'beijing',
    2,
    'CASE_SOURCE_REGISTERED',
    '违规发布网络信息案',
    '当事人在网络平台发布未经核实的信息。',
    ['zhangwei'],
    ['BJ0002', 'BJ0003'],
    { registeredOn: `${year}-08-01` },
  );

  const evidence = em.create(Evidence, {
    case: xingheCase,
    kind: 'ELECTRONIC_DATA',
    title: '“星河出行”App 数据流向抓包记录',
    description: '证明该App在用户未单独同意的情况下向第三方SDK传输精确位置信息。',
    source: '执法人员现场提取',
    collectedAt: new Date(`${year}-03-12T02:30:00Z`),
    place: '北京市海淀区中关村大街27号9层',
    files: [
      {
        name: 'capture.pcapng',
        sha256: 'a3f1c2d4e5b6978812ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90',
        sizeBytes: 1_048_576,
      },
    ],
  });
  evidence.collectors.add(officers.BJ0002!, officers.BJ0003!);

  em.create(Decision, {
    case: cases.yunfanDataSecurity!,
    kind: 'PENALTY',
    decidedOn: `${year}-04-10` as LocalDate,
    documentNumber: `沪网信罚〔${year}〕1号`,
    reasons:
      '当事人未履行数据安全保护义务，导致数据泄露，依据《中华人民共和国数据安全法》第四十五条第一款予以处罚。',
    penalties: [
      { kind: 'WARNING', amountYuan: null, provisionId: 'DSL-45-1' },
      { kind: 'FINE', amountYuan: '200000.00', provisionId: 'DSL-45-1' },
    ],
  });

  // The numbers above are taken: the gapless series continue after them.
  const lastCaseSerial = new Map<string, number>();
  for (const found of Object.values(cases)) {
    const serial = Number(/〕(\d+)号$/.exec(found.number)![1]);
    lastCaseSerial.set(found.office.id, Math.max(lastCaseSerial.get(found.office.id) ?? 0, serial));
  }
  for (const [officeId, last] of lastCaseSerial) {
    em.create(NumberSequence, { officeId, year, kind: 'CASE', last });
  }
  em.create(NumberSequence, { officeId: offices.shanghai!.id, year, kind: 'DOCUMENT:罚', last: 1 });

  await em.flush();
  return { ...organization, cases };
}
