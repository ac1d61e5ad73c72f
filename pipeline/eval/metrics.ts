/**
 * Accuracy measures for `npm run eval`: character error rate, the share of changes
 * that were right, and whether problems were found with their statement and
 * progress. Whitespace is ignored everywhere (paragraph joins are scored by the
 * structure measures, not by CER).
 */
import { diffChars } from 'diff';
import type { Correction, NoticeDocument } from '../schema.ts';

const WS = /\s/;

/** Text without whitespace, and for each kept character its index in the input. */
export function strip(s: string): { text: string; index: number[] } {
  let text = '';
  const index: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (WS.test(s[i])) continue;
    text += s[i];
    index.push(i);
  }
  return { text, index };
}

/** Edit distance estimated from a Myers diff: each changed hunk costs max(removed, added). */
export function editDistance(a: string, b: string): number {
  let cost = 0;
  let removed = 0;
  let added = 0;
  for (const part of diffChars(a, b)) {
    if (part.removed) removed += part.value.length;
    else if (part.added) added += part.value.length;
    else {
      cost += Math.max(removed, added);
      removed = added = 0;
    }
  }
  return cost + Math.max(removed, added);
}

export function cer(hypothesis: string, gold: string): number {
  const g = strip(gold).text;
  return g.length ? editDistance(strip(hypothesis).text, g) / g.length : 0;
}

/** For each character of `a` (whitespace removed), whether it is matched to an equal character of `b`. */
export function matchedChars(a: string, b: string): boolean[] {
  const out: boolean[] = [];
  for (const part of diffChars(a, b)) {
    if (part.added) continue;
    for (let i = 0; i < part.value.length; i++) out.push(!part.removed);
  }
  return out;
}

export const isCharacterCorrection = (c: Correction): boolean => c.kind === 'character' || c.kind === 'rule';

/** Undo the character corrections: the text as it was before the corrector ran. */
export function beforeCorrection(doc: NoticeDocument): string {
  let text = doc.text;
  const fixes = doc.corrections.filter(isCharacterCorrection).sort((a, b) => b.text.start - a.text.start);
  for (const c of fixes) text = text.slice(0, c.text.start) + c.before + text.slice(c.text.end);
  return text;
}

export interface CorrectionScore {
  right: number;
  wrong: number;
  wrongExamples: string[];
}

/** For each change of these kinds: whether it is right, i.e. every character it wrote lines up with the same character in gold. */
export function judgeCorrections(doc: NoticeDocument, gold: string, kinds: (c: Correction) => boolean): { correction: Correction; right: boolean }[] {
  const { text, index } = strip(doc.text);
  const matched = matchedChars(text, strip(gold).text);
  const strippedAt = new Map<number, number>();
  index.forEach((orig, k) => strippedAt.set(orig, k));
  return doc.corrections.filter(kinds).map((c) => {
    let right = true;
    for (let p = c.text.start; p < c.text.end; p++) {
      const k = strippedAt.get(p);
      if (k !== undefined && !matched[k]) right = false;
    }
    return { correction: c, right };
  });
}

/** Right and wrong counts of the changes of these kinds (see judgeCorrections), with the wrong ones in context. */
export function scoreCorrections(doc: NoticeDocument, gold: string, kinds: (c: Correction) => boolean): CorrectionScore {
  let right = 0;
  let wrong = 0;
  const wrongExamples: string[] = [];
  for (const { correction: c, right: ok } of judgeCorrections(doc, gold, kinds)) {
    if (ok) right++;
    else {
      wrong++;
      const ctx = doc.text.slice(Math.max(0, c.text.start - 6), c.text.end + 6).replace(/\n/g, '⏎');
      wrongExamples.push(`${c.before}→${c.after} (${ctx}; ${c.rule})`);
    }
  }
  return { right, wrong, wrongExamples };
}
