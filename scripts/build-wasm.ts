/**
 * Compiles each WebAssembly text file of pipeline/extract/page-image/wasm/ (x.wat) into the
 * TypeScript module next to it (x.wasm.ts, the binary in base64) that the pipeline loads.
 * tests/extract/wasm-modules.test.ts checks that every generated module matches its .wat.
 *
 *   npx tsx scripts/build-wasm.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wasmModuleSource, watToWasm } from './lib/wat.ts';

const WASM_DIR = 'pipeline/extract/page-image/wasm';

for (const f of readdirSync(WASM_DIR).filter((n) => n.endsWith('.wat'))) {
  const wat = join(WASM_DIR, f);
  const bytes = await watToWasm(f, readFileSync(wat, 'utf8'));
  writeFileSync(join(WASM_DIR, f.replace(/\.wat$/, '.wasm.ts')), wasmModuleSource(wat, bytes));
  console.log(`${wat}: ${bytes.length} bytes`);
}
