/**
 * Noisy-channel score of a reading against the printed text (internal to
 * pipeline/correct). For a set of substitutions inside one window the
 * features are differences, reading minus printed:
 *   word     ln P under the large-corpus word bigram (word-lm.ts), window
 *   char     ln P under the genre character trigram (char-lm.ts)
 *   document ln counts of the reading's character pairs in the rest of the
 *            document (a cache model: a term printed many times elsewhere)
 *   shape    Σ glyph similarity of printed and read character (channel)
 *   changes  number of substitutions (channel: the prior odds of a misreading)
 * The log-odds of the reading over the printed text is the weighted sum; the
 * weights are estimated by scripts/build-decoder-weights.ts on held-out
 * corpus text (dictionaries/decoder-weights.json).
 */
import type { CharLM } from './char-lm.ts';
import type { ShapeModel } from './glyph-features.ts';
import type { WordLM } from './word-lm.ts';
import { NumMap } from './num-map.ts';
import { pairKey } from './text-units.ts';

export const FEATURES = ['word', 'char', 'document', 'shape', 'changes'] as const;
export type Feature = (typeof FEATURES)[number];
export type Weights = Record<Feature, number>;

/** characters of context on each side the language models see */
export const CONTEXT = 4;

export interface ReadingModels {
  word: WordLM;
  char: CharLM | null;
  shapes: ShapeModel;
}

/** Character-pair counts of a document's printed text: the cache model (keyed by the pair's two UTF-16 codes). */
export class DocumentPairs {
  private readonly counts = new NumMap();
  constructor(text: string) {
    for (let i = 0; i + 1 < text.length; i++) this.counts.increment(pairKey(text.charCodeAt(i), text.charCodeAt(i + 1)));
  }
  /** how often the document prints a then b (two UTF-16 code units; -1 for anything longer: never) */
  count(a: number, b: number): number {
    return a < 0 || b < 0 ? 0 : (this.counts.get(pairKey(a, b)) ?? 0);
  }
}

export interface Substitution {
  at: number;
  to: string;
}

function replaced(s: string, subs: readonly Substitution[], from: number, to: number): string {
  let out = '';
  let k = from;
  for (const sub of subs) {
    out += s.slice(k, sub.at) + sub.to;
    k = sub.at + 1;
  }
  return out + s.slice(k, to);
}

/** Feature vector of applying `subs` (ascending, one character each) to line s. */
export function readingFeatures(m: ReadingModels, s: string, subs: readonly Substitution[], doc?: DocumentPairs): Record<Feature, number> {
  const first = subs[0]!.at;
  const last = subs[subs.length - 1]!.at;
  const from = Math.max(0, first - CONTEXT);
  const to = Math.min(s.length, last + CONTEXT + 1);
  const printed = s.slice(from, to);
  const reading = replaced(s, subs, from, to);
  let char = 0;
  if (m.char) {
    // one substitution after the other, each scored on the text with the earlier ones made
    let cur = printed;
    for (const sub of subs) {
      const k = sub.at - from;
      char += m.char.gain(cur, k, sub.to);
      cur = cur.slice(0, k) + sub.to + cur.slice(k + 1);
    }
  }
  let document = 0;
  let shape = 0;
  for (const sub of subs) {
    shape += m.shapes.similarity(s[sub.at]!, sub.to) ?? 0;
    if (doc) document += documentTerm(doc, s, sub.at, sub.to, sub.at > 0 ? reading[sub.at - 1 - from]! : '', sub.at + 1 < s.length ? reading[sub.at + 1 - from]! : '');
  }
  return { word: m.word.score(reading) - m.word.score(printed), char, document, shape, changes: subs.length };
}

/** Cache-model term of reading `to` at i between `left` and `right` (the reading's neighbours; '' at a line end). */
function documentTerm(doc: DocumentPairs, s: string, i: number, to: string, left: string, right: string): number {
  return documentTermFor(doc, s, i, left, right)(to);
}

/**
 * documentTerm() of position i for any reading: the printed pairs' counts (less the printed occurrence
 * itself) are looked up once.
 */
function documentTermFor(doc: DocumentPairs, s: string, i: number, left: string, right: string): (to: string) => number {
  const o = s.charCodeAt(i);
  const l = left.charCodeAt(0);
  const r = right.charCodeAt(0);
  const printedLeft = left ? Math.log1p(Math.max(0, doc.count(s.charCodeAt(i - 1), o) - 1)) : 0;
  const printedRight = right ? Math.log1p(Math.max(0, doc.count(o, s.charCodeAt(i + 1)) - 1)) : 0;
  return (to) => {
    // a reading outside the BMP is two code units: no pair of it was counted
    const t = to.length === 1 ? to.charCodeAt(0) : -1;
    return (left ? Math.log1p(doc.count(l, t)) - printedLeft : 0) + (right ? Math.log1p(doc.count(t, r)) - printedRight : 0);
  };
}

/**
 * Log-odds of each one-character reading of position i, as readingFeatures()
 * would give with the same weights, computed as a cascade: the cheapest terms
 * first (shape, document, prior); the character model only for readings that
 * can still pass `floor` when they gain all the printed character's
 * improbability (CharLM.printedLogP) and the word term is at most `wordBound`;
 * the word model only for readings that can still pass with their character
 * term. Ruled-out readings get -Infinity.
 */
export function singleLogOdds(m: ReadingModels, w: Weights, s: string, i: number, cands: readonly string[], llrs: readonly number[], doc: DocumentPairs | undefined, floor: number, wordBound: number): number[] {
  const o = s[i]!;
  const left = i > 0 ? s[i - 1]! : '';
  const right = i + 1 < s.length ? s[i + 1]! : '';
  // (the estimated shape weight is 0 today: no similarity is computed then)
  const shapes = cands.map((t) => (w.shape === 0 ? 0 : w.shape * (m.shapes.similarity(o, t) ?? 0)));
  const term = doc && documentTermFor(doc, s, i, left, right);
  const docs = cands.map((t) => (term ? w.document * term(t) : 0));
  // the most the character term can add (w.char ≥ 0: a gain is at most −printedLogP)
  const charMax = !m.char ? 0 : w.char >= 0 ? w.char * -m.char.printedLogP(s, i) + 1e-9 : Infinity;
  const live = cands.flatMap((t, k) => (shapes[k]! + w.changes + llrs[k]! + docs[k]! + charMax + wordBound > floor ? [k] : []));
  const out = cands.map(() => -Infinity);
  if (!live.length) return out;
  const charGains = m.char ? m.char.gains(s, i, live.map((k) => cands[k]!)) : live.map(() => 0);
  const from = Math.max(0, i - CONTEXT);
  const to = Math.min(s.length, i + CONTEXT + 1);
  const head = s.slice(from, i);
  const tail = s.slice(i + 1, to);
  let printedWord: number | null = null;
  live.forEach((k, n) => {
    // summed in readingFeatures' order, so that the result is the same number
    let z = w.char * charGains[n]! + shapes[k]! + w.changes + llrs[k]!;
    if (doc) z += docs[k]!;
    if (z + wordBound <= floor) return;
    printedWord ??= m.word.score(head + o + tail);
    out[k] = z + w.word * (m.word.score(head + cands[k]! + tail) - printedWord);
  });
  return out;
}

/** Log-odds of the reading over the printed text. */
export function logOdds(w: Weights, f: Record<Feature, number>): number {
  let z = 0;
  for (const k of FEATURES) z += w[k] * f[k];
  return z;
}
