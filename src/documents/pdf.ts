import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fontconfigAliasesXml } from './styles.js';

const run = promisify(execFile);

export class PdfRendererUnavailableError extends Error {
  readonly code = 'PDF_RENDERER_UNAVAILABLE';
  constructor() {
    super(
      '本机未安装 LibreOffice（soffice），无法生成 PDF；请安装 libreoffice-writer 与 fonts-noto-cjk，或下载 .docx',
    );
  }
}

let available: Promise<string | undefined> | undefined;

/** The soffice binary, if LibreOffice is installed. */
export function findSoffice(): Promise<string | undefined> {
  available ??= run('sh', ['-c', 'command -v soffice || command -v libreoffice'])
    .then(({ stdout }) => stdout.trim() || undefined)
    .catch(() => undefined);
  return available;
}

/** The system's fontconfig configuration, which the conversion's own file includes first. */
const SYSTEM_FONTCONFIG = '/etc/fonts/fonts.conf';

/**
 * The fontconfig file of a conversion: the system configuration, then the project's aliases
 * (styles.ts) mapping the official names (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体) to the
 * installed substitutes (FangSong … Noto Serif CJK SC / Noto Sans CJK SC). Without it LibreOffice
 * falls back to a sans face for every unknown name, the title and the body alike.
 */
export function conversionFontconfigXml(systemConfig: string = SYSTEM_FONTCONFIG): string {
  return fontconfigAliasesXml().replace(
    '<fontconfig>\n',
    `<fontconfig>\n  <include ignore_missing="yes">${systemConfig}</include>\n`,
  );
}

/**
 * .docx → PDF with LibreOffice headless, in a scratch profile so nothing is written to HOME, with
 * the project's font aliases applied through FONTCONFIG_FILE.
 */
export async function convertDocxToPdf(docx: Buffer): Promise<Buffer> {
  const soffice = await findSoffice();
  if (!soffice) {
    throw new PdfRendererUnavailableError();
  }
  const dir = await mkdtemp(join(tmpdir(), 'zhifa-pdf-'));
  try {
    const input = join(dir, 'document.docx');
    const fontconfig = join(dir, 'fonts.conf');
    await writeFile(input, docx);
    await writeFile(fontconfig, conversionFontconfigXml());
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      {
        timeout: 60_000,
        env: { ...process.env, FONTCONFIG_FILE: fontconfig },
      },
    );
    return await readFile(join(dir, 'document.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
