/** Each WebAssembly module the pipeline loads is what its .wat text compiles to (scripts/build-wasm.ts made it). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wasmModuleSource, watToWasm } from '../../scripts/lib/wat.ts';

const dir = 'pipeline/extract/page-image/wasm';
const wats = readdirSync(dir).filter((f) => f.endsWith('.wat'));

describe('generated WebAssembly modules', () => {
  it('there is at least one', () => expect(wats.length).toBeGreaterThan(0));
  it.each(wats)('%s: the committed module is its compiled text', async (f) => {
    const bytes = await watToWasm(f, readFileSync(join(dir, f), 'utf8'));
    expect(readFileSync(join(dir, f.replace(/\.wat$/, '.wasm.ts')), 'utf8')).toBe(wasmModuleSource(join(dir, f), bytes));
  });
});
