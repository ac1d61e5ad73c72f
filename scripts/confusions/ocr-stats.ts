// OCR confusion statistics from synthetic pages.
//
// Builds lines of text from the jieba word list (frequent words plus
// administrative vocabulary), renders them as page images in notice fonts,
// degrades them lightly (blur / noise / resampling / threshold / JPEG, seeded),
// OCRs them with native tesseract (chi_sim, --psm 6), aligns OCR output to the
// source by Levenshtein alignment (whitespace removed) and counts Han→Han
// substitutions.
//
// Output: dictionaries/confusions/ocr-observed.tsv
//   truth\tocr\tcount\tsource_count     (count >= 2; source_count = occurrences of truth char in the rendered text)
// Raw counts are also kept in a JSON state file so runs can be resumed/merged.
//
// Usage: nice npx tsx scripts/confusions/ocr-stats.ts [--minutes 40] [--pages N] [--jobs 2] [--seed 1]
//          [--engine native|js] [--state FILE] [--fresh] [--out FILE] [--styles song,hei,kai | --styles extra] [--heavy] [--require-shape]
// The state file (default $TMPDIR/notice-ocr-stats-state.json) accumulates counts
// across runs; --fresh starts from zero. Runs with --engine js (tesseract.js,
// @tesseract.js-data/chi_sim/4.0.0_best_int) add to the same counts.
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerNoticeFonts, type FontSpec } from './fonts.ts';
import { rng } from '../fixtures/render.ts';
import { flag } from '../lib/flag.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let OUT = join(root, 'dictionaries/confusions/ocr-observed.tsv');
const HAN = /\p{Script=Han}/u;


// ---------- alignment ----------
export interface Sub {
  truth: string;
  ocr: string;
}

/** Levenshtein alignment over code points; returns substitution pairs (including identities). */
export function alignSubs(truth: string[], ocr: string[]): Sub[] {
  const n = truth.length;
  const m = ocr.length;
  const w = m + 1;
  const d = new Uint32Array((n + 1) * w);
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    d[i * w] = i;
    const ti = truth[i - 1];
    for (let j = 1; j <= m; j++) {
      const sub = d[(i - 1) * w + j - 1]! + (ti === ocr[j - 1] ? 0 : 1);
      const del = d[(i - 1) * w + j]! + 1;
      const ins = d[i * w + j - 1]! + 1;
      d[i * w + j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
  }
  const out: Sub[] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const cur = d[i * w + j]!;
    const same = truth[i - 1] === ocr[j - 1];
    if (cur === d[(i - 1) * w + j - 1]! + (same ? 0 : 1)) {
      out.push({ truth: truth[i - 1]!, ocr: ocr[j - 1]! });
      i--;
      j--;
    } else if (cur === d[(i - 1) * w + j]! + 1) {
      i--;
    } else {
      j--;
    }
  }
  return out.reverse();
}

// ---------- text generation ----------
const ADMIN_CHARS = '党政纪监察巡整改责督部委干治查审规制度律廉洁腐败问题落实推进组织领导会议精神贯彻中央市县区镇街道办公室通报意见通知关于决定批示专项治理执行考核检查';

interface Word {
  w: string;
  f: number;
}

function loadWords(): { general: Word[]; admin: Word[] } {
  const dict = readFileSync(join(root, 'node_modules/@node-rs/jieba/dict.txt'), 'utf8');
  const general: Word[] = [];
  const admin: Word[] = [];
  const adminSet = new Set([...ADMIN_CHARS]);
  for (const line of dict.split('\n')) {
    const p = line.split(' ');
    if (p.length < 2) continue;
    const w = p[0]!;
    const f = Number(p[1]);
    const chars = [...w];
    if (chars.length > 6 || !chars.every((c) => HAN.test(c))) continue;
    if (f >= 20) general.push({ w, f });
    if (chars.length >= 2 && f >= 5 && chars.some((c) => adminSet.has(c))) admin.push({ w, f });
  }
  return { general, admin };
}

/** Cumulative-weight sampler with weight f^alpha. */
function sampler(words: Word[], alpha: number, rnd: () => number): () => string {
  const cum = new Float64Array(words.length);
  let s = 0;
  words.forEach((x, i) => {
    s += Math.pow(x.f, alpha);
    cum[i] = s;
  });
  return () => {
    const r = rnd() * s;
    let lo = 0;
    let hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!.w;
  };
}

const PUNCT = ['，', '。', '、', '；', '：'];

function makeLine(len: number, pickGeneral: () => string, pickAdmin: () => string, rnd: () => number): string {
  let s = '';
  while ([...s].length < len) {
    s += rnd() < 0.45 ? pickAdmin() : pickGeneral();
    if (rnd() < 0.12) s += PUNCT[Math.floor(rnd() * PUNCT.length)];
  }
  return [...s].slice(0, len).join('');
}

// ---------- rendering & degradation ----------
interface PageSpec {
  font: FontSpec;
  px: number;
  lines: string[];
  blur: number;
  noise: number;
  scale: number;
  threshold: number; // 0 = none
  jpeg: number;
}

async function renderPage(p: PageSpec, rnd: () => number): Promise<Buffer> {
  const margin = 60;
  const lineH = Math.round(p.px * 1.7);
  const maxChars = Math.max(...p.lines.map((l) => [...l].length));
  const W = Math.round(margin * 2 + maxChars * p.px * 1.05);
  const H = margin * 2 + lineH * p.lines.length;
  const c = createCanvas(W, H);
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, W, H);
  g.fillStyle = '#000';
  g.font = `${p.px}px "${p.font.alias}"`;
  g.textBaseline = 'alphabetic';
  p.lines.forEach((l, i) => g.fillText(l, margin, margin + lineH * i + p.px));
  const img = g.getImageData(0, 0, W, H);
  const gray = Buffer.alloc(W * H);
  for (let i = 0; i < W * H; i++) {
    let v = img.data[i * 4]!;
    if (p.noise > 0) {
      // approx gaussian: sum of 3 uniforms
      const z = (rnd() + rnd() + rnd() - 1.5) * 2;
      v = v + z * p.noise;
    }
    gray[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  let s = sharp(gray, { raw: { width: W, height: H, channels: 1 } });
  if (p.blur > 0.3) s = s.blur(p.blur);
  let buf = await s.toColourspace('b-w').raw().toBuffer();
  let w = W;
  let h = H;
  if (p.scale < 0.99) {
    w = Math.round(W * p.scale);
    h = Math.round(H * p.scale);
    buf = await sharp(buf, { raw: { width: W, height: H, channels: 1 } }).resize(w, h, { kernel: 'linear' }).toColourspace('b-w').raw().toBuffer();
  }
  if (p.threshold > 0) {
    for (let i = 0; i < buf.length; i++) buf[i] = buf[i]! < p.threshold ? 0 : 255;
  }
  return sharp(buf, { raw: { width: w, height: h, channels: 1 } }).jpeg({ quality: p.jpeg }).toBuffer();
}

function tesseractNative(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'tesseract',
      [file, '-', '-l', 'chi_sim', '--psm', '6'],
      { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 16 << 20 },
      (err, stdout) => (err ? reject(err) : resolve(stdout)),
    );
  });
}

// ---------- state ----------
interface State {
  pages: number;
  chars: number;
  hanChars: number;
  hanSubs: number;
  subs: Record<string, number>; // "t\to" -> count
  source: Record<string, number>; // char -> occurrences in truth
  byEngine: Record<string, number>;
}

/**
 * Pairs that glyph.tsv or component.tsv also lists (either direction): heavy-scan statistics
 * are noisy (a 15% error rate misaligns neighbours), so with --require-shape only
 * substitutions that two independent sources see are written.
 */
function shapePairs(): Set<string> {
  const out = new Set<string>();
  for (const f of ['glyph.tsv', 'component.tsv']) {
    for (const line of readFileSync(join(root, 'dictionaries/confusions', f), 'utf8').split('\n').slice(1)) {
      const [a, b] = line.split('\t');
      if (a && b) out.add(`${a}\t${b}`).add(`${b}\t${a}`);
    }
  }
  return out;
}
let SHAPE: Set<string> | null = null;

function writeTsv(st: State): number {
  const rows: [string, string, number, number][] = [];
  for (const [k, c] of Object.entries(st.subs)) {
    if (c < 2) continue;
    if (SHAPE && !SHAPE.has(k)) continue;
    const [t, o] = k.split('\t') as [string, string];
    rows.push([t, o, c, st.source[t] ?? 0]);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : b[2] - a[2] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)));
  const text = ['truth\tocr\tcount\tsource_count', ...rows.map((r) => r.join('\t'))].join('\n') + '\n';
  writeFileSync(OUT, text);
  return rows.length;
}

async function main(): Promise<void> {
  const arg = flag;
  const minutes = Number(arg('minutes', '40'));
  const maxPages = Number(arg('pages', '1000000'));
  const jobs = Number(arg('jobs', '2'));
  const seed = Number(arg('seed', '1'));
  const engine = arg('engine', 'native');
  const statePath = arg('state', join(tmpdir(), 'notice-ocr-stats-state.json'));
  const fresh = process.argv.includes('--fresh');
  // --heavy: poor scans (small, blurred, hard-thresholded glyphs) instead of the light default damage
  const heavy = process.argv.includes('--heavy');
  OUT = arg('out', OUT);
  if (process.argv.includes('--require-shape')) SHAPE = shapePairs();

  const styles = arg('styles', 'song,hei').split(',') as (FontSpec['style'] | 'extra')[];
  const fonts = registerNoticeFonts(styles);
  if (!fonts.length) throw new Error('no fonts');
  const { general, admin } = loadWords();
  console.log(`words: general ${general.length}, admin ${admin.length}; fonts ${fonts.map((f) => f.alias).join(',')}`);

  const st: State =
    !fresh && existsSync(statePath)
      ? (JSON.parse(readFileSync(statePath, 'utf8')) as State)
      : { pages: 0, chars: 0, hanChars: 0, hanSubs: 0, subs: {}, source: {}, byEngine: {} };
  const startPage = st.pages;

  let ocrJs: ((f: string) => Promise<string>) | null = null;
  let jsWorkers: { terminate(): Promise<unknown> }[] = [];
  if (engine === 'js') {
    const T = await import('tesseract.js');
    const langPath = join(root, 'node_modules/@tesseract.js-data/chi_sim/4.0.0_best_int');
    const ws = await Promise.all(
      Array.from({ length: jobs }, () =>
        T.createWorker('chi_sim', 1, { langPath, cacheMethod: 'none', gzip: true }),
      ),
    );
    for (const w of ws) await w.setParameters({ tessedit_pageseg_mode: T.PSM.SINGLE_BLOCK });
    jsWorkers = ws;
    const free = [...ws];
    ocrJs = async (f: string) => {
      while (!free.length) await new Promise((r) => setTimeout(r, 20));
      const w = free.pop()!;
      try {
        const r = await w.recognize(f);
        return r.data.text;
      } finally {
        free.push(w);
      }
    };
  }

  const tmp = join(tmpdir(), `notice-ocr-stats-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const deadline = Date.now() + minutes * 60_000;
  const t0 = Date.now();

  const doPage = async (pageNo: number): Promise<void> => {
    // every page derives its own RNG from (seed, pageNo): deterministic regardless of scheduling
    const rnd = rng(seed * 1_000_003 + pageNo * 7919 + (engine === 'js' ? 17 : 0) + (heavy ? 31 : 0));
    const pickG = sampler(general, 0.5, rnd);
    const pickA = sampler(admin, 0.5, rnd);
    // font choice: Song faces twice as likely as Hei or Kai
    const weights = fonts.map((f) => (f.style === 'song' ? 2 : 1));
    let r = rnd() * weights.reduce((a, b) => a + b, 0);
    let font = fonts[0]!;
    for (let i = 0; i < fonts.length; i++) {
      r -= weights[i]!;
      if (r <= 0) {
        font = fonts[i]!;
        break;
      }
    }
    const px = 26 + Math.floor(rnd() * 20); // ~9.5pt..16pt at 200 dpi
    const perLine = 28;
    const nLines = 28;
    const lines = Array.from({ length: nLines }, () => makeLine(perLine, pickG, pickA, rnd));
    const spec: PageSpec = heavy
      ? // a poor scan: glyphs ~22–30 px high after down-sampling, blurred, then
        // hard-thresholded so that strokes break (low cut) or run together (high cut)
        {
          font,
          px,
          lines,
          blur: 0.3 + rnd() * 0.8,
          noise: rnd() * 25,
          scale: Math.min(1, (22 + rnd() * 8) / px),
          threshold: rnd() < 0.6 ? 80 + Math.floor(rnd() * 110) : 0,
          jpeg: 30 + Math.floor(rnd() * 40),
        }
      : {
          font,
          px,
          lines,
          blur: rnd() * 1.1,
          noise: rnd() < 0.6 ? rnd() * 25 : 0,
          scale: rnd() < 0.5 ? 0.6 + rnd() * 0.35 : 1,
          threshold: rnd() < 0.35 ? 100 + Math.floor(rnd() * 80) : 0,
          jpeg: 35 + Math.floor(rnd() * 50),
        };
    const jpg = await renderPage(spec, rnd);
    const file = join(tmp, `p${pageNo}.jpg`);
    writeFileSync(file, jpg);
    const text = ocrJs ? await ocrJs(file) : await tesseractNative(file);
    if (process.env.OCR_DUMP) writeFileSync(join(process.env.OCR_DUMP, `p${pageNo}.jpg`), jpg), writeFileSync(join(process.env.OCR_DUMP, `p${pageNo}.txt`), text);
    rmSync(file, { force: true });
    const truth = [...lines.join('')];
    const ocr = [...text.replace(/\s+/g, '')];
    const subs = alignSubs(truth, ocr);
    st.pages++;
    st.chars += truth.length;
    for (const ch of truth) if (HAN.test(ch)) st.source[ch] = (st.source[ch] ?? 0) + 1;
    for (const s of subs) {
      if (!HAN.test(s.truth)) continue;
      st.hanChars++;
      if (s.truth === s.ocr || !HAN.test(s.ocr)) continue;
      st.hanSubs++;
      const k = `${s.truth}\t${s.ocr}`;
      st.subs[k] = (st.subs[k] ?? 0) + 1;
    }
    st.byEngine[engine] = (st.byEngine[engine] ?? 0) + 1;
  };

  let next = startPage;
  let done = 0;
  const save = (): void => {
    writeFileSync(statePath, JSON.stringify(st));
    const n = writeTsv(st);
    const secs = (Date.now() - t0) / 1000;
    console.log(
      `pages ${st.pages} (+${done} in ${secs.toFixed(0)}s), chars ${st.chars}, han aligned ${st.hanChars}, han subs ${st.hanSubs} (${((100 * st.hanSubs) / Math.max(1, st.hanChars)).toFixed(2)}%), tsv rows ${n}`,
    );
  };
  const worker = async (): Promise<void> => {
    while (Date.now() < deadline && next - startPage < maxPages) {
      const pageNo = next++;
      try {
        await doPage(pageNo);
      } catch (e) {
        console.error(`page ${pageNo} failed: ${(e as Error).message}`);
      }
      done++;
      if (done % 20 === 0) save();
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  save();
  for (const w of jsWorkers) await w.terminate();
  rmSync(tmp, { recursive: true, force: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
