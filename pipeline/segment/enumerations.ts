/**
 * Pass: find "一是…二是…" enumerations in statements, progress and paragraphs.
 * Enumeration.text is the text after the marker up to the next marker (or the end
 * of the enclosing string), trailing whitespace excluded; span covers marker + text.
 */
import type { Enumeration, Span } from '../schema.ts';
import { parseChineseNumber } from './numerals.ts';
import type { Ctx } from './types.ts';

const ENUM = /([一二三四五六七八九十]{1,2})\s*([是见])/g;
const BEFORE_ENUM = /[。；;：:！？!?，,\s）)]/;

export interface EnumHit { ordinal: number; marker: string; start: number; end: number }

/**
 * "一是…二是…三是…" inside `s`: markers at the start or after punctuation, in sequence.
 * The damaged form "三见" is accepted only where the sequence expects it.
 */
export function findEnumerationMarkers(s: string): EnumHit[] {
  const hits: EnumHit[] = [];
  let expected = 0; // 0: nothing seen yet
  ENUM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENUM.exec(s))) {
    const prev = m.index === 0 ? '' : s[m.index - 1];
    if (prev !== '' && !BEFORE_ENUM.test(prev)) continue;
    const ordinal = parseChineseNumber(m[1]);
    if (ordinal === null || ordinal < 1) continue;
    const inSequence = expected > 0 ? ordinal === expected : ordinal === 1 || prev === '';
    if (!inSequence || (m[2] === '见' && expected === 0)) continue;
    hits.push({ ordinal, marker: m[0], start: m.index, end: m.index + m[0].length });
    expected = ordinal + 1;
  }
  return hits;
}

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
