/**
 * Word-frequency language model (internal): jieba's word list plus the domain
 * lexicon, scored like jieba's DAG / max-probability route, but only over small
 * windows around suspicious positions.
 */
import { NumSet } from './num-map.ts';

export const MAX_WORD = 6;

export class WordModel {
  /** word -> frequency (jieba units); single characters included */
  readonly freq: Map<string, number>;
  readonly logTotal: number;
  /** log-probability of a character the list does not know */
  readonly unknownLogP: number;
  /** per-character frequency summed over every word containing it */
  readonly charFreq: Map<string, number>;

  constructor(freq: Map<string, number>, charFreq: Map<string, number>) {
    this.freq = freq;
    let total = 0;
    for (const f of freq.values()) total += f;
    this.logTotal = Math.log(total);
    this.unknownLogP = Math.log(0.5) - this.logTotal - 6;
    this.charFreq = charFreq;
    // first two UTF-16 units of every multi-character word: most positions
    // start no word, and the check avoids allocating substrings there
    // sized up front (distinct two-character starts are about half the words: 178k of jieba's 349k)
    this.prefix2 = new NumSet(undefined, freq.size / 2);
    for (const w of freq.keys()) if (w.length >= 2) this.prefix2.add(w.charCodeAt(0) * 65536 + w.charCodeAt(1));
  }

  private readonly prefix2: NumSet;

  logP(word: string): number | undefined {
    const f = this.freq.get(word);
    return f === undefined || f <= 0 ? undefined : Math.log(f) - this.logTotal;
  }

  /** logP of one UTF-16 code unit, unknownLogP when the list lacks it (memoised by code: the segmentation asks at every position). */
  private unitLogP(code: number): number {
    let v = this.unitLogPs[code]!;
    if (Number.isNaN(v)) this.unitLogPs[code] = v = this.logP(String.fromCharCode(code)) ?? this.unknownLogP;
    return v;
  }

  private readonly unitLogPs = new Float64Array(0x10000).fill(NaN);

  /** Frequency of a multi-character word, 0 when unknown. */
  wordFreq(word: string): number {
    return this.freq.get(word) ?? 0;
  }

  /**
   * Best segmentation of s (max sum of log-probabilities, jieba's route).
   * Returns the score and, for each position, the [start, end) of its token.
   */
  segment(s: string): { score: number; tokenStart: Int32Array; tokenEnd: Int32Array } {
    const n = s.length;
    const best = new Float64Array(n + 1);
    const next = new Int32Array(n + 1);
    best[n] = 0;
    for (let i = n - 1; i >= 0; i--) {
      const single = this.unitLogP(s.charCodeAt(i));
      let b = single + best[i + 1];
      let nx = i + 1;
      const lim = i + 1 < n && this.prefix2.has(s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1)) ? Math.min(n, i + MAX_WORD) : 0;
      for (let j = i + 2; j <= lim; j++) {
        const lp = this.logP(s.slice(i, j));
        if (lp === undefined) continue;
        const v = lp + best[j];
        if (v > b) {
          b = v;
          nx = j;
        }
      }
      best[i] = b;
      next[i] = nx;
    }
    const tokenStart = new Int32Array(n);
    const tokenEnd = new Int32Array(n);
    for (let i = 0; i < n; ) {
      const j = next[i];
      for (let k = i; k < j; k++) {
        tokenStart[k] = i;
        tokenEnd[k] = j;
      }
      i = j;
    }
    return { score: best[0], tokenStart, tokenEnd };
  }
}

const PROPER_POS = new Set(['nr', 'ns', 'nrt', 'nrfg', 'nz']);

/** The decimal integer in text[a, b) (jieba's frequencies); other text as Number() reads it. */
function frequencyAt(text: string, a: number, b: number): number {
  if (b <= a || b - a > 15) return Number(text.slice(a, b));
  let f = 0;
  for (let i = a; i < b; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return Number(text.slice(a, b));
    f = f * 10 + d;
  }
  return f;
}

/**
 * Parse jieba's "word freq pos" list into a frequency map (and per-char totals);
 * multi-character proper nouns (person / place / other names) go to `proper`.
 */
export function parseJiebaDict(text: string, into: Map<string, number>, charFreq: Map<string, number>, proper?: Set<string>): void {
  // Per-character sums in an array by UTF-16 code (a Map update per character of 350k words is
  // most of the parse); written back in first-seen order, so the map ends as if updated in place.
  const sum = new Float64Array(0x10000);
  const seen = new Uint8Array(0x10000);
  const order: number[] = [];
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    const sp1 = text.indexOf(' ', pos);
    if (sp1 > pos && sp1 < eol) {
      let sp2 = text.indexOf(' ', sp1 + 1);
      if (sp2 < 0 || sp2 > eol) sp2 = eol;
      const word = text.slice(pos, sp1);
      const f = frequencyAt(text, sp1 + 1, sp2);
      if (f > 0) {
        const was = into.get(word);
        into.set(word, was === undefined ? f : was + f);
        // every proper-noun tag starts with n: most lines are told apart without a substring
        if (proper && word.length >= 2 && sp2 < eol && text.charCodeAt(sp2 + 1) === 0x6e && PROPER_POS.has(text.slice(sp2 + 1, eol).trim())) proper.add(word);
        for (let k = 0; k < word.length; k++) {
          const c = word.charCodeAt(k);
          if (!seen[c]) {
            seen[c] = 1;
            order.push(c);
            sum[c] = charFreq.get(word[k]) ?? 0;
          }
          sum[c] += f;
        }
      }
    }
    pos = eol + 1;
  }
  for (const c of order) charFreq.set(String.fromCharCode(c), sum[c]);
}
