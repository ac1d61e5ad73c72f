/**
 * Completion indexes (internal to pipeline/correct): "材?" → [料, …],
 * "?程" → [过, 工, …], the characters that complete a frequent two-character
 * word with a neighbour — from the word list (word completions) and from the
 * pairs the genre corpus prints most (genre completions, which must look like
 * the printed character).
 */
import type { Dictionaries } from './dictionaries.ts';
import type { ShapeModel } from './glyph-features.ts';
import type { Cand } from './look-alikes.ts';
import { PARAMS } from './params.ts';
import { isHan } from './text-units.ts';

export type CompletionIndex = Map<string, { c: string; f: number }[]>;

export interface Completions {
  /** word completions, most frequent word first (at most PARAMS.completeMax) */
  complete: CompletionIndex;
  /** genre completions, most printed pair first (at most PARAMS.genreCompleteMax) */
  genreComplete: CompletionIndex;
  /** genre completions of key ("X?" / "?X") for printed character ch that look like it, with their priors (memoised) */
  genreFor(ch: string, key: string): Cand[];
}

/**
 * Completion index of two-character words with their weights: "X?" -> the
 * characters completing a word after X, "?X" -> before X (heaviest first, at most max).
 */
function completionIndex(words: ReadonlyMap<string, number>, max: number): CompletionIndex {
  const index: CompletionIndex = new Map();
  for (const [w, f] of words) {
    for (const [key, c] of [[w[0] + '?', w[1]], ['?' + w[1], w[0]]] as const) {
      let l = index.get(key);
      if (!l) index.set(key, (l = []));
      l.push({ c, f });
    }
  }
  for (const [k, l] of index) {
    l.sort((x, y) => y.f - x.f || (x.c < y.c ? -1 : 1));
    if (l.length > max) index.set(k, l.slice(0, max));
  }
  return index;
}

/** Word completions of the two-Han-character words of `freq` at least `minFreq` frequent: at most `max` per key. */
export function wordCompletions(freq: ReadonlyMap<string, number>, minFreq: number, max: number): CompletionIndex {
  const words = new Map<string, number>();
  for (const [w, f] of freq) if (w.length === 2 && f >= minFreq && isHan(w, 0) && isHan(w, 1)) words.set(w, f);
  return completionIndex(words, max);
}

export function completions(dicts: Dictionaries, freq: ReadonlyMap<string, number>, shapes: ShapeModel): Completions {
  const complete = wordCompletions(freq, PARAMS.completeMinFreq, PARAMS.completeMax);
  const genreComplete = completionIndex(genrePairs(dicts, freq), PARAMS.genreCompleteMax);
  const genreMemo = new Map<string, Cand[]>();
  function genreFor(ch: string, key: string): Cand[] {
    const mk = ch + key;
    let out = genreMemo.get(mk);
    if (out) return out;
    out = [];
    for (const x of genreComplete.get(key) ?? []) {
      if (x.c === ch) continue;
      const sim = shapes.similarity(ch, x.c);
      if (PARAMS.genreShapeMin > -1 && (sim === null || sim < PARAMS.genreShapeMin)) continue;
      const weight = Math.min(0.5, PARAMS.completePrior * Math.exp(PARAMS.genreShapeSlope * ((sim ?? PARAMS.genreShapeMin) - PARAMS.genreShapeMin)));
      out.push({ truth: x.c, weight, source: 'genre' });
    }
    if (genreMemo.size > 200_000) genreMemo.clear();
    genreMemo.set(mk, out);
    return out;
  }
  return { complete, genreComplete, genreFor };
}

/** Two-character Han pairs the genre corpus prints at least genreCompleteMin times that the word list or the lexicon knows. */
function genrePairs(dicts: Dictionaries, freq: ReadonlyMap<string, number>): Map<string, number> {
  const pairs = new Map<string, number>();
  if (!(PARAMS.genreCompleteMin > 0 && dicts.corpusText)) return pairs;
  const t = dicts.corpusText;
  for (let k = 0; k + 1 < t.length; k++) {
    if (!isHan(t, k) || !isHan(t, k + 1)) continue;
    const w = t.slice(k, k + 2);
    pairs.set(w, (pairs.get(w) ?? 0) + 1);
  }
  for (const [w, n] of pairs) if (n < PARAMS.genreCompleteMin || ((freq.get(w) ?? 0) < PARAMS.candWordMinFreq && !dicts.lexicon.has(w))) pairs.delete(w);
  return pairs;
}
