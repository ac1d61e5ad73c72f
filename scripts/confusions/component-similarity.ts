// Component-level look-alike table: pairs that share ONE component in the
// same position (same left part, same right part, same top/bottom, same
// enclosing frame) while the rest is only loosely similar. Whole-glyph
// correlation (glyph-similarity.ts) ranks such pairs low, yet a degraded scan
// that damages one component makes OCR read the other character
// (油/泊/治, 苦/若, 恋/意, 送/迖, 察/守 ...).
//
// Rendering is exactly that of glyph-similarity.ts (same fonts, 32 px in a
// 40x40 em box, binarised, Gaussian blur sigma 1, pooled to 20x20). Each map
// is cut by a fixed set of SPLITS into two complementary parts P and Q
// (vertical cuts at 40/50/60 % of the width, horizontal cuts at 40/50/60 % of
// the height, an L-shaped 辶/廴/爻 frame, a ring-shaped 门/囗/匚 frame).
// For a split the part correlations rP, rQ are Pearson correlations of the
// corresponding part maps, averaged over the four fonts (so the shared part
// must be shared in every typeface, not by accident in one), each multiplied
// by partFactor() (a near-empty part, or one much heavier in one glyph, is
// weak evidence of a shared component). The pair score is
//
//     part(a,b) = max over splits of  WMAX * max(rP, rQ) + (1 - WMAX) * min(rP, rQ)
//
// with WMAX = 0.7: the dominant term rewards one component being nearly the
// same glyph in the same place (what makes an OCR engine fall for the other
// character when the remaining strokes are faint or broken); the minority
// term ranks, among all characters sharing e.g. 氵, those whose other part is
// also shaped alike (治 → 冶/油/沿 before 治 → 派). A plain max would make
// every 氵 character equally good; a plain mean is whole-glyph correlation
// again. Max over splits (of font-averaged correlations) rather than mean over
// fonts of max over splits keeps the same cut for all fonts.
//
// Prefilter: 10x10 pooled maps (mean over fonts) cut by the same splits
// give a cheap part score for all ~12.5 M pairs; the best PREFILTER coarse
// neighbours of each character are scored exactly (union of both directions).
//
// Output: dictionaries/confusions/component.tsv  char\tcandidate\tsimilarity
//   per char its top K candidates (part score >= --min) that are NOT a glyph.tsv
//   pair (either direction), chosen by part score + FBONUS * log10(freq/maxfreq)
//   (charfreq.tsv; a frequency tie-break, the printed value is shape only). Calibration (see calibrate()): the part score is mapped
//   to the glyph.tsv scale by quantile matching (the q-quantile of component
//   part scores goes to the q-quantile of glyph.tsv similarities) and then
//   multiplied by DISCOUNT (default 0.9), so a component candidate ranks just
//   below whole-glyph look-alikes of the same standing. Rows grouped by char in
//   charfreq rank order, candidates by similarity desc, then code unit order.
//
// Usage: nice npx tsx scripts/confusions/component-similarity.ts [--top 5000] [--k 8]
//          [--prefilter 200] [--wmax 0.7] [--inkmin 0.2] [--ratioexp 0.5] [--fbonus 0.05]
//          [--discount 0.9] [--min 0.5] [--whole] [--diag] [--out FILE]
//   --whole: baseline, plain whole-glyph Pearson instead of the part score (for comparison)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerNoticeFonts } from './fonts.ts';
import { SANITY_CHARS, SANITY_PAIRS, sanityRecall } from './sanity.ts';
import { BOX, PX, POOL, G, gaussKernel, blur, pool, standardise, loadCharFreq, glyphCanvas, glyphBitmap } from './glyph-similarity.ts';
import { flag } from '../lib/flag.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A split assigns each cell of a W x W grid (in 20-grid coordinates x, y) to part 0 (P) or 1 (Q). */
export interface Split {
  name: string;
  inP: (x: number, y: number) => boolean;
}

// all cuts at even 20-grid positions so that they are exact on the 10x10 coarse grid
export const SPLITS: Split[] = [
  { name: 'left40', inP: (x) => x < 8 },
  { name: 'left50', inP: (x) => x < 10 },
  { name: 'left60', inP: (x) => x < 12 },
  { name: 'top40', inP: (_x, y) => y < 8 },
  { name: 'top50', inP: (_x, y) => y < 10 },
  { name: 'top60', inP: (_x, y) => y < 12 },
  // 辶/廴/走 frame: left column band + bottom band
  { name: 'frameL', inP: (x, y) => x < 6 || y >= 14 },
  // 门/囗/匚/冂 frame: outer ring
  { name: 'ring', inP: (x, y) => x < 4 || x >= 16 || y < 4 || y >= 16 },
];

/** Combine the two part correlations of one split. */
export function combineParts(rP: number, rQ: number, wmax: number): number {
  return rP >= rQ ? wmax * rP + (1 - wmax) * rQ : wmax * rQ + (1 - wmax) * rP;
}

/** Evidence factor of a part: a part holding little ink (e.g. the empty top of 人) correlates
 *  with anything, and a part with much more ink in one glyph than the other is not "the same
 *  component". m = share of the glyph's ink in the part (smaller of the two glyphs), ratio =
 *  smaller / larger absolute ink of the part. */
export function partFactor(m: number, ratio: number, inkMin: number, ratioExp: number): number {
  return Math.min(1, m / inkMin) * Math.pow(ratio, ratioExp);
}

/** Cell order for a split on a w x w grid (w = 20 or 10): P cells first, then Q; returns [order, nP]. */
function splitOrder(s: Split, w: number): [Uint16Array, number] {
  const f = G / w;
  const p: number[] = [];
  const q: number[] = [];
  for (let y = 0; y < w; y++) for (let x = 0; x < w; x++) (s.inP(x * f, y * f) ? p : q).push(y * w + x);
  return [Uint16Array.from([...p, ...q]), p.length];
}

/** Gather `src` (w*w map) in split order into dst at off, standardising P and Q separately (zero if blank). */
function gatherParts(src: Float32Array, order: Uint16Array, nP: number, dst: Float32Array, off: number): void {
  for (let i = 0; i < order.length; i++) dst[off + i] = src[order[i]!]!;
  if (!standardise(dst.subarray(off, off + nP))) dst.fill(0, off, off + nP);
  if (!standardise(dst.subarray(off + nP, off + order.length))) dst.fill(0, off + nP, off + order.length);
}

function loadCharFreqCounts(): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of readFileSync(join(root, 'dictionaries/charfreq.tsv'), 'utf8').split('\n').slice(1)) {
    if (!l) continue;
    const [c, f] = l.split('\t');
    m.set(c!, Number(f));
  }
  return m;
}

function readPairs(file: string): Set<string> {
  const out = new Set<string>();
  if (!existsSync(file)) return out;
  for (const l of readFileSync(file, 'utf8').split('\n').slice(1)) {
    if (!l) continue;
    const [a, b] = l.split('\t');
    out.add(`${a}\t${b}`);
    out.add(`${b}\t${a}`);
  }
  return out;
}

function quantiles(xs: number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

/** Map x through the empirical CDF of `from` onto the quantile function of `to` (both sorted asc). */
export function quantileMap(x: number, from: number[], to: number[]): number {
  // fraction of `from` below x (linear interpolation between order statistics)
  let lo = 0;
  let hi = from.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (from[m]! < x) lo = m + 1;
    else hi = m;
  }
  const q = from.length <= 1 ? 0.5 : Math.min(1, Math.max(0, lo / (from.length - 1)));
  const pos = q * (to.length - 1);
  const i = Math.floor(pos);
  const j = Math.min(to.length - 1, i + 1);
  return to[i]! + (to[j]! - to[i]!) * (pos - i);
}

function main(): void {
  const arg = flag;
  const top = Number(arg('top', '5000'));
  const K = Number(arg('k', '8'));
  const prefilter = Number(arg('prefilter', '200'));
  const wmax = Number(arg('wmax', '0.7'));
  const discount = Number(arg('discount', '0.9'));
  const minPart = Number(arg('min', '0.5'));
  const inkMin = Number(arg('inkmin', '0.2'));
  const ratioExp = Number(arg('ratioexp', '0.5'));
  const fbonus = Number(arg('fbonus', '0.05'));
  const whole = process.argv.includes('--whole'); // baseline: plain whole-glyph Pearson instead of part score
  const out = arg('out', join(root, 'dictionaries/confusions/component.tsv'));
  const glyphFile = arg('glyph', join(root, 'dictionaries/confusions/glyph.tsv'));
  const t0 = Date.now();
  const secs = (): string => ((Date.now() - t0) / 1000).toFixed(1);

  const ranked = loadCharFreq();
  // same character set as glyph.tsv (top N plus the sanity characters, so both tables cover the same chars)
  const chars = [...new Set([...ranked.slice(0, top), ...SANITY_CHARS])];
  const rank = new Map(ranked.map((c, i) => [c, i]));
  const glyphPairs = readPairs(glyphFile);
  const fonts = registerNoticeFonts();
  const F = fonts.length;
  const N = chars.length;
  const S = SPLITS.length;
  const D = G * G; // 400
  const C = 10;
  const DC = C * C; // 100
  const fineOrder = SPLITS.map((s) => splitOrder(s, G));
  const coarseOrder = SPLITS.map((s) => splitOrder(s, C));

  // fine[((c*S + s)*F + f)*D ...]: part-standardised 20x20 map in split order
  const fine = new Float32Array(N * S * F * D);
  const coarse = new Float32Array(N * S * DC);
  const coarseRaw = new Float32Array(N * DC);
  // ink mass per (char, split, part), summed over fonts, and total ink per char
  const inkPart = new Float32Array(N * S * 2);
  const inkTot = new Float32Array(N);
  const full = new Float32Array(whole ? N * F * D : 0);
  const valid = new Uint8Array(N).fill(1);
  const k = gaussKernel(1);
  const g = glyphCanvas();
  for (let f = 0; f < F; f++) {
    g.font = `${PX}px "${fonts[f]!.alias}"`;
    for (let c = 0; c < N; c++) {
      const { bin, ink } = glyphBitmap(g, chars[c]!);
      if (ink === 0) {
        valid[c] = 0;
        continue;
      }
      const b = blur(bin, BOX, BOX, k);
      const p = pool(b, BOX, POOL);
      for (let s = 0; s < S; s++) {
        const [ord, nP] = fineOrder[s]!;
        for (let i = 0; i < D; i++) inkPart[(c * S + s) * 2 + (i < nP ? 0 : 1)]! += p[ord[i]!]!;
        gatherParts(p, ord, nP, fine, ((c * S + s) * F + f) * D);
      }
      for (let i = 0; i < D; i++) inkTot[c]! += p[i]!;
      if (whole) {
        const v = Float32Array.from(p);
        standardise(v);
        full.set(v, (c * F + f) * D);
      }
      const cp = pool(b, BOX, BOX / C);
      for (let i = 0; i < DC; i++) coarseRaw[c * DC + i]! += cp[i]!;
    }
  }
  for (let c = 0; c < N; c++)
    for (let s = 0; s < S; s++) gatherParts(coarseRaw.subarray(c * DC, c * DC + DC), coarseOrder[s]![0], coarseOrder[s]![1], coarse, (c * S + s) * DC);
  console.log(`rendered ${N} chars x ${F} fonts x ${S} splits in ${secs()}s; invalid ${N - valid.reduce((a, b) => a + b, 0)}`);

  const factor = (a: number, b: number, s: number, part: 0 | 1): number => {
    const ia = inkPart[(a * S + s) * 2 + part]!;
    const ib = inkPart[(b * S + s) * 2 + part]!;
    const m = Math.min(ia / inkTot[a]!, ib / inkTot[b]!);
    const ratio = Math.max(ia, ib) > 0 ? Math.min(ia, ib) / Math.max(ia, ib) : 0;
    return partFactor(m, ratio, inkMin, ratioExp);
  };

  // coarse part score of all pairs
  const nPc = coarseOrder.map(([, n]) => n);
  const coarseFull = new Float32Array(whole ? N * DC : 0);
  if (whole)
    for (let c = 0; c < N; c++) {
      const v = Float32Array.from(coarseRaw.subarray(c * DC, c * DC + DC));
      standardise(v);
      coarseFull.set(v, c * DC);
    }
  const coarseScore = (a: number, b: number): number => {
    if (whole) {
      let p = 0;
      for (let i = 0; i < DC; i++) p += coarseFull[a * DC + i]! * coarseFull[b * DC + i]!;
      return p;
    }
    let best = -2;
    for (let s = 0; s < S; s++) {
      const oa = (a * S + s) * DC;
      const ob = (b * S + s) * DC;
      const n = nPc[s]!;
      let p = 0;
      let q = 0;
      for (let i = 0; i < n; i++) p += coarse[oa + i]! * coarse[ob + i]!;
      for (let i = n; i < DC; i++) q += coarse[oa + i]! * coarse[ob + i]!;
      const v = combineParts(p * factor(a, b, s, 0), q * factor(a, b, s, 1), wmax);
      if (v > best) best = v;
    }
    return best;
  };
  const M = new Float32Array(N * N).fill(-2);
  for (let a = 0; a < N; a++) {
    if (!valid[a]) continue;
    for (let b = a + 1; b < N; b++) {
      if (!valid[b]) continue;
      const v = coarseScore(a, b);
      M[a * N + b] = v;
      M[b * N + a] = v;
    }
  }
  console.log(`coarse scores done in ${secs()}s`);
  const idx = new Int32Array(N);
  const cand: Int32Array[] = [];
  for (let a = 0; a < N; a++) {
    const row = M.subarray(a * N, a * N + N);
    for (let i = 0; i < N; i++) idx[i] = i;
    const sorted = Array.from(idx).sort((x, y) => row[y]! - row[x]! || x - y);
    cand.push(Int32Array.from(sorted.filter((b) => b !== a && row[b]! > -2).slice(0, prefilter)));
  }
  console.log(`prefilter done in ${secs()}s`);

  // exact part score
  const nPf = fineOrder.map(([, n]) => n);
  const exact = new Map<number, { score: number; split: number; whole: number }>();
  const sim = (a: number, b: number): { score: number; split: number; whole: number } => {
    const key = a < b ? a * N + b : b * N + a;
    let r = exact.get(key);
    if (r) return r;
    let best = -2;
    let bestS = -1;
    if (whole) {
      let p = 0;
      for (let f = 0; f < F; f++) for (let i = 0; i < D; i++) p += full[(a * F + f) * D + i]! * full[(b * F + f) * D + i]!;
      r = { score: p / F, split: -1, whole: p / F };
      exact.set(key, r);
      return r;
    }
    for (let s = 0; s < S; s++) {
      const n = nPf[s]!;
      let p = 0;
      let q = 0;
      for (let f = 0; f < F; f++) {
        const oa = ((a * S + s) * F + f) * D;
        const ob = ((b * S + s) * F + f) * D;
        for (let i = 0; i < n; i++) p += fine[oa + i]! * fine[ob + i]!;
        for (let i = n; i < D; i++) q += fine[oa + i]! * fine[ob + i]!;
      }
      const v = combineParts((p / F) * factor(a, b, s, 0), (q / F) * factor(a, b, s, 1), wmax);
      if (v > best) (best = v), (bestS = s);
    }
    r = { score: best, split: bestS, whole: NaN };
    exact.set(key, r);
    return r;
  };
  const neigh: Map<number, number>[] = Array.from({ length: N }, () => new Map());
  for (let a = 0; a < N; a++)
    for (const b of cand[a]!) {
      const s = sim(a, b).score;
      neigh[a]!.set(b, s);
      neigh[b]!.set(a, s);
    }
  console.log(`exact scores (${exact.size} pairs) done in ${secs()}s`);

  const order = Array.from({ length: N }, (_, i) => i).sort(
    (x, y) => (rank.get(chars[x]!) ?? 1e9) - (rank.get(chars[y]!) ?? 1e9) || (chars[x]! < chars[y]! ? -1 : 1),
  );
  // selection of the K candidates: part score + fbonus * log10(candidate frequency / max frequency):
  // among candidates of nearly equal shape score the common character is the likelier truth
  // (the printed similarity is the shape score alone; the corrector applies its own language model)
  const freq = loadCharFreqCounts();
  const maxFreq = Math.max(...freq.values());
  const logf = chars.map((c) => Math.log10(Math.max(1, freq.get(c) ?? 1) / maxFreq));
  const picked: [number, number, number][] = [];
  for (const a of order) {
    const best = [...neigh[a]!.entries()]
      .filter(([b, s]) => s >= minPart && !glyphPairs.has(`${chars[a]}\t${chars[b]}`))
      .map(([b, s]) => [b, s, s + fbonus * logf[b]!] as const)
      .sort((x, y) => y[2] - x[2] || (chars[x[0]]! < chars[y[0]]! ? -1 : 1))
      .slice(0, K);
    for (const [b, s] of best) picked.push([a, b, s]);
  }

  // calibration: quantile-match part scores onto glyph.tsv similarities, then discount
  const glyphSims = quantiles(
    readFileSync(glyphFile, 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => Number(l.split('\t')[2])),
  );
  const partSims = quantiles(picked.map(([, , s]) => s));
  const lines = ['char\tcandidate\tsimilarity'];
  const table = new Map<string, string[]>();
  let lastA = -1;
  let group: [number, number][] = [];
  const flush = (): void => {
    // re-sort within the char after rounding so the file is sorted by the printed value
    group.sort((x, y) => y[1] - x[1] || (chars[x[0]]! < chars[y[0]]! ? -1 : 1));
    for (const [b, v] of group) {
      lines.push(`${chars[lastA]}\t${chars[b]}\t${v.toFixed(4)}`);
      (table.get(chars[lastA]!) ?? table.set(chars[lastA]!, []).get(chars[lastA]!)!).push(chars[b]!);
    }
    group = [];
  };
  for (const [a, b, s] of picked) {
    if (a !== lastA) {
      if (lastA >= 0) flush();
      lastA = a;
    }
    const v = Math.max(0.0001, Math.min(1, discount * quantileMap(s, partSims, glyphSims)));
    group.push([b, Number(v.toFixed(4))]);
  }
  if (lastA >= 0) flush();
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(
    `chars ${N}, with candidates ${table.size}, rows ${lines.length - 1}; part score quantiles 0/25/50/75/100 %: ${[0, 0.25, 0.5, 0.75, 1]
      .map((q) => partSims[Math.round(q * (partSims.length - 1))]!.toFixed(3))
      .join(' ')}`,
  );

  // sanity recall (measuring only): glyph.tsv alone vs glyph.tsv + component.tsv
  const glyphTable = new Map<string, string[]>();
  for (const l of readFileSync(glyphFile, 'utf8').split('\n').slice(1)) {
    if (!l) continue;
    const [a, b] = l.split('\t') as [string, string];
    (glyphTable.get(a) ?? glyphTable.set(a, []).get(a)!).push(b);
  }
  const union = new Map<string, string[]>();
  for (const t of [glyphTable, table]) for (const [a, bs] of t) union.set(a, [...(union.get(a) ?? []), ...bs]);
  const avg = (t: Map<string, string[]>): string => {
    // candidates per char counting both directions (a row a->b also proposes b->a)
    const sym = new Map<string, Set<string>>();
    for (const [a, bs] of t)
      for (const b of bs) {
        (sym.get(a) ?? sym.set(a, new Set()).get(a)!).add(b);
        (sym.get(b) ?? sym.set(b, new Set()).get(b)!).add(a);
      }
    let n = 0;
    for (const s of sym.values()) n += s.size;
    return `${(n / Math.max(1, sym.size)).toFixed(1)} (${sym.size} chars)`;
  };
  const rg = sanityRecall(glyphTable);
  const ru = sanityRecall(union);
  console.log(`sanity recall either direction: glyph ${rg.either}/${rg.total}, glyph+component ${ru.either}/${ru.total}; directional ${rg.directional} -> ${ru.directional}`);
  console.log(`still missed: ${ru.missed.join(' ')}`);
  console.log(`candidates per char (symmetric): glyph ${avg(glyphTable)}, glyph+component ${avg(union)}`);

  // development signal independent of the sanity list: real tesseract substitutions (ocr-observed.tsv)
  // between characters of the set that glyph.tsv misses, and how many component.tsv covers
  const obsFile = join(root, 'dictionaries/confusions/ocr-observed.tsv');
  if (existsSync(obsFile)) {
    const inSet = new Set(chars);
    const compPairs = new Set<string>();
    for (const [a, bs] of table) for (const b of bs) compPairs.add(`${a}\t${b}`), compPairs.add(`${b}\t${a}`);
    let n = 0;
    let hit = 0;
    let nAll = 0;
    let hitAll = 0;
    for (const l of readFileSync(obsFile, 'utf8').split('\n').slice(1)) {
      if (!l) continue;
      const [t, o] = l.split('\t') as [string, string];
      if (!inSet.has(t) || !inSet.has(o)) continue;
      nAll++;
      if (glyphPairs.has(`${t}\t${o}`)) {
        hitAll++;
        continue;
      }
      n++;
      if (compPairs.has(`${t}\t${o}`)) hit++, hitAll++;
    }
    console.log(`ocr-observed pairs within the char set: ${nAll}; glyph covers ${nAll - n}, component adds ${hit} of the ${n} others (union ${hitAll}/${nAll})`);
  }

  if (process.argv.includes('--diag')) {
    const ix = new Map(chars.map((c, i) => [c, i]));
    for (const [t, o] of SANITY_PAIRS) {
      const a = ix.get(t);
      const b = ix.get(o);
      if (a === undefined || b === undefined) continue;
      const r = sim(a, b);
      const inG = glyphPairs.has(`${t}\t${o}`);
      const rk = (x: number): number => [...neigh[x]!.entries()].filter(([y, v]) => v > r.score && !glyphPairs.has(`${chars[x]}\t${chars[y]}`)).length + 1;
      console.log(`${t}/${o}\tpart ${r.score.toFixed(3)} (${SPLITS[r.split]?.name})\tglyph ${inG ? 'yes' : 'no'}\trank-in-${o} ${rk(b)}\trank-in-${t} ${rk(a)}`);
    }
  }
  console.log(`total ${secs()}s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
