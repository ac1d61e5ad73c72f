// Glyph look-alike table from font renderings.
//
// Each of the N most frequent characters (dictionaries/charfreq.tsv) plus the
// sanity-list characters is rendered in the notice fonts (Noto Serif CJK SC,
// AR PL UMing CN, WenQuanYi Zen Hei, Noto Sans CJK SC) at 32 px, centred in a
// fixed em box (relative size and position matter to OCR), binarised, blurred
// and pooled to 20x20. Per font the similarity of two glyphs is the Pearson
// correlation of these maps; the final score is the mean over fonts.
// All pairs are prefiltered with an 8x8 pooled vector (mean over fonts), the
// best PREFILTER candidates per char are scored exactly.
//
// Output: dictionaries/confusions/glyph.tsv   char\tcandidate\tsimilarity
//   top K (8) candidates per char with similarity >= threshold, sorted by
//   char (charfreq rank), then similarity desc.
//
// Usage: npx tsx scripts/confusions/glyph-similarity.ts [--top 5000] [--k 8] [--threshold 0.5]
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerNoticeFonts } from './fonts.ts';
import { SANITY_CHARS, SANITY_PAIRS, sanityRecall } from './sanity.ts';
import { flag } from '../lib/flag.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const BOX = 40; // canvas size
export const PX = 32; // font size
export const POOL = 2; // 40 -> 20
export const G = BOX / POOL; // 20
const COARSE = 8;

/** A canvas of one em box, text centred: where every glyph is drawn. */
export function glyphCanvas(): SKRSContext2D {
  const g = createCanvas(BOX, BOX).getContext('2d');
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  return g;
}

/** Draw one character centred in the em box (font already set) and binarise at 50 %: the ink map and its pixel count. */
export function glyphBitmap(g: SKRSContext2D, ch: string): { bin: Float32Array; ink: number } {
  g.fillStyle = '#fff';
  g.fillRect(0, 0, BOX, BOX);
  g.fillStyle = '#000';
  g.fillText(ch, BOX / 2, BOX / 2);
  const data = g.getImageData(0, 0, BOX, BOX).data;
  const bin = new Float32Array(BOX * BOX);
  let ink = 0;
  for (let i = 0; i < BOX * BOX; i++) if (data[i * 4]! < 128) (bin[i] = 1), ink++;
  return { bin, ink };
}

export function gaussKernel(sigma: number): Float32Array {
  const r = Math.ceil(sigma * 3);
  const k = new Float32Array(2 * r + 1);
  let s = 0;
  for (let i = -r; i <= r; i++) s += k[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
  for (let i = 0; i < k.length; i++) k[i]! /= s;
  return k;
}

export function blur(src: Float32Array, w: number, h: number, k: Float32Array): Float32Array {
  const r = (k.length - 1) / 2;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) {
        const xx = x + i;
        if (xx >= 0 && xx < w) s += src[y * w + xx]! * k[i + r]!;
      }
      tmp[y * w + x] = s;
    }
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) {
        const yy = y + i;
        if (yy >= 0 && yy < h) s += tmp[yy * w + x]! * k[i + r]!;
      }
      out[y * w + x] = s;
    }
  return out;
}

export function pool(src: Float32Array, w: number, f: number): Float32Array {
  const ow = w / f;
  const out = new Float32Array(ow * ow);
  for (let y = 0; y < w; y++) for (let x = 0; x < w; x++) out[Math.floor(y / f) * ow + Math.floor(x / f)]! += src[y * w + x]!;
  return out;
}

/** centre and L2-normalise in place; returns false if blank */
export function standardise(v: Float32Array): boolean {
  let m = 0;
  for (const x of v) m += x;
  m /= v.length;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    v[i]! -= m;
    n += v[i]! * v[i]!;
  }
  if (n < 1e-9) return false;
  n = Math.sqrt(n);
  for (let i = 0; i < v.length; i++) v[i]! /= n;
  return true;
}

export function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[ao + i]! * b[bo + i]!;
  return s;
}

function inkList(bin: Float32Array): Uint16Array {
  const out: number[] = [];
  for (let i = 0; i < bin.length; i++) if (bin[i]) out.push(i);
  return Uint16Array.from(out);
}

/** 3-4 chamfer distance transform (in pixels) to the nearest ink pixel. */
function distanceTransform(bin: Float32Array, w: number): Float32Array {
  const INF = 1e6;
  const d = new Float32Array(w * w);
  for (let i = 0; i < d.length; i++) d[i] = bin[i] ? 0 : INF;
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= w || y >= w ? INF : d[y * w + x]!);
  for (let y = 0; y < w; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      d[i] = Math.min(d[i]!, at(x - 1, y) + 3, at(x, y - 1) + 3, at(x - 1, y - 1) + 4, at(x + 1, y - 1) + 4);
    }
  for (let y = w - 1; y >= 0; y--)
    for (let x = w - 1; x >= 0; x--) {
      const i = y * w + x;
      d[i] = Math.min(d[i]!, at(x + 1, y) + 3, at(x, y + 1) + 3, at(x + 1, y + 1) + 4, at(x - 1, y + 1) + 4);
    }
  for (let i = 0; i < d.length; i++) d[i]! /= 3;
  return d;
}

/** symmetric chamfer similarity: exp(-mean distance of each glyph's ink to the other's ink / tau) */
function chamferSim(inkA: Uint16Array, dtB: Float32Array, inkB: Uint16Array, dtA: Float32Array, tau: number): number {
  let sa = 0;
  for (const i of inkA) sa += dtB[i]!;
  let sb = 0;
  for (const i of inkB) sb += dtA[i]!;
  const m = (sa / Math.max(1, inkA.length) + sb / Math.max(1, inkB.length)) / 2;
  return Math.exp(-m / tau);
}

export function loadCharFreq(): string[] {
  const text = readFileSync(join(root, 'dictionaries/charfreq.tsv'), 'utf8');
  return text
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t')[0]!);
}

function main(): void {
  const arg = flag;
  const top = Number(arg('top', '5000'));
  const K = Number(arg('k', '8'));
  const threshold = Number(arg('threshold', '0.5'));
  const prefilter = Number(arg('prefilter', '100'));
  const sigma = Number(arg('sigma', '1'));
  const tau = Number(arg('tau', '1.5'));
  const wPearson = Number(arg('wpearson', '1'));
  const t0 = Date.now();

  const ranked = loadCharFreq();
  const chars = [...new Set([...ranked.slice(0, top), ...SANITY_CHARS])];
  const rank = new Map(ranked.map((c, i) => [c, i]));
  const fonts = registerNoticeFonts();
  const F = fonts.length;
  const N = chars.length;
  const D = G * G;
  const fine = new Float32Array(N * F * D);
  const coarse = new Float32Array(N * COARSE * COARSE);
  const valid = new Uint8Array(N).fill(1);
  // chamfer features: ink pixel list and distance transform per (char, font)
  const inkIdx: Uint16Array[] = new Array(N * F);
  const dts: Float32Array[] = new Array(N * F);
  const k = gaussKernel(sigma);

  const g = glyphCanvas();
  for (let f = 0; f < F; f++) {
    g.font = `${PX}px "${fonts[f]!.alias}"`;
    for (let c = 0; c < N; c++) {
      const { bin, ink } = glyphBitmap(g, chars[c]!);
      if (ink === 0) {
        valid[c] = 0;
        continue;
      }
      if (wPearson < 1) {
        inkIdx[c * F + f] = inkList(bin);
        dts[c * F + f] = distanceTransform(bin, BOX);
      }
      const b = blur(bin, BOX, BOX, k);
      const p = pool(b, BOX, POOL);
      if (!standardise(p)) valid[c] = 0;
      fine.set(p, (c * F + f) * D);
      const cp = pool(b, BOX, BOX / COARSE);
      for (let i = 0; i < cp.length; i++) coarse[c * 64 + i]! += cp[i]!;
    }
  }
  for (let c = 0; c < N; c++) if (!standardise(coarse.subarray(c * 64, c * 64 + 64))) valid[c] = 0;
  console.log(`rendered ${N} chars x ${F} fonts in ${((Date.now() - t0) / 1000).toFixed(1)}s; invalid ${N - valid.reduce((a, b) => a + b, 0)}`);

  // prefilter: best `prefilter` coarse neighbours per char
  const cand: Int32Array[] = [];
  const scores = new Float32Array(N);
  for (let a = 0; a < N; a++) {
    if (!valid[a]) {
      cand.push(new Int32Array(0));
      continue;
    }
    for (let b = 0; b < N; b++) scores[b] = b === a || !valid[b] ? -2 : dot(coarse, a * 64, coarse, b * 64, 64);
    const idx = Array.from({ length: N }, (_, i) => i);
    idx.sort((x, y) => scores[y]! - scores[x]!);
    cand.push(Int32Array.from(idx.slice(0, prefilter)));
  }
  console.log(`prefilter done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

  // exact scores (symmetric: union of candidate lists)
  const exact = new Map<number, number>();
  const sim = (a: number, b: number): number => {
    const key = a < b ? a * N + b : b * N + a;
    let s = exact.get(key);
    if (s === undefined) {
      let p = 0;
      let ch = 0;
      for (let f = 0; f < F; f++) {
        p += dot(fine, (a * F + f) * D, fine, (b * F + f) * D, D);
        if (wPearson < 1) ch += chamferSim(inkIdx[a * F + f]!, dts[b * F + f]!, inkIdx[b * F + f]!, dts[a * F + f]!, tau);
      }
      s = (wPearson * p + (1 - wPearson) * ch) / F;
      exact.set(key, s);
    }
    return s;
  };
  const neigh: Map<number, number>[] = Array.from({ length: N }, () => new Map());
  for (let a = 0; a < N; a++)
    for (const b of cand[a]!) {
      const s = sim(a, b);
      neigh[a]!.set(b, s);
      neigh[b]!.set(a, s);
    }

  const table = new Map<string, string[]>();
  const lines: string[] = ['char\tcandidate\tsimilarity'];
  const order = Array.from({ length: N }, (_, i) => i).sort(
    (x, y) => (rank.get(chars[x]!) ?? 1e9) - (rank.get(chars[y]!) ?? 1e9) || (chars[x]! < chars[y]! ? -1 : 1),
  );
  let rows = 0;
  for (const a of order) {
    const best = [...neigh[a]!.entries()]
      .filter(([, s]) => s >= threshold)
      .sort((x, y) => y[1] - x[1] || (chars[x[0]]! < chars[y[0]]! ? -1 : 1))
      .slice(0, K);
    if (!best.length) continue;
    table.set(
      chars[a]!,
      best.map(([b]) => chars[b]!),
    );
    for (const [b, s] of best) {
      lines.push(`${chars[a]}\t${chars[b]}\t${s.toFixed(4)}`);
      rows++;
    }
  }
  writeFileSync(join(root, 'dictionaries/confusions/glyph.tsv'), lines.join('\n') + '\n');
  const rec = sanityRecall(table);
  console.log(
    `chars ${N}, with candidates ${table.size}, rows ${rows}; sanity recall: directional ${rec.directional}/${rec.total}, either direction ${rec.either}/${rec.total}; missed ${rec.missed.join(' ')}`,
  );
  // similarity of each sanity pair and its rank, for diagnosis
  if (process.argv.includes('--diag')) {
    const ix = new Map(chars.map((c, i) => [c, i]));
    for (const [t, o] of SANITY_PAIRS) {
      const a = ix.get(t);
      const b = ix.get(o);
      if (a === undefined || b === undefined) continue;
      const s = sim(a, b);
      const rankIn = (x: number, y: number): number =>
        [...neigh[x]!.values()].filter((v) => v > s).length + (neigh[x]!.has(y) ? 1 : 0);
      console.log(`${t}/${o}\tsim ${s.toFixed(3)}\trank-in-${o} ${neigh[b]!.has(a) ? rankIn(b, a) : '-'}\trank-in-${t} ${neigh[a]!.has(b) ? rankIn(a, b) : '-'}`);
    }
  }
  console.log(`total ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
