/**
 * The native image modules, imported when a page first needs them: a text conversion never
 * loads them (measured in a fresh process: sharp 64 ms, @napi-rs/canvas 37 ms of start-up).
 */
type SharpModule = typeof import('sharp');
type CanvasModule = typeof import('@napi-rs/canvas');

let sharpModule: Promise<SharpModule['default']> | null = null;
let canvasModule: Promise<CanvasModule> | null = null;

export function loadSharp(): Promise<SharpModule['default']> {
  sharpModule ??= import('sharp').then((m) => m.default);
  return sharpModule;
}

export function loadCanvas(): Promise<CanvasModule> {
  canvasModule ??= import('@napi-rs/canvas');
  return canvasModule;
}
