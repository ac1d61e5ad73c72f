/**
 * One-for-one Han misreadings: gold positions where the raw OCR text has exactly
 * one Han character, a different one, for one gold Han character (机关于部 for
 * 机关干部). Each is fixed when the output has the gold character there, missed
 * otherwise. A Han position is newly broken when the raw OCR had it right and the
 * output does not (changed, or lost). All three strings are compared without whitespace.
 */
import { align, isHan } from './align.ts';
import { strip } from './metrics.ts';

export interface HanScore {
  misreadings: number;
  fixed: number;
  missed: number;
  broken: number;
  /** "raw→gold (output)" for missed ones and "gold→output" for broken ones, a few characters of gold context each */
  missedExamples: string[];
  brokenExamples: string[];
}

export function scoreHanMisreadings(raw: string, output: string, gold: string): HanScore {
  const r = strip(raw).text;
  const o = strip(output).text;
  const g = strip(gold).text;
  const ra = align(r, g);
  const oa = align(o, g);
  const score: HanScore = { misreadings: 0, fixed: 0, missed: 0, broken: 0, missedExamples: [], brokenExamples: [] };
  const context = (i: number) => g.slice(Math.max(0, i - 3), i + 4);
  const outChar = (i: number) => (oa.hypAt[i] >= 0 ? o[oa.hypAt[i]] : '∅');
  for (let i = 0; i < g.length; i++) {
    if (!isHan(g[i])) continue;
    if (ra.same[i]) {
      if (!oa.same[i]) {
        score.broken++;
        score.brokenExamples.push(`${g[i]}→${outChar(i)} (${context(i)})`);
      }
      continue;
    }
    const k = ra.hypAt[i];
    if (k < 0 || !isHan(r[k])) continue;
    score.misreadings++;
    if (oa.same[i]) score.fixed++;
    else {
      score.missed++;
      score.missedExamples.push(`${r[k]}→${g[i]} (${context(i)}; output ${outChar(i)})`);
    }
  }
  return score;
}
