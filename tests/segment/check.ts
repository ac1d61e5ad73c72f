/** Invariant checks shared by the segmentation tests. */
import { expect } from 'vitest';
import { Block, Notice } from '../../pipeline/schema.ts';
import type { SegmentResult } from '../../pipeline/segment/index.ts';

/** Blocks are sorted, contiguous, non-empty and cover [0, text.length). */
export function expectPartition(text: string, blocks: Block[]): void {
  let pos = 0;
  for (const b of blocks) {
    expect(Block.safeParse(b).success).toBe(true);
    expect(b.span.start).toBe(pos);
    expect(b.span.end).toBeGreaterThan(b.span.start);
    pos = b.span.end;
  }
  expect(pos).toBe(text.length);
}

function inText(text: string, s: { start: number; end: number }): void {
  expect(s.start).toBeGreaterThanOrEqual(0);
  expect(s.end).toBeGreaterThanOrEqual(s.start);
  expect(s.end).toBeLessThanOrEqual(text.length);
}

/** Every span indexes `text`, and every string equals its slice (minus marker/label, as documented). */
export function expectSlices(text: string, r: SegmentResult): void {
  const n = r.notice;
  expect(Notice.safeParse(n).success).toBe(true);
  const paras = [...n.preamble, ...n.closing];
  const problems = [];
  for (const s of n.sections) {
    inText(text, s.span);
    expect(text.slice(s.span.start, s.span.end)).toContain(s.heading);
    paras.push(...s.paragraphs);
    problems.push(...s.problems);
    for (const sub of s.subsections) {
      inText(text, sub.span);
      expect(text.slice(sub.span.start, sub.span.end)).toContain(sub.heading);
      paras.push(...sub.paragraphs);
      problems.push(...sub.problems);
    }
  }
  expect(problems.length).toBe(n.problemCount);
  const enums = [];
  for (const p of paras) {
    inText(text, p.span);
    expect(text.slice(p.span.start, p.span.end)).toBe(p.text);
    enums.push(...p.enumerations);
  }
  for (const p of problems) {
    inText(text, p.span);
    expect(text.slice(p.statementSpan.start, p.statementSpan.end)).toBe(p.statement);
    expect(p.statementSpan.start).toBeGreaterThanOrEqual(p.span.start);
    expect(p.statementSpan.end).toBeLessThanOrEqual(p.span.end);
    if (p.progressSpan) {
      expect(text.slice(p.progressSpan.start, p.progressSpan.end)).toBe(p.progress);
      expect(p.progressSpan.start).toBeGreaterThanOrEqual(p.statementSpan.end);
      expect(p.progressSpan.end).toBeLessThanOrEqual(p.span.end);
    } else expect(p.progress).toBe('');
    expect(text.slice(p.span.start, p.span.start + p.marker.length)).toBe(p.marker);
    enums.push(...p.statementEnumerations, ...p.progressEnumerations);
  }
  for (const e of enums) {
    inText(text, e.span);
    const slice = text.slice(e.span.start, e.span.end);
    expect(slice.startsWith(e.marker)).toBe(true);
    expect(slice.slice(e.marker.length).trimStart()).toBe(e.text);
  }
  if (n.contact) {
    inText(text, n.contact.span);
    expect(text.slice(n.contact.span.start, n.contact.span.end)).toBe(n.contact.text);
  }
  if (n.signoff) inText(text, n.signoff.span);
  for (const w of r.warnings) inText(text, w);
}
