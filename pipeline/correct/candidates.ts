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
import type { ShapeModel } from './glyph-features.ts';

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

  constructor(
    confusions: readonly Confusion[],
    private readonly shapes: ShapeModel,
    charFreq: ReadonlyMap<string, number>,
    private readonly p: CandidateParams = CANDIDATE_DEFAULTS,
  ) {
    const han = /^\p{Script=Han}$/u;
    this.vocabulary = [...charFreq]
      .filter(([ch]) => han.test(ch))
      .sort((a, b) => b[1] - a[1])
      .slice(0, p.truthVocabulary)
      .map(([ch]) => ch);
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

  /** The closest common characters by glyph shape. */
  private nearest(ocr: string): string[] {
    const k = this.p.shapeNeighbours;
    if (k <= 0 || this.shapes.compute(ocr, ocr) === null) return [];
    const best: { ch: string; s: number }[] = [];
    for (const ch of this.vocabulary) {
      if (ch === ocr) continue;
      const s = this.shapes.compute(ocr, ch);
      if (s === null || s < this.p.minShape) continue;
      if (best.length < k || s > best[best.length - 1]!.s) {
        best.push({ ch, s });
        best.sort((a, b) => b.s - a.s);
        if (best.length > k) best.pop();
      }
    }
    return best.map((b) => b.ch);
  }
}
