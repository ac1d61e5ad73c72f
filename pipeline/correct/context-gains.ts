/**
 * Genre character-model evidence as the old passes read it (internal to
 * pipeline/correct): the log-likelihood gain of reading a position as another
 * character, capped where the corpus already shows the printed character
 * with both its neighbours, and the gain of an insertion with a span taken out.
 */
import type { CharLM } from './char-lm.ts';
import { PARAMS } from './params.ts';

export interface ContextGains {
  /** gain of each replacement of s[i] (0 without a character model) */
  ctxGains(s: string, i: number, repls: string[]): number[];
  ctxGain(s: string, i: number, repl: string): number;
  /** gain of `ins` at q in s with s[q, q+n) taken out (a local window: the model sees two characters each side) */
  gainWithout(s: string, q: number, n: number, ins: string): number;
}

export function contextGains(clm: CharLM | null): ContextGains {
  const ctxGains = (s: string, i: number, repls: string[]): number[] => {
    if (!clm || !PARAMS.charLmWeight) return repls.map(() => 0);
    const gs = clm.gains(s, i, repls);
    // the corpus shows the original character with both its neighbours: the
    // original reads as ordinary text, and a better-liked alternative is no
    // evidence of a misreading
    const plausible = clm.pairCount(s, i - 1) >= PARAMS.lmPlausiblePairs && clm.pairCount(s, i) >= PARAMS.lmPlausiblePairs;
    return gs.map((g) => (g *= PARAMS.charLmWeight) > PARAMS.lmPlausibleCap && plausible ? PARAMS.lmPlausibleCap : g);
  };
  const ctxGain = (s: string, i: number, repl: string): number => ctxGains(s, i, [repl])[0];
  const gainWithout = (s: string, q: number, n: number, ins: string): number => {
    const from = Math.max(0, q - 2);
    return clm ? clm.insertionGain(s.slice(from, q) + s.slice(q + n, q + n + 2), q - from, ins) : 0;
  };
  return { ctxGains, ctxGain, gainWithout };
}

/**
 * Word-model and character-model gains see much of the same evidence where a
 * long word forms: by default the larger counts, plus combineBonus × the
 * smaller when both speak for the candidate; a character model against the
 * candidate always counts in full.
 */
export function combineGains(wordGain: number, lmGain: number): number {
  if (PARAMS.combine === 'sum' || lmGain <= 0) return wordGain + lmGain;
  return Math.max(wordGain, lmGain) + PARAMS.combineBonus * Math.min(Math.max(0, wordGain), lmGain);
}
