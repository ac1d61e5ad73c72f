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
  /** features minus their mean, and that vector's length, of characters outside the BMP (two code units) */
  private readonly vecs = new Map<string, { centred: Float64Array; norm: number }>();
  /** row of each one-code-unit character in `centred` / `norms`, -1 when it has no features */
  private readonly rowByCode = new Int32Array(0x10000).fill(-1);
  private readonly centred: Float64Array;
  private readonly norms: Float64Array;

  constructor(features: ReadonlyMap<string, Int8Array>) {
    const single: [string, { centred: Float64Array; norm: number }][] = [];
    for (const [ch, v] of features) {
      let s = 0;
      for (let i = 0; i < D; i++) s += v[i]!;
      const mean = s / D;
      const centred = new Float64Array(D);
      let q = 0;
      for (let i = 0; i < D; i++) q += (centred[i] = v[i]! - mean) ** 2;
      if (!(q > 0)) continue;
      if (ch.length === 1) single.push([ch, { centred, norm: Math.sqrt(q) }]);
      else this.vecs.set(ch, { centred, norm: Math.sqrt(q) });
    }
    this.centred = new Float64Array(single.length * D);
    this.norms = new Float64Array(single.length);
    single.forEach(([ch, x], r) => {
      this.rowByCode[ch.charCodeAt(0)] = r;
      this.centred.set(x.centred, r * D);
      this.norms[r] = x.norm;
    });
  }

  get size(): number {
    return this.norms.length + this.vecs.size;
  }

  /** Correlation in [-1, 1]; null when either character has no features. */
  similarity(a: string, b: string): number | null {
    if (a.length !== 1 || b.length !== 1) return this.outsideBmp(a, b);
    const x = this.rowByCode[a.charCodeAt(0)]!;
    const y = this.rowByCode[b.charCodeAt(0)]!;
    if (x < 0 || y < 0) return null;
    const m = this.centred;
    let s = 0;
    for (let i = 0, p = x * D, q = y * D; i < D; i++) s += m[p + i]! * m[q + i]!;
    return s / (this.norms[x]! * this.norms[y]!);
  }

  /** similarity() when a character is outside the BMP (null unless both have features) */
  private outsideBmp(a: string, b: string): number | null {
    const x = this.vector(a);
    const y = this.vector(b);
    if (!x || !y) return null;
    let s = 0;
    for (let i = 0; i < D; i++) s += x.centred[i]! * y.centred[i]!;
    return s / (x.norm * y.norm);
  }

  private vector(ch: string): { centred: Float64Array; norm: number } | undefined {
    if (ch.length !== 1) return this.vecs.get(ch);
    const r = this.rowByCode[ch.charCodeAt(0)]!;
    return r < 0 ? undefined : { centred: this.centred.subarray(r * D, (r + 1) * D), norm: this.norms[r]! };
  }
}
