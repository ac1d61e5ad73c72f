import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../../pipeline/extract/index.ts';
import { flattenBackground, GREY_PAPER_BELOW, imageStats, prepareForOcr, stretchLevels, UNEVEN_PAPER_SPREAD, type Gray } from '../../pipeline/extract/preprocess.ts';
import { checkInvariants, goldRecall } from './helpers.ts';
import { grayPixels, scannedPdf, textImagePng } from './inputs.ts';
import { needsSystem, SYSTEM } from '../helpers/system.ts';

const LINES = ['巡察整改进展情况的通报', '各党支部要认真落实整改责任'];

/** Deterministic pseudo-random numbers. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Photocopy-like damage of a clean page: faded toner (ink lifted to `ink`), paper darkening
 * from `hi` (left) to `lo` (right), isolated dark specks.
 */
function degrade(img: Gray, o: { ink: number; hi: number; lo: number; specks: number }): Gray {
  const { gray, width: w, height: h } = img;
  const out = new Uint8Array(w * h);
  const r = rng(7);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const paper = o.hi + ((o.lo - o.hi) * x) / (w - 1);
      const t = gray[y * w + x] / 255; // 0 ink .. 1 paper
      out[y * w + x] = Math.round(o.ink + t * (paper - o.ink));
    }
  }
  for (let i = 0; i < o.specks * w * h; i++) out[Math.floor(r() * w * h)] = 40;
  return { gray: out, width: w, height: h };
}

/** Pixels darker than 128 with no dark 8-neighbour (specks). */
function isolatedDark(img: Gray): number {
  const { gray, width: w, height: h } = img;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      if (gray[y * w + x] >= 128) continue;
      let alone = true;
      for (let dy = -1; dy <= 1 && alone; dy++) for (let dx = -1; dx <= 1; dx++) if ((dx || dy) && gray[(y + dy) * w + x + dx] < 128) alone = false;
      if (alone) n++;
    }
  }
  return n;
}

let clean: Gray;
let damaged: Gray;
const dir = mkdtempSync(join(tmpdir(), 'extract-pre-'));
const ex = createExtractor({ workers: 1 });

const fonts = needsSystem(SYSTEM.wqyZenHei);
beforeAll(async () => {
  if (!fonts) return;
  clean = await grayPixels(await textImagePng(LINES, { width: 760, height: 260, size: 40 }));
  damaged = degrade(clean, { ink: 90, hi: 235, lo: 175, specks: 0.002 });
  const png = (g: Gray) => sharp(Buffer.from(g.gray), { raw: { width: g.width, height: g.height, channels: 1 } }).png().toBuffer();
  writeFileSync(join(dir, 'damaged.png'), await png(damaged));
  writeFileSync(join(dir, 'clean.png'), await png(clean));
  writeFileSync(join(dir, 'damaged.pdf'), await scannedPdf(await png(damaged)));
});
afterAll(async () => {
  await ex.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('image statistics', () => {
  it.each([
    ['white paper', { ink: 0, hi: 255, lo: 255, specks: 0 }, false],
    ['grey even paper', { ink: 60, hi: 220, lo: 220, specks: 0 }, true],
    ['white paper darkening to one side', { ink: 0, hi: 255, lo: 200, specks: 0 }, true],
  ])('%s: degraded = %s', (_name, o, degraded) => {
    const s = imageStats(degrade(clean, o));
    expect(s.paper < GREY_PAPER_BELOW || s.paperSpread >= UNEVEN_PAPER_SPREAD).toBe(degraded);
    expect(s.ink).toBeLessThanOrEqual(o.ink + 5);
  });

  /** The statistics as first written: one histogram per tile, each sampled pixel's tile computed on its own. */
  function referenceStats(img: Gray): { paper: number; ink: number; paperSpread: number } {
    const { gray, width: w, height: h } = img;
    const pct = (hist: number[], total: number, p: number) => {
      let acc = 0;
      for (let v = 0; v < 256; v++) if ((acc += hist[v]) >= total * p) return v;
      return 255;
    };
    const all = new Array(256).fill(0);
    const tiles = Array.from({ length: 16 }, () => ({ hist: new Array(256).fill(0), total: 0 }));
    let total = 0;
    for (let y = 0; y < h; y += 2)
      for (let x = 0; x < w; x += 2) {
        const v = gray[y * w + x];
        const t = tiles[Math.min(3, Math.floor((y * 4) / h)) * 4 + Math.min(3, Math.floor((x * 4) / w))];
        all[v]++;
        total++;
        t.hist[v]++;
        t.total++;
      }
    const paper = tiles.map((t) => pct(t.hist, t.total, 0.9));
    return { paper: pct(all, total, 0.9), ink: pct(all, total, 0.01), paperSpread: Math.max(...paper) - Math.min(...paper) };
  }

  it('equals the per-pixel reference on pages of any size (seeded random pages, odd and tiny sizes too)', () => {
    const r = rng(11);
    for (const [w, h] of [[1, 1], [3, 2], [7, 5], [9, 13], [64, 48], [257, 131], [1000, 7]]) {
      const gray = new Uint8Array(w * h);
      // paper darkening across the page, ink specks: tiles differ
      for (let i = 0; i < gray.length; i++) gray[i] = r() < 0.1 ? Math.floor(r() * 80) : 255 - Math.floor(((i % w) / w) * 60 + r() * 10);
      expect(imageStats({ gray, width: w, height: h }), `${w}×${h}`).toEqual(referenceStats({ gray, width: w, height: h }));
    }
  });
});

describe('preprocessing', () => {
  it('leaves a clean page untouched (same pixels) and says so', async () => {
    const r = await prepareForOcr(clean);
    expect(r.image).toBe(clean);
    expect(r.note).toMatch(/no preprocessing/);
  });

  it('flattens grey, uneven paper to white, keeps ink dark and removes specks', async () => {
    const before = imageStats(damaged);
    expect(before.paper).toBeLessThan(GREY_PAPER_BELOW);
    const r = await prepareForOcr(damaged);
    expect(r.note).toMatch(/median 3×3 \+ background flattening/);
    expect([r.image.width, r.image.height]).toEqual([damaged.width, damaged.height]);
    const after = imageStats(r.image);
    expect(after.paper).toBeGreaterThanOrEqual(250);
    expect(after.paperSpread).toBeLessThan(UNEVEN_PAPER_SPREAD);
    expect(after.ink).toBeLessThan(before.ink);
    expect(isolatedDark(r.image)).toBeLessThan(isolatedDark(damaged) / 10);
    // text stays where it was: dark pixels of the clean page are still darker than paper
    let inkSum = 0;
    let inkN = 0;
    for (let i = 0; i < clean.gray.length; i++) if (clean.gray[i] < 64) (inkSum += r.image.gray[i]), inkN++;
    expect(inkSum / inkN).toBeLessThan(128);
  });

  it('flattening divides out a background gradient (both halves end at the same paper level)', () => {
    const flat = flattenBackground(degrade(clean, { ink: 0, hi: 250, lo: 150, specks: 0 }));
    const half = (x0: number, x1: number) => {
      const v: number[] = [];
      for (let y = 0; y < flat.height; y += 4) for (let x = x0; x < x1; x += 4) v.push(flat.gray[y * flat.width + x]);
      v.sort((a, b) => a - b);
      return v[Math.floor(v.length * 0.9)];
    };
    expect(Math.abs(half(0, flat.width / 2) - half(flat.width / 2, flat.width))).toBeLessThanOrEqual(3);
  });

  it('level stretch maps the darkest ink to 0 and paper to 255', () => {
    const s = imageStats(stretchLevels(degrade(clean, { ink: 100, hi: 200, lo: 200, specks: 0 })));
    expect(s.paper).toBe(255);
    expect(s.ink).toBeLessThanOrEqual(10);
  });
});

describe('extraction records the preprocessing in the page reason', () => {
  it.each([
    ['damaged.png', /median 3×3 \+ background flattening/],
    ['damaged.pdf', /median 3×3 \+ background flattening/],
    ['clean.png', /clean background .*no preprocessing/],
  ])('%s', async (name, reason) => {
    const r = await ex.extract(join(dir, name), { ocr: 'auto' });
    checkInvariants(r);
    expect(r.pages).toHaveLength(1);
    expect(r.pages[0].reason).toMatch(reason);
    expect(goldRecall(LINES.join(''), r.original)).toBeGreaterThanOrEqual(0.8);
  });
});
