/**
 * Candidate readings of one printed character (internal to pipeline/correct):
 * every look-alike the confusion tables list for it (glyph, observed OCR
 * statistics, manual pairs, either direction), plus its nearest characters by
 * glyph shape among the common characters (any pair the shape model can
 * measure, not only the listed few), plus the OCR engine's own alternatives
 * where the input carries them. The printed character itself is always the
 * first reading and is not listed here.
 */
import type { Confusion } from './dictionaries.ts';
import { FEATURE_SIDE } from './glyph-features.ts';
import { neighbourDigest } from './shape-neighbours.ts';

export interface CandidateParams {
  /** nearest shape neighbours added per character */
  shapeNeighbours: number;
  /** a shape neighbour must correlate at least this much */
  minShape: number;
  /** truths are drawn from the this many most frequent characters */
  truthVocabulary: number;
}

export const CANDIDATE_DEFAULTS: CandidateParams = { shapeNeighbours: 12, minShape: 0.55, truthVocabulary: 5000 };

/**
 * Numerals look alike (一二三, 七/匕) but the language models cannot tell which
 * number a notice gives: a numeral is never read as another numeral.
 */
const NUMERALS = new Set('〇零一二三四五六七八九十百千万亿两');

export class CandidateIndex {
  private readonly listed = new Map<string, Set<string>>();
  private readonly memo = new Map<string, string[]>();
  private readonly vocabulary: string[];
  /** the vocabulary's glyph features, centred and of unit length, row by row (correlation = dot product) */
  private readonly unit: Float32Array;
  private readonly features: ReadonlyMap<string, Int8Array>;
  /** shape neighbours read from a file made for exactly these inputs (shape-neighbours.ts), else null */
  private readonly precomputed: ReadonlyMap<string, readonly string[]> | null;

  constructor(
    confusions: readonly Confusion[],
    features: ReadonlyMap<string, Int8Array>,
    charFreq: ReadonlyMap<string, number>,
    private readonly p: CandidateParams = CANDIDATE_DEFAULTS,
    neighbours?: { digest: string; rows: ReadonlyMap<string, readonly string[]> } | null,
  ) {
    this.features = features;
    const han = /^\p{Script=Han}$/u;
    this.vocabulary = [...charFreq]
      .filter(([ch]) => han.test(ch))
      .sort((a, b) => b[1] - a[1])
      .slice(0, p.truthVocabulary)
      .map(([ch]) => ch);
    this.vocabulary = this.vocabulary.filter((ch) => unitVector(features.get(ch)) !== null);
    this.unit = new Float32Array(this.vocabulary.length * D);
    this.vocabulary.forEach((ch, r) => this.unit.set(unitVector(features.get(ch))!, r * D));
    this.precomputed = neighbours && neighbours.digest === this.inputsDigest() ? neighbours.rows : null;
    const common = new Set(this.vocabulary);
    const add = (ocr: string, truth: string): void => {
      if (ocr === truth || !common.has(truth) || (NUMERALS.has(ocr) && NUMERALS.has(truth))) return;
      let s = this.listed.get(ocr);
      if (!s) this.listed.set(ocr, (s = new Set()));
      s.add(truth);
    };
    for (const c of confusions) {
      if (c.source === 'component') continue;
      add(c.ocr, c.truth);
      add(c.truth, c.ocr);
    }
  }

  /** Digest of what nearest() depends on: the file of precomputed neighbours must carry it. */
  inputsDigest(): string {
    return neighbourDigest(this.p, this.vocabulary, this.features);
  }

  /** Every character with features and its shape neighbours (what scripts/confusions/shape-neighbours.ts writes). */
  *allNeighbours(): Generator<[string, string[]]> {
    for (const ch of this.features.keys()) if (unitVector(this.features.get(ch))) yield [ch, this.computeNearest(ch)];
  }

  /** Whether a table lists truth as a look-alike of ocr. */
  isListed(ocr: string, truth: string): boolean {
    return this.listed.get(ocr)?.has(truth) ?? false;
  }

  /** Candidate truths for a printed character (itself excluded), cached. */
  of(ocr: string): readonly string[] {
    const hit = this.memo.get(ocr);
    if (hit) return hit;
    const out = new Set(this.listed.get(ocr) ?? []);
    for (const ch of this.nearest(ocr)) if (!(NUMERALS.has(ocr) && NUMERALS.has(ch))) out.add(ch);
    const list = [...out];
    this.memo.set(ocr, list);
    return list;
  }

  /** The closest common characters by glyph shape: from the precomputed file when it has the character. */
  private nearest(ocr: string): readonly string[] {
    return this.precomputed?.get(ocr) ?? this.computeNearest(ocr);
  }

  /** The closest common characters by glyph shape (Pearson correlation of the feature maps). */
  private computeNearest(ocr: string): string[] {
    const k = this.p.shapeNeighbours;
    const u = unitVector(this.features.get(ocr));
    if (k <= 0 || !u) return [];
    const best: { ch: string; s: number }[] = [];
    const unit = this.unit;
    for (let r = 0; r < this.vocabulary.length; r++) {
      let s = 0;
      const o = r * D;
      for (let q = 0; q < D; q++) s += u[q]! * unit[o + q]!;
      if (s < this.p.minShape || (best.length >= k && s <= best[best.length - 1]!.s)) continue;
      const ch = this.vocabulary[r]!;
      if (ch === ocr) continue;
      best.push({ ch, s });
      best.sort((a, b) => b.s - a.s);
      if (best.length > k) best.pop();
    }
    return best.map((b) => b.ch);
  }
}

const D = FEATURE_SIDE * FEATURE_SIDE;

/** Centred, unit-length copy of a feature map; null when absent or flat. */
function unitVector(v: Int8Array | undefined): Float32Array | null {
  if (!v) return null;
  let mean = 0;
  for (let q = 0; q < D; q++) mean += v[q]!;
  mean /= D;
  const out = new Float32Array(D);
  let norm = 0;
  for (let q = 0; q < D; q++) norm += (out[q] = v[q]! - mean) ** 2;
  if (!(norm > 0)) return null;
  const inv = 1 / Math.sqrt(norm);
  for (let q = 0; q < D; q++) out[q]! *= inv;
  return out;
}
