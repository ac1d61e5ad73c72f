/**
 * Scan cases from fixtures/scans/ through the real extractor and OCR engine: a feeder scan with
 * an upside-down page and a blank back side, a near-empty last page, a colour page with a red
 * masthead and a red seal over the sign-off. (Sideways and skewed pages: page-image.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline/convert.ts';
import { cer } from '../../pipeline/eval/metrics.ts';
import { createEngine } from '../../pipeline/extract/index.ts';
import { pageGray } from '../../pipeline/extract/pdf-page-pixels.ts';
import { openPdf, scanOperators } from '../../pipeline/extract/pdf.ts';
import { preparePage } from '../../pipeline/extract/prepare-page.ts';
import { readPage } from '../../pipeline/extract/read-page.ts';

const pipeline = createPipeline({ workers: 2 });
afterAll(() => pipeline.close());
const gold = (c: string) => readFileSync(`fixtures/scans/${c}/gold.txt`, 'utf8');
const structure = (c: string) => JSON.parse(readFileSync(`fixtures/scans/${c}/gold.structure.json`, 'utf8'));

/** Page 1 of a scan case as the extractor takes it from the PDF (its embedded scan). */
async function firstPagePixels(c: string) {
  const { pdfjs, doc } = await openPdf(new Uint8Array(readFileSync(`fixtures/scans/${c}/input.pdf`)), 'input.pdf');
  const page = await doc.getPage(1);
  const [x0, y0, x1, y1] = page.view;
  return { g: await pageGray(page, scanOperators(pdfjs, await page.getOperatorList(), x1 - x0, y1 - y0), 200, true), doc };
}

describe('pages as scanners deliver them', () => {
  it('feeder scan: the upside-down page is turned and read, the blank back side is reported and adds no text', async () => {
    const c = 'feeder-upside-down-blank';
    const doc = await pipeline.convertFile(`fixtures/scans/${c}/input.pdf`);
    expect(doc.source.pages.map((p) => [p.method, p.rotation ?? null])).toEqual([['ocr', 0], ['ocr', 180], ['ocr', 0], ['blank', null]]);
    // the layout rule's turn was checked by reading the page both ways, and kept
    expect(doc.source.pages[1].reason).toMatch(/orientation checked by reading both ways \(\d+ vs \d+ expected correct characters a half turn further\): kept/);
    expect(doc.source.pages[0].reason).not.toMatch(/orientation checked/);
    expect(doc.warnings.find((w) => w.code === 'BLANK_PAGE')?.message).toMatch(/input\.pdf, page 4: blank page/);
    const last = doc.source.pages[3];
    expect(last.original.end - last.original.start).toBe(0);
    expect(cer(doc.text, gold(c))).toBeLessThan(0.015);
    expect(doc.notice.problemCount).toBe(structure(c).sections.flatMap((s: { problems: unknown[]; subsections: { problems: unknown[] }[] }) => [...s.problems, ...s.subsections.flatMap((x) => x.problems)]).length);
  }, 180_000);

  it('an upright page the layout rule wrongly turned upside down is turned back by reading it both ways', async () => {
    const { g, doc } = await firstPagePixels('skewed-pages');
    const upright = await preparePage({ gray: g, dpi: g.dpi });
    const wronglyTurned = { ...upright, image: { ...upright.image, gray: upright.image.gray.slice().reverse() }, rotation: 180 as const };
    const engine = createEngine({ engine: 'ppocr', workers: 1 });
    try {
      const { page: read, warnings } = await readPage(wronglyTurned, engine, { file: 'input.pdf', page: 1, reason: 'test' });
      expect(read.rotation).toBe(0);
      expect(read.reason).toMatch(/turned 180° more/);
      expect(warnings).toEqual([]);
      expect(read.text).toMatch(/巡察/);
    } finally {
      await engine.close();
      await doc.destroy();
    }
  }, 180_000);

  it('a colour page delivered upside down: turned, and its red masthead found in the turned page and read', async () => {
    const { g, doc } = await firstPagePixels('colour-seal-masthead');
    const rgb = g.rgb!;
    const turned = new Uint8Array(rgb.rgb.length);
    for (let i = 0, j = rgb.rgb.length - 3; j >= 0; i += 3, j -= 3) turned.set(rgb.rgb.subarray(j, j + 3), i);
    const prepared = await preparePage({ gray: { gray: g.gray.slice().reverse(), width: g.width, height: g.height }, dpi: g.dpi, rgb: { ...rgb, rgb: turned } });
    expect(prepared.rotation).toBe(180);
    expect(prepared.mastheadBox!.y).toBeLessThan(g.height / 3);
    const engine = createEngine({ engine: 'ppocr', workers: 1 });
    try {
      const { page: read } = await readPage(prepared, engine, { file: 'input.pdf', page: 1, reason: 'test' });
      expect(read.text.split('\n')[0].replace(/\s/g, '')).toBe('临江区委巡察办文件');
    } finally {
      await engine.close();
      await doc.destroy();
    }
  }, 180_000);

  it('near-empty last page: read, not turned into noise', async () => {
    const c = 'near-empty-last-page';
    const doc = await pipeline.convertFile(`fixtures/scans/${c}/input.pdf`);
    const last = doc.source.pages.at(-1)!;
    expect(last.method).toBe('ocr');
    expect(last.confidence!).toBeGreaterThan(0.6);
    expect(last.reason).not.toMatch(/ink 2\d\d/);
    const lastText = doc.original.slice(last.original.start, last.original.end).replace(/\s/g, '');
    expect(lastText.length).toBeLessThan(120);
    expect(doc.warnings.filter((w) => w.code === 'LOW_CONFIDENCE_PAGE')).toEqual([]);
    expect(cer(doc.text, gold(c))).toBeLessThan(0.015);
  }, 180_000);

  it.each(['ppocr', 'tesseract'] as const)('colour scan (%s): red seal recorded and removed, issuer and date under it right, red masthead read once, as the first line and issuerMark', async (engine) => {
    const c = 'colour-seal-masthead';
    const p = engine === 'ppocr' ? pipeline : createPipeline({ workers: 2, engine });
    const doc = await p.convertFile(`fixtures/scans/${c}/input.pdf`).finally(() => (p === pipeline ? undefined : p.close()));
    const seals = doc.source.pages.flatMap((p) => p.seals ?? []);
    expect(seals).toHaveLength(1);
    expect(seals[0].page).toBe(3);
    const s = structure(c);
    expect(doc.notice.signoff?.issuer).toBe(s.issuer);
    expect(doc.notice.date).toBe(s.date);
    expect(doc.original.split('\n')[0].replace(/\s/g, '')).toBe('临江区委巡察办文件');
    expect(doc.original.split('\n').filter((l) => l.replace(/\s/g, '') === '临江区委巡察办文件')).toHaveLength(1);
    expect(doc.notice.issuerMark?.value).toBe('临江区委巡察办文件');
    expect(doc.notice.title).not.toMatch(/文件/);
    expect(cer(doc.text, gold(c))).toBeLessThan(0.015);
  }, 180_000);
});
