/**
 * Pass: find "一是…二是…" enumerations in statements, progress and paragraphs.
 * Enumeration.text is the text after the marker up to the next marker (or the end
 * of the enclosing string), trailing whitespace excluded; span covers marker + text.
 */
import type { Enumeration, Span } from '../schema.ts';
import { findEnumerationMarkers } from './markers.ts';
import type { Ctx } from './types.ts';

export function enumerationsIn(s: string, offset: number): Enumeration[] {
  const hits = findEnumerationMarkers(s);
  return hits.map((h, k) => {
    let end = k + 1 < hits.length ? hits[k + 1].start : s.length;
    let start = h.end;
    while (start < end && /[\s\u3000]/.test(s[start])) start++;
    while (end > start && /[\s\u3000]/.test(s[end - 1])) end--;
    const span: Span = { start: offset + h.start, end: offset + end };
    return { marker: h.marker, ordinal: h.ordinal, text: s.slice(start, end), span };
  });
}

export function findEnumerations(ctx: Ctx): void {
  const n = ctx.notice;
  for (const d of ctx.drafts) {
    const p = d.problem;
    p.statementEnumerations = enumerationsIn(p.statement, p.statementSpan.start);
    if (p.progressSpan) p.progressEnumerations = enumerationsIn(p.progress, p.progressSpan.start);
  }
  const paragraphs = [
    ...n.preamble,
    ...n.closing,
    ...n.sections.flatMap((s) => [...s.paragraphs, ...s.subsections.flatMap((sub) => sub.paragraphs)]),
  ];
  for (const para of paragraphs) para.enumerations = enumerationsIn(para.text, para.span.start);
}
