/**
 * The one style sheet of every generated document: page, fonts, sizes, spacing.
 * Reference: GB/T 9704-2012 《党政机关公文格式》 (numbers in docs/document-sources.md §6)
 * and docs/document-sources.md §8 for fonts. Nothing else in src/documents names a font or a size.
 *
 * Fonts: each run names one font per slot (ascii/hAnsi for Latin and digits, eastAsia for
 * Chinese). We write the OFFICIAL names (仿宋_GB2312, 方正小标宋简体 …) so that offices with the
 * fonts installed get the regulation look, and make the fallback explicit in two places:
 * 1. word/fontTable.xml (fontTableXml): each official name gets w:altName = the first substitute
 *    (the name Windows/WPS ship, e.g. 仿宋 → FangSong), w:charset 86 (GB2312), w:family and
 *    w:panose1, which Word uses to pick the closest installed face when neither is present.
 * 2. fontconfig (fontconfigAliasesXml): the full chain for server-side rendering with
 *    LibreOffice on Linux, e.g. 仿宋_GB2312 → FangSong → FandolFang → Noto Serif CJK SC.
 */
import {
  AlignmentType,
  DocumentGridType,
  LineRuleType,
  type IFontAttributesProperties,
  type IParagraphStyleOptions,
  type IRunStylePropertiesOptions,
  type IStylesOptions,
} from 'docx';

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

export const TWIPS_PER_MM = 1440 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** docx sizes are half-points. */
export function pointsToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Chinese type sizes (字号) in points. */
export const TYPE_SIZE_PT = {
  /** 2号: titles. */
  size2: 22,
  /** 3号: body, headings, signature. */
  size3: 16,
  /** 4号: page numbers, tables and forms (smaller table text is common practice, docs/document-sources.md §6, U). */
  size4: 14,
  /** 小四: form cells (送达回证, 审批表), so a form fits one sheet as the printed forms do. */
  sizeSmall4: 12,
} as const;

// ---------------------------------------------------------------------------------------------
// Page (GB/T 9704-2012 §5: A4; 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm)
// ---------------------------------------------------------------------------------------------

export const PAGE = {
  widthTwips: 11906, // 210 mm
  heightTwips: 16838, // 297 mm
  marginTopTwips: mmToTwips(37), // 2098
  marginLeftTwips: mmToTwips(28), // 1587
  marginRightTwips: mmToTwips(26), // 1474 = 210 − 28 − 156
  marginBottomTwips: mmToTwips(35), // 1984 = 297 − 37 − 225
  headerTwips: mmToTwips(15),
  /**
   * Footer distance (page edge → bottom of the page-number line). The standard puts the top of the
   * page-number line 7 mm below the 版心, i.e. 28 mm above the page edge; a 4号 line is ≈ 5 mm, so 23 mm.
   */
  footerTwips: mmToTwips(23),
} as const;

/** 版心 width: 156 mm → 8845 twips (page minus the rounded margins, so tables fit exactly). */
export const TEXT_WIDTH_TWIPS = PAGE.widthTwips - PAGE.marginLeftTwips - PAGE.marginRightTwips;

/** 版心 height: 225 mm → 12756 twips. */
export const TEXT_HEIGHT_TWIPS = PAGE.heightTwips - PAGE.marginTopTwips - PAGE.marginBottomTwips;

export const LINES_PER_PAGE = 22;
export const CHARACTERS_PER_LINE = 28;

/**
 * Exact line pitch: floor(12756 / 22) = 579 twips = 28.95 pt. 580 would give 22 × 580 = 12760 >
 * 12756 and Word would fit only 21 lines.
 */
export const LINE_PITCH_TWIPS = Math.floor(TEXT_HEIGHT_TWIPS / LINES_PER_PAGE);

/**
 * 28 characters per line: 8845 twips = 442.25 pt / 28 = 15.795 pt per character, so 3号 (16 pt)
 * runs get −0.3 pt letter-spacing (w:spacing −6 twentieths): 28 × 15.7 = 439.6 pt fits.
 * Not −0.25 pt (the exact fit, 441 pt): LibreOffice then drops the 、，： that should end a full
 * line (it is not drawn at all); the 2.6 pt of slack lets the mark stay on the line (review
 * docs/document-sources.md §5.1, all kinds re-rendered clean, still 28 characters per line).
 * Not a linesAndChars grid with w:charSpace −842: Word honours it, but LibreOffice makes every
 * 16 pt glyph take two 15.8 pt grid cells (≈ 17 characters per line, checked with soffice 7.4).
 */
export const BODY_CHARACTER_SPACING =
  Math.floor(TEXT_WIDTH_TWIPS / CHARACTERS_PER_LINE - TYPE_SIZE_PT.size3 * 20) - 1;

/** Line grid only (22 lines of 579 twips); paragraphs also set the exact line spacing. */
export const DOCUMENT_GRID = {
  type: DocumentGridType.LINES,
  linePitch: LINE_PITCH_TWIPS,
} as const;

/** Two characters of 3号 text (正文 first-line indent, 右空四字 = 2 × this). */
export const TWO_CHARACTERS_TWIPS = TYPE_SIZE_PT.size3 * 20 * 2;

/** One character of 3号 text in twips. */
export const CHARACTER_TWIPS = TYPE_SIZE_PT.size3 * 20;

/** One character of 4号 text (page-number indent: 「单页码居右空一字，双页码居左空一字」). */
export const PAGE_NUMBER_INDENT_TWIPS = TYPE_SIZE_PT.size4 * 20;

/** Table text line pitch (exact), roomy enough for 4号 text. */
export const TABLE_LINE_TWIPS = 440;

/** Form cell line pitch (exact): 小四 text at about 1.4 × its size, the compact form style. */
export const FORM_LINE_TWIPS = 340;

/** Form cell margins (twips): a hair above and below the text, 1.8 mm left and right. */
export const FORM_CELL_MARGINS = { top: 20, bottom: 20, left: 100, right: 100 } as const;

/**
 * The most a form's minimum row heights may take together: about a fifth of the 225 mm type area,
 * three approval rows of 16 mm. The rest is for the title block and the printed rows, so an
 * approval form stays on one sheet.
 */
export const FORM_MIN_HEIGHTS_BUDGET_MM = 48;

/** Table cell margins (twips): 1.1 mm above and below, 1.8 mm left and right. */
export const TABLE_CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 } as const;

export const RED = 'FF0000';

// ---------------------------------------------------------------------------------------------
// Fonts
// ---------------------------------------------------------------------------------------------

export type FontRole = 'title' | 'body' | 'heading1' | 'heading2' | 'pageNumber';

export interface FontFace {
  /** Name written in every run's eastAsia slot: the official font of the standard. */
  readonly official: string;
  /** Substitutes, best first: Windows/WPS name, then free Linux fonts (docs/document-sources.md §8.2). */
  readonly fallbacks: readonly string[];
  /** fontTable hints for Word's own substitution. */
  readonly panose1: string;
  readonly family: 'roman' | 'modern' | 'swiss' | 'script';
}

/** Latin letters and digits in body text (common practice, docs/document-sources.md §8.1, S). */
export const LATIN_FONT = 'Times New Roman';

/**
 * Substitutes for Times New Roman on a server: the metric-compatible faces first, then the Latin
 * of Noto Serif CJK SC (installed with fonts-noto-cjk), so digits do not fall to the wide DejaVu
 * Serif (an 18-digit ID number must fit its form cell).
 */
export const LATIN_FALLBACKS = ['Liberation Serif', 'Tinos', 'Noto Serif CJK SC'] as const;

export const FONTS: Readonly<Record<FontRole, FontFace>> = {
  title: {
    official: '方正小标宋简体',
    fallbacks: ['FZXiaoBiaoSong-B05S', 'Noto Serif CJK SC', 'FandolSong'],
    panose1: '02000000000000000000',
    family: 'script',
  },
  body: {
    official: '仿宋_GB2312',
    fallbacks: ['FangSong', '仿宋', 'FandolFang', 'Noto Serif CJK SC'],
    panose1: '02010609030101010101',
    family: 'modern',
  },
  heading1: {
    official: '黑体',
    fallbacks: ['SimHei', 'FandolHei', 'Noto Sans CJK SC'],
    panose1: '02010609060101010101',
    family: 'modern',
  },
  heading2: {
    official: '楷体_GB2312',
    fallbacks: ['KaiTi', '楷体', 'FandolKai', 'AR PL UKai CN', 'Noto Serif CJK SC'],
    panose1: '02010609030101010101',
    family: 'modern',
  },
  pageNumber: {
    official: '宋体',
    fallbacks: ['SimSun', 'FandolSong', 'Noto Serif CJK SC'],
    panose1: '02010600030101010101',
    family: 'roman',
  },
};

/**
 * Language slots of every run: zh-CN for East Asian text (LibreOffice picks CJK faces, and Serif
 * rather than Sans, by it) and en-US for Latin and digits. A zh-CN Latin slot makes LibreOffice
 * break digit strings like CJK text (「截至2」/「027年」, 「（12」/「345.60元）」).
 */
export const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

/** The per-run font slots of a role. Page numbers are 半角宋体, so digits use 宋体 too. */
export function runFonts(role: FontRole): IFontAttributesProperties {
  const eastAsia = FONTS[role].official;
  const latin = role === 'pageNumber' ? eastAsia : LATIN_FONT;
  // hint=eastAsia: ambiguous characters (“”、……、—) take the Chinese font, not Times New Roman.
  return { ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' };
}

export interface RunStyle {
  readonly role: FontRole;
  readonly sizePt: number;
  readonly bold?: boolean;
  readonly color?: string;
}

/** Run properties for a TextRun: fonts and language on every run, as LibreOffice needs. */
export function runProperties(style: RunStyle): IRunStylePropertiesOptions {
  return {
    font: runFonts(style.role),
    size: pointsToHalfPoints(style.sizePt),
    sizeComplexScript: pointsToHalfPoints(style.sizePt),
    language: LANGUAGE,
    ...(style.sizePt === TYPE_SIZE_PT.size3 ? { characterSpacing: BODY_CHARACTER_SPACING } : {}),
    ...(style.bold ? { bold: true } : {}),
    ...(style.color ? { color: style.color } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Paragraph styles (declared once on the Document; blocks refer to them by id)
// ---------------------------------------------------------------------------------------------

/**
 * Paragraph styles whose lines do not snap to the 22-line grid: a 2号 (22 pt) line snapped to a
 * 28.95 pt grid takes two rows in LibreOffice, and a 22 pt table line would take 28.95 pt, which
 * pushes every form (送达回证, 审批表) onto a second sheet. Written as w:pPr/w:snapToGrid=0
 * (render-docx.ts), which the docx library has no option for.
 */
export const OFF_GRID_STYLE_IDS = [
  'ZhifaOffice',
  'ZhifaTitle',
  'ZhifaTableText',
  'ZhifaFormText',
] as const;

export const STYLE_ID = {
  body: 'ZhifaBody',
  office: 'ZhifaOffice',
  title: 'ZhifaTitle',
  number: 'ZhifaNumber',
  addressee: 'ZhifaAddressee',
  party: 'ZhifaParty',
  heading1: 'ZhifaHeading1',
  heading2: 'ZhifaHeading2',
  heading3: 'ZhifaHeading3',
  heading4: 'ZhifaHeading4',
  signature: 'ZhifaSignature',
  tableText: 'ZhifaTableText',
  formText: 'ZhifaFormText',
  pageNumber: 'ZhifaPageNumber',
} as const;

export type StyleKey = keyof typeof STYLE_ID;

/** Run style per paragraph style, so the renderer can repeat it on every run. */
export const RUN_STYLE: Readonly<Record<StyleKey, RunStyle>> = {
  body: { role: 'body', sizePt: TYPE_SIZE_PT.size3 },
  // Bold: 小标宋 is a heavy face; without it the substitute (Noto Serif CJK SC) needs its Bold weight.
  office: { role: 'title', sizePt: TYPE_SIZE_PT.size2, bold: true },
  title: { role: 'title', sizePt: TYPE_SIZE_PT.size2, bold: true },
  number: { role: 'body', sizePt: TYPE_SIZE_PT.size3 },
  addressee: { role: 'body', sizePt: TYPE_SIZE_PT.size3 },
  party: { role: 'body', sizePt: TYPE_SIZE_PT.size3 },
  heading1: { role: 'heading1', sizePt: TYPE_SIZE_PT.size3 },
  heading2: { role: 'heading2', sizePt: TYPE_SIZE_PT.size3 },
  heading3: { role: 'body', sizePt: TYPE_SIZE_PT.size3 },
  heading4: { role: 'body', sizePt: TYPE_SIZE_PT.size3 },
  signature: { role: 'body', sizePt: TYPE_SIZE_PT.size3 },
  tableText: { role: 'body', sizePt: TYPE_SIZE_PT.size4 },
  formText: { role: 'body', sizePt: TYPE_SIZE_PT.sizeSmall4 },
  pageNumber: { role: 'pageNumber', sizePt: TYPE_SIZE_PT.size4 },
};

const EXACT_LINE = {
  line: LINE_PITCH_TWIPS,
  lineRule: LineRuleType.EXACT,
  before: 0,
  after: 0,
} as const;
const FIRST_LINE_TWO_CHARACTERS = { firstLine: TWO_CHARACTERS_TWIPS, firstLineChars: 200 } as const;

function paragraphStyle(
  key: StyleKey,
  name: string,
  paragraph: IParagraphStyleOptions['paragraph'],
): IParagraphStyleOptions {
  return {
    id: STYLE_ID[key],
    name,
    basedOn: key === 'body' ? undefined : STYLE_ID.body,
    next: STYLE_ID.body,
    quickFormat: true,
    run: runProperties(RUN_STYLE[key]),
    paragraph,
  };
}

export function buildStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: runProperties(RUN_STYLE.body),
        paragraph: { spacing: EXACT_LINE },
      },
    },
    paragraphStyles: [
      paragraphStyle('body', 'Zhifa 正文', {
        alignment: AlignmentType.JUSTIFIED,
        spacing: EXACT_LINE,
        indent: FIRST_LINE_TWO_CHARACTERS,
      }),
      paragraphStyle('office', 'Zhifa 机关名称', {
        alignment: AlignmentType.CENTER,
        spacing: EXACT_LINE,
        indent: { firstLine: 0 },
        keepNext: true,
      }),
      paragraphStyle('title', 'Zhifa 标题', {
        alignment: AlignmentType.CENTER,
        spacing: EXACT_LINE,
        indent: { firstLine: 0 },
        keepNext: true,
        outlineLevel: 0,
      }),
      paragraphStyle('number', 'Zhifa 文号', {
        alignment: AlignmentType.CENTER,
        spacing: EXACT_LINE,
        indent: { firstLine: 0 },
        keepNext: true,
      }),
      paragraphStyle('addressee', 'Zhifa 主送', {
        alignment: AlignmentType.LEFT,
        spacing: EXACT_LINE,
        indent: { firstLine: 0 },
        keepNext: true,
      }),
      paragraphStyle('party', 'Zhifa 当事人', {
        alignment: AlignmentType.JUSTIFIED,
        spacing: EXACT_LINE,
        indent: FIRST_LINE_TWO_CHARACTERS,
        keepLines: true,
      }),
      paragraphStyle('heading1', 'Zhifa 一级标题', {
        alignment: AlignmentType.JUSTIFIED,
        spacing: EXACT_LINE,
        indent: FIRST_LINE_TWO_CHARACTERS,
        keepNext: true,
        outlineLevel: 1,
      }),
      paragraphStyle('heading2', 'Zhifa 二级标题', {
        alignment: AlignmentType.JUSTIFIED,
        spacing: EXACT_LINE,
        indent: FIRST_LINE_TWO_CHARACTERS,
        keepNext: true,
        outlineLevel: 2,
      }),
      paragraphStyle('heading3', 'Zhifa 三级标题', {
        alignment: AlignmentType.JUSTIFIED,
        spacing: EXACT_LINE,
        indent: FIRST_LINE_TWO_CHARACTERS,
        keepNext: true,
        outlineLevel: 3,
      }),
      paragraphStyle('heading4', 'Zhifa 四级标题', {
        alignment: AlignmentType.JUSTIFIED,
        spacing: EXACT_LINE,
        indent: FIRST_LINE_TWO_CHARACTERS,
        keepNext: true,
        outlineLevel: 4,
      }),
      paragraphStyle('signature', 'Zhifa 署名', {
        alignment: AlignmentType.RIGHT,
        spacing: EXACT_LINE,
        indent: { firstLine: 0 },
        keepNext: true,
        keepLines: true,
      }),
      paragraphStyle('tableText', 'Zhifa 表格', {
        alignment: AlignmentType.LEFT,
        spacing: { line: TABLE_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        indent: { firstLine: 0 },
      }),
      paragraphStyle('formText', 'Zhifa 表单', {
        alignment: AlignmentType.LEFT,
        spacing: { line: FORM_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        indent: { firstLine: 0 },
      }),
      paragraphStyle('pageNumber', 'Zhifa 页码', {
        alignment: AlignmentType.RIGHT,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        indent: { firstLine: 0 },
      }),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Font substitution tables
// ---------------------------------------------------------------------------------------------

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * word/fontTable.xml replacing docx's (which only lists embedded fonts). Word reads w:altName and
 * the panose/charset/family hints when the official font is not installed.
 */
export function fontTableXml(): string {
  const entries = new Map<string, FontFace | undefined>();
  for (const face of Object.values(FONTS)) {
    entries.set(face.official, face);
  }
  entries.set(LATIN_FONT, undefined);
  const fonts = [...entries].map(([name, face]) => {
    if (!face) {
      return (
        `<w:font w:name="${escapeXml(name)}"><w:panose1 w:val="02020603050405020304"/>` +
        `<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`
      );
    }
    return (
      `<w:font w:name="${escapeXml(name)}">` +
      `<w:altName w:val="${escapeXml(face.fallbacks[0]!)}"/>` +
      `<w:panose1 w:val="${face.panose1}"/>` +
      // 86 = GB2312_CHARSET: tells Word the face must cover simplified Chinese.
      `<w:charset w:val="86"/><w:family w:val="${face.family}"/><w:pitch w:val="variable"/>` +
      `</w:font>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts.join('') +
    '</w:fonts>'
  );
}

/**
 * A fontconfig file (e.g. /etc/fonts/conf.d/60-zhifa-gongwen.conf) mapping each official name to
 * its substitutes, for LibreOffice → PDF on Linux. The chain order is the FONTS table's.
 */
export function fontconfigAliasesXml(): string {
  const chains: [string, readonly string[]][] = [
    ...Object.values(FONTS).map((face): [string, readonly string[]] => [
      face.official,
      face.fallbacks,
    ]),
    [LATIN_FONT, LATIN_FALLBACKS],
  ];
  const aliases = chains
    .map(([name, fallbacks]) => {
      const prefer = fallbacks.map((f) => `<family>${escapeXml(f)}</family>`).join('');
      return `  <alias binding="same"><family>${escapeXml(name)}</family><prefer>${prefer}</prefer></alias>`;
    })
    .join('\n');
  return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n${aliases}\n</fontconfig>\n`;
}
