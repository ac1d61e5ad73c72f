import { expect } from 'vitest';
import { NoticeDocument } from '../../pipeline/schema.ts';
import { applyChanges } from '../../pipeline/tracked-text.ts';

/** The promises every output makes, checked on one document. */
export function expectDocumentInvariants(doc: NoticeDocument): void {
  expect(NoticeDocument.safeParse(doc).success).toBe(true);
  // applying every recorded change to original reproduces text
  expect(applyChanges(doc.original, [...doc.corrections, ...doc.layoutEdits])).toBe(doc.text);
  for (const c of [...doc.corrections, ...doc.layoutEdits]) {
    expect(doc.original.slice(c.original.start, c.original.end)).toBe(c.before);
    expect(doc.text.slice(c.text.start, c.text.end)).toBe(c.after);
  }
  for (const s of doc.suggestions) {
    expect(doc.original.slice(s.original.start, s.original.end)).toBe(s.before);
    expect(doc.text.slice(s.text.start, s.text.end)).toBe(s.before);
  }
  // blocks partition text: contiguous, in order, covering every character once
  let pos = 0;
  for (const b of doc.blocks) {
    expect(b.span.start).toBe(pos);
    expect(b.span.end).toBeGreaterThan(b.span.start);
    pos = b.span.end;
  }
  expect(pos).toBe(doc.text.length);
  // problems' statement and progress are taken from text
  const problems = doc.notice.sections.flatMap((s) => [...s.problems, ...s.subsections.flatMap((x) => x.problems)]);
  for (const p of problems) {
    expect(p.span.start).toBeLessThanOrEqual(p.statementSpan.start);
    expect(doc.text.slice(p.span.start, p.span.end)).toContain(p.statement.split('\n')[0]);
  }
  expect(doc.notice.problemCount).toBe(problems.length);
}
