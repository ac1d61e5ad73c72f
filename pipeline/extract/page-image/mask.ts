/** A coarse ink mask: one cell per `cell`×`cell` pixels, set when enough of its pixels are ink. */
import type { Gray } from './types.ts';
import { align16, lazyWasm, reserve, SLACK, type WasmExports } from './wasm/instance.ts';
import { WASM_BASE64 } from './wasm/ink-mask.wasm.ts';

export interface Mask {
  mask: Uint8Array;
  width: number;
  height: number;
  /** Pixels per cell side. */
  cell: number;
}

/** Cells in which at least 1/8 of the pixels (at least one) are darker than `cut`. */
export function inkMask(img: Gray, cut: number, cell: number): Mask {
  const mw = Math.ceil(img.width / cell);
  const mh = Math.ceil(img.height / cell);
  const need = Math.max(1, Math.floor((cell * cell) / 8));
  // gray < cut for a byte is gray < ceil(cut): the module compares bytes, so 0..255 only
  const byteCut = Math.ceil(cut);
  if (cell <= MAX_WASM_CELL && byteCut >= 0 && byteCut <= 255) return { mask: inkMaskWasm(img, byteCut, cell, mw * mh, need), width: mw, height: mh, cell };
  const count = inkCountsJs(img, cut, cell, mw, mh);
  const mask = new Uint8Array(mw * mh);
  for (let i = 0; i < mask.length; i++) mask[i] = count[i] >= need ? 1 : 0;
  return { mask, width: mw, height: mh, cell };
}

interface InkMaskModule extends WasmExports {
  inkCounts(src: number, width: number, height: number, cut: number, cell: number, counts: number, bits: number): void;
  threshold(counts: number, mask: number, cells: number, need: number): void;
}

const inkMaskModule = lazyWasm<InkMaskModule>(WASM_BASE64);
/** wasm/ink-mask.wat reads a cell's bits in one 64-bit load from any bit offset. */
const MAX_WASM_CELL = 56;

/** The mask by wasm/ink-mask.wat: dark pixels counted 16 at a time, cells thresholded 8 at a time. */
function inkMaskWasm(img: Gray, cut: number, cell: number, cells: number, need: number): Uint8Array {
  const { gray, width: w, height: h } = img;
  const n = w * h;
  const m = inkMaskModule();
  const counts = align16(n + SLACK);
  const bits = align16(counts + 2 * cells + SLACK);
  const mask = align16(bits + Math.ceil(w / 8) + 2 * SLACK);
  const mem = reserve(m.memory, mask + cells + SLACK);
  mem.set(gray.subarray(0, n), 0);
  mem.fill(0, counts, counts + 2 * cells + SLACK);
  m.inkCounts(0, w, h, cut, cell, counts, bits);
  m.threshold(counts, mask, cells, need);
  return mem.slice(mask, mask + cells);
}

/** The same counts in plain JavaScript (cells wider than the module takes, cuts past a byte's range). */
function inkCountsJs(img: Gray, cut: number, cell: number, mw: number, mh: number): Uint16Array {
  const { gray, width: w, height: h } = img;
  const count = new Uint16Array(mw * mh);
  for (let y = 0; y < h; y++) {
    const row = Math.floor(y / cell) * mw;
    for (let x = 0; x < w; x++) if (gray[y * w + x] < cut) count[row + Math.floor(x / cell)]++;
  }
  return count;
}

/** The mask turned a quarter clockwise (rows become columns). */
export function turnMask(m: Mask): Mask {
  const out = new Uint8Array(m.mask.length);
  for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) out[x * m.height + (m.height - 1 - y)] = m.mask[y * m.width + x];
  return { mask: out, width: m.height, height: m.width, cell: m.cell };
}
