/**
 * 3×3 median filter of 8-bit grey pixels, edges extended by copying the border pixels: the same
 * bytes as libvips' median(3) (tested), 16 pixels at a time in WebAssembly SIMD (wasm/median.wat,
 * compiled by scripts/build-wasm.ts), on images of any size. Each column's three values in the
 * current rows are sorted once; a window's median is then med(max of the three lows, med of the
 * three middles, min of the three highs), which is exactly the median of its nine values.
 */
import type { Gray } from './types.ts';
import { align16, lazyWasm, reserve, SLACK, type WasmExports } from './wasm/instance.ts';
import { WASM_BASE64 } from './wasm/median.wasm.ts';

interface MedianModule extends WasmExports {
  median3x3(src: number, dst: number, width: number, height: number, buf: number): void;
}

const medianModule = lazyWasm<MedianModule>(WASM_BASE64);

export function median3x3(img: Gray): Gray {
  const { gray, width: w, height: h } = img;
  const n = w * h;
  const m = medianModule();
  const dst = align16(n + SLACK);
  const buf = align16(dst + n + SLACK);
  const mem = reserve(m.memory, buf + 3 * (w + 48) + SLACK);
  mem.set(gray.subarray(0, n), 0);
  m.median3x3(0, dst, w, h, buf);
  return { gray: mem.slice(dst, dst + n), width: w, height: h };
}
