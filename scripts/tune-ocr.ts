/**
 * Preprocessing / tesseract-parameter comparison on the heavy TUNE scans
 * (fixtures/pdf/heavy-tune/scan-<id>.pdf, gold fixtures/notices/<id>/gold.txt). Never the holdout.
 *
 *   nice npx tsx scripts/tune-ocr.ts [variant ...]
 *
 * Prints one markdown row per variant: CER per file (pages concatenated, whitespace removed),
 * mean CER, OCR seconds per page, preprocessing seconds per page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { OcrEngine, toPgm } from '../pipeline/extract/ocr.ts';
import type { OcrModel } from '../pipeline/extract/ocr.ts';
import { flattenBackground, median3, prepareForOcr, resample, stretchLevels, threshold, type Gray } from '../pipeline/extract/preprocess.ts';
import { cer } from './fixtures/cer.ts';

const ROOT = join(import.meta.dirname, '..');
const DIR = join(ROOT, 'fixtures', 'pdf', 'heavy-tune');

type Prep = (g: Gray) => Promise<Gray> | Gray;
interface Variant { prep: Prep; params?: Record<string, string>; model?: OcrModel }
const id: Prep = (g) => g;
const VARIANTS: Record<string, Variant> = {
  base: { prep: id },
  // what the pipeline does (decision + median 3 + flatten with cell = width / 20)
  pipeline: { prep: async (g) => (await prepareForOcr(g)).image },
  // tesseract.js leaves TessBaseAPI's default page segmentation, 6 (single block); the CLI uses 3
  'psm6': { prep: id, params: { tessedit_pageseg_mode: '6' } },
  'psm3': { prep: id, params: { tessedit_pageseg_mode: '3' } },
  'psm4': { prep: id, params: { tessedit_pageseg_mode: '4' } },
  'median3+flatten+psm3': { prep: async (g) => flattenBackground(await median3(g)), params: { tessedit_pageseg_mode: '3' } },
  'median3+flatten+psm4': { prep: async (g) => flattenBackground(await median3(g)), params: { tessedit_pageseg_mode: '4' } },
  'median3+flatten+spaces': { prep: async (g) => flattenBackground(await median3(g)), params: { preserve_interword_spaces: '1' } },
  'median3+flatten16': { prep: async (g) => flattenBackground(await median3(g), 16) },
  'median3+flatten64': { prep: async (g) => flattenBackground(await median3(g), 64) },
  'median3+flatten64+psm3': { prep: async (g) => flattenBackground(await median3(g), 64), params: { tessedit_pageseg_mode: '3' } },
  'median3+flatten128': { prep: async (g) => flattenBackground(await median3(g), 128) },
  'median3+flatten96': { prep: async (g) => flattenBackground(await median3(g), 96) },
  'median3+stretch': { prep: async (g) => stretchLevels(await median3(g)) },
  'flatten+median3': { prep: (g) => median3(flattenBackground(g)) },
  'median3+flatten+model-4.0.0': { prep: async (g) => flattenBackground(await median3(g)), model: '4.0.0' },
  'median3+flatten+up200': { prep: async (g) => resample(flattenBackground(await median3(g)), 4 / 3) },
  'model-4.0.0': { prep: id, model: '4.0.0' },
  'up200-lanczos3': { prep: (g) => resample(g, 4 / 3) },
  'up300-lanczos3': { prep: (g) => resample(g, 2) },
  'up300-mitchell': { prep: (g) => resample(g, 2, 'mitchell') },
  stretch: { prep: (g) => stretchLevels(g) },
  flatten: { prep: (g) => flattenBackground(g) },
  'median3': { prep: (g) => median3(g) },
  'flatten+up200': { prep: (g) => resample(flattenBackground(g), 4 / 3) },
  'flatten+up300': { prep: (g) => resample(flattenBackground(g), 2) },
  'up300+flatten': { prep: async (g) => flattenBackground(await resample(g, 2), 64) },
  'flatten+up300+thr': { prep: async (g) => threshold(await resample(flattenBackground(g), 2), 160) },
  'flatten+thr': { prep: (g) => threshold(flattenBackground(g), 160) },
  'median3+flatten': { prep: async (g) => flattenBackground(await median3(g)) },
  'median3+flatten+up300': { prep: async (g) => resample(flattenBackground(await median3(g)), 2) },
  'flatten+up300+psm6': { prep: (g) => resample(flattenBackground(g), 2), params: { tessedit_pageseg_mode: '6' } },
};

const files = readdirSync(DIR).filter((f) => /^scan-.+\.pdf$/.test(f)).sort();
const tmp = mkdtempSync(join(tmpdir(), 'tune-ocr-'));
const docs: { id: string; gold: string; pages: Gray[] }[] = [];
for (const f of files) {
  const nid = /^scan-(.+)\.pdf$/.exec(f)![1];
  const d = join(tmp, nid);
  execFileSync('mkdir', ['-p', d]);
  execFileSync('pdfimages', ['-all', join(DIR, f), join(d, 'p')]);
  const pages: Gray[] = [];
  for (const img of readdirSync(d).sort()) {
    const { data, info } = await sharp(join(d, img)).greyscale().raw().toBuffer({ resolveWithObject: true });
    pages.push({ gray: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height });
  }
  docs.push({ id: nid, gold: readFileSync(join(ROOT, 'fixtures', 'notices', nid, 'gold.txt'), 'utf8'), pages });
}
rmSync(tmp, { recursive: true, force: true });

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(VARIANTS);
console.log(`| variant | ${docs.map((d) => d.id).join(' | ')} | mean CER | OCR s/page | prep s/page |`);
console.log(`|---|${docs.map(() => '---|').join('')}---|---|---|`);
for (const name of names) {
  const v = VARIANTS[name];
  if (!v) throw new Error(`unknown variant ${name}`);
  const engine = new OcrEngine({ workers: 2, model: v.model, parameters: v.params });
  await engine.recognize(toPgm(new Uint8Array(64 * 64).fill(255), 64, 64)); // start-up not timed
  let prepS = 0;
  let ocrS = 0;
  let n = 0;
  const cers: number[] = [];
  for (const d of docs) {
    const t0 = performance.now();
    const imgs = await Promise.all(d.pages.map(async (p) => v.prep(p)));
    prepS += (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const texts = await Promise.all(imgs.map((g) => engine.recognize(toPgm(g.gray, g.width, g.height)).then((r) => r.text)));
    ocrS += (performance.now() - t1) / 1000;
    n += d.pages.length;
    cers.push(cer(texts.join(''), d.gold));
  }
  await engine.close();
  const mean = cers.reduce((a, b) => a + b, 0) / cers.length;
  console.log(`| ${name} | ${cers.map((c) => (c * 100).toFixed(2) + '%').join(' | ')} | ${(mean * 100).toFixed(2)}% | ${(ocrS / n).toFixed(2)} | ${(prepS / n).toFixed(3)} |`);
}
