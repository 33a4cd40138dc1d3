// 送达回证 (one test per service method), 送达地址确认书, 催告书, 强制执行申请书 and 结案审批表:
// rendered from the case source to .docx and read back with mammoth.
import { describe, expect, it } from 'vitest';
import { renderCaseDocument } from '../../../../src/documents/document-registry.js';
import type {
  CaseDocumentSource,
  ServiceSource,
} from '../../../../src/documents/kinds/case-document-source.js';
import { caseClosingApprovalKind } from '../../../../src/documents/kinds/case-closing-approval-form.model.js';
import {
  courtEnforcementApplicationKind,
  enforcementDemandKind,
} from '../../../../src/documents/kinds/enforcement.model.js';
import { serviceAddressConfirmationKind } from '../../../../src/documents/kinds/service-address-confirmation.model.js';
import { serviceReceiptKind } from '../../../../src/documents/kinds/service-receipt.model.js';
import { localDate } from '../../../../src/procedure/local-date.js';
import { expectAll, textOf } from './render-kind.js';

function expectNone(text: string, unexpected: readonly string[]) {
  for (const phrase of unexpected) {
    expect(text, phrase).not.toContain(phrase);
  }
}

const d = localDate;

describe('送达回证 (SERVICE_RECEIPT)', () => {
  const sample = serviceReceiptKind.sampleInput;
  const base = sample.service!;
  const withService = (service: Partial<ServiceSource>): CaseDocumentSource => ({
    ...sample,
    service: { ...base, refusal: null, ...service },
  });
  const common = [
    '送达回证',
    '案号：京网信案〔2026〕15号',
    '送达文书名称及文号',
    '《行政处罚决定书》（京网信罚决〔2026〕15号）',
    '北京某某科技有限公司',
    '北京市海淀区某某路8号院3号楼501室',
    '李某、赵某',
    '《中华人民共和国行政处罚法》第六十一条',
  ];

  it('direct service signed by the legal representative: signer, role and date of receipt (CPL 87, 88)', async () => {
    const text = await textOf(
      'SERVICE_RECEIPT',
      withService({
        method: 'DIRECT',
        signedOn: d('2026-11-06'),
        remarks: null,
        documents: [
          { title: '行政处罚决定书', number: '京网信罚决〔2026〕15号' },
          { title: '行政处罚缴款书', number: null },
        ],
      }),
    );
    expectAll(text, [
      ...common,
      '《行政处罚缴款书》',
      '直接送达',
      '签收人：张某（法定代表人）',
      '收到日期：2026年11月6日',
      '送达日期依据《中华人民共和国民事诉讼法》第八十七条确定',
    ]);
    expectNone(text, ['拒绝签收', '见证人', '邮件号码', '公告载体', '电子送达地址', '受委托机关']);
  });

  it('signed by an adult family member or the receiving office, and entrusted service names the organ', async () => {
    const family = await textOf(
      'SERVICE_RECEIPT',
      withService({
        method: 'ADULT_FAMILY_MEMBER_OR_RECEIVING_OFFICE',
        recipient: { name: '刘某某', role: 'RECEIVING_OFFICE' },
        signedOn: d('2026-11-07'),
      }),
    );
    expectAll(family, [
      '交其同住成年家属或者单位收发部门签收',
      '签收人：刘某某（负责收件的人）',
      '收到日期：2026年11月7日',
    ]);
    const entrusted = await textOf(
      'SERVICE_RECEIPT',
      withService({
        method: 'ENTRUSTED',
        recipient: { name: '张某', role: 'LEGAL_REPRESENTATIVE' },
        signedOn: d('2026-11-09'),
        intermediary: '北京市海淀区互联网信息办公室',
      }),
    );
    expectAll(entrusted, [
      '委托送达',
      '受委托机关',
      '北京市海淀区互联网信息办公室',
      '送达日期依据《中华人民共和国民事诉讼法》第八十七条确定',
    ]);
  });

  it('refused: the reason, the witnesses, the photo or video record, left at the residence (CPL 89)', async () => {
    const text = await textOf('SERVICE_RECEIPT', sample);
    expectAll(text, [
      ...common,
      '留置送达',
      '张某（法定代表人）于2026年11月6日拒绝签收，理由：称对处罚决定不服，拒绝在送达回证上签名或者盖章。送达人已将文书留置在受送达人的住所。',
      '拍照、录像记录：执法记录仪录像ZFJL-20261106-031',
      '见证人签名',
      '王某某（某某路社区居民委员会工作人员）',
      '《中华人民共和国民事诉讼法》第八十九条',
    ]);
    expectNone(text, ['签收人：', '收到日期']);
  });

  it('refused and recorded by video only: no witness is named', async () => {
    const text = await textOf('SERVICE_RECEIPT', {
      ...sample,
      service: { ...base, refusal: { ...base.refusal!, witnesses: [] } },
    });
    expect(text).toContain('无见证人，以拍照、录像方式记录留置过程');
  });

  it('electronic: the confirmed address and the day it reached the system (CPL 90, APL 61(2))', async () => {
    const text = await textOf(
      'SERVICE_RECEIPT',
      withService({
        method: 'ELECTRONIC',
        recipient: null,
        electronic: { address: '电子邮箱：legal@mmapp-example.cn', reachedOn: d('2026-11-06') },
        place: '北京市互联网信息办公室（电子邮件发送）',
        remarks: '发送记录截图已存档。',
      }),
    );
    expectAll(text, [
      ...common,
      '电子送达',
      '电子邮箱：legal@mmapp-example.cn（经受送达人同意并签订送达地址确认书）',
      '到达受送达人特定系统的日期',
      '《中华人民共和国民事诉讼法》第九十条',
      '发送记录截图已存档。',
    ]);
    expectNone(text, ['签收人：', '拒绝签收', '邮件号码']);
  });

  it('mail: the tracking number and the receipt date on the return slip (CPL 91)', async () => {
    const text = await textOf(
      'SERVICE_RECEIPT',
      withService({
        method: 'MAIL',
        recipient: null,
        mail: { trackingNumber: 'EMS1234567890', receivedOn: d('2026-11-09') },
        servedOn: d('2026-11-06'),
        deemedServedOn: d('2026-11-09'),
        place: '中国邮政北京市西城区某某营业部（交寄）',
      }),
    );
    expectAll(text, [
      '邮寄送达',
      '邮件号码',
      'EMS1234567890',
      '回执注明的收件日期',
      '2026年11月9日',
      '《中华人民共和国民事诉讼法》第九十一条',
    ]);
    expectNone(text, ['签收人：', '拒绝签收', '特定系统']);
  });

  it('public notice: medium, date, reasons and process, deemed served 30 days later (CPL 95)', async () => {
    const text = await textOf(
      'SERVICE_RECEIPT',
      withService({
        method: 'PUBLIC_NOTICE',
        recipient: null,
        publicNotice: {
          medium: '北京市互联网信息办公室门户网站',
          publishedOn: d('2026-11-20'),
          reasonAndProcess:
            '受送达人下落不明，直接送达、邮寄送达均未成功，经本机关负责人批准公告送达。',
        },
        servedOn: d('2026-11-20'),
        deemedServedOn: d('2026-12-21'),
        place: '北京市互联网信息办公室门户网站',
      }),
    );
    expectAll(text, [
      '公告送达',
      '公告载体',
      '公告发出日期',
      '2026年11月20日',
      '公告送达的原因和经过',
      '受送达人下落不明',
      '2026年12月21日',
      '《中华人民共和国民事诉讼法》第九十五条',
    ]);
    expectNone(text, ['签收人：', '拒绝签收', '邮件号码']);
  });

  it('refuses a missing section, or the facts a method needs, naming the path', async () => {
    await expect(
      renderCaseDocument('SERVICE_RECEIPT', { ...sample, service: null }),
    ).rejects.toMatchObject({
      code: 'DOCUMENT_MANDATORY_ELEMENTS_MISSING',
      details: { missing: [{ kind: 'MANDATORY_PATH', path: 'service' }] },
    });
    const missing = async (service: Partial<ServiceSource>, path: string) =>
      expect(renderCaseDocument('SERVICE_RECEIPT', withService(service))).rejects.toMatchObject({
        details: { missing: [{ path }] },
      });
    await missing({ method: 'DIRECT', signedOn: null }, 'service.signedOn');
    await missing(
      { method: 'DIRECT', recipient: null, signedOn: d('2026-11-06') },
      'service.recipient',
    );
    await missing({ method: 'LEFT_AT_RESIDENCE', refusal: null }, 'service.refusal');
    await missing(
      {
        method: 'LEFT_AT_RESIDENCE',
        refusal: { reason: '拒收', witnesses: [], audiovisualRecord: null },
      },
      'service.refusal.witnesses',
    );
    await missing({ method: 'ELECTRONIC', electronic: null }, 'service.electronic');
    await missing({ method: 'MAIL', mail: null }, 'service.mail');
    await missing({ method: 'PUBLIC_NOTICE', publicNotice: null }, 'service.publicNotice');
    await missing(
      { method: 'FORWARDED', signedOn: d('2026-11-06'), intermediary: null },
      'service.intermediary',
    );
    await expect(
      renderCaseDocument('SERVICE_RECEIPT', { ...sample, service: { ...base, place: '' } }),
    ).rejects.toMatchObject({ code: 'TEMPLATE_FIELD_MISSING', details: { path: 'service.place' } });
    await expect(
      renderCaseDocument('SERVICE_RECEIPT', {
        ...sample,
        service: { ...base, refusal: { ...base.refusal!, reason: '' } },
      }),
    ).rejects.toMatchObject({ details: { path: 'service.refusal.reason' } });
  });
});

describe('送达地址确认书 (SERVICE_ADDRESS_CONFIRMATION)', () => {
  const sample = serviceAddressConfirmationKind.sampleInput;
  const address = sample.serviceAddress!;

  it('records the consent to electronic service, the addresses, the notices and the signature (APL 61(2))', async () => {
    const text = await textOf('SERVICE_ADDRESS_CONFIRMATION', sample);
    expectAll(text, [
      '送达地址确认书',
      '案号：京网信案〔2026〕15号',
      '北京某某科技有限公司',
      '是否同意电子送达',
      '同意',
      '电子邮箱：legal@mmapp-example.cn',
      '北京市海淀区某某路8号院3号楼501室（邮政编码：100080）',
      '王某某（法务专员）',
      '13800000001',
      '依据《中华人民共和国行政处罚法》第六十一条第二款的规定，当事人同意并签订确认书的',
      '以送达信息到达受送达人特定系统的日期为送达日期',
      '送达地址发生变更的，应当及时书面告知本机关',
      '送达地址不准确',
      '文书退回之日视为送达之日',
      '同意本机关采用电子方式送达',
      '受送达人签名或者盖章',
      '2026年8月20日',
    ]);
  });

  it('without consent: no electronic address, a blank date for signing by hand', async () => {
    const text = await textOf('SERVICE_ADDRESS_CONFIRMATION', {
      ...sample,
      serviceAddress: { ...address, consentGiven: false, electronicAddress: null, signedOn: null },
    });
    expectAll(text, ['不同意电子送达', '年　　月　　日']);
    expectNone(text, ['电子送达地址', 'legal@mmapp-example.cn', '同意本机关采用电子方式送达']);
  });

  it('refuses consent without an address, and a missing section, naming the path', async () => {
    await expect(
      renderCaseDocument('SERVICE_ADDRESS_CONFIRMATION', {
        ...sample,
        serviceAddress: { ...address, electronicAddress: null },
      }),
    ).rejects.toMatchObject({
      details: { missing: [{ path: 'serviceAddress.electronicAddress' }] },
    });
    await expect(
      renderCaseDocument('SERVICE_ADDRESS_CONFIRMATION', { ...sample, serviceAddress: null }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'serviceAddress' }] } });
    await expect(
      renderCaseDocument('SERVICE_ADDRESS_CONFIRMATION', {
        ...sample,
        serviceAddress: { ...address, phone: '' },
      }),
    ).rejects.toMatchObject({ details: { path: 'serviceAddress.phone' } });
  });
});

describe('催告书 (ENFORCEMENT_DEMAND)', () => {
  const sample = enforcementDemandKind.sampleInput;
  const enforcement = sample.enforcement!;

  it('holds the elements of Compulsion Law art. 35: time limit, manner, amount and payment, statement', async () => {
    const text = await textOf('ENFORCEMENT_DEMAND', sample);
    expectAll(text, [
      '催告书',
      '京网信催〔2027〕1号',
      '北京某某科技有限公司：',
      '本机关于2026年11月5日依据《中华人民共和国个人信息保护法》第六十六条第一款的规定，对你单位作出《行政处罚决定书》（京网信罚决〔2026〕15号）',
      '该决定书已于2026年11月6日送达你单位',
      '每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额',
      '截至2027年5月10日，加处罚款为人民币伍拾万元整（500,000.00元）',
      '依据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，本机关现催告你单位于2027年5月25日前履行下列义务',
      '（一）缴纳罚款人民币伍拾万元整（500,000.00元）；',
      '（二）缴纳没收的违法所得人民币壹万贰仟叁佰肆拾伍元陆角（12,345.60元）；',
      '（三）缴纳加处罚款人民币伍拾万元整（500,000.00元）。',
      '以上合计人民币壹佰零壹万贰仟叁佰肆拾伍元陆角（1,012,345.60元）',
      '缴至中国工商银行北京市分行各营业网点，也可以通过北京市非税收入电子缴款系统缴纳',
      '《中华人民共和国行政强制法》第三十五条第（四）项、第三十六条',
      '有权进行陈述和申辩',
      '自收到本催告书之日起三个工作日内',
      '依据《中华人民共和国行政强制法》第五十三条、第五十四条的规定，向北京市西城区人民法院申请强制执行。',
      '（印章）',
      '2027年5月10日',
    ]);
  });

  it('without confiscated gains the surcharge is item (二)', async () => {
    const text = await textOf('ENFORCEMENT_DEMAND', {
      ...sample,
      enforcement: {
        ...enforcement,
        confiscationYuan: null,
        surchargeYuan: '15000',
        totalYuan: '515000',
      },
    });
    expectAll(text, [
      '（二）缴纳加处罚款人民币壹万伍仟元整（15,000.00元）。',
      '以上合计人民币伍拾壹万伍仟元整（515,000.00元）',
    ]);
    expect(text).not.toContain('没收的违法所得');
  });

  it('refuses a missing section, a surcharge above the fine, a wrong total and a missing deadline', async () => {
    await expect(
      renderCaseDocument('ENFORCEMENT_DEMAND', { ...sample, enforcement: null }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'enforcement' }] } });
    await expect(
      renderCaseDocument('ENFORCEMENT_DEMAND', {
        ...sample,
        enforcement: { ...enforcement, surchargeYuan: '500000.01', totalYuan: '1012345.61' },
      }),
    ).rejects.toMatchObject({
      code: 'TEMPLATE_VALUE_INVALID',
      details: { path: 'enforcement.surchargeYuan' },
    });
    await expect(
      renderCaseDocument('ENFORCEMENT_DEMAND', {
        ...sample,
        enforcement: { ...enforcement, totalYuan: '1000000' },
      }),
    ).rejects.toMatchObject({ details: { path: 'enforcement.totalYuan' } });
    await expect(
      renderCaseDocument('ENFORCEMENT_DEMAND', {
        ...sample,
        enforcement: { ...enforcement, performBy: '' as never },
      }),
    ).rejects.toMatchObject({ details: { path: 'enforcement.performBy' } });
  });
});

describe('强制执行申请书 (COURT_ENFORCEMENT_APPLICATION)', () => {
  const sample = courtEnforcementApplicationKind.sampleInput;
  const enforcement = sample.enforcement!;
  const application = enforcement.application!;

  it('holds the elements of Compulsion Law art. 55: decision and basis, demand, party opinion, subject, head', async () => {
    const text = await textOf('COURT_ENFORCEMENT_APPLICATION', sample);
    expectAll(text, [
      '强制执行申请书',
      '京网信强申〔2027〕1号',
      '申请人：北京市互联网信息办公室',
      '负责人：周某',
      '被申请人：北京某某科技有限公司',
      '统一社会信用代码：91110108MA01ABCD2H',
      '住所：北京市海淀区某某路8号院3号楼501室',
      '法定代表人：张某',
      '请求北京市西城区人民法院依法强制执行申请人作出的《行政处罚决定书》（京网信罚决〔2026〕15号）',
      '截至2027年6月1日的加处罚款人民币伍拾万元整（500,000.00元），合计人民币壹佰零壹万贰仟叁佰肆拾伍元陆角（1,012,345.60元）',
      '依据《中华人民共和国个人信息保护法》第六十六条第一款的规定',
      '被申请人在法定期限内未申请行政复议或者提起行政诉讼，又不履行该行政处罚决定。截至本申请书作出之日，被申请人未缴纳任何罚没款和加处罚款。',
      '《催告书》（京网信催〔2027〕1号），该催告书已于2027年5月11日送达被申请人。催告书送达十日后，被申请人仍未履行义务。',
      '被申请人的意见及复核情况：被申请人于2027年5月13日提交书面陈述',
      '申请人认为，上述行政处罚决定认定事实清楚',
      '《中华人民共和国行政处罚法》第七十二条第一款第（四）项和《中华人民共和国行政强制法》第五十三条、第五十四条、第五十五条',
      '此致',
      '附件：',
      '1．《行政处罚决定书》（京网信罚决〔2026〕15号）及送达回证，1份（共8页）',
      '5．申请强制执行标的情况说明',
      '申请人负责人（签名）',
      '（印章）',
      '2027年6月1日',
    ]);
  });

  it('notes that the party stated nothing during the demand period', async () => {
    const text = await textOf('COURT_ENFORCEMENT_APPLICATION', {
      ...sample,
      enforcement: { ...enforcement, application: { ...application, partyOpinion: null } },
    });
    expect(text).toContain('被申请人在催告期间未提出陈述、申辩意见。');
  });

  it('refuses a missing application, court or attachment list, naming the path', async () => {
    await expect(
      renderCaseDocument('COURT_ENFORCEMENT_APPLICATION', {
        ...sample,
        enforcement: { ...enforcement, application: null },
      }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'enforcement.application' }] } });
    await expect(
      renderCaseDocument('COURT_ENFORCEMENT_APPLICATION', {
        ...sample,
        enforcement: { ...enforcement, application: { ...application, court: '' } },
      }),
    ).rejects.toMatchObject({ details: { path: 'enforcement.application.court' } });
    await expect(
      renderCaseDocument('COURT_ENFORCEMENT_APPLICATION', {
        ...sample,
        enforcement: { ...enforcement, application: { ...application, attachments: [] } },
      }),
    ).rejects.toMatchObject({
      details: { missing: [{ path: 'enforcement.application.attachments' }] },
    });
  });
});

describe('结案审批表 (CASE_CLOSING_APPROVAL_FORM)', () => {
  const sample = caseClosingApprovalKind.sampleInput;
  const closure = sample.closure!;

  it('states the ground, the handling, the decision, the performance, the documents and the approvals', async () => {
    const text = await textOf('CASE_CLOSING_APPROVAL_FORM', sample);
    expectAll(text, [
      '结案审批表',
      '案号：京网信案〔2026〕15号',
      '涉嫌未履行个人信息保护义务',
      '北京某某科技有限公司',
      '2026年8月12日',
      '结案理由',
      '行政处罚决定执行完毕',
      '京网信罚决〔2026〕15号（2026年11月5日作出）',
      // 处理结果: the penalties, every amount in capitals and figures (the decision letter's helpers).
      '警告，没收违法所得人民币壹万贰仟叁佰肆拾伍元陆角（12,345.60元），罚款人民币伍拾万元整（500,000.00元）。',
      '执行情况',
      '已于2026年11月18日缴纳人民币伍拾壹万贰仟叁佰肆拾伍元陆角（512,345.60元），通过',
      '《集体讨论记录》、《行政处罚决定书》（京网信罚决〔2026〕15号）、《送达回证》',
      '承办人意见',
      '当事人已全额履行行政处罚决定，建议结案并归档。',
      '签名：李某、赵某',
      '承办机构意见',
      '负责人审批意见',
      '签名：周某',
      '2026年11月27日',
    ]);
  });

  it('a no-penalty closure without payment, printed before the head approves', async () => {
    const text = await textOf('CASE_CLOSING_APPROVAL_FORM', {
      ...sample,
      closure: {
        ...closure,
        ground: 'NO_PENALTY',
        decision: { ...closure.decision!, number: '京网信不罚〔2026〕3号', penalties: [] },
        performance: null,
        headApproval: null,
      },
    });
    expectAll(text, [
      '作出不予行政处罚决定',
      '京网信不罚〔2026〕3号',
      '不予行政处罚。',
      '签名：　　　　　　年　　月　　日',
    ]);
    expect(text).not.toContain('已于2026年11月18日缴纳');
  });

  it('refuses a missing section, an executed case without performance, an empty ground summary', async () => {
    await expect(
      renderCaseDocument('CASE_CLOSING_APPROVAL_FORM', { ...sample, closure: null }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'closure' }] } });
    await expect(
      renderCaseDocument('CASE_CLOSING_APPROVAL_FORM', {
        ...sample,
        closure: { ...closure, performance: null },
      }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'closure.performance' }] } });
    await expect(
      renderCaseDocument('CASE_CLOSING_APPROVAL_FORM', {
        ...sample,
        closure: { ...closure, handlingSummary: '' },
      }),
    ).rejects.toMatchObject({ details: { path: 'closure.handlingSummary' } });
    // Money decided and no payment stated: the form cannot say the decision was executed.
    await expect(
      renderCaseDocument('CASE_CLOSING_APPROVAL_FORM', {
        ...sample,
        closure: {
          ...closure,
          performance: { paidYuan: null, paidOn: null, description: '已执行。' },
        },
      }),
    ).rejects.toMatchObject({ details: { missing: [{ path: 'closure.performance.paidYuan' }] } });
  });

  it('a warning executed by service: no payment row, the description states the execution (legal.md E11)', async () => {
    const text = await textOf('CASE_CLOSING_APPROVAL_FORM', {
      ...sample,
      closure: {
        ...closure,
        decision: { ...closure.decision!, penalties: [{ kind: 'WARNING', amountYuan: null }] },
        performance: {
          paidYuan: null,
          paidOn: null,
          description: '处罚决定不涉及缴纳款项，已于2026年11月6日送达当事人，执行完毕。',
        },
      },
    });
    expectAll(text, [
      '行政处罚决定执行完毕',
      '处罚决定不涉及缴纳款项，已于2026年11月6日送达当事人',
    ]);
    expect(text).not.toContain('缴纳人民币');
  });
});
