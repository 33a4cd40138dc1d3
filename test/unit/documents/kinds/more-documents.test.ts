// Correction order, on-the-spot decision, seizure extension and release, preservation handling,
// transfer letters and the not-docketed notice: rendered from the case source to .docx and read back.
import { describe, expect, it } from 'vitest';
import { renderCaseDocument } from '../../../../src/documents/document-registry.js';
import { correctionOrderKind } from '../../../../src/documents/kinds/correction-order.model.js';
import { onTheSpotPenaltyDecisionKind } from '../../../../src/documents/kinds/on-the-spot-penalty-decision.model.js';
import {
  seizureExtensionKind,
  seizureReleaseKind,
} from '../../../../src/documents/kinds/seizure-follow-up.model.js';
import { preservationHandlingKind } from '../../../../src/documents/kinds/preservation-handling-decision.model.js';
import {
  caseTransferKind,
  judicialTransferKind,
} from '../../../../src/documents/kinds/case-transfer.model.js';
import { notDocketedNoticeKind } from '../../../../src/documents/kinds/not-docketed-notice.model.js';
import { expectAll, textOf } from './render-kind.js';

describe('责令改正通知书 (CORRECTION_ORDER)', () => {
  const sample = correctionOrderKind.sampleInput;
  const order = sample.correctionOrder!;

  it('states the act, the provision breached, what to correct by when, the consequence and remedies', async () => {
    const text = await textOf('CORRECTION_ORDER', sample);
    expectAll(text, [
      '责令改正通知书',
      '京网信责改〔2026〕1号',
      '北京某某科技有限公司：',
      '经查，你单位运营的“某某”应用程序',
      '违反了《中华人民共和国个人信息保护法》第十七条第一款的规定',
      '依据《中华人民共和国行政处罚法》第二十八条第一款、《中华人民共和国个人信息保护法》第六十六条第一款的规定，本机关责令你单位于2026年8月24日前改正上述违法行为',
      '（一）在应用程序首次启动时',
      '（三）对已违法收集的个人信息进行核查',
      '在上述期限届满前将改正情况书面报告本机关（地址：北京市西城区某某大街1号',
      '你单位逾期不改正的，本机关将依据《中华人民共和国个人信息保护法》第六十六条第一款的规定依法给予行政处罚。',
      '自收到本通知书之日起六十日内向北京市人民政府申请行政复议',
      '自收到本通知书之日起六个月内向北京市西城区人民法院提起行政诉讼',
      '（印章）',
      '2026年8月14日',
    ]);
  });

  it('an immediate order with no remedies paragraph', async () => {
    const text = await textOf('CORRECTION_ORDER', {
      ...sample,
      correctionOrder: { ...order, mode: 'IMMEDIATE', deadline: null, remedies: null },
    });
    expectAll(text, [
      '本机关责令你单位立即改正上述违法行为',
      '改正后及时将改正情况',
      '你单位拒不改正的',
    ]);
    expect(text).not.toContain('逾期不改正');
    expect(text).not.toContain('申请行政复议');
  });

  it('refuses a missing section, a 限期改正 without its deadline and an empty consequence, naming the path', async () => {
    await expect(
      renderCaseDocument('CORRECTION_ORDER', { ...sample, correctionOrder: null }),
    ).rejects.toMatchObject({
      code: 'DOCUMENT_MANDATORY_ELEMENTS_MISSING',
      details: { missing: [{ kind: 'MANDATORY_PATH', path: 'correctionOrder' }] },
    });
    await expect(
      renderCaseDocument('CORRECTION_ORDER', {
        ...sample,
        correctionOrder: { ...order, deadline: null },
      }),
    ).rejects.toMatchObject({ details: { path: 'correctionOrder.deadline' } });
    await expect(
      renderCaseDocument('CORRECTION_ORDER', {
        ...sample,
        correctionOrder: { ...order, consequence: '' },
      }),
    ).rejects.toMatchObject({ details: { path: 'correctionOrder.consequence' } });
  });
});

describe('当场行政处罚决定书 (ON_THE_SPOT_PENALTY_DECISION)', () => {
  const sample = onTheSpotPenaltyDecisionKind.sampleInput;
  const summary = sample.summaryPenalty!;

  it('holds every element of APL art. 52, the on-the-spot collection (art. 68) and reconsideration first', async () => {
    const text = await textOf('ON_THE_SPOT_PENALTY_DECISION', sample);
    expectAll(text, [
      '当场行政处罚决定书',
      '京网信当罚〔2026〕1号',
      '当事人：陈某某',
      '公民身份号码：11010519900721302X',
      '经查，你经营的某某打印店',
      '违反了《中华人民共和国个人信息保护法》第十七条第一款的规定',
      '本机关执法人员已向你出示执法证件',
      '你的陈述、申辩意见为：对上述事实无异议',
      '依据《中华人民共和国个人信息保护法》第六十六条第一款和《中华人民共和国行政处罚法》第五十一条、第五十二条的规定',
      '于2026年11月5日10时20分在北京市朝阳区某某路12号某某打印店当场对你作出如下行政处罚',
      '（一）警告。',
      '（二）罚款人民币壹佰元整（100.00元）。',
      '责令你立即停止以该小程序收集顾客身份证件照片',
      '《中华人民共和国行政处罚法》第六十八条第（一）项',
      '由执法人员当场收缴',
      '专用票据（票据号码：京财罚票〔2026〕0012345）',
      '《中华人民共和国行政复议法》第二十条、第二十三条第一款第（一）项',
      '应当先自收到本决定书之日起六十日内向北京市人民政府申请行政复议',
      '自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼',
      '李某',
      '11010026001',
      '赵某',
      '11010026002',
      '执法人员签名',
      '当事人拒绝签收的',
      '报本机关备案',
      '（印章）',
    ]);
    expect(text).not.toContain('第六十七条');
  });

  it('APL art. 34 (E10): states the discretion recorded with the summary penalty as the decision letter does, and none when none was recorded', async () => {
    const text = await textOf('ON_THE_SPOT_PENALTY_DECISION', sample);
    expect(text).toContain(
      '本机关依据《网信部门行政处罚裁量权基准适用规定》进行裁量，鉴于你具有裁量基准规定的从轻处罚情节（《中华人民共和国行政处罚法》第三十四条）的情节，对你从轻处罚。当事人当场删除了部分已收集的身份证件照片。',
    );
    const none = await textOf('ON_THE_SPOT_PENALTY_DECISION', {
      ...sample,
      summaryPenalty: { ...summary, discretion: null },
    });
    expect(none).not.toContain('进行裁量');
  });

  it('a fine paid at the bank: APL 67 and 72 instead of collection', async () => {
    const text = await textOf('ON_THE_SPOT_PENALTY_DECISION', {
      ...sample,
      summaryPenalty: {
        ...summary,
        penalties: [{ ...summary.penalties[1]!, amountYuan: '200' }],
        collection: null,
        statement: null,
        correction: null,
      },
    });
    expectAll(text, [
      '（一）罚款人民币贰佰元整（200.00元）。',
      '你未提出陈述、申辩意见。',
      '自收到本决定书之日起十五日内，将上述罚款人民币贰佰元整（200.00元）缴至中国工商银行北京市分行各营业网点',
      '每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额',
    ]);
    expect(text).not.toContain('当场收缴');
  });

  it('a warning only: nothing to pay or collect', async () => {
    const text = await textOf('ON_THE_SPOT_PENALTY_DECISION', {
      ...sample,
      summaryPenalty: { ...summary, penalties: [summary.penalties[0]!] },
    });
    expect(text).toContain('（一）警告。');
    expect(text).not.toContain('罚款人民币');
    expect(text).not.toContain('当场收缴');
  });

  it('refuses a missing place, a missing receipt number and a missing section, naming the path', async () => {
    await expect(
      renderCaseDocument('ON_THE_SPOT_PENALTY_DECISION', {
        ...sample,
        summaryPenalty: { ...summary, place: '' },
      }),
    ).rejects.toMatchObject({
      code: 'TEMPLATE_FIELD_MISSING',
      details: { path: 'summaryPenalty.place' },
    });
    await expect(
      renderCaseDocument('ON_THE_SPOT_PENALTY_DECISION', {
        ...sample,
        summaryPenalty: {
          ...summary,
          collection: { ground: 'FINE_UP_TO_100', receiptNumber: '' },
        },
      }),
    ).rejects.toMatchObject({ details: { path: 'summaryPenalty.collection.receiptNumber' } });
    await expect(
      renderCaseDocument('ON_THE_SPOT_PENALTY_DECISION', { ...sample, summaryPenalty: null }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'summaryPenalty' }] } });
    await expect(
      renderCaseDocument('ON_THE_SPOT_PENALTY_DECISION', {
        ...sample,
        summaryPenalty: { ...summary, penalties: [] },
      }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'summaryPenalty.penalties' }] } });
  });
});

describe('延长查封（扣押）期限决定书 (SEIZURE_EXTENSION_NOTICE)', () => {
  const sample = seizureExtensionKind.sampleInput;
  const seizure = sample.seizure!;

  it('recalls the measure, gives the reasons, the extension and the remedies (Compulsion Law art. 25)', async () => {
    const text = await textOf('SEIZURE_EXTENSION_NOTICE', sample);
    expectAll(text, [
      '延长扣押期限决定书',
      '京网信延查扣〔2026〕1号',
      '本机关于2026年8月15日对你单位的有关财物（详见《扣押清单》，编号：京网信扣清〔2026〕2号）实施了扣押（《扣押决定书》京网信查扣〔2026〕2号），扣押期限为三十日，至2026年9月13日止。',
      '延长理由：扣押的应用服务器存储数据量大',
      '依据《中华人民共和国行政强制法》第二十五条的规定，经本机关负责人批准，本机关决定将上述财物的扣押期限延长三十日，至2026年10月13日止。',
      '六十日内向北京市人民政府申请行政复议',
      '六个月内向北京市西城区人民法院提起行政诉讼',
      '（印章）',
      '2026年9月10日',
    ]);
  });

  it('prints 查封 for a sealing and refuses a missing extension or reason, naming the path', async () => {
    const text = await textOf('SEIZURE_EXTENSION_NOTICE', {
      ...sample,
      seizure: { ...seizure, measure: 'SEAL' },
    });
    expect(text).toContain('延长查封期限决定书');
    await expect(
      renderCaseDocument('SEIZURE_EXTENSION_NOTICE', {
        ...sample,
        seizure: { ...seizure, extension: null },
      }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'seizure.extension' }] } });
    await expect(
      renderCaseDocument('SEIZURE_EXTENSION_NOTICE', {
        ...sample,
        seizure: { ...seizure, extension: { ...seizure.extension!, reason: '' } },
      }),
    ).rejects.toMatchObject({ details: { path: 'seizure.extension.reason' } });
    await expect(
      renderCaseDocument('SEIZURE_EXTENSION_NOTICE', {
        ...sample,
        seizure: { ...seizure, decisionNumber: null },
      }),
    ).rejects.toMatchObject({ details: { path: 'seizure.decisionNumber' } });
  });
});

describe('解除查封（扣押）决定书 (SEIZURE_RELEASE_DECISION)', () => {
  const sample = seizureReleaseKind.sampleInput;
  const seizure = sample.seizure!;

  it('states the ground of Compulsion Law art. 28(1), the items and their immediate return', async () => {
    const text = await textOf('SEIZURE_RELEASE_DECISION', sample);
    expectAll(text, [
      '解除扣押决定书',
      '京网信解查扣〔2026〕1号',
      '（《扣押决定书》京网信查扣〔2026〕2号，《扣押清单》编号：京网信扣清〔2026〕2号）',
      '上述情形属于《中华人民共和国行政强制法》第二十八条第一款第（五）项规定的“其他不再需要采取查封、扣押措施的情形”。',
      '依据《中华人民共和国行政强制法》第二十七条、第二十八条的规定，本机关决定自2026年9月30日起解除对下列财物的扣押，并立即退还你单位',
      '应用服务器',
      '封条完好',
      '当场清点领回上述财物',
      '领回人签名',
      '（印章）',
    ]);
  });

  it('prints the ground the release names', async () => {
    const text = await textOf('SEIZURE_RELEASE_DECISION', {
      ...sample,
      seizure: { ...seizure, release: { ...seizure.release!, ground: 'PERIOD_EXPIRED' } },
    });
    expect(text).toContain('第二十八条第一款第（四）项规定的“查封、扣押期限已经届满”');
  });

  it('refuses a missing release and an empty item list entry, naming the path', async () => {
    await expect(
      renderCaseDocument('SEIZURE_RELEASE_DECISION', {
        ...sample,
        seizure: { ...seizure, release: null },
      }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'seizure.release' }] } });
    await expect(
      renderCaseDocument('SEIZURE_RELEASE_DECISION', {
        ...sample,
        seizure: {
          ...seizure,
          release: {
            ...seizure.release!,
            items: [{ ...seizure.release!.items[0]!, quantity: '' }],
          },
        },
      }),
    ).rejects.toMatchObject({ details: { path: 'seizure.release.items[].quantity' } });
  });
});

describe('先行登记保存处理决定书 (PRESERVATION_HANDLING_DECISION)', () => {
  const sample = preservationHandlingKind.sampleInput;
  const preservation = sample.preservation!;

  it('recalls the preservation and states the handling decided within seven working days (APL art. 56)', async () => {
    const text = await textOf('PRESERVATION_HANDLING_DECISION', sample);
    expectAll(text, [
      '先行登记保存处理决定书',
      '京网信先保处〔2026〕1号',
      '经本机关负责人批准，于2026年8月14日对你单位的下列物品予以先行登记保存（《先行登记保存证据通知书》京网信先保〔2026〕4号）',
      '应用服务器',
      '依据《中华人民共和国行政处罚法》第五十六条的规定，本机关在先行登记保存之日起七个工作日内，于2026年8月15日对上述物品作出处理决定如下：对上述物品依法采取扣押措施，并另行制作扣押决定书',
      '上述物品的先行登记保存措施解除',
      '（印章）',
    ]);
    // The measure comes from the case record (seizure.measure), never 「查封（扣押）」.
    expect(text).not.toContain('查封（扣押）');
  });

  it('a return is addressed to the party; OTHER prints the details only', async () => {
    const returned = await textOf('PRESERVATION_HANDLING_DECISION', {
      ...sample,
      preservation: {
        ...preservation,
        handling: {
          ...preservation.handling!,
          handling: 'RETURN',
          details: '经核查，上述物品与本案无关。',
        },
      },
    });
    expect(returned).toContain('解除先行登记保存，将上述物品退还你单位。');
    const other = await textOf('PRESERVATION_HANDLING_DECISION', {
      ...sample,
      preservation: {
        ...preservation,
        handling: {
          ...preservation.handling!,
          handling: 'OTHER',
          details: '对上述物品拍照、复制后退还。',
        },
      },
    });
    expect(other).toContain('作出处理决定如下：\n');
    expect(other).toContain('对上述物品拍照、复制后退还。');
  });

  it('refuses a missing handling and a missing notice number, naming the path', async () => {
    await expect(
      renderCaseDocument('PRESERVATION_HANDLING_DECISION', {
        ...sample,
        preservation: { ...preservation, handling: null },
      }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'preservation.handling' }] } });
    await expect(
      renderCaseDocument('PRESERVATION_HANDLING_DECISION', {
        ...sample,
        preservation: { ...preservation, noticeNumber: null },
      }),
    ).rejects.toMatchObject({ details: { path: 'preservation.noticeNumber' } });
  });
});

describe('案件移送函 (CASE_TRANSFER_LETTER) and 涉嫌犯罪案件移送书 (JUDICIAL_TRANSFER_LETTER)', () => {
  const administrative = caseTransferKind.sampleInput;
  const judicial = judicialTransferKind.sampleInput;

  it('the letter names the recipient, the party, the facts, the reasons and basis, and the materials', async () => {
    const text = await textOf('CASE_TRANSFER_LETTER', administrative);
    expectAll(text, [
      '案件移送函',
      '京网信移〔2026〕1号',
      '天津市互联网信息办公室：',
      '本机关在办理北京某某科技有限公司涉嫌未履行个人信息保护义务一案（案号：京网信案〔2026〕15号）中',
      '统一社会信用代码：91110108MA01ABCD2H',
      '经查，当事人运营的“某某”应用程序',
      '违法行为发生地在天津市，本案不属于本机关管辖',
      '依据《中华人民共和国行政处罚法》第二十二条的规定，经本机关负责人批准，现将该案移送你单位依法处理。',
      '询问笔录',
      '（印章）',
      '2026年8月25日',
    ]);
    expect(text).not.toContain('你单位运营');
  });

  it('the judicial transfer names the offence, cites APL 27(1) and 57(1)(4), and sends the seized items (Compulsion Law art. 21)', async () => {
    const text = await textOf('JUDICIAL_TRANSFER_LETTER', judicial);
    expectAll(text, [
      '涉嫌犯罪案件移送书',
      '京网信刑移〔2026〕1号',
      '北京市公安局海淀分局：',
      '发现当事人涉嫌侵犯公民个人信息罪',
      '出售给第三方',
      '依据《中华人民共和国行政处罚法》第二十七条第一款、第五十七条第一款第（四）项的规定，经本机关负责人批准，现将该案移送你单位',
      '依据《中华人民共和国行政强制法》第二十一条的规定，本机关扣押的下列财物（《扣押清单》编号：京网信扣清〔2026〕2号）一并移送，并将书面告知当事人',
      '涉嫌犯罪案件情况的调查报告',
      '（印章）',
    ]);
    const noItems = await textOf('JUDICIAL_TRANSFER_LETTER', {
      ...judicial,
      transfer: { ...judicial.transfer!, withSeizedItems: false },
    });
    expect(noItems).not.toContain('第二十一条');
  });

  it('refuses the wrong kind of transfer, a missing offence and seized items without a seizure', async () => {
    await expect(renderCaseDocument('CASE_TRANSFER_LETTER', judicial)).rejects.toMatchObject({
      details: { missing: [{ path: 'transfer.kind' }] },
    });
    await expect(
      renderCaseDocument('JUDICIAL_TRANSFER_LETTER', administrative),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'transfer.kind' }] } });
    await expect(
      renderCaseDocument('JUDICIAL_TRANSFER_LETTER', {
        ...judicial,
        transfer: { ...judicial.transfer!, suspectedOffence: null },
      }),
    ).rejects.toMatchObject({
      code: 'TEMPLATE_FIELD_MISSING',
      details: { path: 'transfer.suspectedOffence' },
    });
    await expect(
      renderCaseDocument('JUDICIAL_TRANSFER_LETTER', { ...judicial, seizure: null }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'seizure' }] } });
    await expect(
      renderCaseDocument('CASE_TRANSFER_LETTER', { ...administrative, transfer: null }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'transfer' }] } });
  });
});

describe('不予立案告知书 (NOT_DOCKETED_NOTICE_TO_COMPLAINANT)', () => {
  const sample = notDocketedNoticeKind.sampleInput;
  const origin = sample.origin!;
  const docketing = sample.docketing!;

  it('tells the named reporter what was reported, the reasons and the decision date', async () => {
    const text = await textOf('NOT_DOCKETED_NOTICE_TO_COMPLAINANT', sample);
    expectAll(text, [
      '不予立案告知书',
      '京网信不立告〔2026〕1号',
      '刘某：',
      '你于2026年8月10日向本机关举报北京某某科技有限公司涉嫌未履行个人信息保护义务的问题',
      '未发现你反映的违法行为，不符合立案条件。',
      '经本机关负责人批准，本机关于2026年8月21日决定不予立案。',
      '（印章）',
      '2026年8月24日',
    ]);
    expect(text).not.toContain('13900000000');
    const complaint = await textOf('NOT_DOCKETED_NOTICE_TO_COMPLAINANT', {
      ...sample,
      origin: { ...origin, kind: 'COMPLAINT' },
    });
    expect(complaint).toContain('向本机关投诉');
  });

  it('refuses an anonymous source, a docketed case and a decision not yet approved, naming the path', async () => {
    await expect(
      renderCaseDocument('NOT_DOCKETED_NOTICE_TO_COMPLAINANT', {
        ...sample,
        origin: { ...origin, reporter: null },
      }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'origin.reporter' }] } });
    await expect(
      renderCaseDocument('NOT_DOCKETED_NOTICE_TO_COMPLAINANT', {
        ...sample,
        origin: { ...origin, kind: 'INSPECTION' },
      }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'origin.kind' }] } });
    await expect(
      renderCaseDocument('NOT_DOCKETED_NOTICE_TO_COMPLAINANT', {
        ...sample,
        docketing: { ...docketing, decision: 'DOCKET' },
      }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'docketing.decision' }] } });
    await expect(
      renderCaseDocument('NOT_DOCKETED_NOTICE_TO_COMPLAINANT', {
        ...sample,
        docketing: { ...docketing, headOpinion: null },
      }),
    ).rejects.toMatchObject({ details: { path: 'notDocketed.decidedOn' } });
  });
});
