/**
 * Red ink on colour scans (seals, mastheads): a pixel is red when its red channel exceeds both
 * others by RED_CHROMA. Black text printed under a seal stays dark in every channel, so the red
 * channel alone shows it while the seal there is as light as the paper ("drop-out colour").
 */
import type { Gray, Rgb } from './types.ts';

/** R − max(G, B) above this is red ink (anti-aliased pink edges included; neutral grey and black stay). */
export const RED_CHROMA = 40;

export interface RedSeparation {
  /** The page with red ink replaced by what the red channel shows (paper, or the black text under it). */
  cleaned: Gray;
  /** The red ink alone as dark on white (for reading a red masthead). */
  red: Gray;
  /** Share of pixels that are red. */
  redShare: number;
}

export function separateRed(img: Rgb): RedSeparation {
  const { rgb, width, height } = img;
  const n = width * height;
  const cleaned = new Uint8Array(n);
  const red = new Uint8Array(n);
  let count = 0;
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    const r = rgb[j];
    const g = rgb[j + 1];
    const b = rgb[j + 2];
    const chroma = r - (g > b ? g : b);
    if (chroma > RED_CHROMA) {
      count++;
      cleaned[i] = r;
      const v = 255 - 2 * chroma;
      red[i] = v < 0 ? 0 : v;
    } else {
      cleaned[i] = (r * 299 + g * 587 + b * 114) / 1000;
      red[i] = 255;
    }
  }
  return { cleaned: { gray: cleaned, width, height }, red: { gray: red, width, height }, redShare: count / n };
}

/** True when enough of the page is red to be worth separating (a seal is ≥ 0.5 % of an A4 page). */
export const MIN_RED_SHARE = 0.0005;

/** Pixels of interleaved RGB(A) data that have red chroma, sampled: decides whether a page is a colour scan with red ink. */
export function redShareOf(data: Uint8Array | Uint8ClampedArray, channels: number, step = 7): number {
  let red = 0;
  let n = 0;
  for (let j = 0; j + 2 < data.length; j += channels * step) {
    const g = data[j + 1];
    const b = data[j + 2];
    if (data[j] - (g > b ? g : b) > RED_CHROMA) red++;
    n++;
  }
  return n ? red / n : 0;
}
