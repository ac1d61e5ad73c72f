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
}

export function indexEvidence(evidence: readonly CharEvidence[]): EvidenceIndex {
  const sorted = [...evidence].sort((a, b) => a.start - b.start);
  return {
    size: sorted.length,
    at(pos) {
      let lo = 0;
      let hi = sorted.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const e = sorted[mid];
        if (e.end <= pos) lo = mid + 1;
        else if (e.start > pos) hi = mid - 1;
        else return e;
      }
      return undefined;
    },
  };
}

/** Attach page and box of the OCR evidence under each correction. */
export function correctionsWithEvidence(corrections: Correction[], evidence: EvidenceIndex): Correction[] {
  if (!evidence.size) return corrections;
  return corrections.map((c) => {
    const e = evidence.at(c.original.start);
    return e ? { ...c, page: e.page, ...(e.bbox ? { bbox: e.bbox } : {}) } : c;
  });
}

/** Returns a function giving the pages a text span was read from. */
export function pagesOf(pages: readonly PageInfo[], tracked: TrackedText): (span: Span) => number[] {
  return (span) => {
    const o = { start: tracked.toOriginal(span.start), end: tracked.toOriginal(span.end, 'end') };
    const hit = pages.filter((p) => p.original.start < Math.max(o.end, o.start + 1) && o.start < p.original.end);
    return hit.map((p) => p.number);
  };
}
