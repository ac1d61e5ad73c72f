/**
 * Provenance: OCR evidence (confidence, box, alternatives per character) looked up
 * by original offset, and page numbers of text spans.
 */
import type { BBox, Correction, PageInfo, Span } from './schema.ts';
import type { TrackedText } from './tracked-text.ts';

export interface CharEvidence {
  start: number;
  end: number;
  page: number;
  confidence: number;
  bbox?: BBox;
  alternatives?: { text: string; confidence: number }[];
}

export interface EvidenceIndex {
  readonly size: number;
  /** evidence covering original offset `pos`, if any */
  at(pos: number): CharEvidence | undefined;
  /** evidence at `pos`, else the nearest before it, else after it, within original range [lo, hi) */
  near(pos: number, lo: number, hi: number): CharEvidence | undefined;
}

export function indexEvidence(evidence: readonly CharEvidence[]): EvidenceIndex {
  const sorted = [...evidence].sort((a, b) => a.start - b.start);
  /** index of the first evidence that ends after `pos` */
  const firstEndingAfter = (pos: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const at = (pos: number): CharEvidence | undefined => {
    const e = sorted[firstEndingAfter(pos)];
    return e && e.start <= pos ? e : undefined;
  };
  return {
    size: sorted.length,
    at,
    near(pos, lo, hi) {
      const i = firstEndingAfter(pos);
      const here = sorted[i];
      if (here && here.start <= pos) return here;
      const before = sorted[i - 1];
      if (before && before.start >= lo) return before;
      return here && here.start < hi ? here : undefined;
    },
  };
}

/**
 * Attach page and box of the OCR evidence under each correction. A change on no OCR'd
 * character (a stop inserted at a line end, a space removed) takes the box of the
 * nearest character read on the same page.
 */
export function correctionsWithEvidence(corrections: Correction[], evidence: EvidenceIndex, pages: readonly PageInfo[]): Correction[] {
  if (!evidence.size) return corrections;
  return corrections.map((c) => {
    const page = pages.find((p) => p.original.start <= c.original.start && c.original.start < p.original.end);
    const e = page ? evidence.near(c.original.start, page.original.start, page.original.end) : evidence.at(c.original.start);
    return e ? { ...c, page: e.page, ...(e.bbox ? { bbox: e.bbox } : {}) } : c;
  });
}

/** Returns a function giving the pages a text span was read from. */
export function pagesOf(pages: readonly PageInfo[], tracked: TrackedText): (span: Span) => number[] {
  return (span) => {
    const o = tracked.originalOf(span);
    const hit = pages.filter((p) => p.original.start < Math.max(o.end, o.start + 1) && o.start < p.original.end);
    return hit.map((p) => p.number);
  };
}
