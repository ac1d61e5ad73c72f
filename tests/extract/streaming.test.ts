/** Page streaming and OCR overrides, with a stub OCR engine (no tesseract). */
import { describe, expect, it } from 'vitest';
import type { OcrEngine, OcrPage } from '../../pipeline/extract/ocr.ts';
import { extractPdf } from '../../pipeline/extract/pdf.ts';
import { PDFDocument } from 'pdf-lib';
import { bornDigitalPdf, textImagePng } from './inputs.ts';

/**
 * Records how many page images were handed over and not yet finished. With `holdUntil`,
 * each call waits (up to 2 s) until that many are outstanding or every page has been
 * handed over, so the lower bound on parallelism does not depend on timing.
 */
function stubEngine(workers: number, delayMs: number, hold?: { until: number; pages: number }) {
  const stats = { calls: 0, inFlight: 0, maxInFlight: 0, sizes: [] as number[] };
  const engine = {
    workers,
    async recognize(image: Buffer): Promise<OcrPage> {
      stats.calls++;
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      stats.sizes.push(image.length);
      const t0 = Date.now();
      while (hold && stats.maxInFlight < hold.until && stats.calls < hold.pages && Date.now() - t0 < 2000) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, delayMs));
      stats.inFlight--;
      const n = stats.calls;
      return { text: `页${n}\n`, symbols: [{ start: 0, end: 1, confidence: 0.9, bbox: { x: 1, y: 1, width: 5, height: 5 } }], confidence: 0.9, words: 1 };
    },
  } as unknown as OcrEngine;
  return { engine, stats };
}

async function scannedPdfPages(n: number): Promise<Uint8Array> {
  const png = await textImagePng(['整改'], { width: 400, height: 566, size: 30 });
  const doc = await PDFDocument.create();
  const img = await doc.embedPng(png);
  for (let i = 0; i < n; i++) doc.addPage([595, 842]).drawImage(img, { x: 0, y: 0, width: 595, height: 842 });
  return doc.save();
}

describe('PDF page streaming', () => {
  it.each([1, 2])('with %i worker(s), exactly workers + 1 page images are outstanding at most (never more, and that many do overlap); pages stay in order', async (workers) => {
    const { engine, stats } = stubEngine(workers, 30, { until: workers + 1, pages: 8 });
    const r = await extractPdf(await scannedPdfPages(8), 'scan8.pdf', { ocr: 'auto' }, () => engine);
    expect(stats.calls).toBe(8);
    expect(stats.maxInFlight).toBe(workers + 1);
    expect(r.pages.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.pages.every((p) => p.method === 'ocr' && /no text layer/.test(p.reason))).toBe(true);
    expect(r.failures).toEqual([]);
  });

  it('ocr: always OCRs a born-digital page and says so; auto does not even start the engine for it', async () => {
    const { engine, stats } = stubEngine(1, 1);
    const bytes = await bornDigitalPdf([['关于巡察整改进展情况的通报，根据市委统一部署开展了常规巡察。']]);
    const r = await extractPdf(bytes.slice(), 'born.pdf', { ocr: 'always' }, () => engine);
    expect(stats.calls).toBe(1);
    expect(r.pages[0].method).toBe('ocr');
    expect(r.pages[0].reason).toMatch(/OCR forced \(--ocr always\)/);
    let started = false;
    const r2 = await extractPdf(bytes.slice(), 'born.pdf', { ocr: 'auto' }, () => {
      started = true;
      return engine;
    });
    expect(started).toBe(false);
    expect(r2.pages[0].method).toBe('text-layer');
  });

  it('an OCR failure on one page is a PageFailure; the other pages are kept', async () => {
    let n = 0;
    const engine = {
      workers: 1,
      async recognize(): Promise<OcrPage> {
        n++;
        if (n === 2) throw new Error('engine crashed');
        return { text: '整改\n', symbols: [], confidence: 0.8, words: 1 };
      },
    } as unknown as OcrEngine;
    const r = await extractPdf(await scannedPdfPages(3), 'scan3.pdf', { ocr: 'auto' }, () => engine);
    expect(r.pages.map((p) => p.number)).toEqual([1, 3]);
    expect(r.failures).toEqual([{ page: 2, code: 'OCR_FAILED', message: expect.stringContaining('scan3.pdf, page 2: OCR failed (engine crashed)') }]);
  });
});
