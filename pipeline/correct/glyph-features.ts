/**
 * Glyph shape features (dictionaries/confusions/glyph-features.tsv): a 10x10
 * picture of each common character summed over the notice fonts, so that the
 * likeness of ANY two characters can be measured (the look-alike tables keep
 * only each character's closest few). Written by
 * scripts/confusions/glyph-features.ts.
 */

/** side of the square feature map */
export const FEATURE_SIDE = 10;
/** stored byte = standardised value × FEATURE_SCALE (clamped to ±127) */
export const FEATURE_SCALE = 40;
const D = FEATURE_SIDE * FEATURE_SIDE;

/** Decode one row's base64 features; null when it is not exactly D bytes. */
export function decodeFeatures(b64: string): Int8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  const buf = Buffer.from(b64, 'base64');
  if (buf.length !== D) return null;
  return new Int8Array(buf.buffer, buf.byteOffset, D).slice();
}

/** Shape similarity of two characters: Pearson correlation of their feature maps. */
export class ShapeModel {
  private readonly vecs = new Map<string, { v: Int8Array; mean: number; norm: number }>();
  private readonly memo = new Map<number, number | null>();

  constructor(features: ReadonlyMap<string, Int8Array>) {
    for (const [ch, v] of features) {
      let s = 0;
      for (let i = 0; i < D; i++) s += v[i]!;
      const mean = s / D;
      let q = 0;
      for (let i = 0; i < D; i++) q += (v[i]! - mean) ** 2;
      if (q > 0) this.vecs.set(ch, { v, mean, norm: Math.sqrt(q) });
    }
  }

  get size(): number {
    return this.vecs.size;
  }

  /** Correlation in [-1, 1]; null when either character has no features. */
  similarity(a: string, b: string): number | null {
    if (a.length !== 1 || b.length !== 1) return this.compute(a, b);
    const key = a.charCodeAt(0) * 0x10000 + b.charCodeAt(0);
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const s = this.compute(a, b);
    if (this.memo.size > 500_000) this.memo.clear();
    this.memo.set(key, s);
    return s;
  }

  /** similarity() without the memo (for scans over many characters). */
  compute(a: string, b: string): number | null {
    const x = this.vecs.get(a);
    const y = this.vecs.get(b);
    if (!x || !y) return null;
    let s = 0;
    for (let i = 0; i < D; i++) s += (x.v[i]! - x.mean) * (y.v[i]! - y.mean);
    return s / (x.norm * y.norm);
  }
}
