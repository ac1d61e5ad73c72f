/** Shared test helpers for extraction tests. */
import { expect } from 'vitest';
import type { Extraction } from '../../pipeline/extract/index.ts';

const FULLWIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '〈': '（', '!': '！', '?': '？' };

/** Share of `gold`'s non-space characters recovered in order in `ocr` (LCS / |gold|), after mapping ASCII punctuation to full-width. */
export function goldRecall(gold: string, ocr: string): number {
  const a = [...gold.replace(/\s+/gu, '')];
  const b = [...ocr.replace(/\s+/gu, '')].map((c) => FULLWIDTH[c] ?? c);
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return a.length ? prev[b.length] / a.length : 1;
}

/** Invariants every Extraction must satisfy. */
export function checkInvariants(r: Extraction): void {
  let last = -1;
  for (const p of r.pages) {
    expect(p.original.start).toBeGreaterThan(last);
    expect(p.original.end).toBeGreaterThanOrEqual(p.original.start);
    expect(p.original.end).toBeLessThanOrEqual(r.original.length);
    const text = r.original.slice(p.original.start, p.original.end);
    if (text.length) expect(text.endsWith('\n')).toBe(true);
    expect(p.reason.length).toBeGreaterThan(0);
    last = p.original.end - 1;
    if (p.confidence !== undefined) expect(p.confidence).toBeGreaterThanOrEqual(0), expect(p.confidence).toBeLessThanOrEqual(1);
  }
  let prevStart = -1;
  for (const e of r.evidence) {
    expect(e.start).toBeGreaterThanOrEqual(prevStart);
    prevStart = e.start;
    expect(e.end).toBeGreaterThan(e.start);
    const page = r.pages.find((p) => p.number === e.page)!;
    expect(page).toBeDefined();
    expect(e.start).toBeGreaterThanOrEqual(page.original.start);
    expect(e.end).toBeLessThanOrEqual(page.original.end);
    expect(r.original.slice(e.start, e.end).trim().length).toBeGreaterThan(0);
    expect(e.confidence).toBeGreaterThanOrEqual(0);
    expect(e.confidence).toBeLessThanOrEqual(1);
    if (e.bbox && page.width && page.height) {
      expect(e.bbox.x).toBeGreaterThanOrEqual(0);
      expect(e.bbox.x + e.bbox.width).toBeLessThanOrEqual(page.width);
      expect(e.bbox.y + e.bbox.height).toBeLessThanOrEqual(page.height);
    }
  }
}
