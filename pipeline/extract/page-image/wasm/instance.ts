/** Loading the page-image WebAssembly modules (x.wasm.ts, made by scripts/build-wasm.ts) and sizing their memory. */

export interface WasmExports {
  memory: WebAssembly.Memory;
}

/** The module's exports, instantiated once per thread on first use. */
export function lazyWasm<T extends WasmExports>(base64: string): () => T {
  let exports: T | null = null;
  return () => (exports ??= new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(base64, 'base64'))).exports as unknown as T);
}

/** Grows the memory to at least `bytes`; returns its bytes (a new view after growing). */
export function reserve(memory: WebAssembly.Memory, bytes: number): Uint8Array {
  const have = memory.buffer.byteLength;
  if (bytes > have) memory.grow(Math.ceil((bytes - have) / 65536));
  return new Uint8Array(memory.buffer);
}

/** Slack after an image in a module's memory: the modules read and write up to 15 bytes past a row. */
export const SLACK = 16;
export const align16 = (n: number): number => Math.ceil(n / 16) * 16;
