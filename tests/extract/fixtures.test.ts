/** The shared fixtures in fixtures/pdf (committed with the repo: a missing one is a failure, never a skip). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NoticeError } from '../../pipeline/errors.ts';
import { createExtractor } from '../../pipeline/extract/index.ts';
import { checkInvariants, goldRecall } from './helpers.ts';

const dir = 'fixtures/pdf';
const has = (...names: string[]) => names.every((n) => existsSync(join(dir, n)));
const ex = createExtractor({ workers: 1 });
afterAll(() => ex.close());

describe('fixtures/pdf', () => {
  it('holds every fixture these tests read', () => {
    const names = ['page.png', 'page.gold.txt', 'born-digital.pdf', 'sandwich-bad.pdf', 'mixed.pdf', 'bad/gb18030.txt', 'bad/binary.txt', 'bad/empty.txt', 'bad/encrypted.pdf', 'bad/not-an-image.png', 'bad/truncated.pdf'];
    expect(names.filter((n) => !has(n))).toEqual([]);
  });

  it('page.png is OCR’d with ≥80% of the gold characters', async () => {
    const r = await ex.extract(join(dir, 'page.png'), { ocr: 'auto' });
    checkInvariants(r);
    expect(r.pages).toHaveLength(1);
    expect(r.pages[0].method).toBe('ocr');
    expect(goldRecall(readFileSync(join(dir, 'page.gold.txt'), 'utf8'), r.original)).toBeGreaterThanOrEqual(0.8);
  });

  it('born-digital.pdf is read from its text layer on every page', async () => {
    const r = await ex.extract(join(dir, 'born-digital.pdf'), { ocr: 'auto' });
    checkInvariants(r);
    expect(r.failures).toEqual([]);
    expect(r.pages.length).toBeGreaterThan(0);
    expect(r.pages.every((p) => p.method === 'text-layer')).toBe(true);
    expect(r.original).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
  });

  it('sandwich-bad.pdf: every page’s layer is judged poor (checked without OCR)', async () => {
    const r = await ex.extract(join(dir, 'sandwich-bad.pdf'), { ocr: 'never' });
    expect(r.pages.length).toBeGreaterThan(0);
    // Its hidden layer is drawn with fill opacity 0 (not render mode 3): still recognised as invisible.
    for (const p of r.pages) expect(p.reason).toMatch(/^invisible \(render mode 3 or zero opacity\) text layer judged poor/);
    expect(r.warnings.every((w) => w.code === 'PAGE_NOT_OCRED')).toBe(true);
  });

  it('mixed.pdf: text-layer and scanned pages are told apart (checked without OCR)', async () => {
    const r = await ex.extract(join(dir, 'mixed.pdf'), { ocr: 'never' });
    expect(r.pages.some((p) => /text layer passed/.test(p.reason))).toBe(true);
    expect(r.pages.some((p) => /no text layer/.test(p.reason))).toBe(true);
  });

  it.each([
    ['bad/binary.txt', 'BINARY_FILE'],
    ['bad/empty.txt', 'EMPTY_FILE'],
    ['bad/encrypted.pdf', 'PDF_ENCRYPTED'],
    ['bad/not-an-image.png', 'IMAGE_CORRUPT'],
    ['bad/truncated.pdf', 'PDF_CORRUPT'],
  ])('%s → %s', async (name, code) => {
    expect(has(name), `${name} is missing from ${dir}`).toBe(true);
    const err = await ex.extract(join(dir, name), { ocr: 'auto' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(NoticeError);
    expect((err as NoticeError).code).toBe(code);
    expect((err as NoticeError).message).toContain(join(dir, name));
  });

  it('bad/gb18030.txt is decoded as GB18030', async () => {
    const r = await ex.extract(join(dir, 'bad/gb18030.txt'), { ocr: 'auto' });
    expect(r.encoding).toBe('gb18030');
    expect(r.original).toMatch(/巡察/);
  });
});
