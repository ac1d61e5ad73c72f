/** Interleaved RGB to grey, (299·R + 587·G + 114·B) / 1000 rounded down, 16 pixels at a time (wasm/rgb-to-grey.wat). */
import { align16, lazyWasm, reserve, SLACK, type WasmExports } from './wasm/instance.ts';
import { WASM_BASE64 } from './wasm/rgb-to-grey.wasm.ts';

interface RgbToGreyModule extends WasmExports {
  rgbToGrey(src: number, dst: number, pixels: number): void;
}

const rgbToGreyModule = lazyWasm<RgbToGreyModule>(WASM_BASE64);

/** The grey values of the first `pixels` RGB pixels of `rgb`. */
export function rgbToGrey(rgb: Uint8Array | Uint8ClampedArray, pixels: number): Uint8Array {
  const m = rgbToGreyModule();
  const dst = align16(3 * pixels + 3 * SLACK);
  const mem = reserve(m.memory, dst + pixels + SLACK);
  mem.set(rgb.subarray(0, 3 * pixels), 0);
  m.rgbToGrey(0, dst, pixels);
  return mem.slice(dst, dst + pixels);
}
