/**
 * The document's own quoted terms (internal to pipeline/correct). A notice
 * quotes its key phrases again and again (“一把手” five times, “两个清单”…); a
 * quotation mark delimits the term exactly, so where OCR damaged one copy the
 * others say how it reads:
 *
 * - a quoted string one character short of a term the document quotes at least
 *   `minCount` times gets the character back (“把手” → “一把手”);
 * - an opening quote followed by such a term, with no closing quote anywhere
 *   after it in the paragraph, is closed right after the term
 *   (对“一把手巡视巡察监督 → 对“一把手”巡视巡察监督).
 */
import type { StageEdit } from '../tracked-text.ts';

const QUOTED = /“([^“”"\n]{1,8})”/g;

/**
 * Edits for `text`; `free(i)` is false where another change was made at i,
 * `inside(i)` true where an insertion before i would split a protected term.
 */
export function repairQuotedTerms(text: string, free: (i: number) => boolean, inside: (i: number) => boolean, minCount = 3): StageEdit[] {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(QUOTED)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  const terms = [...counts].filter(([t, n]) => n >= minCount && t.length >= 2).map(([t]) => t);
  if (!terms.length) return [];
  const out: StageEdit[] = [];

  // one character short: the shortened string is quoted here and is no term of its own
  const shortened = new Map<string, { term: string; at: number } | null>();
  for (const term of terms) {
    for (let at = 0; at < term.length; at++) {
      const s = term.slice(0, at) + term.slice(at + 1);
      const prev = shortened.get(s);
      shortened.set(s, prev === undefined || (prev && prev.term === term) ? { term, at } : null);
    }
  }
  for (const m of text.matchAll(QUOTED)) {
    const hit = shortened.get(m[1]!);
    if (!hit || (counts.get(m[1]!) ?? 0) >= minCount) continue;
    const pos = m.index! + 1 + hit.at;
    if (!free(pos - 1) || !free(pos) || inside(pos)) continue;
    out.push({
      start: pos,
      end: pos,
      replacement: hit.term[hit.at]!,
      meta: {
        type: 'correction',
        kind: 'character',
        rule: 'document:quoted-term',
        confidence: 0.85,
        note: `“${m[1]}”→“${hit.term}” (the document quotes “${hit.term}” ${counts.get(hit.term)}×; a character was lost)`,
      },
    });
  }

  // an opening quote that nothing closes, followed by a quoted term of the document
  for (let i = text.indexOf('“'); i >= 0; i = text.indexOf('“', i + 1)) {
    const lineEnd = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    const nextMark = text.slice(i + 1, lineEnd).search(/[“”"]/);
    if (nextMark >= 0 && text[i + 1 + nextMark] !== '“') continue;
    // the longest term that follows (a longer quoted term must not fit either)
    let best = '';
    for (const t of counts.keys()) if (t.length > best.length && text.startsWith(t, i + 1)) best = t;
    if (!best || !terms.includes(best)) continue;
    const pos = i + 1 + best.length;
    if (pos >= lineEnd || !free(i) || !free(pos - 1) || !free(pos) || inside(pos)) continue;
    out.push({
      start: pos,
      end: pos,
      replacement: '”',
      meta: {
        type: 'correction',
        kind: 'punctuation',
        rule: 'punct:quote-closer-term',
        confidence: 0.85,
        note: `“${best} is not closed in its paragraph; the document quotes “${best}” ${counts.get(best)}×`,
      },
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
