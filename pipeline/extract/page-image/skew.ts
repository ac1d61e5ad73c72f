/**
 * Skew by projection profiles: the angle at which the ink, projected onto the page's vertical
 * axis, gives the most uneven row profile (text lines sharp, gaps empty). Searched coarse to fine.
 */
import type { Mask } from './mask.ts';

/** Largest skew searched, in degrees. */
export const MAX_SKEW = 5;

/**
 * The ink cells' coordinates, listed once so that each angle costs only the ink, not the page
 * (as doubles: the projection multiplies them by doubles, ~70k cells × 41 angles a page).
 */
function inkCells(m: Mask): { xs: Float64Array; ys: Float64Array } {
  let n = 0;
  for (let i = 0; i < m.mask.length; i++) if (m.mask[i]) n++;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let k = 0;
  for (let y = 0; y < m.height; y++)
    for (let x = 0; x < m.width; x++)
      if (m.mask[y * m.width + x]) {
        xs[k] = x;
        ys[k++] = y;
      }
  return { xs, ys };
}

/** Sum of squared row counts of the ink cells projected at `deg` (larger = lines better aligned). */
function profileSharpness(cells: { xs: Float64Array; ys: Float64Array }, m: Mask, deg: number): number {
  const a = (deg * Math.PI) / 180;
  const sin = Math.sin(a);
  const cos = Math.cos(a);
  const off = Math.ceil(Math.abs(sin) * m.width) + 1;
  const bins = new Int32Array(m.height + 2 * off + 2);
  const { xs, ys } = cells;
  const n = xs.length;
  for (let i = 0; i < n; i++) bins[Math.round(ys[i]! * cos - xs[i]! * sin) + off]++;
  let s = 0;
  for (let i = 0; i < bins.length; i++) s += bins[i]! * bins[i]!;
  return s;
}

/**
 * The skew in degrees: positive when the text lines run down to the right (clockwise).
 * Turning the image by −skew (counter-clockwise) straightens it.
 */
export function estimateSkew(m: Mask): number {
  const cells = inkCells(m);
  let best = 0;
  let bestScore = -1;
  const search = (from: number, to: number, step: number) => {
    for (let d = from; d <= to + 1e-9; d += step) {
      const score = profileSharpness(cells, m, d);
      if (score > bestScore) {
        bestScore = score;
        best = d;
      }
    }
  };
  search(-MAX_SKEW, MAX_SKEW, 0.5);
  const coarse = best;
  search(coarse - 0.5, coarse + 0.5, 0.1);
  const mid = best;
  search(mid - 0.1, mid + 0.1, 0.025);
  return Math.round(best * 1000) / 1000;
}
