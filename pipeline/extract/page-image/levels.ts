/**
 * Paper and ink levels of a page measured from its histogram. Ink is estimated from the dark
 * pixels only (below the Otsu threshold and clearly darker than paper), so a page with little
 * ink never has its paper taken for ink; with too little ink to measure, `ink` is null.
 */
import type { Gray } from './types.ts';

/**
 * A pixel counts as ink only when at least this much darker than the paper level. Measured by
 * scripts/fixtures/measure-ink.ts (3 body fonts × 5 damage levels, median 3×3 first): ink pixels
 * on damaged full pages sit 100+ below paper; paper noise and specks that survive the median
 * stay within a few levels.
 */
export const MIN_INK_CONTRAST = 64;
/**
 * Below this share of ink pixels the ink level is not measured (no stretch). Measured: one line
 * at the top of an A4 page 0.23–0.37 %, blank pages ≤ 0.0015 %.
 */
export const MIN_MEASURABLE_INK = 0.0005;
/** Share of all pixels taken as the ink level when ink is plentiful (the former global 0.5th percentile). */
const INK_PERCENTILE = 0.005;

export interface Levels {
  /** 90th percentile of all pixels. */
  paper: number;
  /** Otsu threshold of the histogram. */
  threshold: number;
  /** Pixels darker than min(threshold, paper − MIN_INK_CONTRAST), as a share of all. */
  inkShare: number;
  /**
   * Ink level: the darkest INK_PERCENTILE of all pixels when that much is ink (as before), else
   * the median ink pixel; null when inkShare < MIN_MEASURABLE_INK.
   */
  ink: number | null;
}

/**
 * Counts of each grey level over every `step`-th pixel. Four interleaved partial counts: a page is
 * mostly one paper level, and counting every pixel into one bin waits on the previous count.
 */
export function histogram(gray: Uint8Array, step = 1): { hist: Uint32Array; total: number } {
  const parts = new Uint32Array(1024);
  const n = gray.length;
  const s4 = 4 * step;
  let i = 0;
  for (; i + 3 * step < n; i += s4) {
    parts[gray[i]]++;
    parts[256 + gray[i + step]]++;
    parts[512 + gray[i + 2 * step]]++;
    parts[768 + gray[i + 3 * step]]++;
  }
  for (; i < n; i += step) parts[gray[i]]++;
  const hist = new Uint32Array(256);
  for (let v = 0; v < 256; v++) hist[v] = parts[v] + parts[256 + v] + parts[512 + v] + parts[768 + v];
  return { hist, total: n > 0 ? Math.ceil(n / step) : 0 };
}

/** Value at share p (0..1) of the histogram bins lo..hi−1. */
export function percentile(hist: Uint32Array, p: number, lo = 0, hi = 256): number {
  let total = 0;
  for (let v = lo; v < hi; v++) total += hist[v];
  const want = total * p;
  let acc = 0;
  for (let v = lo; v < hi; v++) {
    acc += hist[v];
    if (acc >= want && acc > 0) return v;
  }
  return hi - 1;
}

/** Otsu's threshold: pixels < t are one class. */
export function otsu(hist: Uint32Array): number {
  let total = 0;
  let sum = 0;
  for (let v = 0; v < 256; v++) {
    total += hist[v];
    sum += v * hist[v];
  }
  let wB = 0;
  let sumB = 0;
  let best = -1;
  let t = 128;
  for (let v = 0; v < 256; v++) {
    wB += hist[v];
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += v * hist[v];
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      t = v + 1;
    }
  }
  return t;
}

export function measureLevels(img: Gray, step = 1): Levels {
  const { hist, total } = histogram(img.gray, step);
  const paper = percentile(hist, 0.9);
  const threshold = otsu(hist);
  const cut = Math.min(threshold, paper - MIN_INK_CONTRAST);
  let dark = 0;
  for (let v = 0; v < Math.max(0, cut); v++) dark += hist[v];
  const inkShare = total ? dark / total : 0;
  const ink = inkShare >= MIN_MEASURABLE_INK ? percentile(hist, Math.min(0.5, INK_PERCENTILE / inkShare), 0, cut) : null;
  return { paper, threshold, inkShare, ink };
}
