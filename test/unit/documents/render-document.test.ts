import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../../src/documents/document-errors.js';
import { renderDocument } from '../../../src/documents/render-document.js';
import { countOf, readDocx } from './docx-reader.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/templates/${name}`, import.meta.url), 'utf8');
const noticeTemplate = fixture('pre-penalty-notice.hbs');
const noticeSample = () =>
  JSON.parse(fixture('pre-penalty-notice.sample.json')) as Record<string, unknown>;

async function renderNotice(model: object = noticeSample()) {
  return renderDocument({
    templateSource: noticeTemplate,
    templateName: 'pre-penalty-notice',
    model,
  });
}

describe('renderDocument: the sample 行政处罚事先告知书 end to end', () => {
  it('produces a docx whose text reads back with mammoth and in document.xml', async () => {
    const result = await renderNotice();
    const docx = await readDocx(result.buffer);
    for (const expected of [
      '北京市互联网信息办公室',
      '行政处罚事先告知书',
      '京网信罚告〔2026〕12号',
      '北京某某科技有限公司：',
      '本机关于2026年9月1日对你（单位）涉嫌未履行个人信息保护义务一案立案调查。',
      '一、违法事实',
      '你（单位）的上述行为违反了《中华人民共和国个人信息保护法》第十七条第一款的规定。',
      '（二）罚款人民币伍万元整（50,000.00元）。',
      '五个工作日',
      '（印章）',
      '2026年11月22日',
      '询问笔录（法定代表人张某）',
    ]) {
      expect(docx.rawText).toContain(expected);
      expect(result.text).toContain(expected);
    }
    expect(docx.documentXml).toContain('<w:tbl>');
    expect(result.templateSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.markup.split('\n')[0]).toBe('@office 北京市互联网信息办公室');
  });

  it('drops the hearing paragraph when the case is not hearing-eligible', async () => {
    const result = await renderNotice({ ...noticeSample(), is_hearing_eligible: false });
    expect(result.text).not.toContain('听证');
    expect(result.text).toContain('逾期未提出陈述、申辩意见的，视为放弃上述权利。');
  });

  it('a missing field stops generation and names the path', async () => {
    const model = noticeSample();
    model.contact = { person: '王某', address: '北京' };
    await expect(renderNotice(model)).rejects.toMatchObject({
      code: 'TEMPLATE_FIELD_MISSING',
      details: { path: 'contact.phone' },
    });
  });

  it('refuses generation listing every missing mandatory element', async () => {
    const rejection = renderDocument({
      templateSource: noticeTemplate,
      templateName: 'pre-penalty-notice',
      model: { ...noticeSample(), is_hearing_eligible: false },
      options: {
        mandatoryElements: { paths: ['party.name', 'party.address'], phrases: ['听证', '陈述'] },
      },
    });
    await expect(rejection).rejects.toBeInstanceOf(DocumentError);
    await expect(rejection).rejects.toMatchObject({
      code: 'DOCUMENT_MANDATORY_ELEMENTS_MISSING',
      details: {
        missing: [
          { kind: 'MANDATORY_PATH', path: 'party.address' },
          { kind: 'MANDATORY_PHRASE', phrase: '听证' },
        ],
      },
    });
  });

  it('writes special characters once-escaped in the XML and literally in the text', async () => {
    const name = '<特殊字符 & "引号">';
    const result = await renderNotice({ ...noticeSample(), party: { name, kind: 'ORGANIZATION' } });
    const docx = await readDocx(result.buffer);
    expect(docx.documentXml).toContain('&lt;特殊字符 &amp; &quot;引号&quot;&gt;');
    expect(docx.documentXml).not.toContain('&amp;amp;');
    expect(docx.documentXml).not.toContain('&amp;lt;');
    expect(docx.rawText).toContain(`${name}：`);
  });

  it('model text cannot inject markup (headings, directives, table cells)', async () => {
    const model = noticeSample();
    model.evidence_list = [{ title: 'A|B', purpose: '# 不是标题\n@pagebreak' }];
    const result = await renderNotice(model);
    const docx = await readDocx(result.buffer);
    expect(docx.rawText).toContain('A|B');
    expect(docx.rawText).toContain('# 不是标题');
    expect(docx.rawText).toContain('@pagebreak');
    expect(countOf(docx.documentXml, '<w:tc>')).toBe(3 * 2);
  });
});

describe('layout (GB/T 9704-2012)', () => {
  it('A4, margins 37/26/35/28 mm, 22 lines of 28 characters, footers with — n — on the outer edge', async () => {
    const docx = await readDocx((await renderNotice()).buffer);
    const xml = docx.documentXml;
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // 12756 twips of 版心 / 22 lines → exact 579-twip lines (22 × 579 = 12738 ≤ 12756).
    expect(xml).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(docx.stylesXml).toContain('w:line="579" w:lineRule="exact"');
    // 28 × (16 pt − 0.3 pt) = 439.6 pt ≤ 442.25 pt of 版心 width, with slack for a closing mark
    // (at −0.25 pt, the exact fit, LibreOffice drops the 、，： ending a full line).
    expect(docx.stylesXml).toContain('<w:spacing w:val="-6"/>');
    expect(docx.stylesXml).not.toContain('<w:spacing w:val="-5"/>');
    // Odd pages right, even pages left, one 4号 character in; 4号 = 28 half-points, 宋体.
    expect(docx.settingsXml).toContain('<w:evenAndOddHeaders/>');
    expect(xml).toMatch(/<w:footerReference w:type="default"/);
    expect(xml).toMatch(/<w:footerReference w:type="even"/);
    expect(docx.footerXmls).toHaveLength(2);
    const [odd, even] = docx.footerXmls as [string, string];
    for (const footer of [odd, even]) {
      expect(footer).toContain('— ');
      expect(footer).toContain(' —');
      expect(footer).toContain('PAGE');
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(odd).toContain('w:right="280"');
    expect(even).toContain('<w:jc w:val="left"/>');
    expect(even).toContain('w:left="280"');
  });

  it('title 2号 bold 方正小标宋简体 off the grid, body 3号 仿宋_GB2312, headings 黑体/楷体_GB2312, zh-CN East Asian and en-US Latin on every run', async () => {
    const docx = await readDocx((await renderNotice()).buffer);
    const styles = docx.stylesXml;
    const style = (id: string) =>
      styles.slice(
        styles.indexOf(`w:styleId="${id}"`),
        styles.indexOf('</w:style>', styles.indexOf(`w:styleId="${id}"`)),
      );
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    expect(styles).toMatch(/<w:rPrDefault>.*<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/);
    expect(style('ZhifaTitle')).toContain('w:eastAsia="方正小标宋简体"');
    expect(style('ZhifaTitle')).toContain('<w:b/>');
    expect(style('ZhifaOffice')).toContain('<w:b/>');
    // A 2号 line snapped to the 28.95 pt grid would take two rows in LibreOffice.
    expect(style('ZhifaTitle')).toMatch(/<w:pPr>.*<w:snapToGrid w:val="0"\/><w:spacing /);
    expect(style('ZhifaOffice')).toMatch(/<w:pPr>.*<w:snapToGrid w:val="0"\/><w:spacing /);
    expect(style('ZhifaBody')).not.toContain('<w:snapToGrid');
    expect(style('ZhifaTitle')).toContain('<w:sz w:val="44"/>');
    expect(style('ZhifaTitle')).toContain('<w:jc w:val="center"/>');
    expect(style('ZhifaBody')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(style('ZhifaBody')).toContain('<w:sz w:val="32"/>');
    expect(style('ZhifaBody')).toMatch(/w:firstLine="640"|w:firstLineChars="200"/);
    expect(style('ZhifaHeading1')).toContain('w:eastAsia="黑体"');
    expect(style('ZhifaHeading2')).toContain('w:eastAsia="楷体_GB2312"');

    // Every run carries its East Asian font and language, not only the styles.
    const xml = docx.documentXml;
    const runs = xml.match(/<w:r>.*?<\/w:r>/g) ?? [];
    expect(runs.length).toBeGreaterThan(30);
    for (const run of runs) {
      expect(run).toMatch(
        /<w:rFonts [^>]*w:eastAsia="(仿宋_GB2312|方正小标宋简体|黑体|楷体_GB2312)"[^>]*w:hint="eastAsia"/,
      );
      // en-US for Latin: a zh-CN Latin slot lets LibreOffice break 2027 or 12,345.60 mid-number.
      expect(run).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    }
    expect(xml).toMatch(
      /w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>[^]*?行政处罚事先告知书/,
    );
  });

  it('declares the font substitutes in word/fontTable.xml', async () => {
    const docx = await readDocx((await renderNotice()).buffer);
    const fonts = docx.fontTableXml;
    expect(fonts).toContain(
      '<w:font w:name="方正小标宋简体"><w:altName w:val="FZXiaoBiaoSong-B05S"/>',
    );
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="KaiTi"/>');
    expect(countOf(fonts, '<w:charset w:val="86"/>')).toBe(5);
  });

  it('signature block: date 右空四字, office centred over it, kept together with the text above', async () => {
    const docx = await readDocx((await renderNotice()).buffer);
    const xml = docx.documentXml;
    const paragraphOf = (text: string) => {
      const at = xml.lastIndexOf(text);
      return xml.slice(xml.lastIndexOf('<w:p>', at), at);
    };
    // 2026年11月22日 = 7 characters wide, office name 11: (7 − 11) / 2 + 4 = 2 characters.
    expect(paragraphOf('2026年11月22日')).toContain('w:right="1280"');
    expect(paragraphOf('北京市互联网信息办公室</w:t>')).toContain('w:right="640"');
    expect(paragraphOf('（印章）')).toContain('<w:keepNext/>');
    expect(paragraphOf('北京市互联网信息办公室</w:t>')).toContain('<w:keepNext/>');
  });
});

describe('tables do not break badly', () => {
  const longTemplate = [
    '@office 北京市互联网信息办公室',
    '@title 涉案物品清单',
    '@party 当事人：{{party_name}}',
    '{{#each paragraphs}}',
    '{{this}}',
    '{{/each}}',
    '以下物品经双方核对无误：',
    '@table[widths=8,30,20,14,28 header=1 align=c,l,l,r,l]',
    '| 序号 | 名称 | 规格 | 数量 | 备注 |',
    '{{#each items}}',
    '| {{inc @index}} | {{name}} | {{spec}} | {{quantity}} | {{note}} |',
    '{{/each}}',
    '@end',
    '@pagebreak',
    '@title 审批表',
    '@form[widths=20,30,20,30]',
    '| 案由 | {{cause}} | 案号 | {{case_number}} |',
    '@row[height=40]',
    '| 承办人意见 | 同意。\\n签名：　　　　日期： | < | < |',
    '@end',
    '@blank 3',
    '@sign 北京市互联网信息办公室',
    '@date 2026年11月22日',
  ].join('\n');

  it('a long case: 60 rows, header row repeats, no row splits, pages break where asked', async () => {
    const model = {
      party_name: '北京某某科技有限公司',
      paragraphs: Array.from(
        { length: 40 },
        (_, i) =>
          `第${i + 1}段：当事人运营的应用程序存在违法收集个人信息的情形，相关电子数据已固定。`,
      ),
      items: Array.from({ length: 60 }, (_, i) => ({
        name: `服务器硬盘（编号SN-${1000 + i}）`,
        spec: '4TB',
        quantity: i + 1,
        note: i % 7 === 0 ? '封存于本机关证据室，封条完好，当事人签字确认' : '无',
      })),
      cause: '涉嫌未履行个人信息保护义务',
      case_number: '京网信案〔2026〕7号',
    };
    const result = await renderDocument({
      templateSource: longTemplate,
      templateName: 'long',
      model,
    });
    const docx = await readDocx(result.buffer);
    const xml = docx.documentXml;
    expect(countOf(xml, '<w:tbl>')).toBe(2);
    expect(countOf(xml, '<w:tr>')).toBe(61 + 2);
    expect(countOf(xml, '<w:cantSplit/>')).toBe(61 + 2);
    expect(countOf(xml, '<w:tblHeader/>')).toBe(1);
    // The header row is the first row of the first table.
    const firstRow = xml.slice(xml.indexOf('<w:tr>'), xml.indexOf('</w:tr>'));
    expect(firstRow).toContain('<w:tblHeader/>');
    expect(firstRow).toContain('序号');
    expect(xml).toContain('<w:gridSpan w:val="3"/>');
    expect(xml).toContain('<w:trHeight w:val="2268" w:hRule="atLeast"/>');
    expect(xml).toContain('<w:pageBreakBefore/>');
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    // Columns add up to the 版心 width exactly (8845 twips).
    const grid = [
      ...xml
        .slice(xml.indexOf('<w:tblGrid>'), xml.indexOf('</w:tblGrid>'))
        .matchAll(/w:w="(\d+)"/g),
    ].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(8845);
    // The lead-in paragraph stays with the table.
    const leadIn = xml.lastIndexOf('<w:p>', xml.indexOf('以下物品经双方核对无误'));
    expect(xml.slice(leadIn, xml.indexOf('以下物品经双方核对无误'))).toContain('<w:keepNext/>');
    expect(docx.rawText).toContain('服务器硬盘（编号SN-1059）');
    expect(docx.rawText).toContain('第40段');
    expect(result.text.split('\n').filter((l) => l.startsWith('60\t'))).toHaveLength(1);
  });

  it('a short case: one row, still a header and cantSplit', async () => {
    const model = {
      party_name: '张某',
      paragraphs: ['一段。'],
      items: [{ name: '手机', spec: '—', quantity: 1, note: '无' }],
      cause: '某案',
      case_number: '京网信案〔2026〕8号',
    };
    const result = await renderDocument({
      templateSource: longTemplate,
      templateName: 'short',
      model,
    });
    const xml = (await readDocx(result.buffer)).documentXml;
    expect(countOf(xml, '<w:tr>')).toBe(2 + 2);
    expect(countOf(xml, '<w:cantSplit/>')).toBe(4);
    expect(countOf(xml, '<w:tblHeader/>')).toBe(1);
  });
});

describe('page breaks', () => {
  it('@pagebreak before a paragraph sets pageBreakBefore; before a table it inserts a break', async () => {
    const source =
      '第一页\n@pagebreak\n第二页\n@pagebreak\n@table[widths=1]\n| 表 |\n@end\n@pagebreak';
    const xml = (
      await readDocx(
        (await renderDocument({ templateSource: source, templateName: 'breaks', model: {} }))
          .buffer,
      )
    ).documentXml;
    expect(countOf(xml, '<w:pageBreakBefore/>')).toBe(1);
    expect(countOf(xml, '<w:br w:type="page"/>')).toBe(1);
  });

  it('the text before a signature stays with it across blank lines', async () => {
    const source = '正文最后一段\n@blank 2\n@sign 机关\n@date 2026年1月1日';
    const xml = (
      await readDocx(
        (await renderDocument({ templateSource: source, templateName: 'keep', model: {} })).buffer,
      )
    ).documentXml;
    const body = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('机关'));
    expect(countOf(body, '<w:keepNext/>')).toBe(4);
  });
});

describe('renderDocument: a preview says so above everything else', () => {
  it('puts the preview banner on the first line, and only when asked', async () => {
    const banner = '预览稿 — 未编号、未送达，不具法律效力';
    const preview = await renderDocument({
      templateSource: noticeTemplate,
      templateName: 'pre-penalty-notice',
      model: noticeSample(),
      options: { previewBanner: banner },
    });
    expect(preview.text.split('\n')[0]).toBe(banner);
    expect((await readDocx(preview.buffer)).rawText).toContain(banner);
    const issued = await renderNotice();
    expect(issued.text).not.toContain('预览稿');
  });
});
