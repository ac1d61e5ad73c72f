/**
 * OCR / extraction benchmark. Reports, never fails.
 *
 *   nice npx tsx scripts/bench-ocr.ts [--pages N] [scan.pdf ...]
 *   nice npx tsx scripts/bench-ocr.ts --heavy-tune [variant ...]   # degraded-scan preprocessing table
 *
 * Pages: synthetic A4 scans rendered from fixtures/notices/<id>/gold.txt (GB/T 9704 layout,
 * 300 dpi, blur + noise, gold known) plus any PDFs given or found under fixtures/pdf/
 * whose pages have no text layer (speed only: no gold).
 * Prints markdown tables: model × rendering choice (CER, s/page), tesseract.js vs native
 * tesseract on the same images and traineddata, throughput with 1 and 2 workers and
 * peak RSS (each in a child process), text-layer pages per second.
 * Page images go through `prepareForOcr` as in the pipeline (the synthetic pages are on white
 * paper, so it leaves them as they are). Preprocessing choices for degraded scans are measured
 * by `--heavy-tune` (below) on fixtures/pdf/heavy-tune/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { createExtractor } from '../pipeline/extract/index.ts';
import { langDataDir, TesseractEngine, toPgm } from '../pipeline/extract/ocr.ts';
import type { OcrModel } from '../pipeline/extract/ocr.ts';
import { pageGray } from '../pipeline/extract/pdf-page-pixels.ts';
import { openPdf, scanOperators } from '../pipeline/extract/pdf.ts';
import { flattenBackground, median3, prepareForOcr, resample, stretchLevels, threshold, type Gray } from '../pipeline/extract/preprocess.ts';
import { cer as heavyCer } from './fixtures/cer.ts';

const ROOT = join(import.meta.dirname, '..');
const SONG = '/usr/share/fonts/truetype/arphic/uming.ttc';
const WQY = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

// ---------- child mode: one extraction run, reports JSON ----------
if (process.argv[2] === '--child') {
  const [, , , workersArg, ...files] = process.argv;
  const ex = createExtractor({ engine: 'tesseract', workers: Number(workersArg) });
  const t0 = performance.now();
  let pages = 0;
  let ocrPages = 0;
  try {
    for (const f of files) {
      const r = await ex.extract(f, { ocr: 'auto' });
      pages += r.pages.length;
      ocrPages += r.pages.filter((p) => p.method === 'ocr').length;
    }
  } finally {
    await ex.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ seconds, pages, ocrPages, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

// ---------- --heavy-tune: preprocessing / parameter variants on fixtures/pdf/heavy-tune (never the holdout) ----------
// nice npx tsx scripts/bench-ocr.ts --heavy-tune [variant ...]   (default: base pipeline; all names: see VARIANTS)
// One markdown row per variant: CER per file (pages concatenated, whitespace removed, scripts/fixtures/cer.ts),
// mean CER, OCR s/page (2 workers), preprocessing s/page. Table and choice: pipeline/extract/README.md.
if (process.argv[2] === '--heavy-tune') {
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

  const tuneFiles = readdirSync(DIR).filter((f) => /^scan-.+\.pdf$/.test(f)).sort();
  const ttmp = mkdtempSync(join(tmpdir(), 'tune-ocr-'));
  const docs: { id: string; gold: string; pages: Gray[] }[] = [];
  for (const f of tuneFiles) {
    const nid = /^scan-(.+)\.pdf$/.exec(f)![1];
    const d = join(ttmp, nid);
    execFileSync('mkdir', ['-p', d]);
    execFileSync('pdfimages', ['-all', join(DIR, f), join(d, 'p')]);
    const pages: Gray[] = [];
    for (const img of readdirSync(d).sort()) {
      const { data, info } = await sharp(join(d, img)).greyscale().raw().toBuffer({ resolveWithObject: true });
      pages.push({ gray: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height });
    }
    docs.push({ id: nid, gold: readFileSync(join(ROOT, 'fixtures', 'notices', nid, 'gold.txt'), 'utf8'), pages });
  }
  rmSync(ttmp, { recursive: true, force: true });

  const picked = process.argv.slice(3);
    const names = picked.length ? picked : ['base', 'pipeline'];
  console.log(`| variant | ${docs.map((d) => d.id).join(' | ')} | mean CER | OCR s/page | prep s/page |`);
  console.log(`|---|${docs.map(() => '---|').join('')}---|---|---|`);
  for (const name of names) {
    const v = VARIANTS[name];
    if (!v) throw new Error(`unknown variant ${name}`);
    const engine = new TesseractEngine({ workers: 2, model: v.model, parameters: v.params });
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
      cers.push(heavyCer(texts.join(''), d.gold));
    }
    await engine.close();
    const mean = cers.reduce((a, b) => a + b, 0) / cers.length;
    console.log(`| ${name} | ${cers.map((c) => (c * 100).toFixed(2) + '%').join(' | ')} | ${(mean * 100).toFixed(2)}% | ${(ocrS / n).toFixed(2)} | ${(prepS / n).toFixed(3)} |`);
  }
  process.exit(0);
}

const args = process.argv.slice(2);
const nPages = Number(args[args.indexOf('--pages') + 1]) || 3;
/** `--only models|engines|throughput|lowres` runs one section. */
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const want = (section: string) => only === null || only === section;
const given = args.filter((a, i) => a.endsWith('.pdf') && args[i - 1] !== '--pages');
const tmp = mkdtempSync(join(tmpdir(), 'bench-ocr-'));
const out: string[] = [];
const log = (s = '') => {
  out.push(s);
  console.log(s);
};

// ---------- helpers ----------
function rng(seed: number) {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296);
}

const FULLWIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '〈': '（', '!': '！', '?': '？' };
function norm(s: string, punct: boolean): string[] {
  return [...s.replace(/\s+/gu, '')].map((c) => (punct ? (FULLWIDTH[c] ?? c) : c));
}
/** Character error rate: Levenshtein / |gold|, whitespace ignored; `punct` maps ASCII punctuation to full-width first. */
function cer(gold: string, ocr: string, punct = true): number {
  const a = norm(gold, false);
  const b = norm(ocr, punct);
  let prev = new Uint32Array(b.length + 1).map((_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Uint32Array(b.length + 1);
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return a.length ? prev[b.length] / a.length : 0;
}

function ttfFromTtc(ttc: Buffer, index = 0): Buffer {
  const off = ttc.readUInt32BE(12 + 4 * index);
  const n = ttc.readUInt16BE(off + 4);
  const t = Array.from({ length: n }, (_, i) => {
    const r = off + 12 + 16 * i;
    return { r, offset: ttc.readUInt32BE(r + 8), length: ttc.readUInt32BE(r + 12) };
  });
  let pos = 12 + 16 * n;
  const at = t.map((x) => ((pos += (x.length + 3) & ~3), pos - ((x.length + 3) & ~3)));
  const o = Buffer.alloc(pos);
  ttc.copy(o, 0, off, off + 12 + 16 * n);
  t.forEach((x, i) => {
    o.writeUInt32BE(at[i], 12 + 16 * i + 8);
    ttc.copy(o, at[i], x.offset, x.offset + x.length);
  });
  return o;
}

/** GB/T 9704-like page: 28 lines of 28 characters, A4 at 300 dpi. */
function layoutPages(gold: string): string[][] {
  const lines: string[] = [];
  for (const para of gold.split('\n').filter((p) => p.trim())) {
    const chars = [...('\u3000\u3000' + para.trim())];
    for (let i = 0; i < chars.length; i += 28) lines.push(chars.slice(i, i + 28).join(''));
  }
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += 28) pages.push(lines.slice(i, i + 28));
  return pages;
}

async function scanImage(lines: string[], seed: number): Promise<Buffer> {
  const W = 2480;
  const H = 3508;
  const c = createCanvas(W, H);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = '#111';
  ctx.font = '62px "AR PL UMing CN", "AR PL UMing TW", serif';
  ctx.translate(W / 2, H / 2);
  ctx.rotate(((rng(seed)() - 0.5) * 0.6 * Math.PI) / 180); // ±0.3° skew
  ctx.translate(-W / 2, -H / 2);
  lines.forEach((l, i) => ctx.fillText(l, 331, 500 + i * 95));
  const rgba = ctx.getImageData(0, 0, W, H).data;
  const r = rng(seed + 1);
  const gray = Buffer.alloc(W * H);
  for (let i = 0; i < gray.length; i++) gray[i] = Math.max(0, Math.min(255, rgba[i * 4] + (r() - 0.5) * 60));
  return sharp(gray, { raw: { width: W, height: H, channels: 1 } }).blur(0.7).withMetadata({ density: 300 }).png().toBuffer();
}

async function pdfOfImages(pngs: Buffer[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const png of pngs) {
    const img = await doc.embedPng(png);
    doc.addPage([595.28, 841.89]).drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return doc.save();
}

function findPdfs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? findPdfs(p) : n.toLowerCase().endsWith('.pdf') ? [p] : [];
  });
}

const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

try {
  // ---------- pages ----------
  GlobalFonts.registerFromPath(SONG);
  const noticeDirs = readdirSync(join(ROOT, 'fixtures/notices')).sort();
  const synthetic: { file: string; gold: string }[] = [];
  for (const [i, d] of noticeDirs.entries()) {
    if (synthetic.length >= nPages) break;
    const goldFile = join(ROOT, 'fixtures/notices', d, 'gold.txt');
    if (!existsSync(goldFile)) continue;
    const lines = layoutPages(readFileSync(goldFile, 'utf8'))[0];
    const file = join(tmp, `scan-${d}.pdf`);
    writeFileSync(file, await pdfOfImages([await scanImage(lines, 1000 + i)]));
    synthetic.push({ file, gold: lines.join('') });
  }
  // Scanned fixture PDFs (speed only).
  const fixturePdfs = [...given, ...findPdfs(join(ROOT, 'fixtures/pdf')).filter((p) => !p.includes('/bad/'))];
  const fixtureScans: string[] = [];
  for (const f of fixturePdfs) {
    try {
      const { pdfjs, doc } = await openPdf(new Uint8Array(readFileSync(f)), f);
      const page = await doc.getPage(1);
      const txt = await page.getTextContent();
      if (txt.items.every((it) => !('str' in it) || !it.str.trim())) fixtureScans.push(f);
      void pdfjs;
      await doc.destroy();
    } catch {
      /* unreadable fixture: skip */
    }
  }
  log(`# OCR bench (${new Date().toISOString()}, Node ${process.version}, ${synthetic.length} synthetic scanned pages from fixtures/notices gold, ${fixtureScans.length} scanned fixture PDFs)`);
  log();

  // ---------- A. model × rendering ----------
  type Variant = { name: string; native: boolean; dpi: number; png: boolean };
  const variants: Variant[] = [
    { name: 'embedded image (300 dpi), PGM', native: true, dpi: 300, png: false },
    { name: 'embedded image downsampled to 200 dpi, PGM', native: true, dpi: 200, png: false },
    { name: 'pdfjs render 200 dpi, PGM', native: false, dpi: 200, png: false },
    { name: 'pdfjs render 300 dpi, PGM', native: false, dpi: 300, png: false },
    { name: 'pdfjs render 300 dpi, PNG', native: false, dpi: 300, png: true },
  ];
  const images = new Map<string, Buffer[]>();
  const prepSeconds = new Map<string, number>();
  for (const v of variants) {
    const bufs: Buffer[] = [];
    const t0 = performance.now();
    for (const s of synthetic) {
      const { pdfjs, doc } = await openPdf(new Uint8Array(readFileSync(s.file)), s.file);
      const page = await doc.getPage(1);
      const [x0, y0, x1, y1] = page.view;
      const scan = scanOperators(pdfjs, await page.getOperatorList(), x1 - x0, y1 - y0);
      // as the pipeline does: degraded pages (grey/uneven paper) are cleaned up first, others pass as is
      const g = (await prepareForOcr(await pageGray(page, scan, v.dpi, v.native))).image;
      bufs.push(v.png ? await sharp(Buffer.from(g.gray), { raw: { width: g.width, height: g.height, channels: 1 } }).png().toBuffer() : toPgm(g.gray, g.width, g.height));
      page.cleanup();
      await doc.destroy();
    }
    prepSeconds.set(v.name, (performance.now() - t0) / 1000 / synthetic.length);
    images.set(v.name, bufs);
  }
  const allRuns: { model: OcrModel; langs: string[]; variants: string[] }[] = [
    { model: '4.0.0_best_int', langs: ['chi_sim'], variants: variants.map((v) => v.name) },
    { model: '4.0.0', langs: ['chi_sim'], variants: [variants[0].name, variants[1].name, variants[2].name] },
    { model: '4.0.0_best_int', langs: ['chi_sim', 'eng'], variants: [variants[1].name] },
  ];
  const runs = want('models') ? allRuns : [];
  if (runs.length) {
    log('## Model and rendering (tesseract.js, 1 worker; CER = edit distance / gold chars, whitespace ignored)');
    log();
    log('| model | langs | input | CER raw | CER punct-normalised | OCR s/page | image prep s/page | worker start s |');
    log('|---|---|---|---|---|---|---|---|');
  }
  const ocrTexts = new Map<string, string[]>();
  for (const run of runs) {
    const t0 = performance.now();
    const eng = new TesseractEngine({ workers: 1, model: run.model, langs: run.langs });
    try {
      await eng.recognize(toPgm(new Uint8Array(64 * 64).fill(255), 64, 64));
      const startS = (performance.now() - t0) / 1000;
      for (const vn of run.variants) {
        const bufs = images.get(vn)!;
        const texts: string[] = [];
        const t1 = performance.now();
        for (const b of bufs) texts.push((await eng.recognize(b)).text);
        const per = (performance.now() - t1) / 1000 / bufs.length;
        ocrTexts.set(`${run.model}|${run.langs.join('+')}|${vn}`, texts);
        const raw = mean(synthetic.map((s, i) => cer(s.gold, texts[i], false)));
        const np = mean(synthetic.map((s, i) => cer(s.gold, texts[i], true)));
        log(`| ${run.model} | ${run.langs.join('+')} | ${vn} | ${fmt(raw * 100, 1)}% | ${fmt(np * 100, 1)}% | ${fmt(per)} | ${fmt(prepSeconds.get(vn)!)} | ${fmt(startS)} |`);
      }
    } catch (e) {
      log(`| ${run.model} | ${run.langs.join('+')} | – | failed: ${(e as Error).message} | | | | |`);
    } finally {
      await eng.close();
    }
  }
  log();

  // ---------- B. tesseract.js vs native tesseract, same images and traineddata ----------
  if (want('engines')) {
  log('## tesseract.js vs native tesseract (same PGM images: embedded scans downsampled to 200 dpi; same best_int traineddata; 1 thread)');
  log();
  log('| engine | s/page | CER punct-normalised |');
  log('|---|---|---|');
  {
    const key = `4.0.0_best_int|chi_sim|${variants[1].name}`;
    const jsTexts = ocrTexts.get(key);
    // Whole extraction with tesseract.js (includes PDF parsing and image extraction, excludes worker start).
    const ex = createExtractor({ engine: 'tesseract', workers: 1 });
    try {
      await ex.extract(synthetic[0].file, { ocr: 'auto' }); // warm-up: worker start
      const t0 = performance.now();
      const texts: string[] = [];
      for (const s of synthetic) texts.push((await ex.extract(s.file, { ocr: 'auto' })).original);
      const per = (performance.now() - t0) / 1000 / synthetic.length;
      log(`| tesseract.js 7 (whole extraction: parse + image + OCR) | ${fmt(per)} | ${fmt(mean(synthetic.map((s, i) => cer(s.gold, texts[i]))) * 100, 1)}% |`);
    } finally {
      await ex.close();
    }
    const hasNative = spawnSync('tesseract', ['--version']).status === 0;
    if (!hasNative) log('| native tesseract | not installed | |');
    else {
      const tessdata = join(tmp, 'tessdata');
      execFileSync('mkdir', ['-p', tessdata]);
      writeFileSync(join(tessdata, 'chi_sim.traineddata'), gunzipSync(readFileSync(join(langDataDir('chi_sim', '4.0.0_best_int'), 'chi_sim.traineddata.gz'))));
      const texts: string[] = [];
      const bufs = images.get(variants[1].name)!;
      const t0 = performance.now();
      for (const [i, b] of bufs.entries()) {
        const img = join(tmp, `page${i}.pgm`);
        writeFileSync(img, b);
        const r = spawnSync('tesseract', [img, 'stdout', '-l', 'chi_sim', '--oem', '1', '--dpi', '200', '--tessdata-dir', tessdata], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, encoding: 'utf8' });
        texts.push(r.stdout ?? '');
      }
      const per = (performance.now() - t0) / 1000 / bufs.length;
      log(`| native tesseract ${String(spawnSync('tesseract', ['--version'], { encoding: 'utf8' }).stdout).split('\n')[0].replace('tesseract ', '')} (OCR only, process per page) | ${fmt(per)} | ${fmt(mean(synthetic.map((s, i) => cer(s.gold, texts[i]))) * 100, 1)}% |`);
      if (jsTexts) {
        const diff = mean(texts.map((t, i) => cer(jsTexts[i], t, false)));
        log(`| (difference native vs tesseract.js text) | | ${fmt(diff * 100, 1)}% |`);
      }
    }
  }
  log();

  }

  // ---------- D. low-resolution scans: 150 dpi as is vs upsampled to 200 dpi ----------
  if (want('lowres')) {
    log('## 150 dpi scans (synthetic pages downsampled to 150 dpi): as is vs upsampled to 200 dpi (best_int, 1 worker)');
    log();
    log('| input | CER punct-normalised | OCR s/page |');
    log('|---|---|---|');
    const eng = new TesseractEngine({ workers: 1 });
    try {
      const src = images.get(variants[0].name)!; // 300 dpi PGM
      const low: Buffer[] = [];
      const up: Buffer[] = [];
      for (const pgm of src) {
        const m = /^P5\n(\d+) (\d+)\n255\n/.exec(pgm.toString('latin1', 0, 40))!;
        const [w, h] = [Number(m[1]), Number(m[2])];
        const raw = pgm.subarray(m[0].length);
        const lo = await sharp(raw, { raw: { width: w, height: h, channels: 1 } }).resize({ width: Math.round(w / 2) }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
        low.push(toPgm(new Uint8Array(lo.data), lo.info.width, lo.info.height));
        const hi = await sharp(lo.data, { raw: { width: lo.info.width, height: lo.info.height, channels: 1 } }).resize({ width: Math.round((lo.info.width * 4) / 3), kernel: 'lanczos3' }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
        up.push(toPgm(new Uint8Array(hi.data), hi.info.width, hi.info.height));
      }
      for (const [name, bufs] of [['150 dpi as is', low], ['150 dpi upsampled to 200 dpi (lanczos3)', up]] as const) {
        const t0 = performance.now();
        const texts: string[] = [];
        for (const b of bufs) texts.push((await eng.recognize(b)).text);
        log(`| ${name} | ${fmt(mean(synthetic.map((s, i) => cer(s.gold, texts[i]))) * 100, 1)}% | ${fmt((performance.now() - t0) / 1000 / bufs.length)} |`);
      }
    } finally {
      await eng.close();
    }
    log();
  }

  // ---------- C. throughput, workers 1 vs 2, peak RSS (child processes) ----------
  if (want('throughput')) {
  const pngs = await Promise.all(synthetic.map((s, i) => scanImage(layoutPages(readFileSync(join(ROOT, 'fixtures/notices', noticeDirs[i], 'gold.txt'), 'utf8'))[0], 1000 + i)));
  const multi = join(tmp, 'scan-multi.pdf');
  writeFileSync(multi, await pdfOfImages([...pngs, ...pngs]));
  const borns = join(tmp, 'born-30.pdf');
  {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(ttfFromTtc(readFileSync(WQY)), { subset: true });
    const lines = layoutPages(noticeDirs.map((d) => (existsSync(join(ROOT, 'fixtures/notices', d, 'gold.txt')) ? readFileSync(join(ROOT, 'fixtures/notices', d, 'gold.txt'), 'utf8') : '')).join('\n')).flat();
    for (let p = 0; p < 30; p++) {
      const page = doc.addPage([595.28, 841.89]);
      for (let l = 0; l < 28; l++) page.drawText(lines[(p * 28 + l) % lines.length], { x: 79, y: 730 - l * 22.6, size: 15.5, font });
    }
    writeFileSync(borns, await doc.save());
  }
  log('## Throughput (child process per run: worker start included, peak RSS of the whole process)');
  log();
  log('| input | workers | pages | seconds | pages/s | s/page | peak RSS MB |');
  log('|---|---|---|---|---|---|---|');
  const child = (workers: number, files: string[], label: string) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/bench-ocr.ts'), '--child', String(workers), ...files], { encoding: 'utf8', cwd: ROOT });
    try {
      const j = JSON.parse(r.stdout.trim().split('\n').pop()!);
      log(`| ${label} | ${workers} | ${j.pages} | ${fmt(j.seconds)} | ${fmt(j.pages / j.seconds)} | ${fmt(j.seconds / j.pages)} | ${fmt(j.maxRssMB, 0)} |`);
    } catch {
      log(`| ${label} | ${workers} | failed: ${(r.stderr || '').split('\n')[0]} | | | | |`);
    }
  };
  child(1, [multi], `synthetic scans (${synthetic.length * 2} pages)`);
  child(2, [multi], `synthetic scans (${synthetic.length * 2} pages)`);
  for (const f of fixtureScans) child(2, [f], relative(ROOT, f));
  child(1, [borns], 'born-digital text layer (30 pages)');
  log();
  }
} catch (e) {
  log(`bench stopped early: ${(e as Error).stack ?? e}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
