/** RGB to grey in WebAssembly: (299·R + 587·G + 114·B) / 1000 rounded down, for every colour, and at every length about 16 pixels (seeded). */
import { describe, expect, it } from 'vitest';
import { rgbToGrey } from '../../pipeline/extract/page-image/rgb-to-grey.ts';
import { rng } from '../../scripts/lib/rng.ts';

const definition = (rgb: Uint8Array) => Array.from({ length: rgb.length / 3 }, (_, i) => Math.floor((rgb[3 * i] * 299 + rgb[3 * i + 1] * 587 + rgb[3 * i + 2] * 114) / 1000));

describe('rgbToGrey', () => {
  it('every colour with channels at 0, 1, 51, 127, 254, 255 and every channel value alone', () => {
    const levels = [0, 1, 51, 127, 254, 255];
    const px: number[] = [];
    for (const r of levels) for (const g of levels) for (const b of levels) px.push(r, g, b);
    for (let v = 0; v < 256; v++) px.push(v, 0, 0, 0, v, 0, 0, 0, v, v, v, v);
    const rgb = Uint8Array.from(px);
    expect(Array.from(rgbToGrey(rgb, rgb.length / 3))).toEqual(definition(rgb));
  });
  it.each([0, 1, 15, 16, 17, 31, 33, 100, 4099])('%i random pixels (seeded), and only those', (n) => {
    const next = rng(n + 7);
    const rgb = Uint8Array.from({ length: 3 * n + 9 }, () => Math.floor(next() * 256));
    expect(Array.from(rgbToGrey(rgb, n))).toEqual(definition(rgb.subarray(0, 3 * n)));
  });
  it('every one of the 16,777,216 colours', () => {
    const n = 1 << 24;
    const rgb = new Uint8Array(3 * n);
    for (let c = 0; c < n; c++) {
      rgb[3 * c] = c >> 16;
      rgb[3 * c + 1] = (c >> 8) & 255;
      rgb[3 * c + 2] = c & 255;
    }
    const got = rgbToGrey(rgb, n);
    let wrong = 0;
    for (let c = 0; c < n; c++) if (got[c] !== Math.floor(((c >> 16) * 299 + ((c >> 8) & 255) * 587 + (c & 255) * 114) / 1000)) wrong++;
    expect(wrong).toBe(0);
  });
});
