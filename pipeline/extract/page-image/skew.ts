/**
 * Skew by projection profiles: the angle at which the ink, projected onto the page's vertical
 * axis, gives the most uneven row profile (text lines sharp, gaps empty). Searched coarse to fine.
 */
import type { Mask } from './mask.ts';

/** Largest skew searched, in degrees. */
export const MAX_SKEW = 5;

/**
 * The ink cells' columns row by row (row y's cells are xs[rowStart[y] .. rowStart[y + 1])), listed
 * once so that each angle costs only the ink, not the page (~70k cells × 41 angles a page).
 */
interface InkCells {
  xs: Int32Array;
  rowStart: Int32Array;
}

function inkCells(m: Mask): InkCells {
  const { mask, width, height } = m;
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) n++;
  const xs = new Int32Array(n);
  const rowStart = new Int32Array(height + 1);
  let k = 0;
  for (let y = 0, row = 0; y < height; y++, row += width) {
    rowStart[y] = k;
    for (let x = 0; x < width; x++) if (mask[row + x]) xs[k++] = x;
  }
  rowStart[height] = k;
  return { xs, rowStart };
}

/** Sum of squared row counts of the ink cells projected at `deg` (larger = lines better aligned). */
function profileSharpness(cells: InkCells, m: Mask, deg: number): number {
  const a = (deg * Math.PI) / 180;
  const sin = Math.sin(a);
  const cos = Math.cos(a);
  const off = Math.ceil(Math.abs(sin) * m.width) + 1;
  const bins = new Int32Array(m.height + 2 * off + 2);
  const { xs, rowStart } = cells;
  // Math.round(y·cos − x·sin) + off as one truncation (the sum plus off + 0.5 is never negative: |x·sin| < off);
  // the two differ only for a projection within one rounding unit of a half-integer
  const base = off + 0.5;
  for (let y = 0; y < m.height; y++) {
    const yc = y * cos;
    for (let i = rowStart[y]!, end = rowStart[y + 1]!; i < end; i++) bins[(yc - xs[i]! * sin + base) | 0]++;
  }
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
