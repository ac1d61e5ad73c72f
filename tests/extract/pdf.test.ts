import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeError } from '../../pipeline/errors.ts';
import { createExtractor } from '../../pipeline/extract/index.ts';
import { ENGINE_NAMES } from '../../pipeline/extract/ocr.ts';
import { checkInvariants, goldRecall } from './helpers.ts';
import { bornDigitalPdf, encryptedPdf, pdfWithMissingPage, scannedPdf, textImagePng, zeroPagePdf } from './inputs.ts';
import { needsSystem, SYSTEM } from '../helpers/system.ts';

const dir = mkdtempSync(join(tmpdir(), 'extract-pdf-'));
const ex = createExtractor({ workers: 1 });
/** OCR cases run with each engine: the default (ppocr) and tesseract. */
const byEngine = Object.fromEntries(ENGINE_NAMES.map((name) => [name, createExtractor({ workers: 1, engine: name })]));
const f = (name: string) => join(dir, name);

const page1 = ['关于巡察整改进展情况的通报', '各单位：', '根据市委统一部署，市委第三巡察组对市住房和', '城乡建设局党组开展了常规巡察。', 'Word 2024 年度报告（第3期）'];
const page2 = ['二、整改落实情况', '一是加强组织领导，压实整改责任。'];
const scanLines = ['关于巡察整改进展情况的通报', '各单位：根据市委统一部署，市委第三巡察组', '对市住房和城乡建设局党组开展了常规巡察。'];

const fonts = needsSystem(SYSTEM.wqyZenHei);
beforeAll(async () => {
  if (!fonts) return;
  writeFileSync(f('born.pdf'), await bornDigitalPdf([page1, page2]));
  const scan = await textImagePng(scanLines, { width: 1654, height: 2339, size: 40 });
  writeFileSync(f('scan.pdf'), await scannedPdf(scan));
  // Hidden layer as a poor OCR engine writes it: a space between every Han character.
  writeFileSync(f('sandwich-bad.pdf'), await scannedPdf(scan, ['关 于 巡 察 整 改 进 展 情 况 的 通 报', '各 单 位 根 据 市 委 统 一 部 署 市 委 第 三 巡 察 组']));
  writeFileSync(f('sandwich-good.pdf'), await scannedPdf(scan, scanLines));
  const born = readFileSync(f('born.pdf'));
  writeFileSync(f('truncated.pdf'), born.subarray(0, Math.floor(born.length * 0.6)));
  writeFileSync(f('corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)), Buffer.from('\n%%EOF\n')]));
  writeFileSync(f('not-a-pdf.pdf'), '这不是PDF文件，只是文字。\n');
  writeFileSync(f('encrypted.pdf'), await encryptedPdf());
  writeFileSync(f('zero.pdf'), await zeroPagePdf());
  writeFileSync(f('missing-page.pdf'), await pdfWithMissingPage([page1, page2, page2], 2));
});
afterAll(async () => {
  await ex.close();
  await Promise.all(Object.values(byEngine).map((e) => e.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('PDF extraction', () => {
  it('a born-digital PDF: text layer read exactly, lines in order, pages joined', async () => {
    const r = await ex.extract(f('born.pdf'), { ocr: 'auto' });
    checkInvariants(r);
    const t1 = page1.join('\n') + '\n';
    const t2 = page2.join('\n') + '\n';
    expect(r.kind).toBe('pdf');
    expect(r.encoding).toBeNull();
    expect(r.original).toBe(t1 + '\n' + t2);
    expect(r.pages.map((p) => [p.number, p.method, p.original])).toEqual([
      [1, 'text-layer', { start: 0, end: t1.length }],
      [2, 'text-layer', { start: t1.length + 1, end: t1.length + 1 + t2.length }],
    ]);
    expect(r.pages[0].reason).toMatch(/text layer passed/);
    expect(r.evidence).toEqual([]);
    expect(r.pages.map((p) => p.engine)).toEqual([undefined, undefined]); // no OCR

  });

  it.each(ENGINE_NAMES)('an image-only page is OCR’d from its embedded image, with evidence (%s)', async (engine) => {
    const r = await byEngine[engine].extract(f('scan.pdf'), { ocr: 'auto' });
    checkInvariants(r);
    expect(r.pages).toHaveLength(1);
    const p = r.pages[0];
    expect(p.method).toBe('ocr');
    expect(p.engine).toBe(engine);
    expect(p.reason).toMatch(/no text layer/);
    expect(p.reason).toMatch(/embedded image 1654x2339/);
    expect(goldRecall(scanLines.join(''), r.original)).toBeGreaterThanOrEqual(0.8);
    expect(p.confidence).toBeGreaterThan(0.5);
    // Every non-space OCR character is covered by evidence.
    const covered = new Set<number>();
    for (const e of r.evidence) for (let i = e.start; i < e.end; i++) covered.add(i);
    for (let i = 0; i < r.original.length; i++) if (!/\s/.test(r.original[i])) expect(covered.has(i)).toBe(true);
    expect(r.evidence.every((e) => e.page === 1 && e.bbox !== undefined)).toBe(true);
  });

  it.each(ENGINE_NAMES)('a sandwich PDF with a poor invisible layer is re-OCR’d and the reason names the failed test (%s)', async (engine) => {
    const r = await byEngine[engine].extract(f('sandwich-bad.pdf'), { ocr: 'auto' });
    checkInvariants(r);
    const p = r.pages[0];
    expect(p.method).toBe('ocr');
    expect(p.engine).toBe(engine);
    expect(p.reason).toMatch(/render mode 3/);
    expect(p.reason).toMatch(/spaces between most Han characters/);
    expect(goldRecall(scanLines.join(''), r.original)).toBeGreaterThanOrEqual(0.8);
  });

  it('the default engine re-reads a poor layer: ppocr', async () => {
    const r = await ex.extract(f('sandwich-bad.pdf'), { ocr: 'auto' });
    expect(r.pages[0]).toMatchObject({ method: 'ocr', engine: 'ppocr' });
    expect(r.original).not.toContain('关 于');
  });

  it('a sandwich PDF with a good invisible layer uses that layer', async () => {
    const r = await ex.extract(f('sandwich-good.pdf'), { ocr: 'auto' });
    expect(r.pages[0].method).toBe('text-layer');
    expect(r.pages[0].reason).toMatch(/invisible/);
    expect(r.original).toBe(scanLines.join('\n') + '\n');
  });

  it('--ocr never on a scan: an empty page and a warning, not a crash', async () => {
    const r = await ex.extract(f('scan.pdf'), { ocr: 'never' });
    checkInvariants(r);
    expect(r.original).toBe('');
    expect(r.pages).toHaveLength(1);
    expect(r.pages[0].reason).toMatch(/--ocr never/);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'PAGE_NOT_OCRED', page: 1 })]);
    expect(r.warnings[0].message).toContain(f('scan.pdf'));
  });

  it('--ocr never keeps a poor text layer as is, with a warning', async () => {
    const r = await ex.extract(f('sandwich-bad.pdf'), { ocr: 'never' });
    expect(r.pages[0].method).toBe('text-layer');
    expect(r.original).toContain('关 于 巡 察');
    expect(r.warnings.map((w) => w.code)).toEqual(['PAGE_NOT_OCRED']);
  });

  it.each([
    ['truncated.pdf', 'PDF_CORRUPT'],
    ['corrupt.pdf', 'PDF_CORRUPT'],
    ['not-a-pdf.pdf', 'PDF_CORRUPT'],
    ['encrypted.pdf', 'PDF_ENCRYPTED'],
    ['zero.pdf', 'PDF_NO_PAGES'],
  ])('%s → %s naming the file', async (name, code) => {
    const err = await ex.extract(f(name), { ocr: 'auto' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(NoticeError);
    expect((err as NoticeError).code).toBe(code);
    expect((err as NoticeError).message).toContain(f(name));
  });

  it('a page that cannot be read becomes a PageFailure; the other pages are still converted', async () => {
    const r = await ex.extract(f('missing-page.pdf'), { ocr: 'auto' });
    checkInvariants(r);
    expect(r.original.startsWith(page1.join('\n') + '\n')).toBe(true);
    expect(r.pages[0]).toMatchObject({ number: 1, method: 'text-layer' });
    expect(r.failures).toEqual([expect.objectContaining({ page: 2, code: 'PAGE_FAILED' })]);
    expect(r.failures[0].message).toContain(f('missing-page.pdf'));
    expect(r.failures[0].message).toContain('page 2');
  });

  it('an aborted signal stops extraction with TIMEOUT', async () => {
    const ac = new AbortController();
    ac.abort(new Error('deadline'));
    await expect(ex.extract(f('born.pdf'), { ocr: 'auto', signal: ac.signal })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });
});
