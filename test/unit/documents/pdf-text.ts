// Compares the text of a LibreOffice PDF with the text of the .docx it was made from.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PdfText {
  readonly text: string;
  readonly pages: number;
}

/**
 * pdftotext -layout (pages separated by form feeds) and the page count. -layout keeps a hyphen
 * that ends a line, which the default mode removes to join the word.
 */
export async function readPdf(pdf: Buffer): Promise<PdfText> {
  const dir = await mkdtemp(join(tmpdir(), 'zhifa-pdftext-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
      maxBuffer: 1 << 24,
    });
    // pdftotext ends every page with a form feed.
    const pages = stdout.split('\f').length - 1;
    return { text: stdout, pages };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function countChars(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.replace(/[\s\u3000\f]/gu, '')) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return counts;
}

/** Characters of the .docx text that the PDF text has fewer of ('、 ×1'), whitespace ignored. */
export function lostCharacters(docxText: string, pdfText: string): string[] {
  const inPdf = countChars(pdfText);
  const lost: string[] = [];
  for (const [ch, count] of countChars(docxText)) {
    const missing = count - (inPdf.get(ch) ?? 0);
    if (missing > 0) {
      lost.push(`${ch} ×${missing}`);
    }
  }
  return lost;
}

/** Digit strings with their separators (2027, 12,345.60, 10:12), as one token each. */
function numberTokens(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split(/\n|\f/)) {
    for (const [token] of line.matchAll(/\d(?:[\d,.:]*\d)?/g)) {
      counts.set(token, (counts.get(token) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Numbers of the .docx text that do not appear whole on one line of the PDF text: a number
 * broken across lines (「截至2」/「027年」) reads as two other numbers.
 */
export function splitNumbers(docxText: string, pdfText: string): string[] {
  const inPdf = numberTokens(pdfText);
  const split: string[] = [];
  for (const [token, count] of numberTokens(docxText)) {
    if ((inPdf.get(token) ?? 0) < count) {
      split.push(token);
    }
  }
  return split;
}
