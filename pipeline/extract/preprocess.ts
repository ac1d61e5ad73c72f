/**
 * Image preprocessing for degraded scans before OCR (choice and measurements: README.md).
 * Pure pixel functions on 8-bit gray buffers plus a decision from measured image properties,
 * so clean scans and rendered pages go to tesseract untouched.
 */
import { loadSharp } from './native-modules.ts';
import type { KernelEnum, Sharp } from 'sharp';
import { measureLevels } from './page-image/levels.ts';
import { median3x3 } from './page-image/median.ts';

export interface Gray {
  gray: Uint8Array;
  width: number;
  height: number;
}

export interface ImageStats {
  /** Paper level: 90th percentile of gray values (0..255). */
  paper: number;
  /** Ink level: 1st percentile (0..255). */
  ink: number;
  /** Spread of the paper level over the page: max − min of per-tile 90th percentiles (uneven background). */
  paperSpread: number;
}

/** Percentile of a 256-bin histogram (p in 0..1). */
function histPercentile(hist: Uint32Array, total: number, p: number): number {
  const want = total * p;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v];
    if (acc >= want) return v;
  }
  return 255;
}

/** Paper/ink levels and background unevenness, sampled (every 2nd row/column). */
export function imageStats(img: Gray): ImageStats {
  const { gray, width: w, height: h } = img;
  const tiles = 4;
  // one 256-bin histogram per tile in one array; the page's histogram is their sum
  const tileHist = new Uint32Array(tiles * tiles * 256);
  const tileTotal = new Uint32Array(tiles * tiles);
  // sampled columns x = 0, 2, 4, … fall in tile column floor(x·tiles / w): runs from columnStart[tx]
  const columnStart = new Uint32Array(tiles + 1);
  for (let x = 0; x < w; x += 2) columnStart[Math.min(tiles - 1, Math.floor((x * tiles) / w)) + 1] = x + 2;
  for (let tx = 1; tx <= tiles; tx++) columnStart[tx] = Math.max(columnStart[tx], columnStart[tx - 1]);
  for (let y = 0; y < h; y += 2) {
    const ty = Math.min(tiles - 1, Math.floor((y * tiles) / h));
    const row = y * w;
    for (let tx = 0; tx < tiles; tx++) {
      const t = ty * tiles + tx;
      const base = t << 8;
      for (let x = columnStart[tx]; x < columnStart[tx + 1]; x += 2) tileHist[base + gray[row + x]]++;
      tileTotal[t] += (columnStart[tx + 1] - columnStart[tx]) >> 1;
    }
  }
  const hist = new Uint32Array(256);
  for (let t = 0; t < tiles * tiles; t++) for (let v = 0; v < 256; v++) hist[v] += tileHist[(t << 8) + v];
  const total = tileTotal.reduce((a, b) => a + b, 0);
  const tilePaper = Array.from(tileTotal, (n, t) => histPercentile(tileHist.subarray(t << 8, (t + 1) << 8), n, 0.9));
  return {
    paper: histPercentile(hist, total, 0.9),
    ink: histPercentile(hist, total, 0.01),
    paperSpread: Math.max(...tilePaper) - Math.min(...tilePaper),
  };
}

/**
 * Background flattening: the paper level is estimated as the maximum in `cell`-pixel cells
 * (text strokes are thinner than a cell), smoothed over the 3×3 neighbouring cells and
 * interpolated bilinearly; every pixel is divided by it (paper → 255). Then the levels are
 * stretched so the ink percentile maps to 0.
 */
export function flattenBackground(img: Gray, cell = 32): Gray {
  const { gray, width: w, height: h } = img;
  const gw = Math.ceil(w / cell);
  const gh = Math.ceil(h / cell);
  const mx = new Float32Array(gw * gh);
  for (let y = 0; y < h; y++) {
    const row = Math.floor(y / cell) * gw;
    for (let x = 0; x < w; x++) {
      const v = gray[y * w + x];
      const i = row + Math.floor(x / cell);
      if (v > mx[i]) mx[i] = v;
    }
  }
  // cells with no paper at all (a dense block of ink) borrow from neighbours: 3×3 median-ish via max of mean
  const bg = new Float32Array(gw * gh);
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      let s = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = gy + dy;
          const xx = gx + dx;
          if (yy < 0 || yy >= gh || xx < 0 || xx >= gw) continue;
          s += mx[yy * gw + xx];
          n++;
        }
      }
      bg[gy * gw + gx] = Math.max(mx[gy * gw + gx], s / n, 32);
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const fy = Math.min(gh - 1, Math.max(0, (y + 0.5) / cell - 0.5));
    const y0 = Math.min(gh - 2 < 0 ? 0 : gh - 2, Math.floor(fy));
    const y1 = Math.min(gh - 1, y0 + 1);
    const ty = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(gw - 1, Math.max(0, (x + 0.5) / cell - 0.5));
      const x0 = Math.min(gw - 2 < 0 ? 0 : gw - 2, Math.floor(fx));
      const x1 = Math.min(gw - 1, x0 + 1);
      const tx = fx - x0;
      const b =
        (bg[y0 * gw + x0] * (1 - tx) + bg[y0 * gw + x1] * tx) * (1 - ty) + (bg[y1 * gw + x0] * (1 - tx) + bg[y1 * gw + x1] * tx) * ty;
      const v = (gray[y * w + x] * 255) / b;
      out[y * w + x] = v >= 255 ? 255 : v;
    }
  }
  return stretchLevels({ gray: out, width: w, height: h });
}

/**
 * Linear levels: the ink level (measured from dark pixels only, page-image/levels.ts) → 0, the
 * 90th percentile (paper) → 255. A page with too little ink to measure is returned unchanged:
 * stretching it would turn paper into ink.
 */
export function stretchLevels(img: Gray): Gray {
  const { gray } = img;
  const levels = measureLevels(img, 3);
  if (levels.ink === null) return img;
  const lo = levels.ink;
  const hi = Math.max(lo + 16, levels.paper);
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - lo) * 255) / (hi - lo))));
  const out = new Uint8Array(gray.length);
  for (let i = 0; i < gray.length; i++) out[i] = lut[gray[i]];
  return { gray: out, width: img.width, height: img.height };
}

/** sharp pipeline on raw gray. */
async function viaSharp(img: Gray, f: (s: Sharp) => Sharp): Promise<Gray> {
  const sharp = await loadSharp();
  const { data, info } = await f(sharp(Buffer.from(img.gray.buffer, img.gray.byteOffset, img.gray.length), { raw: { width: img.width, height: img.height, channels: 1 } }))
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { gray: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height };
}

/** 3×3 median (specks): page-image/median.ts, the same bytes as libvips' median(3). */
export const median3: (img: Gray) => Gray = median3x3;

export function resample(img: Gray, factor: number, kernel: keyof KernelEnum = 'lanczos3'): Promise<Gray> {
  return viaSharp(img, (s) => s.resize(Math.round(img.width * factor), Math.round(img.height * factor), { kernel }));
}

export function threshold(img: Gray, t: number): Promise<Gray> {
  return viaSharp(img, (s) => s.threshold(t));
}

/** Background cell size: 1/20 of the page width (62 px on an A4 page at 150 dpi), at least 32 px. */
export function flattenCell(width: number): number {
  return Math.max(32, Math.round(width / 20));
}

/** Paper darker than this (90th percentile) counts as a grey background. */
export const GREY_PAPER_BELOW = 248;
/** Paper level varying by at least this much across a 4×4 tile grid counts as an uneven background. */
export const UNEVEN_PAPER_SPREAD = 8;

/**
 * Clean-up for OCR, decided from measured image properties: a page with grey or uneven paper
 * (photocopies, faxes, phone scans: they also carry specks and faded toner) gets a 3×3 median
 * (specks) and background flattening + level stretch; anything else (rendered pages, clean scans
 * on white paper) is returned as is. `note` says what was done and why, for the page's `reason`.
 * `smoothed`, when given, is median3(img) already made by the caller.
 */
export async function prepareForOcr(img: Gray, smoothed?: Gray): Promise<{ image: Gray; note: string }> {
  const s = imageStats(img);
  const grey = s.paper < GREY_PAPER_BELOW;
  const uneven = s.paperSpread >= UNEVEN_PAPER_SPREAD;
  const ink = measureLevels(img, 2).ink;
  const figures = `paper ${s.paper}, spread ${s.paperSpread}, ink ${ink ?? 'too little to measure'}`;
  if (!grey && !uneven) return { image: img, note: `clean background (${figures}): no preprocessing` };
  const why = [grey ? `grey paper (${s.paper} < ${GREY_PAPER_BELOW})` : '', uneven ? `uneven paper (spread ${s.paperSpread} ≥ ${UNEVEN_PAPER_SPREAD})` : ''].filter(Boolean).join(', ');
  const image = flattenBackground(smoothed ?? median3(img), flattenCell(img.width));
  return { image, note: `${why}, ink ${ink ?? 'too little to measure (no level stretch)'}: median 3×3 + background flattening${ink === null ? '' : ' and level stretch'}` };
}
