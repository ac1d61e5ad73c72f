import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { cer } from '../../pipeline/eval/metrics.ts';
import { createExtractor } from '../../pipeline/extract/index.ts';
import { NoticeDocument, type Correction } from '../../pipeline/schema.ts';
import { expectDocumentInvariants } from '../helpers/invariants.ts';
import { runCli } from '../helpers/io.ts';

const PDF = 'fixtures/pdf';
const out = mkdtempSync(join(tmpdir(), 'notice-inputs-'));
const TOP = join(mkdtempSync(join(tmpdir(), 'notice-inputs-top-')), 'pages-top.png');
const load = (name: string) => NoticeDocument.parse(JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')));
const gold = (p: string) => readFileSync(p, 'utf8');
/** Corrections of characters that were read by OCR. */
const onOcrPages = (doc: NoticeDocument): Correction[] =>
  doc.corrections.filter((c) => doc.source.pages.some((p) => p.method === 'ocr' && p.original.start <= c.original.start && c.original.start < p.original.end));

describe('every input kind end to end through notice convert (offline, real OCR)', () => {
  beforeAll(async () => {
    // the top of pages.tif's first page (its title and first lines, bilevel as scanned): small
    // enough to OCR again in the box test, with corrections on it
    const { width } = await sharp(join(PDF, 'pages.tif'), { page: 0 }).metadata();
    await sharp(join(PDF, 'pages.tif'), { page: 0 }).extract({ left: 0, top: 0, width: width!, height: 800 }).png().toFile(TOP);
    const files = [...['born-digital.pdf', 'mixed.pdf', 'sandwich-bad.pdf', 'page.png', 'page.jpg', 'pages.tif'].map((f) => join(PDF, f)), TOP];
    const r = await runCli(['convert', ...files, '--out', out, '--jobs', '2']);
    expect(r.code, r.stderr).toBe(0);
  }, 300_000);

  it('born-digital PDF: read from its text layer, no OCR, characters exactly as printed', () => {
    const doc = load('born-digital');
    expectDocumentInvariants(doc);
    expect(doc.source.pages.map((p) => p.method)).toEqual(['text-layer', 'text-layer']);
    expect(cer(doc.text, gold('fixtures/notices/n05-shimenkan-township/gold.txt'))).toBe(0);
    expect(doc.corrections.filter((c) => c.kind === 'character')).toEqual([]);
  });

  it('mixed PDF: the text page is read, the scanned pages are OCR\'d, each says why', () => {
    const doc = load('mixed');
    expectDocumentInvariants(doc);
    expect(doc.source.pages.map((p) => p.method)).toEqual(['text-layer', 'ocr', 'ocr']);
    for (const p of doc.source.pages) expect(p.reason.length).toBeGreaterThan(10);
    expect(cer(doc.text, gold('fixtures/notices/n02-qingchuan-organs/gold.txt'))).toBeLessThan(0.03);
  });

  it("OCR'd corrections carry the page they were read on and a box inside it", () => {
    let checked = 0;
    for (const name of ['mixed', 'page', 'pages', 'pages-top']) {
      const doc = load(name);
      const ocrPages = doc.source.pages.filter((p) => p.method === 'ocr');
      const fromOcr = onOcrPages(doc);
      checked += fromOcr.length; // PP-OCR reads page.png so well that it may need no correction at all
      for (const c of fromOcr) {
        const page = ocrPages.find((p) => p.original.start <= c.original.start && c.original.start < p.original.end)!;
        expect(c.page, `${name} ${c.id}`).toBe(page.number);
        expect(c.bbox, `${name} ${c.id}`).toBeDefined();
        const b = c.bbox!;
        expect(b.width > 0 && b.height > 0 && b.x >= 0 && b.y >= 0, `${name} ${c.id}`).toBe(true);
        if (page.width && page.height) expect(b.x + b.width <= page.width && b.y + b.height <= page.height, `${name} ${c.id}`).toBe(true);
      }
      // text-layer pages have no OCR box
      for (const c of doc.corrections.filter((c) => !fromOcr.includes(c))) expect(c.bbox, `${name} ${c.id}`).toBeUndefined();
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("an OCR'd correction's box is the OCR engine's own box of a character it changes (or, changing none, the one next to it)", async () => {
    const doc = load('pages-top');
    const ex = createExtractor({ workers: 1 });
    const r = await ex.extract(TOP, { ocr: 'auto' }).finally(() => ex.close());
    expect(r.original).toBe(doc.original); // the same reading as the CLI's
    expect(onOcrPages(doc).length).toBeGreaterThan(0);
    for (const c of onOcrPages(doc)) {
      const end = Math.max(c.original.end, c.original.start + 1);
      const changed = r.evidence.filter((e) => e.start < end && c.original.start < e.end);
      const next = [r.evidence.filter((e) => e.end <= c.original.start).at(-1), r.evidence.find((e) => e.start >= end)];
      const boxes = (changed.length ? changed : next).map((e) => e?.bbox);
      expect(boxes, `${c.id} ${c.before}→${c.after}`).toContainEqual(c.bbox);
    }
  }, 120_000);

  it('sandwich PDF with a bad invisible layer is re-OCR\'d', () => {
    const doc = load('sandwich-bad');
    expect(doc.source.pages.every((p) => p.method === 'ocr' && /invisible|poor/.test(p.reason))).toBe(true);
    expect(cer(doc.text, gold('fixtures/notices/n04-hongchuan-soe/gold.txt'))).toBeLessThan(0.03);
  });

  // The TIFF is bilevel CCITT G4 at 200 dpi (a fax-like office scan): the best_int model reads it
  // far worse than grey scans (~17% CER, a known gap); the bound still catches a page decoded wrong.
  it.each([
    ['page.png', 'page', 'page.gold.txt', 1, 0.03],
    ['page.jpg', 'page-jpg', 'page.gold.txt', 1, 0.03],
    ['pages.tif', 'pages', 'pages.gold.txt', 2, 0.25],
  ])("%s: OCR'd page images", (_file, outName, goldFile, pages, maxCer) => {
    const doc = load(outName as string);
    expectDocumentInvariants(doc);
    expect(doc.source.kind).toBe('image');
    expect(doc.source.pages).toHaveLength(pages as number);
    for (const p of doc.source.pages) expect(p.confidence).toBeGreaterThan(0.4);
    expect(cer(doc.text, gold(join(PDF, goldFile as string)))).toBeLessThan(maxCer as number);
  });
});
