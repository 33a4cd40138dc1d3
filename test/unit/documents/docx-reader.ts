// Reads a generated .docx back for assertions: XML parts via jszip, text via mammoth.
import JSZip from 'jszip';
import mammoth from 'mammoth';

export interface DocxParts {
  readonly documentXml: string;
  readonly stylesXml: string;
  readonly fontTableXml: string;
  readonly settingsXml: string;
  readonly footerXmls: readonly string[];
  readonly rawText: string;
}

export async function readDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const part = async (path: string): Promise<string> => {
    const file = zip.file(path);
    if (!file) {
      throw new Error(`${path} is missing from the package`);
    }
    return file.async('string');
  };
  const footerPaths = Object.keys(zip.files)
    .filter((p) => /^word\/footer\d+\.xml$/.test(p))
    .sort();
  const { value: rawText } = await mammoth.extractRawText({ buffer });
  return {
    documentXml: await part('word/document.xml'),
    stylesXml: await part('word/styles.xml'),
    fontTableXml: await part('word/fontTable.xml'),
    settingsXml: await part('word/settings.xml'),
    footerXmls: await Promise.all(footerPaths.map(part)),
    rawText,
  };
}

/** Counts non-overlapping occurrences. */
export function countOf(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
