/** Scanned pages read straight from their embedded JPEG (pdf-embedded-jpeg.ts), and what falls back to pdfjs. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../pipeline/extract/index.ts';
import { embeddedJpegReader, onlyImageDrawn } from '../../pipeline/extract/pdf-embedded-jpeg.ts';
import { pageGray } from '../../pipeline/extract/pdf-page-pixels.ts';
import { openPdf, scanOperators } from '../../pipeline/extract/pdf.ts';

describe('onlyImageDrawn', () => {
  it.each([
    ['one image over an A4 page', 'q 595.28 0 0 841.89 0 0 cm /Im0 Do Q', { name: 'Im0', ctm: [595.28, 0, 0, 841.89, 0, 0] }],
    ['nested q/cm compose', 'q 2 0 0 2 0 0 cm\nq 100 0 0 50 10 20 cm /I-7 Do Q Q', { name: 'I-7', ctm: [200, 0, 0, 100, 20, 40] }],
    ['no space before the name', 'q 1 0 0 1 0 0 cm/Im1 Do Q', { name: 'Im1', ctm: [1, 0, 0, 1, 0, 0] }],
    ['text before the image', 'BT /F1 12 Tf (x) Tj ET q 595 0 0 842 0 0 cm /Im0 Do Q', null],
    ['two images', 'q 595 0 0 842 0 0 cm /Im0 Do Q q 10 0 0 10 0 0 cm /Im1 Do Q', null],
    ['an inline image', 'q 595 0 0 842 0 0 cm BI /W 1 /H 1 ID x EI Q', null],
    ['a filled path', 'q 0 0 10 10 re f Q q 595 0 0 842 0 0 cm /Im0 Do Q', null],
    ['cm with five operands', 'q 595 0 0 842 0 cm /Im0 Do Q', null],
    ['a restore with nothing saved', 'Q 595 0 0 842 0 0 cm /Im0 Do', null],
    ['operands left over', 'q 595 0 0 842 0 0 cm /Im0 Do Q 1 2', null],
    ['nothing drawn', 'q Q', null],
  ])('%s', (_, content, expected) => {
    expect(onlyImageDrawn(content)).toEqual(expected);
  });
});

async function jpegPage(opts: { cmyk?: boolean; png?: boolean; text?: boolean } = {}): Promise<{ pdf: Uint8Array; image: Buffer }> {
  const base = sharp({ create: { width: 400, height: 566, channels: 3, background: { r: 250, g: 250, b: 245 } } });
  const image = opts.png ? await base.png().toBuffer() : opts.cmyk ? await base.toColourspace('cmyk').jpeg().toBuffer() : await base.jpeg({ quality: 80 }).toBuffer();
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const embedded = opts.png ? await doc.embedPng(image) : await doc.embedJpg(image);
  page.drawImage(embedded, { x: 0, y: 0, width: 595.28, height: 841.89 });
  if (opts.text) page.drawText('x', { x: 10, y: 10, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return { pdf: await doc.save(), image };
}

describe('embeddedJpegReader', () => {
  it('hands over the JPEG bytes of a page that is one JPEG, with its placement', async () => {
    const { pdf, image } = await jpegPage();
    const read = await embeddedJpegReader(pdf);
    const jpeg = read!(0);
    expect(jpeg?.ctm).toEqual([595.28, 0, 0, 841.89, 0, 0]);
    expect(Buffer.from(jpeg!.jpeg).equals(image)).toBe(true);
    expect(read!(1)).toBeNull();
  });

  it.each([
    ['a PNG (Flate) image', { png: true }],
    ['a CMYK JPEG', { cmyk: true }],
    ['a JPEG with text drawn over it', { text: true }],
  ])('leaves %s to pdfjs', async (_, opts) => {
    const { pdf } = await jpegPage(opts);
    expect((await embeddedJpegReader(pdf))!(0)).toBeNull();
  });

  it('finds no JPEG in bytes pdf-lib cannot make sense of (the pages then go to pdfjs)', async () => {
    const read = await embeddedJpegReader(new TextEncoder().encode('%PDF-1.7\nnot a pdf\n%%EOF\n'));
    expect(read?.(0) ?? null).toBeNull();
  });

  it.each([
    ['colour', 'fixtures/pdf/scan-n06-jiangchuan-university.pdf'],
    ['grey', 'fixtures/pdf/heavy/scan-n08-lishan-county.pdf'],
  ])('a real %s scanned fixture page comes out as pdfjs decodes it, to JPEG rounding', async (_, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const jpeg = (await embeddedJpegReader(bytes.slice()))!(0)!;
    const { pdfjs, doc } = await openPdf(bytes, file);
    try {
      const page = await doc.getPage(1);
      const [x0, y0, x1, y1] = page.view;
      const scan = scanOperators(pdfjs, await page.getOperatorList(), x1 - x0, y1 - y0);
      expect(scan.single?.ctm).toEqual(jpeg.ctm);
      const viaPdfjs = await pageGray(page, scan, 200, true);
      const viaSharp = await pageGray(page, scan, 200, true, jpeg.jpeg);
      expect([viaSharp.width, viaSharp.height, viaSharp.dpi]).toEqual([viaPdfjs.width, viaPdfjs.height, viaPdfjs.dpi]);
      let sum = 0;
      let max = 0;
      for (let i = 0; i < viaSharp.gray.length; i++) {
        const d = Math.abs(viaSharp.gray[i] - viaPdfjs.gray[i]);
        sum += d;
        max = Math.max(max, d);
      }
      // measured: mean 0.017 grey levels, max 1 (libjpeg-turbo and pdfjs round the IDCT differently)
      expect(sum / viaSharp.gray.length).toBeLessThan(0.1);
      expect(max).toBeLessThanOrEqual(2);
    } finally {
      await doc.destroy();
    }
  });
});

describe('a JPEG that libjpeg refuses', () => {
  it('a cut-off JPEG (sharp: premature end) goes to pdfjs: the document is read, the page is OCRed or reported with file and page', async () => {
    const page = await sharp({ create: { width: 800, height: 1131, channels: 3, background: '#fafaf5' } }).jpeg().toBuffer();
    const cut = page.subarray(0, Math.floor(page.length * 0.6));
    const doc = await PDFDocument.create();
    const image = await doc.embedJpg(cut);
    doc.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
    const dir = mkdtempSync(join(tmpdir(), 'cut-jpeg-'));
    const file = join(dir, 'cut.pdf');
    writeFileSync(file, await doc.save());
    const ex = createExtractor({ workers: 1 });
    try {
      const r = await ex.extract(file, { ocr: 'auto' });
      expect(r.pages.length + r.failures.length).toBe(1);
      for (const f of r.failures) expect(f.message).toContain(`${file}, page 1`);
      for (const p of r.pages) expect(p.reason).toMatch(/no text layer/);
    } finally {
      await ex.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
