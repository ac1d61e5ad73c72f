/**
 * ExtractOptions.whileOcrBusy: the reader calls it when it has handed its OCR workers every page
 * they can take (the pipeline builds its corrector then); never for a document that needs no
 * OCR, and the extraction is the same with and without it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../../pipeline/extract/index.ts';

const extractor = createExtractor({ workers: 1 });
afterAll(() => extractor.close());

describe('whileOcrBusy', () => {
  it('is called while the OCR worker reads a scanned PDF, and changes nothing read', async () => {
    const file = 'fixtures/pdf/scan-n06-jiangchuan-university.pdf';
    let calls = 0;
    const busy = await extractor.extract(file, { ocr: 'auto', whileOcrBusy: () => calls++ });
    const plain = await extractor.extract(file, { ocr: 'auto' });
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(busy.original).toBe(plain.original);
  }, 120_000);

  it('is not called for a born-digital PDF (no page needs OCR)', async () => {
    let calls = 0;
    await extractor.extract('fixtures/pdf/born-digital.pdf', { ocr: 'auto', whileOcrBusy: () => calls++ });
    expect(calls).toBe(0);
  }, 60_000);
});
