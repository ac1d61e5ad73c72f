/** A coarse ink mask: one cell per `cell`×`cell` pixels, set when enough of its pixels are ink. */
import type { Gray } from './types.ts';

export interface Mask {
  mask: Uint8Array;
  width: number;
  height: number;
  /** Pixels per cell side. */
  cell: number;
}

/** Cells in which at least 1/8 of the pixels are darker than `cut`. */
export function inkMask(img: Gray, cut: number, cell: number): Mask {
  const { gray, width: w, height: h } = img;
  const mw = Math.ceil(w / cell);
  const mh = Math.ceil(h / cell);
  const count = new Uint16Array(mw * mh);
  for (let y = 0; y < h; y++) {
    const row = Math.floor(y / cell) * mw;
    for (let x = 0; x < w; x++) if (gray[y * w + x] < cut) count[row + Math.floor(x / cell)]++;
  }
  const need = Math.max(1, Math.floor((cell * cell) / 8));
  const mask = new Uint8Array(mw * mh);
  for (let i = 0; i < mask.length; i++) mask[i] = count[i] >= need ? 1 : 0;
  return { mask, width: mw, height: mh, cell };
}

/** The mask turned a quarter clockwise (rows become columns). */
export function turnMask(m: Mask): Mask {
  const out = new Uint8Array(m.mask.length);
  for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) out[x * m.height + (m.height - 1 - y)] = m.mask[y * m.width + x];
  return { mask: out, width: m.height, height: m.width, cell: m.cell };
}
