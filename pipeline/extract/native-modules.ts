/**
 * The native image modules, loaded when a page first needs them: a text conversion never
 * loads them. Both are CommonJS packages, loaded by require: through the ESM loader
 * (`import()`) the same modules cost sharp 0.12–0.14 s and @napi-rs/canvas 0.08 s of CPU
 * on this machine, by require 0.04 s each (fresh processes, 2026-12-07).
 */
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

type SharpModule = typeof import('sharp');
type CanvasModule = typeof import('@napi-rs/canvas');

let sharpModule: Promise<SharpModule['default']> | null = null;
let canvasModule: Promise<CanvasModule> | null = null;

export function loadSharp(): Promise<SharpModule['default']> {
  sharpModule ??= Promise.resolve().then(() => requireHere('sharp') as SharpModule['default']);
  return sharpModule;
}

export function loadCanvas(): Promise<CanvasModule> {
  canvasModule ??= Promise.resolve().then(() => requireHere('@napi-rs/canvas') as CanvasModule);
  return canvasModule;
}
