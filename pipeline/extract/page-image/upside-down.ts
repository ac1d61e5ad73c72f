/**
 * Upside-down pages. The engine-independent interface `DetectUpsideDown` is what the clean-up
 * calls; a text-direction classifier (PP-OCR's) can be plugged in with the same signature.
 * The implementation here reads the page layout: Chinese paragraphs start with a two-character
 * indent on the left and end with a short line ragged on the right. Turned by 180°, both
 * appear on the opposite side.
 */
import type { Mask } from './mask.ts';

export type DetectUpsideDown = (gray: Uint8Array, width: number, height: number) => Promise<{ rotation: 0 | 180; confidence: number }>;

export interface LineEdges {
  left: number;
  right: number;
  height: number;
}

/** Text lines as bands of inked mask rows, with their left and right ink edges. */
export function lineEdges(m: Mask): LineEdges[] {
  const lines: LineEdges[] = [];
  let cur: LineEdges | null = null;
  for (let y = 0; y <= m.height; y++) {
    let left = -1;
    let right = -1;
    if (y < m.height)
      for (let x = 0; x < m.width; x++)
        if (m.mask[y * m.width + x]) {
          if (left < 0) left = x;
          right = x;
        }
    if (left >= 0) {
      if (cur) {
        cur.left = Math.min(cur.left, left);
        cur.right = Math.max(cur.right, right);
        cur.height++;
      } else cur = { left, right, height: 1 };
    } else if (cur) {
      lines.push(cur);
      cur = null;
    }
  }
  return lines;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Positive: upright evidence (indents on the left, ragged ends on the right); negative: turned.
 * Offsets are counted in character heights: 1.4–2.6 is an indent, 3 or more a short line.
 */
export function layoutScore(m: Mask): number {
  const all = lineEdges(m);
  const charH = median(all.map((l) => l.height));
  const lines = all.filter((l) => l.height >= charH * 0.6 && l.height <= charH * 1.8 && l.right - l.left > charH * 3);
  if (lines.length < 3 || charH === 0) return 0;
  const lefts = lines.map((l) => l.left).sort((a, b) => a - b);
  const rights = lines.map((l) => l.right).sort((a, b) => b - a);
  const L = lefts[1];
  const R = rights[1];
  let score = 0;
  for (const l of lines) {
    const off = (l.left - L) / charH;
    const short = (R - l.right) / charH;
    if (off >= 1.4 && off <= 2.6) score++;
    if (short >= 1.4 && short <= 2.6) score--;
    if (short >= 3) score++;
    if (off >= 3) score--;
  }
  return score;
}

/** At least this much net evidence (lines) before a page is turned. */
export const UPSIDE_DOWN_MIN_SCORE = 2;

export function layoutUpsideDown(m: Mask): { rotation: 0 | 180; confidence: number; score: number } {
  const score = layoutScore(m);
  const rotation = score <= -UPSIDE_DOWN_MIN_SCORE ? 180 : 0;
  return { rotation, confidence: Math.min(1, Math.abs(score) / 10), score };
}
