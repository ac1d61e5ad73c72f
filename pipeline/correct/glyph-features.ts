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
  /** each character's features minus their mean, row by row, and each row's length */
  private readonly centred: Float64Array;
  private readonly norms: Float64Array;
  /** row of each one-code-unit character, -1 when it has no features; characters outside the BMP by name */
  private readonly rowByCode = new Int32Array(0x10000).fill(-1);
  private readonly rowOutsideBmp = new Map<string, number>();

  constructor(features: ReadonlyMap<string, Int8Array>) {
    const rows: { ch: string; centred: Float64Array; norm: number }[] = [];
    for (const [ch, v] of features) {
      let s = 0;
      for (let i = 0; i < D; i++) s += v[i]!;
      const mean = s / D;
      const centred = new Float64Array(D);
      let q = 0;
      for (let i = 0; i < D; i++) q += (centred[i] = v[i]! - mean) ** 2;
      if (q > 0) rows.push({ ch, centred, norm: Math.sqrt(q) });
    }
    this.centred = new Float64Array(rows.length * D);
    this.norms = new Float64Array(rows.length);
    rows.forEach(({ ch, centred, norm }, r) => {
      if (ch.length === 1) this.rowByCode[ch.charCodeAt(0)] = r;
      else this.rowOutsideBmp.set(ch, r);
      this.centred.set(centred, r * D);
      this.norms[r] = norm;
    });
  }

  get size(): number {
    return this.norms.length;
  }

  /** Correlation in [-1, 1]; null when either character has no features. */
  similarity(a: string, b: string): number | null {
    const x = this.rowOf(a);
    const y = this.rowOf(b);
    if (x < 0 || y < 0) return null;
    const m = this.centred;
    let s = 0;
    for (let i = 0, p = x * D, q = y * D; i < D; i++) s += m[p + i]! * m[q + i]!;
    return s / (this.norms[x]! * this.norms[y]!);
  }

  private rowOf(ch: string): number {
    return ch.length === 1 ? this.rowByCode[ch.charCodeAt(0)]! : (this.rowOutsideBmp.get(ch) ?? -1);
  }
}
