import { describe, expect, it } from 'vitest';
import { pageGray } from '../../pipeline/extract/pdf-page-pixels.ts';
import { openPdf, scanOperators } from '../../pipeline/extract/pdf.ts';
import { grayPixels, scannedPdf, textImagePng } from './inputs.ts';

async function firstPage(bytes: Uint8Array) {
  const { pdfjs, doc } = await openPdf(bytes, 'test.pdf');
  const page = await doc.getPage(1);
  const [x0, y0, x1, y1] = page.view;
  const scan = scanOperators(pdfjs, await page.getOperatorList(), x1 - x0, y1 - y0);
  return { doc, page, scan };
}

const darkShare = (g: Uint8Array) => g.reduce((n, v) => n + (v < 128 ? 1 : 0), 0) / g.length;

describe('page images for OCR', () => {
  it('a 300 dpi embedded scan is taken from the PDF and downsampled to 200 dpi, one gray channel, same content', async () => {
    const png = await textImagePng(['关于巡察整改进展情况的通报', '各单位：根据市委统一部署'], { width: 2480, height: 3508, size: 62, dpi: 300 });
    const src = await grayPixels(png);
    const { doc, page, scan } = await firstPage(await scannedPdf(png));
    expect(scan.single).not.toBeNull();
    expect(scan.images).toBe(1);
    const g = await pageGray(page, scan, 200, true);
    expect(g.how).toMatch(/embedded image 2480x3508 \(300 dpi\) downsampled to 200 dpi/);
    expect(g.width).toBe(1653);
    expect(g.gray.length).toBe(g.width * g.height);
    // Same ink, give or take resampling: the share of dark pixels stays close.
    expect(Math.abs(darkShare(g.gray) - darkShare(src.gray))).toBeLessThan(0.004);
    expect(darkShare(g.gray)).toBeGreaterThan(0.001);
    // Top rows are blank paper in the source: they must stay blank (no channel mix-up or shift).
    expect(g.gray.subarray(0, g.width * 10).every((v) => v > 200)).toBe(true);
    await doc.destroy();
  });

  it('a 200 dpi embedded scan is used as is; a rendered page has the requested size', async () => {
    const png = await textImagePng(['整改进展'], { width: 1654, height: 2339, size: 44 });
    const src = await grayPixels(png);
    const { doc, page, scan } = await firstPage(await scannedPdf(png));
    const g = await pageGray(page, scan, 200, true);
    expect([g.width, g.height]).toEqual([1654, 2339]);
    expect(Buffer.from(g.gray).equals(Buffer.from(src.gray))).toBe(true);
    const r = await pageGray(page, scan, 100, false);
    expect(r.how).toBe('rendered at 100 dpi');
    expect([r.width, r.height]).toEqual([827, 1170]);
    expect(Math.abs(darkShare(r.gray) - darkShare(src.gray))).toBeLessThan(0.004);
    await doc.destroy();
  });
});
