/**
 * Pure helpers over one NoticeDocument: the text before corrections, the
 * context of a change, and one list of changes (corrections + suggestions).
 */
import type { Correction, NoticeDocument } from '../schema.ts';

export type ChangeKind = 'correction' | 'suggestion';

export interface Change {
  type: ChangeKind;
  c: Correction;
}

/** Corrections then suggestions, in text order. */
export function changesOf(doc: NoticeDocument): Change[] {
  const all: Change[] = [
    ...doc.corrections.map((c) => ({ type: 'correction' as const, c })),
    ...doc.suggestions.map((c) => ({ type: 'suggestion' as const, c })),
  ];
  return all.sort((a, b) => a.c.text.start - b.c.text.start || a.c.text.end - b.c.text.end);
}

/**
 * `text` with corrections reverted (only layout edits applied), optionally only
 * those whose kind passes `keep`. Corrections never overlap.
 */
export function textBeforeCorrections(doc: NoticeDocument, keep: (c: Correction) => boolean = () => true): string {
  const cs = doc.corrections.filter(keep).sort((a, b) => b.text.start - a.text.start);
  let t = doc.text;
  for (const c of cs) t = t.slice(0, c.text.start) + c.before + t.slice(c.text.end);
  return t;
}

export interface Snippet {
  left: string;
  /** what the text shows there now (after for a correction, before for a suggestion) */
  shown: string;
  right: string;
}

/** ±`width` characters of `text` around a change, cut at line ends. */
export function snippet(doc: NoticeDocument, ch: Change, width = 12): Snippet {
  const { start, end } = ch.c.text;
  const line0 = doc.text.lastIndexOf('\n', start - 1) + 1;
  let line1 = doc.text.indexOf('\n', end);
  if (line1 < 0) line1 = doc.text.length;
  return {
    left: doc.text.slice(Math.max(line0, start - width), start),
    shown: doc.text.slice(start, end),
    right: doc.text.slice(end, Math.min(line1, end + width)),
  };
}

const HAN = /\p{Script=Han}/u;

/**
 * The uncorrected Han characters right around a change, as the corrector saw them
 * (character and rule corrections reverted; punctuation/script kept): up to `width`
 * characters each side, stopping at anything that is not Han.
 */
export function hanContext(doc: NoticeDocument, ch: Change, width = 2): { left: string; right: string } {
  const others = doc.corrections.filter((c) => c !== ch.c && (c.kind === 'character' || c.kind === 'rule'));
  // rebuild the corrector's view around the change: revert others, and this change too
  const start = ch.c.text.start;
  const end = ch.c.text.end;
  const view = textBeforeCorrections({ ...doc, corrections: others }, () => true);
  // positions shift by the length differences of reverted corrections before `start`
  let shift = 0;
  for (const c of others) if (c.text.end <= start) shift += c.before.length - (c.text.end - c.text.start);
  const s = start + shift;
  const e = end + shift;
  let l = s;
  while (l > 0 && s - l < width && HAN.test(view[l - 1])) l--;
  let r = e;
  while (r < view.length && r - e < width && HAN.test(view[r])) r++;
  return { left: view.slice(l, s), right: view.slice(e, r) };
}

export interface ChangeFilter {
  rules?: string[];
  kinds?: string[];
  minConfidence?: number;
  maxConfidence?: number;
}

/** Filter on rule (exact or prefix before ':'), kind (correction kind or correction/suggestion), confidence. */
export function matchesFilter(ch: Change, f: ChangeFilter): boolean {
  const c = ch.c;
  if (f.rules?.length && !f.rules.some((r) => c.rule === r || c.rule.split('+').some((p) => p === r || p.startsWith(`${r}:`)))) return false;
  if (f.kinds?.length && !f.kinds.includes(c.kind) && !f.kinds.includes(ch.type)) return false;
  if (f.minConfidence !== undefined && c.confidence < f.minConfidence) return false;
  if (f.maxConfidence !== undefined && c.confidence > f.maxConfidence) return false;
  return true;
}
