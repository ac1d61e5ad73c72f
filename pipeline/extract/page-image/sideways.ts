/**
 * Sideways pages (turned 90° or 270°): Chinese notice text runs in horizontal lines separated
 * by empty rows, while the characters within a line touch. So in narrow vertical strips of the
 * page (narrow enough that a few degrees of skew do not smear the gaps) far more rows than
 * columns are empty on an upright page, and the reverse on a sideways one.
 */
import type { Mask } from './mask.ts';
import { turnMask } from './mask.ts';

/** Strips across the text: with 8, a 5° skew moves a line by less than the gap between lines. */
const STRIPS = 8;
/** Sideways when the column gap share exceeds the row gap share by this factor (measured: README). */
export const SIDEWAYS_RATIO = 1.5;

/** Share of empty rows between the first and last inked row, averaged over vertical strips. */
export function rowGapShare(m: Mask): number {
  let x0 = m.width;
  let x1 = -1;
  for (let y = 0; y < m.height; y++)
    for (let x = 0; x < m.width; x++)
      if (m.mask[y * m.width + x]) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
      }
  if (x1 < x0) return 0;
  const stripW = Math.max(1, Math.ceil((x1 - x0 + 1) / STRIPS));
  let sum = 0;
  let n = 0;
  for (let s = x0; s <= x1; s += stripW) {
    let first = -1;
    let last = -1;
    let empty = 0;
    const inked: boolean[] = [];
    for (let y = 0; y < m.height; y++) {
      let any = false;
      for (let x = s; x < Math.min(s + stripW, x1 + 1) && !any; x++) any = m.mask[y * m.width + x] === 1;
      inked.push(any);
      if (any) {
        if (first < 0) first = y;
        last = y;
      }
    }
    if (first < 0 || last - first < 4) continue;
    for (let y = first; y <= last; y++) if (!inked[y]) empty++;
    sum += empty / (last - first + 1);
    n++;
  }
  return n ? sum / n : 0;
}

export interface SidewaysVerdict {
  sideways: boolean;
  rowGaps: number;
  columnGaps: number;
}

export function detectSideways(m: Mask): SidewaysVerdict {
  const rowGaps = rowGapShare(m);
  const columnGaps = rowGapShare(turnMask(m));
  return { sideways: columnGaps > rowGaps * SIDEWAYS_RATIO, rowGaps, columnGaps };
}
