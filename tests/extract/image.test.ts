import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeError } from '../../pipeline/errors.ts';
import { createExtractor } from '../../pipeline/extract/index.ts';
import { ENGINE_NAMES } from '../../pipeline/extract/ocr.ts';
import { checkInvariants, goldRecall } from './helpers.ts';
import { grayPixels, hugePngHeader, multiPageTiff, textImagePng } from './inputs.ts';
import { needsSystem, SYSTEM } from '../helpers/system.ts';

const dir = mkdtempSync(join(tmpdir(), 'extract-image-'));
const ex = createExtractor({ workers: 1 });
const byEngine = Object.fromEntries(ENGINE_NAMES.map((name) => [name, createExtractor({ workers: 1, engine: name })]));
const f = (name: string) => join(dir, name);

const fonts = needsSystem(SYSTEM.wqyZenHei);
beforeAll(async () => {
  if (!fonts) return;
  const p1 = await grayPixels(await textImagePng(['整改进展情况'], { width: 500, height: 160, size: 48 }));
  const p2 = await grayPixels(await textImagePng(['巡察工作通报'], { width: 500, height: 160, size: 48 }));
  writeFileSync(f('two.tif'), multiPageTiff([p1, p2]));
  writeFileSync(f('text.png'), '这是一段文字，不是图片。\n');
  writeFileSync(f('truncated.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]));
  writeFileSync(f('huge.png'), hugePngHeader(30000, 30000));
});
afterAll(async () => {
  await ex.close();
  await Promise.all(Object.values(byEngine).map((e) => e.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function failure(file: string, opts: Parameters<typeof ex.extract>[1] = { ocr: 'auto' }): Promise<NoticeError> {
  const err = await ex.extract(file, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NoticeError);
  return err as NoticeError;
}

describe('image extraction', () => {
  it.each(ENGINE_NAMES)('a multi-page TIFF yields every page, OCR’d in order (%s)', async (engine) => {
    const r = await byEngine[engine].extract(f('two.tif'), { ocr: 'auto' });
    checkInvariants(r);
    expect(r.kind).toBe('image');
    expect(r.pages.map((p) => [p.number, p.method, p.engine, p.width, p.height])).toEqual([
      [1, 'ocr', engine, 500, 160],
      [2, 'ocr', engine, 500, 160],
    ]);
    const texts = r.pages.map((p) => r.original.slice(p.original.start, p.original.end));
    expect(goldRecall('整改进展情况', texts[0])).toBeGreaterThanOrEqual(0.8);
    expect(goldRecall('巡察工作通报', texts[1])).toBeGreaterThanOrEqual(0.8);
    expect(new Set(r.evidence.map((e) => e.page))).toEqual(new Set([1, 2]));
  });

  it('--ocr never on an image: empty pages and warnings', async () => {
    const r = await ex.extract(f('two.tif'), { ocr: 'never' });
    expect(r.original).toBe('\n'); // two empty pages joined by '\n'
    expect(r.pages.map((p) => p.original)).toEqual([{ start: 0, end: 0 }, { start: 1, end: 1 }]);
    expect(r.pages).toHaveLength(2);
    expect(r.warnings.map((w) => [w.code, w.page])).toEqual([
      ['PAGE_NOT_OCRED', 1],
      ['PAGE_NOT_OCRED', 2],
    ]);
  });

  it('a text file named .png is IMAGE_CORRUPT', async () => {
    const e = await failure(f('text.png'));
    expect(e.code).toBe('IMAGE_CORRUPT');
    expect(e.message).toContain(f('text.png'));
  });

  it('a truncated JPEG is IMAGE_CORRUPT', async () => {
    expect((await failure(f('truncated.jpg'))).code).toBe('IMAGE_CORRUPT');
  });

  it('a 30000x30000 image is refused as IMAGE_TOO_LARGE from its header', async () => {
    const e = await failure(f('huge.png'));
    expect(e.code).toBe('IMAGE_TOO_LARGE');
    expect(e.message).toContain(f('huge.png'));
    expect(e.message).toMatch(/30000x30000/);
  });

  it('maxImagePixels is honoured', async () => {
    const e = await failure(f('two.tif'), { ocr: 'auto', maxImagePixels: 500 * 160 - 1 });
    expect(e.code).toBe('IMAGE_TOO_LARGE');
  });
});
