import { describe, expect, it } from 'vitest';
import { apl } from '../../../src/procedure/legal-basis.js';
import {
  buildPublicationFields,
  maskIdNumber,
  yuanToWan,
  type PublicationInput,
} from '../../../src/publication/publication-record.js';

const base: PublicationInput = {
  party: {
    kind: 'LEGAL_PERSON',
    name: '北京星河数据科技有限公司',
    idType: 'UNIFIED_SOCIAL_CREDIT_CODE',
    idNumber: '91110108MA01XH7K2R',
    legalRepresentative: '周明远',
  },
  decisionNumber: '京网信罚〔2025〕1号',
  decisionDate: '2025-10-31' as never,
  violationTypes: ['违法处理个人信息'],
  facts: '未经单独同意向第三方提供个人信息',
  basis: [{ law: '中华人民共和国个人信息保护法', article: 66, paragraph: 1, status: 'V' }],
  penalties: [
    { kind: 'WARNING', amountYuan: null },
    { kind: 'FINE', amountYuan: '400000.00' },
  ],
  office: { name: '北京市互联网信息办公室', unifiedSocialCreditCode: '11110000000000020M' },
  endsOn: '2026-10-31' as never,
};

describe('双公示 publication fields (APL art. 48)', () => {
  it('projects a decided case: amounts in 万元, citations, publication end', () => {
    const fields = buildPublicationFields(base);
    expect(fields).toMatchObject({
      行政相对人类别: '法人及非法人组织',
      行政相对人代码_1: '91110108MA01XH7K2R',
      证件号码: null,
      处罚类别: '警告、罚款',
      罚款金额: '40',
      没收违法所得没收非法财物的金额: null,
      处罚依据: '《中华人民共和国个人信息保护法》第六十六条第一款',
      公示截止期: '2026-10-31',
    });
    expect(fields.处罚内容).toBe('警告；罚款人民币400,000元');
  });

  it('names the violated provisions’ unlawful acts as 违法行为类型, each once, and carries the optional fields as null', () => {
    const fields = buildPublicationFields({
      ...base,
      violationTypes: [
        '未经单独同意向他人提供个人信息',
        '未履行个人信息保护义务',
        '未经单独同意向他人提供个人信息',
      ],
    });
    expect(fields.违法行为类型).toBe('未经单独同意向他人提供个人信息；未履行个人信息保护义务');
    expect(fields).toMatchObject({
      行政相对人代码_2: null,
      行政相对人代码_6: null,
      法定代表人证件类型: null,
      法定代表人证件号码: null,
      暂扣或吊销证照名称及编号: null,
      备注: null,
    });
  });

  it('masks a natural person’s identity number and never prints it whole', () => {
    const fields = buildPublicationFields({
      ...base,
      party: {
        kind: 'NATURAL_PERSON',
        name: '张伟',
        idType: 'RESIDENT_ID_CARD',
        idNumber: '110105198803121236',
        legalRepresentative: null,
      },
    });
    expect(fields.证件号码).toBe('110105********1236');
    expect(JSON.stringify(fields)).not.toContain('19880312');
    expect(fields.行政相对人代码_1).toBeNull();
  });

  it.each([
    ['400000.00', '40'],
    ['0.01', '0.000001'],
    ['12345.67', '1.234567'],
    ['200', '0.02'],
  ])('%s yuan is %s 万元', (yuan, wan) => {
    expect(yuanToWan(yuan)).toBe(wan);
  });

  it('sums several fines in fen, without floating point', () => {
    const fields = buildPublicationFields({
      ...base,
      penalties: [
        { kind: 'FINE', amountYuan: '0.10' },
        { kind: 'FINE', amountYuan: '0.20' },
      ],
      basis: [apl(28)],
    });
    expect(fields.罚款金额).toBe('0.00003');
  });

  it('masks short identifiers entirely', () => {
    expect(maskIdNumber('AB123')).toBe('*****');
  });
});
