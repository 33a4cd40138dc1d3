import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

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

/** .docx → PDF with LibreOffice headless, in a scratch profile so nothing is written to HOME. */
export async function convertDocxToPdf(docx: Buffer): Promise<Buffer> {
  const soffice = await findSoffice();
  if (!soffice) {
    throw new PdfRendererUnavailableError();
  }
  const dir = await mkdtemp(join(tmpdir(), 'zhifa-pdf-'));
  try {
    const input = join(dir, 'document.docx');
    await writeFile(input, docx);
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
      },
    );
    return await readFile(join(dir, 'document.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
