import { describe, expect, it } from 'vitest';
import {
  createPdfConverter,
  PdfConverterBusyError,
} from '../../../src/documents/pdf-conversion.js';

/** A fake LibreOffice: each conversion waits until the test finishes it. */
function fakeConverter() {
  const pending: { docx: Buffer; finish: () => void }[] = [];
  let calls = 0;
  let peak = 0;
  let active = 0;
  const convert = (docx: Buffer) =>
    new Promise<Buffer>((resolve) => {
      calls += 1;
      active += 1;
      peak = Math.max(peak, active);
      pending.push({
        docx,
        finish: () => {
          active -= 1;
          resolve(Buffer.from(`pdf:${docx.toString()}`));
        },
      });
    });
  return {
    convert,
    pending,
    stats: () => ({ calls, peak }),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('PDF conversion cap and cache (D6)', () => {
  it('runs at most `concurrency` conversions, queues a few, refuses the rest as busy', async () => {
    const fake = fakeConverter();
    const converter = createPdfConverter({
      concurrency: 2,
      maxQueue: 2,
      cacheEntries: 10,
      convert: fake.convert,
    });
    const requests = ['a', 'b', 'c', 'd'].map((d) => converter.toPdf(Buffer.from(d), `sha-${d}`));
    await tick();
    expect(fake.pending).toHaveLength(2);
    expect(converter.waiting).toBe(2);
    await expect(converter.toPdf(Buffer.from('e'), 'sha-e')).rejects.toBeInstanceOf(
      PdfConverterBusyError,
    );
    while (fake.pending.length) {
      fake.pending.shift()!.finish();
      await tick();
    }
    expect((await Promise.all(requests)).map(String)).toEqual(['pdf:a', 'pdf:b', 'pdf:c', 'pdf:d']);
    expect(fake.stats()).toEqual({ calls: 4, peak: 2 });
    expect(converter.running).toBe(0);
  });

  it('converts a document once: later requests and concurrent ones for the same SHA-256 use the result', async () => {
    const fake = fakeConverter();
    const converter = createPdfConverter({
      concurrency: 1,
      maxQueue: 0,
      cacheEntries: 1,
      convert: fake.convert,
    });
    const first = converter.toPdf(Buffer.from('x'), 'sha-x');
    const same = converter.toPdf(Buffer.from('x'), 'sha-x');
    await tick();
    fake.pending.shift()!.finish();
    expect(String(await first)).toBe('pdf:x');
    expect(String(await same)).toBe('pdf:x');
    expect(String(await converter.toPdf(Buffer.from('x'), 'sha-x'))).toBe('pdf:x');
    expect(fake.stats().calls).toBe(1);
    // The cache keeps `cacheEntries`: another document evicts x, which then converts again.
    const y = converter.toPdf(Buffer.from('y'), 'sha-y');
    await tick();
    fake.pending.shift()!.finish();
    await y;
    const again = converter.toPdf(Buffer.from('x'), 'sha-x');
    await tick();
    fake.pending.shift()!.finish();
    await again;
    expect(fake.stats().calls).toBe(3);
  });

  it('frees the slot when a conversion fails', async () => {
    let fail = true;
    const converter = createPdfConverter({
      concurrency: 1,
      maxQueue: 0,
      cacheEntries: 4,
      convert: async (docx) => {
        if (fail) {
          fail = false;
          throw new Error('soffice crashed');
        }
        return docx;
      },
    });
    await expect(converter.toPdf(Buffer.from('a'), 'a')).rejects.toThrow('soffice crashed');
    expect(String(await converter.toPdf(Buffer.from('a'), 'a'))).toBe('a');
  });
});
