/** The HTML page without a browser: page-image crops, self-containment, data escaping. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { cropsFor } from '../../pipeline/review/crops.ts';
import { buildReviewPage, scriptJson } from '../../pipeline/review/html-page.ts';
import type { NoticeDocument } from '../../pipeline/schema.ts';
import { EVIL_TEXT, convert, run, tempDir } from './helpers.ts';

let base: NoticeDocument;
let dir: string;
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

beforeAll(async () => {
  dir = tempDir('page');
  await writeFile(join(dir, 'evil.txt'), EVIL_TEXT);
  base = await convert(join(dir, 'evil.txt'), join(dir, 'out'));
  expect(base.corrections.length).toBeGreaterThan(0);
});

/** `base` re-labelled as read from a scan, its first correction placed at `bbox` on page 1. */
function scanned(kind: 'pdf' | 'image', file: string, width: number, height: number, digest = sha(file)): NoticeDocument {
  const d = structuredClone(base);
  d.source = { ...d.source, kind, file, sha256: digest, pages: [{ ...d.source.pages[0], number: 1, method: 'ocr', width, height }] };
  d.corrections[0] = { ...d.corrections[0], page: 1, bbox: { x: 300, y: 600, width: 40, height: 40 } };
  return d;
}

async function decode(uri: string) {
  expect(uri).toMatch(/^data:image\/jpeg;base64,/);
  const img = sharp(Buffer.from(uri.split(',')[1], 'base64'));
  const meta = await img.metadata();
  const stats = await img.stats();
  return { meta, min: Math.min(...stats.channels.map((c) => c.min)), max: Math.max(...stats.channels.map((c) => c.max)) };
}

describe('page-image crops', () => {
  const cases: [string, () => NoticeDocument][] = [
    ['PNG page', () => scanned('image', resolve('fixtures/pdf/page.png'), 1669, 2349)],
    ['scanned PDF page (pdfjs render)', () => scanned('pdf', resolve('fixtures/pdf/scan-n06-jiangchuan-university.pdf'), 1661, 2344)],
  ];
  it.each(cases)('%s: a small JPEG with ink and the box outline around the change', async (_n, make) => {
    const d = make();
    const crops = await cropsFor(d, join(dir, 'x.json'));
    expect(crops.reason).toBeUndefined();
    expect(Object.keys(crops.images)).toEqual([d.corrections[0].id]);
    const { meta, min, max } = await decode(crops.images[d.corrections[0].id]);
    expect(meta.format).toBe('jpeg');
    expect(meta.height).toBeLessThanOrEqual(90);
    expect(meta.width).toBeGreaterThan(meta.height!);
    expect(min).toBeLessThan(120); // text or outline, not a blank area
    expect(max).toBeGreaterThan(200);
  });

  it.each([
    ['missing source', () => scanned('image', join(dir, 'gone.png'), 1669, 2349, 'a'.repeat(64)), /not found/],
    ['changed source', () => scanned('image', resolve('fixtures/pdf/page.png'), 1669, 2349, 'b'.repeat(64)), /changed since conversion/],
    ['text input', () => base, /text input/],
  ] as const)('%s: no crops, and the reason is on the page', async (_n, make, why) => {
    const d = make();
    const crops = await cropsFor(d, join(dir, 'x.json'));
    expect(crops.available).toBe(false);
    expect(crops.reason).toMatch(why);
    const html = buildReviewPage([{ name: 'x', doc: d, crops }]);
    expect(html).toContain(JSON.stringify(crops.reason).slice(1, -1).replace(/</g, '\\u003c'));
  });

  it('review --html embeds the crops of a scanned document (relative source path resolved from the .json folder too)', async () => {
    await copyFile('fixtures/pdf/page.png', join(dir, 'page-copy.png'));
    const d = scanned('image', 'page-copy.png', 1669, 2349, sha('fixtures/pdf/page.png'));
    const json = join(dir, 'scan.json');
    await writeFile(json, JSON.stringify(d));
    const html = join(dir, 'scan.html');
    expect((await run(['review', json, '--html', html])).code).toBe(0);
    const text = await readFile(html, 'utf8');
    expect(text.match(/data:image\/jpeg;base64,/g)).toHaveLength(1);
    expect((await run(['review', json, '--html', html, '--no-crops'])).code).toBe(0);
    expect(await readFile(html, 'utf8')).not.toContain('data:image/jpeg');
  });
});

describe('self-contained, escaped page', () => {
  it('has no external resources and keeps document text out of the markup', () => {
    const html = buildReviewPage([{ name: '<b>x</b>', doc: base, crops: { available: false, reason: 'text input', images: {} } }]);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:|\/\/)/i);
    expect(html).toContain("default-src 'none'");
    // the only "<script" occurrences are the page's own two script elements
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<title>Review: &#60;b&#62;x&#60;/b&#62;</title>');
  });

  it.each(['</script><script>alert(1)</script>', '<!--', '\u2028\u2029', '&amp; "quotes"'])('scriptJson(%j) parses back and cannot close the script', (s) => {
    const j = scriptJson({ s });
    expect(j).not.toMatch(/<|\u2028|\u2029/);
    expect(JSON.parse(j)).toEqual({ s });
  });
});
