/**
 * The 3×3 median of page clean-up: the nine-value median with copied edges on seeded random
 * images of every small size (1×1 up), the same bytes as libvips' median(3) where libvips takes
 * the image (3×3 and up), after a large image as before, and a quarter turn commutes with it (prepare-page.ts reuses the median
 * of a page turned sideways).
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { median3x3 } from '../../pipeline/extract/page-image/median.ts';
import type { Gray } from '../../pipeline/extract/page-image/types.ts';

function seeded(w: number, h: number, seed: number, levels: number): Gray {
  const gray = new Uint8Array(w * h);
  let s = seed >>> 0;
  for (let i = 0; i < gray.length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    gray[i] = (s >>> 24) % levels;
  }
  return { gray, width: w, height: h };
}

/** The definition: sort the nine values of each window, edges copied outwards. */
function bruteMedian({ gray, width: w, height: h }: Gray): Uint8Array {
  const out = new Uint8Array(w * h);
  const at = (x: number, y: number) => gray[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const win: number[] = [];
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) win.push(at(x + dx, y + dy));
      out[y * w + x] = win.sort((a, b) => a - b)[4];
    }
  return out;
}

async function libvipsMedian(img: Gray): Promise<Uint8Array> {
  const { data } = await sharp(Buffer.from(img.gray), { raw: { width: img.width, height: img.height, channels: 1 } }).median(3).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return new Uint8Array(data);
}

function turnQuarter({ gray, width: w, height: h }: Gray): Gray {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[x * h + (h - 1 - y)] = gray[y * w + x];
  return { gray: out, width: h, height: w };
}

const cases = [
  ...Array.from({ length: 120 }, (_, k) => ({ w: 1 + (k % 13), h: 1 + ((k * 7) % 11), seed: k, levels: [2, 3, 256][k % 3] })),
  // widths about the 16 pixels the module takes at a time
  ...[15, 16, 17, 31, 32, 33, 47, 65].map((w, k) => ({ w, h: 2 + (k % 5), seed: 500 + k, levels: [2, 256][k % 2] })),
];

describe('median3x3', () => {
  it.each(cases)('$w×$h, $levels levels (seed $seed): the median of each window', ({ w, h, seed, levels }) => {
    const img = seeded(w, h, seed, levels);
    expect(Array.from(median3x3(img).gray)).toEqual(Array.from(bruteMedian(img)));
  });

  it('gives libvips median(3) byte for byte', async () => {
    for (const { w, h, seed, levels } of cases.filter((c) => c.w >= 3 && c.h >= 3).concat([{ w: 301, h: 207, seed: 7, levels: 256 }])) {
      const img = seeded(w, h, seed, levels);
      expect(Buffer.compare(Buffer.from(median3x3(img).gray), Buffer.from(await libvipsMedian(img))), `${w}×${h}`).toBe(0);
    }
  });

  it('gives the same on a small image after a large one (the module\'s memory is reused)', () => {
    const small = seeded(7, 5, 3, 256);
    const want = Array.from(median3x3(small).gray);
    median3x3(seeded(1200, 900, 4, 256));
    expect(Array.from(median3x3(small).gray)).toEqual(want);
    expect(want).toEqual(Array.from(bruteMedian(small)));
  });

  it('commutes with a quarter turn', () => {
    for (const { w, h, seed, levels } of cases) {
      const img = seeded(w, h, seed + 1000, levels);
      expect(Array.from(median3x3(turnQuarter(img)).gray)).toEqual(Array.from(turnQuarter(median3x3(img)).gray));
    }
  });
});
