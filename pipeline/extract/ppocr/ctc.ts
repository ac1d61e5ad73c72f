/**
 * Greedy CTC decoding of the recogniser's per-frame class probabilities (the model
 * ends in a softmax), keeping what the corrector needs for every character: its
 * probability, the frames it was emitted at, and the top other classes there.
 */

export interface DecodedChar {
  char: string;
  /** Highest probability of the character over the frames it was emitted at, 0..1. */
  confidence: number;
  /** First and last frame of the run that emitted it. */
  firstFrame: number;
  lastFrame: number;
  /** Other characters, by their mean probability over the same frames (blank and space excluded). */
  alternatives: { text: string; confidence: number }[];
}

export const MAX_ALTERNATIVES = 3;
/** Alternatives below this mean probability carry no information and are left out. */
export const MIN_ALTERNATIVE = 0.001;
/**
 * A class at this probability or more is its frame's best: a softmax row sums to 1 (to float
 * error, far below the margin), so no later class can exceed it and the search stops there. Most
 * frames are blank (class 0) at 0.9 or more, so most rows are not searched at all.
 */
const SURELY_BEST = 0.501;

/** `probs` holds `frames` rows of `classes` probabilities (row-major); `dict[k]` is class k's text ('' = blank). */
export function decodeCtc(probs: Float32Array, offset: number, frames: number, classes: number, dict: string[]): DecodedChar[] {
  const out: DecodedChar[] = [];
  let prev = 0;
  let runStart = 0;
  const flush = (cls: number, end: number) => {
    if (cls === 0) return;
    let best = 0;
    // A class whose mean reaches MIN_ALTERNATIVE reaches it in some frame: only those are summed.
    const candidates = new Set<number>();
    for (let t = runStart; t <= end; t++) {
      const row = offset + t * classes;
      if (probs[row + cls] > best) best = probs[row + cls];
      for (let k = 1; k < classes; k++) if (probs[row + k] >= MIN_ALTERNATIVE) candidates.add(k);
    }
    const n = end - runStart + 1;
    const alternatives: { text: string; confidence: number }[] = [];
    for (const k of [...candidates].sort((a, b) => a - b)) {
      let sum = 0;
      for (let t = runStart; t <= end; t++) sum += probs[offset + t * classes + k];
      const p = sum / n;
      if (k === cls || p < MIN_ALTERNATIVE || dict[k] === ' ') continue;
      alternatives.push({ text: dict[k], confidence: p });
    }
    alternatives.sort((a, b) => b.confidence - a.confidence);
    alternatives.length = Math.min(alternatives.length, MAX_ALTERNATIVES);
    out.push({ char: dict[cls], confidence: best, firstFrame: runStart, lastFrame: end, alternatives });
  };
  for (let t = 0; t < frames; t++) {
    const row = offset + t * classes;
    let cls = 0;
    let top = probs[row];
    for (let k = 1; k < classes && top < SURELY_BEST; k++) {
      const p = probs[row + k];
      if (p > top) {
        top = p;
        cls = k;
      }
    }
    if (cls !== prev) {
      flush(prev, t - 1);
      runStart = t;
      prev = cls;
    }
  }
  flush(prev, frames - 1);
  return out;
}
