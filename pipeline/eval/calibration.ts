/**
 * Calibration of confidence: of the changes (or suggestions) with confidence ≥ c,
 * how many there are and how many are right. A suggestion is right when applying
 * it (its `after` in place of `before`) would have written the gold characters.
 */
import type { Correction, NoticeDocument } from '../schema.ts';
import { align } from './align.ts';
import { matchedChars, strip } from './metrics.ts';

export const CONFIDENCE_LEVELS = [0.5, 0.7, 0.9, 0.95] as const;

export interface Judged {
  confidence: number;
  right: boolean;
}

export interface Bin {
  /** lower bound c of the confidence */
  level: number;
  /** changes with confidence ≥ level */
  n: number;
  right: number;
}

export function calibrate(items: Judged[], levels: readonly number[] = CONFIDENCE_LEVELS): Bin[] {
  return levels.map((level) => {
    const at = items.filter((x) => x.confidence >= level);
    return { level, n: at.length, right: at.filter((x) => x.right).length };
  });
}

/** Bins of several fixtures added up (same levels). */
export function addBins(a: Bin[], b: Bin[]): Bin[] {
  if (!a.length) return b.map((x) => ({ ...x }));
  return a.map((x, i) => ({ level: x.level, n: x.n + b[i].n, right: x.right + b[i].right }));
}

/** Whether applying suggestion `s` to `doc.text` writes the gold characters where it writes. */
function suggestionRight(doc: Pick<NoticeDocument, 'text'>, s: Correction, outToGold: Int32Array, gold: string, strippedAt: Map<number, number>): boolean {
  const after = strip(s.after).text;
  const ks: number[] = [];
  for (let p = s.text.start; p < s.text.end; p++) {
    const k = strippedAt.get(p);
    if (k !== undefined) ks.push(k);
  }
  if (!after.length) {
    // a deletion is right when every character it removes is one gold does not have
    const matched = matchedChars(strip(doc.text).text, gold);
    return ks.length > 0 && ks.every((k) => !matched[k]);
  }
  if (ks.length === after.length) {
    return ks.every((k, j) => outToGold[k] >= 0 && gold[outToGold[k]] === after[j]);
  }
  // insertion or deletion: apply it and compare the written characters again
  const applied = doc.text.slice(0, s.text.start) + s.after + doc.text.slice(s.text.end);
  const { text, index } = strip(applied);
  const matched = matchedChars(text, gold);
  const end = s.text.start + s.after.length;
  return index.every((orig, k) => orig < s.text.start || orig >= end || matched[k]);
}

/** Each suggestion of `doc`, judged against gold. */
export function judgeSuggestions(doc: Pick<NoticeDocument, 'text' | 'suggestions'>, goldText: string): Judged[] {
  if (!doc.suggestions.length) return [];
  const gold = strip(goldText).text;
  const { text, index } = strip(doc.text);
  const { goldAt } = align(text, gold);
  const strippedAt = new Map<number, number>();
  index.forEach((orig, k) => strippedAt.set(orig, k));
  return doc.suggestions.map((s) => ({ confidence: s.confidence, right: suggestionRight(doc, s, goldAt, gold, strippedAt) }));
}
