/**
 * Text detection with the PP-OCRv4 DB model: the page is scaled so its longer side is
 * `limitSide` (a multiple of 32), the model gives a text-probability map, and each
 * connected region of the map above `threshold` becomes an axis-aligned line box,
 * grown back by the DB "unclip" distance (area × ratio / perimeter) and mapped to page pixels.
 * Pages reach the engine deskewed (page clean-up), so axis-aligned boxes suffice.
 */
import type { Box, GrayImage } from './gray.ts';
import { resampleRows } from './gray.ts';
import type { Session } from './models.ts';
import { run } from './models.ts';

export interface DetectOptions {
  /** Longer side of the image the model sees (README.md: measured 960 / 1280 / 1600). */
  limitSide?: number;
  /** Probability above which a map pixel is text (PaddleOCR's DB default). */
  threshold?: number;
  /** Mean probability of a region below which it is not text (PaddleOCR's default cut). */
  boxThreshold?: number;
  unclipRatio?: number;
}

export const DEFAULT_DETECT: Required<DetectOptions> = { limitSide: 1280, threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5 };

export interface DetectedBox extends Box {
  score: number;
}

const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export async function detectLines(session: Session, img: GrayImage, options: DetectOptions = {}): Promise<DetectedBox[]> {
  const o = { ...DEFAULT_DETECT, ...options };
  const scale = Math.min(1, o.limitSide / Math.max(img.width, img.height));
  const w = Math.max(32, Math.round((img.width * scale) / 32) * 32);
  const h = Math.max(32, Math.round((img.height * scale) / 32) * 32);
  const plane = w * h;
  const input = new Float32Array(3 * plane);
  resampleRows(img, { x: 0, y: 0, width: img.width, height: img.height }, w, h, (y, values) => {
    for (let x = 0, i = y * w; x < w; x++, i++) {
      const u = values[x] / 255;
      input[i] = (u - MEAN[0]) / STD[0];
      input[plane + i] = (u - MEAN[1]) / STD[1];
      input[2 * plane + i] = (u - MEAN[2]) / STD[2];
    }
  });
  const out = await run(session, input, [1, 3, h, w]);
  const boxes = regions(out.data, w, h, o);
  const fx = img.width / w;
  const fy = img.height / h;
  return boxes.map((b) => {
    const x0 = Math.max(0, Math.floor(b.x * fx));
    const y0 = Math.max(0, Math.floor(b.y * fy));
    const x1 = Math.min(img.width, Math.ceil((b.x + b.width) * fx));
    const y1 = Math.min(img.height, Math.ceil((b.y + b.height) * fy));
    return { x: x0, y: y0, width: x1 - x0, height: y1 - y0, score: b.score };
  }).filter((b) => b.width > 0 && b.height > 0);
}

/**
 * Connected regions (4-neighbour) of `prob > threshold`, scored by their mean probability, unclipped.
 * (The mean over the region's bounding box, PaddleOCR's "fast" score, put whole printed lines of
 * the n07 scan at 0.61–0.69, some under the 0.6 cut: measured, README.md.)
 */
export function regions(prob: Float32Array, w: number, h: number, o: Required<DetectOptions>): DetectedBox[] {
  const seen = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  const found: DetectedBox[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || prob[start] <= o.threshold) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let x0 = w, y0 = h, x1 = -1, y1 = -1;
    let sum = 0;
    let count = 0;
    while (top > 0) {
      const p = stack[--top];
      sum += prob[p];
      count++;
      const x = p % w;
      const y = (p - x) / w;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (x > 0 && !seen[p - 1] && prob[p - 1] > o.threshold) (seen[p - 1] = 1), (stack[top++] = p - 1);
      if (x < w - 1 && !seen[p + 1] && prob[p + 1] > o.threshold) (seen[p + 1] = 1), (stack[top++] = p + 1);
      if (y > 0 && !seen[p - w] && prob[p - w] > o.threshold) (seen[p - w] = 1), (stack[top++] = p - w);
      if (y < h - 1 && !seen[p + w] && prob[p + w] > o.threshold) (seen[p + w] = 1), (stack[top++] = p + w);
    }
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    if (Math.min(bw, bh) < 3) continue; // PaddleOCR's min_size: specks, not lines
    const score = sum / count;
    if (score < o.boxThreshold) continue;
    const d = (bw * bh * o.unclipRatio) / (2 * (bw + bh));
    found.push({ x: x0 - d, y: y0 - d, width: bw + 2 * d, height: bh + 2 * d, score });
  }
  return found;
}
