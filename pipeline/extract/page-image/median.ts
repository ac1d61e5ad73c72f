/**
 * 3×3 median filter of 8-bit grey pixels, edges extended by copying the border pixels: the same
 * bytes as libvips' median(3) (tested), 16 pixels at a time in WebAssembly SIMD (wasm/median.wat,
 * compiled by scripts/build-wasm.ts), on images of any size. Each column's three values in the
 * current rows are sorted once; a window's median is then med(max of the three lows, med of the
 * three middles, min of the three highs), which is exactly the median of its nine values.
 */
import type { Gray } from './types.ts';
import { WASM_BASE64 } from './wasm/median.wasm.ts';

interface MedianModule {
  memory: WebAssembly.Memory;
  median3x3(src: number, dst: number, width: number, height: number, buf: number): void;
}

let instance: MedianModule | null = null;

function medianModule(): MedianModule {
  instance ??= new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64'))).exports as unknown as MedianModule;
  return instance;
}

/** Slack after the source and the output: the module reads and writes up to 15 bytes past a row. */
const SLACK = 16;
const align = (n: number) => Math.ceil(n / SLACK) * SLACK;

export function median3x3(img: Gray): Gray {
  const { gray, width: w, height: h } = img;
  const n = w * h;
  const m = medianModule();
  const dst = align(n + SLACK);
  const buf = align(dst + n + SLACK);
  const need = buf + 3 * (w + 48) + SLACK;
  const have = m.memory.buffer.byteLength;
  if (need > have) m.memory.grow(Math.ceil((need - have) / 65536));
  new Uint8Array(m.memory.buffer, 0, n).set(gray.subarray(0, n));
  m.median3x3(0, dst, w, h, buf);
  return { gray: new Uint8Array(m.memory.buffer, dst, n).slice(), width: w, height: h };
}
