import { convertDocxToPdf } from './pdf.js';

/**
 * PDF conversion with a concurrency cap and a cache. Each conversion starts
 * a LibreOffice process (~140 MB, about a second): at most `concurrency` run at once,
 * at most `maxQueue` wait, and beyond that the caller gets PdfConverterBusyError (HTTP 503,
 * Retry-After). A stored .docx never changes, so its PDF is cached by the .docx SHA-256.
 * The conversion itself stays in pdf.ts (same signature).
 */
export class PdfConverterBusyError extends Error {
  readonly code = 'PDF_CONVERTER_BUSY';
  readonly retryAfterSeconds = 5;
  constructor() {
    super('PDF 转换繁忙，请稍后重试或先下载 .docx');
  }
}

export interface PdfConverterOptions {
  concurrency: number;
  maxQueue: number;
  /** Cached PDFs kept (least recently used dropped first). */
  cacheEntries: number;
  convert?: (docx: Buffer) => Promise<Buffer>;
}

export interface PdfConverter {
  toPdf(docx: Buffer, sha256: string): Promise<Buffer>;
  readonly running: number;
  readonly waiting: number;
}

export function createPdfConverter(options: PdfConverterOptions): PdfConverter {
  const convert = options.convert ?? convertDocxToPdf;
  const cache = new Map<string, Buffer>();
  const inFlight = new Map<string, Promise<Buffer>>();
  const queue: (() => void)[] = [];
  let running = 0;

  const acquire = async (): Promise<void> => {
    if (running < Math.max(1, options.concurrency)) {
      running += 1;
      return;
    }
    if (queue.length >= options.maxQueue) {
      throw new PdfConverterBusyError();
    }
    // The releasing conversion hands its slot over (running stays the same).
    await new Promise<void>((resolve) => queue.push(resolve));
  };
  const release = () => {
    const next = queue.shift();
    if (next) {
      next();
    } else {
      running -= 1;
    }
  };

  return {
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
    async toPdf(docx, sha256) {
      const cached = cache.get(sha256);
      if (cached) {
        cache.delete(sha256);
        cache.set(sha256, cached);
        return cached;
      }
      // The same document asked for twice at once converts once.
      const pending = inFlight.get(sha256);
      if (pending) {
        return pending;
      }
      const work = (async () => {
        await acquire();
        try {
          const pdf = await convert(docx);
          cache.set(sha256, pdf);
          while (cache.size > options.cacheEntries) {
            cache.delete(cache.keys().next().value!);
          }
          return pdf;
        } finally {
          release();
        }
      })().finally(() => inFlight.delete(sha256));
      inFlight.set(sha256, work);
      return work;
    },
  };
}
