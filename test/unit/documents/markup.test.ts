import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../../src/documents/document-errors.js';
import {
  blocksToPlainText,
  escapeMarkupText,
  parseInline,
  parseMarkup,
  type Block,
} from '../../../src/documents/markup.js';

function markupError(markup: string): DocumentError<'MARKUP_INVALID'> {
  try {
    parseMarkup(markup, 'test');
  } catch (error) {
    if (error instanceof DocumentError && error.code === 'MARKUP_INVALID') {
      return error as DocumentError<'MARKUP_INVALID'>;
    }
    throw error;
  }
  throw new Error('expected MARKUP_INVALID');
}

const text = (t: string) => [{ kind: 'text', text: t }];

describe('parseMarkup', () => {
  it('parses the letter skeleton: office, title, number, addressee, party, headings, body', () => {
    const blocks = parseMarkup(
      [
        '@office[red] 北京市互联网信息办公室',
        '@title 行政处罚决定书',
        '@number[right] 京网信罚决〔2026〕3号',
        '  @to 某某公司：   ',
        '@party 当事人：某某公司',
        '# 一、违法事实',
        '## （一）事实',
        '### 1. 细节',
        '#### （1）更细',
        '正文段落',
        '@p[noindent] 不缩进',
        '@p[center] 居中',
        '',
        '@blank 2',
        '@pagebreak',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.kind)).toEqual([
      'office',
      'title',
      'number',
      'addressee',
      'party',
      'heading',
      'heading',
      'heading',
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
      'blank',
      'pageBreak',
    ]);
    expect(blocks[0]).toMatchObject({
      kind: 'office',
      red: true,
      text: text('北京市互联网信息办公室'),
      line: 1,
    });
    expect(blocks[2]).toMatchObject({ kind: 'number', align: 'right' });
    expect(blocks[3]).toMatchObject({ kind: 'addressee', text: text('某某公司：') });
    expect(
      blocks
        .filter((b) => b.kind === 'heading')
        .map((b) => (b as Extract<Block, { kind: 'heading' }>).level),
    ).toEqual([1, 2, 3, 4]);
    expect(blocks[9]).toMatchObject({ kind: 'paragraph', indent: true, align: 'justify' });
    expect(blocks[10]).toMatchObject({ kind: 'paragraph', indent: false, align: 'justify' });
    expect(blocks[11]).toMatchObject({ kind: 'paragraph', indent: false, align: 'center' });
    expect(blocks[12]).toMatchObject({ kind: 'blank', count: 2, line: 14 });
  });

  it('centres the document number by default (GB/T 9704 §7.2.5)', () => {
    expect(parseMarkup('@number 京网信罚告〔2026〕1号')[0]).toMatchObject({ align: 'center' });
  });

  it('groups consecutive @seal/@sign/@date into one signature block; @seal defaults to （印章）', () => {
    const blocks = parseMarkup(
      '正文\n@seal\n@sign 北京市互联网信息办公室\n@date 2026年11月22日\n附注',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'signature', 'paragraph']);
    expect(blocks[1]).toEqual({
      kind: 'signature',
      line: 2,
      lines: [
        { role: 'seal', text: text('（印章）') },
        { role: 'office', text: text('北京市互联网信息办公室') },
        { role: 'date', text: text('2026年11月22日') },
      ],
    });
  });

  it('parses tables: widths, header rows, alignment, merged cells, row heights', () => {
    const blocks = parseMarkup(
      [
        '@table[widths=10,40,50 header=1 align=c,l,r]',
        '| 序号 | 名称 | 金额 |',
        '| 1 | 甲 | 100 |',
        '@row[height=30]',
        '| 合计 | < | 100',
        '@end',
      ].join('\n'),
    );
    expect(blocks).toHaveLength(1);
    const table = blocks[0] as Extract<Block, { kind: 'table' }>;
    expect(table).toMatchObject({
      kind: 'table',
      style: 'grid',
      widths: [10, 40, 50],
      align: ['center', 'left', 'right'],
    });
    expect(table.rows.map((r) => r.isHeader)).toEqual([true, false, false]);
    expect(table.rows[2]).toEqual({
      cells: [
        { text: text('合计'), span: 2 },
        { text: text('100'), span: 1 },
      ],
      minHeightMm: 30,
      isHeader: false,
    });
  });

  it('parses label/value forms (审批表): labels centred, no header row', () => {
    const table = parseMarkup(
      '@form[widths=20,30,20,30]\n| 案由 | 某案 | 案号 | 1号 |\n| 意见 | < | < | < |\n@end',
    )[0] as Extract<Block, { kind: 'table' }>;
    expect(table.style).toBe('form');
    expect(table.align).toEqual(['center', 'left', 'center', 'left']);
    expect(table.rows.every((r) => !r.isHeader)).toBe(true);
    expect(table.rows[1]!.cells).toEqual([{ text: text('意见'), span: 4 }]);
  });

  it('escapes: literal markup characters and line breaks', () => {
    const blocks = parseMarkup(
      [
        '\\# 不是标题',
        '\\@title 不是指令',
        '\\| 不是表格',
        '反斜杠\\\\与\\n换行',
        '@table[widths=1,1]',
        '| a\\|b | \\< |',
        '@end',
      ].join('\n'),
    );
    expect(blocksToPlainText(blocks).split('\n')).toEqual([
      '# 不是标题',
      '@title 不是指令',
      '| 不是表格',
      '反斜杠\\与',
      '换行',
      'a|b\t<',
    ]);
    expect(parseInline('一\\n二')).toEqual([
      { kind: 'text', text: '一' },
      { kind: 'break' },
      { kind: 'text', text: '二' },
    ]);
  });

  it('escapeMarkupText makes any value literal', () => {
    const hostile = '# 标题\n@pagebreak\n| a | b |\n<\\n';
    const escaped = escapeMarkupText(hostile);
    expect(escaped).not.toContain('\n');
    const blocks = parseMarkup(`@table[widths=1]\n| ${escaped} |\n@end\n${escaped}`);
    expect(blocks.map((b) => b.kind)).toEqual(['table', 'paragraph']);
    expect(blocksToPlainText(blocks).split('\n').slice(-4)).toEqual([
      '# 标题',
      '@pagebreak',
      '| a | b |',
      '<\\n',
    ]);
  });

  it.each([
    ['@unknown 文本', 1, 'unknown directive @unknown'],
    ['正文\n@title', 2, '@title needs text'],
    ['@pagebreak 多余', 1, 'takes no text'],
    ['@number[middle] 1号', 1, 'has no option "middle"'],
    ['#标题', 1, 'a heading is 1 to 4'],
    ['##### 五级', 1, 'a heading is 1 to 4'],
    ['| a | b |', 1, 'outside @table'],
    ['@end', 1, 'outside a table'],
    ['@table\n| a |\n@end', 1, 'needs widths'],
    ['@table[widths=1,1]\n| a |\n@end', 2, 'row has 1 columns, the table declares 2'],
    ['@table[widths=1,1]\n| < | a |\n@end', 2, 'first cell'],
    ['@table[widths=1]\n正文\n@end', 2, 'only | rows'],
    ['正文\n@table[widths=1]\n| a |', 2, 'not closed'],
    ['@form[widths=1,1,1]\n| a | b | c |\n@end', 1, 'even number'],
    ['@blank 99', 1, '@blank takes a line count'],
    ['@table[widths=1]\n@end', 2, 'table has no rows'],
  ])('%j is MARKUP_INVALID at line %i', (markup, line, reason) => {
    const error = markupError(markup);
    expect(error.details.line).toBe(line);
    expect(error.details.reason).toContain(reason);
    expect(error.message).toContain(`line ${line}`);
  });
});
