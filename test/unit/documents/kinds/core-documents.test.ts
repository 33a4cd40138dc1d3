// The four core documents rendered from the case source to a real .docx and read back.
import { describe, expect, it } from 'vitest';
import { renderCaseDocument, loadTemplate } from '../../../../src/documents/document-registry.js';
import type {
  CaseDocumentSource,
  PartySource,
} from '../../../../src/documents/kinds/case-document-source.js';
import { hearingNoticeKind } from '../../../../src/documents/kinds/hearing-notice.model.js';
import { noPenaltyDecisionKind } from '../../../../src/documents/kinds/no-penalty-decision.model.js';
import { penaltyDecisionKind } from '../../../../src/documents/kinds/penalty-decision.model.js';
import { prePenaltyNoticeKind } from '../../../../src/documents/kinds/pre-penalty-notice.model.js';
import { apl } from '../../../../src/procedure/legal-basis.js';
import { pipl } from '../../../../src/procedure/citations.js';
import { expectAll, renderKind as textOf } from './render-kind.js';

const naturalPerson: PartySource = {
  kind: 'NATURAL_PERSON',
  name: '陈某某',
  idType: 'RESIDENT_ID_CARD',
  idNumber: '11010519900721302X',
  address: '北京市朝阳区某某街道某某小区5号楼2单元101室',
  legalRepresentative: null,
  contact: null,
};

describe('行政处罚事先告知书 (PRE_PENALTY_NOTICE)', () => {
  const sample = prePenaltyNoticeKind.sampleInput;

  it('holds every element of APL 44/45/63/64 and regulation.md §6.1', async () => {
    const { text, docx } = await textOf('PRE_PENALTY_NOTICE', sample);
    expectAll(text, [
      '北京市互联网信息办公室',
      '行政处罚事先告知书',
      '京网信罚告〔2026〕12号',
      '当事人：北京某某科技有限公司',
      '统一社会信用代码：91110108MA01ABCD2H',
      '住所：北京市海淀区某某路8号院3号楼501室',
      '法定代表人：张某',
      '本机关于2026年8月12日对你单位涉嫌未履行个人信息保护义务一案立案调查。',
      '经查，你单位运营的“某某”应用程序',
      '电子数据提取笔录及截图',
      '违反了《中华人民共和国个人信息保护法》第十七条第一款的规定',
      '依据《中华人民共和国个人信息保护法》第六十六条第一款的规定，本机关拟对你单位作出如下行政处罚：',
      '（一）警告。',
      '（二）没收违法所得人民币壹万贰仟叁佰肆拾伍元陆角（12,345.60元）。',
      '（三）罚款人民币伍拾万元整（500,000.00元）。',
      '你单位有权进行陈述和申辩',
      '自收到本告知书之日起五个工作日内向本机关提出陈述、申辩意见，可以书面提出，也可以口头提出',
      '本机关不会因你单位陈述、申辩而给予更重的处罚',
      '逾期未提出的，视为放弃陈述、申辩权利。',
      '你单位有权要求举行听证',
      '逾期未提出的，视为放弃听证权利',
      '地址：北京市西城区某某大街1号',
      '联系人：王某',
      '010-12345678',
      '（印章）',
      '2026年9月20日',
    ]);
    expect(docx.documentXml).toContain('<w:tbl>');
  });

  it('leaves the hearing right out when the penalty is not hearing-eligible', async () => {
    const { text } = await textOf('PRE_PENALTY_NOTICE', {
      ...sample,
      notice: { ...sample.notice!, hearingEligible: false },
    });
    expect(text).not.toContain('听证');
    expect(text).toContain('陈述、申辩意见请送交本机关');
  });

  it('addresses a natural person as 你, with 住址 and 公民身份号码', async () => {
    const { text } = await textOf('PRE_PENALTY_NOTICE', { ...sample, parties: [naturalPerson] });
    expectAll(text, ['当事人：陈某某', '公民身份号码：11010519900721302X', '住址：', '对你涉嫌']);
    expect(text).toContain('你有权进行陈述和申辩');
    expect(text).not.toContain('你单位有权');
    expect(text).not.toContain('法定代表人：');
  });

  it('fails naming the path when the source lacks a field', async () => {
    await expect(
      renderCaseDocument('PRE_PENALTY_NOTICE', {
        ...sample,
        parties: [{ ...sample.parties[0]!, address: '' }],
      }),
    ).rejects.toMatchObject({ code: 'TEMPLATE_FIELD_MISSING', details: { path: 'party.address' } });
    await expect(
      renderCaseDocument('PRE_PENALTY_NOTICE', {
        ...sample,
        office: { ...sample.office, address: null },
      }),
    ).rejects.toMatchObject({
      code: 'TEMPLATE_FIELD_MISSING',
      details: { path: 'office.address' },
    });
    await expect(
      renderCaseDocument('PRE_PENALTY_NOTICE', { ...sample, notice: null }),
    ).rejects.toMatchObject({
      code: 'DOCUMENT_MANDATORY_ELEMENTS_MISSING',
      details: { missing: [{ kind: 'MANDATORY_PATH', path: 'notice' }] },
    });
    await expect(
      renderCaseDocument('PRE_PENALTY_NOTICE', { ...sample, parties: [] }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'parties[0]' }] } });
  });

  it('refuses a template that lost a mandatory phrase', async () => {
    const edited = loadTemplate('PRE_PENALTY_NOTICE').replace('，视为放弃陈述、申辩权利', '');
    await expect(renderCaseDocument('PRE_PENALTY_NOTICE', sample, edited)).rejects.toMatchObject({
      code: 'DOCUMENT_MANDATORY_ELEMENTS_MISSING',
      details: { missing: [{ kind: 'MANDATORY_PHRASE', phrase: '视为放弃陈述、申辩权利' }] },
    });
  });
});

describe('行政处罚听证通知书 (HEARING_NOTICE)', () => {
  const sample = hearingNoticeKind.sampleInput;

  it('holds time, place, presider, recusal, agents, what to bring and the absence rule', async () => {
    const { text } = await textOf('HEARING_NOTICE', sample);
    expectAll(text, [
      '行政处罚听证通知书',
      '京网信听通〔2026〕3号',
      '北京某某科技有限公司：',
      '你单位于2026年9月25日提出了听证要求',
      '本机关决定于2026年10月16日9时30分在北京市互联网信息办公室听证室（北京市西城区某某大街1号）就你单位涉嫌未履行个人信息保护义务一案公开举行听证',
      '本次听证由吴某担任主持人，郑某担任听证员，冯某担任记录员。',
      '有权申请回避',
      '也可以委托一至二人代理',
      '授权委托书',
      '请携带本人身份证件',
      '视为放弃听证权利，本机关将终止听证',
      '你单位不承担组织听证的费用',
      '（印章）',
      '2026年9月28日',
    ]);
  });

  it('states why a hearing is not public', async () => {
    const { text } = await textOf('HEARING_NOTICE', {
      ...sample,
      hearing: { ...sample.hearing!, isPublic: false, nonPublicReason: '涉及商业秘密' },
    });
    expect(text).toContain('不公开举行听证（不公开举行的理由：涉及商业秘密）');
    await expect(
      renderCaseDocument('HEARING_NOTICE', {
        ...sample,
        hearing: { ...sample.hearing!, isPublic: false, nonPublicReason: null },
      }),
    ).rejects.toMatchObject({ details: { path: 'hearing.nonPublicReason' } });
  });

  it('names a missing presiding officer', async () => {
    await expect(
      renderCaseDocument('HEARING_NOTICE', {
        ...sample,
        hearing: { ...sample.hearing!, presidingOfficer: '' },
      }),
    ).rejects.toMatchObject({ details: { path: 'hearing.presidingOfficer' } });
  });
});

describe('行政处罚决定书 (PENALTY_DECISION)', () => {
  const sample = penaltyDecisionKind.sampleInput;

  it('holds every element of APL art. 59, payment (APL 67, 72) and remedies', async () => {
    const { text } = await textOf('PENALTY_DECISION', sample);
    expectAll(text, [
      '行政处罚决定书',
      '京网信罚决〔2026〕15号',
      '当事人：北京某某科技有限公司',
      '统一社会信用代码：91110108MA01ABCD2H',
      '住所：北京市海淀区某某路8号院3号楼501室',
      '《行政处罚事先告知书》（京网信罚告〔2026〕12号）',
      '本机关于2026年10月16日依法举行了听证',
      '经查，你单位运营的',
      '上述事实，有下列证据证明：',
      '询问笔录（法定代表人张某）',
      '本机关对你单位的陈述、申辩意见部分予以采纳',
      '违反了《中华人民共和国个人信息保护法》第十七条第一款的规定',
      '本机关决定对你单位作出如下行政处罚：',
      '（三）罚款人民币伍拾万元整（500,000.00元）。',
      '责令你单位立即改正',
      '自收到本决定书之日起十五日内',
      '共计人民币伍拾壹万贰仟叁佰肆拾伍元陆角（512,345.60元）缴至中国工商银行北京市分行各营业网点',
      '北京市非税收入电子缴款系统',
      '每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额',
      '申请人民法院强制执行',
      '自收到本决定书之日起六十日内向北京市人民政府申请行政复议',
      '自收到本决定书之日起六个月内向北京市西城区人民法院提起行政诉讼',
      '本决定不停止执行',
      '（印章）',
      '2026年11月5日',
      // APL art. 34: the discretion tier, its ground and the benchmark.
      '本机关依据《网信部门行政处罚裁量权基准适用规定》进行裁量，鉴于你单位具有裁量基准规定的从轻处罚情节（《中华人民共和国行政处罚法》第三十四条）的情节，对你单位从轻处罚。',
      // The sample office has an internet channel (Reconsideration Law art. 22(2)).
      '（也可以通过北京市行政复议网上申请平台在线提交行政复议申请书）',
    ]);
  });

  it('Reconsideration Law art. 22(2): the office’s online channel for reconsideration is stated with the remedies; CSL (2025) art. 73 is cited with the 减轻 ground', async () => {
    const decision = sample.decision!;
    const { text } = await textOf('PENALTY_DECISION', {
      ...sample,
      decision: {
        ...decision,
        remedies: { ...decision.remedies, onlineChannel: '北京市行政复议网上申请平台' },
        discretion: {
          tier: 'MITIGATED',
          tierName: '减轻处罚',
          tierPhrase: '减轻处罚',
          grounds: [{ term: '主动消除或者减轻违法行为危害后果', basis: [apl(32, undefined, 1)] }],
          groundsText:
            '主动消除或者减轻违法行为危害后果（《中华人民共和国行政处罚法》第三十二条第（一）项）',
          referencesText: '《中华人民共和国网络安全法》第七十三条',
          statement: null,
          benchmark: '《网信部门行政处罚裁量权基准适用规定》',
        },
      },
    });
    expectAll(text, [
      '向北京市人民政府申请行政复议（也可以通过北京市行政复议网上申请平台在线提交行政复议申请书）',
      '的情节，依照《中华人民共和国网络安全法》第七十三条的规定，对你单位减轻处罚。',
    ]);
    // An office without a channel: none is stated.
    const { text: without } = await textOf('PENALTY_DECISION', {
      ...sample,
      decision: { ...decision, remedies: { ...decision.remedies, onlineChannel: null } },
    });
    expect(without).not.toContain('在线提交行政复议申请书');
  });

  it('a warning only: no payment paragraph', async () => {
    const decision = sample.decision!;
    const { text } = await textOf('PENALTY_DECISION', {
      ...sample,
      hearing: null,
      decision: {
        ...decision,
        penalties: [decision.penalties[0]!],
        statement: null,
        correction: null,
      },
    });
    expect(text).toContain('（一）警告。');
    expect(text).toContain('你单位在规定期限内未提出陈述、申辩意见');
    expect(text).toContain('本决定自送达之日起执行。');
    expect(text).not.toContain('加处罚款');
    expect(text).not.toContain('举行了听证');
    expect(text).not.toContain('和听证意见');
  });

  it('refuses money penalties without a payment section, naming it', async () => {
    await expect(
      renderCaseDocument('PENALTY_DECISION', {
        ...sample,
        decision: { ...sample.decision!, payment: null },
      }),
    ).rejects.toMatchObject({
      code: 'DOCUMENT_MANDATORY_ELEMENTS_MISSING',
      details: { missing: [{ path: 'decision.payment' }] },
    });
    await expect(
      renderCaseDocument('PENALTY_DECISION', {
        ...sample,
        decision: {
          ...sample.decision!,
          remedies: { ...sample.decision!.remedies, reconsiderationOrgan: '' },
        },
      }),
    ).rejects.toMatchObject({ details: { path: 'decision.remedies.reconsiderationOrgan' } });
  });

  it('renders a long case (many evidence items, several penalties, long facts) over several pages', async () => {
    const longFact = '该应用程序在后台持续收集用户位置信息，'.repeat(40) + '情节较重。';
    const decision = sample.decision!;
    const source: CaseDocumentSource = {
      ...sample,
      evidence: Array.from({ length: 30 }, (_, i) => ({
        ...sample.evidence[i % 3]!,
        title: `证据材料第${i + 1}份`,
      })),
      decision: {
        ...decision,
        facts: [...decision.facts, longFact, longFact, longFact],
        penalties: [
          ...decision.penalties,
          {
            kind: 'ORDER_TO_SUSPEND_BUSINESS',
            amountYuan: null,
            content: '责令暂停“某某”应用程序新用户注册服务三十日',
            basis: [pipl(66, 1)],
            provisionText: null,
          },
          {
            kind: 'FINE',
            amountYuan: '1000000.50',
            content: null,
            basis: [pipl(66, 2)],
            provisionText: null,
          },
        ],
      },
    };
    const { text, rendered } = await textOf('PENALTY_DECISION', source);
    expect(text).toContain('证据材料第30份');
    expect(text).toContain('（五）罚款人民币壹佰万元零伍角（1,000,000.50元）。');
    expect(text).toContain('人民币壹佰伍拾壹万贰仟叁佰肆拾陆元壹角（1,512,346.10元）');
    expect(text).toContain(
      '《中华人民共和国个人信息保护法》第六十六条第一款、《中华人民共和国个人信息保护法》第六十六条第二款',
    );
    expect(rendered.buffer.length).toBeGreaterThan(10_000);
  });

  it('renders a short case', async () => {
    const { text } = await textOf('PENALTY_DECISION', {
      ...sample,
      parties: [naturalPerson],
      evidence: [sample.evidence[0]!],
      hearing: null,
      decision: {
        ...sample.decision!,
        facts: ['你于2026年8月在某平台发布违法信息。'],
        reasons: ['上述事实清楚，证据确凿。'],
        correction: null,
        statement: null,
        penalties: [
          {
            kind: 'FINE',
            amountYuan: 2000,
            content: null,
            basis: [pipl(66, 1)],
            provisionText: null,
          },
        ],
      },
    });
    expectAll(text, [
      '当事人：陈某某',
      '（一）罚款人民币贰仟元整（2,000.00元）。',
      '你如不服本决定',
    ]);
  });
});

describe('不予行政处罚决定书 (NO_PENALTY_DECISION)', () => {
  const sample = noPenaltyDecisionKind.sampleInput;

  it('states the ground, its basis, the education given and the remedies', async () => {
    const { text } = await textOf('NO_PENALTY_DECISION', sample);
    expectAll(text, [
      '不予行政处罚决定书',
      '京网信不罚〔2026〕2号',
      '当事人：北京某某科技有限公司',
      '违反了《中华人民共和国个人信息保护法》第十七条第一款的规定',
      '鉴于你单位的上述行为属于初次违法且危害后果轻微并及时改正的情形，依据《中华人民共和国行政处罚法》第三十三条第一款的规定，本机关决定对你单位不予行政处罚。',
      '依据《中华人民共和国行政处罚法》第三十三条第三款的规定，本机关对你单位进行了教育。',
      '六十日内向北京市人民政府申请行政复议',
      '六个月内向北京市西城区人民法院提起行政诉讼',
      '（印章）',
      '2026年11月5日',
    ]);
    expect(text).not.toContain('罚款人民币');
  });

  it('facts not established: no provision violated, no education required', async () => {
    const { text } = await textOf('NO_PENALTY_DECISION', {
      ...sample,
      decision: {
        ...sample.decision!,
        facts: ['现有证据不能证明“某某”应用程序由你单位运营。'],
        correction: null,
        education: null,
        noPenaltyGround: {
          kind: 'FACTS_NOT_ESTABLISHED',
          explanation: '本机关调取的应用商店开发者信息显示，该应用程序的开发者为其他主体。',
          basis: [apl(57, 1, 3)],
        },
      },
    });
    expect(text).toContain(
      '鉴于本案违法事实不能成立，依据《中华人民共和国行政处罚法》第五十七条第一款第（三）项的规定',
    );
    expect(text).not.toContain('违反了');
  });

  it('a violation found but not penalised requires the education (APL 33 para. 3)', async () => {
    await expect(
      renderCaseDocument('NO_PENALTY_DECISION', {
        ...sample,
        decision: { ...sample.decision!, education: null },
      }),
    ).rejects.toMatchObject({
      code: 'DOCUMENT_MANDATORY_ELEMENTS_MISSING',
      details: {
        missing: expect.arrayContaining([{ kind: 'MANDATORY_PATH', path: 'decision.education' }]),
      },
    });
  });
});
