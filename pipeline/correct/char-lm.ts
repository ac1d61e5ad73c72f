/**
 * Character trigram language model of the genre (internal to pipeline/correct).
 *
 * Trained when the dictionaries load, from the clean notices in
 * dictionaries/corpus/ (one paragraph a line). Interpolated absolute
 * discounting: trigram → bigram → unigram, and the unigram is itself smoothed
 * towards the jieba character distribution, so every character has a
 * probability. Digits, Latin letters and line ends are classes of their own.
 *
 * The corrector asks one question: how much more (log-)likely does the text
 * around position i become if the character there is replaced?
 */

import { NumMap } from './num-map.ts';

const DISCOUNT = 0.75;
/** weight of the jieba character distribution in the smoothed unigram (pseudo-counts) */
const PRIOR_MASS = 5000;
const BOUNDARY = '\n';

/** Class of a character as the model sees it. */
function norm(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return '0';
  if (c >= 0xff10 && c <= 0xff19) return '0';
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 'a';
  if (ch === '\r' || ch === '\n') return BOUNDARY;
  return ch;
}

export class CharLM {
  private readonly ids = new Map<string, number>();
  /** id of a UTF-16 code unit as the model sees it (after norm()), -1 when never seen */
  private readonly idByCode = new Int32Array(0x10000).fill(-1);
  private boundaryId = 0;
  private uni: Float64Array = new Float64Array(0);
  /** bigram counts and per-history totals / distinct continuations */
  private c2 = new NumMap();
  /** per history id: 1/count and backoff weight D·types/count (0 when never a history) */
  private inv1 = new Float64Array(0);
  private back1 = new Float64Array(0);
  /** per two-character history: index into inv2/back2 */
  private h2index = new NumMap();
  private inv2 = new Float64Array(0);
  private back2 = new Float64Array(0);
  private c3 = new NumMap();
  private readonly priorLog: (ch: string) => number;
  /** priorLog of each UTF-16 code unit as the model sees it, memoised (NaN: not yet asked) */
  private readonly unseenLogByCode = new Float64Array(0x10000).fill(NaN);
  /** characters in the training text */
  readonly size: number;

  /**
   * @param corpus clean text, one paragraph a line (whitespace inside lines is ignored)
   * @param prior  frequency of a character in a large general list (jieba), used to smooth the unigram
   */
  constructor(corpus: string, prior: ReadonlyMap<string, number>) {
    let priorTotal = 0;
    for (const f of prior.values()) priorTotal += f;
    const priorFloor = 0.5 / Math.max(1, priorTotal);
    const seq: number[] = [];
    const id = (ch: string): number => {
      let k = this.ids.get(ch);
      if (k === undefined) this.ids.set(ch, (k = this.ids.size));
      return k;
    };
    const b = id(BOUNDARY);
    for (const line of corpus.split('\n')) {
      const chars = [...line.replace(/\s+/g, '')];
      if (!chars.length) continue;
      seq.push(b);
      for (const ch of chars) seq.push(id(norm(ch)));
    }
    seq.push(b);
    this.size = seq.length;
    // counts straight into typed-array maps (a JS Map boxes the trigram keys, above 2^31)
    const counts1 = new Float64Array(this.ids.size);
    const n1 = new Float64Array(this.ids.size);
    const types1 = new Float64Array(this.ids.size);
    const c2 = new NumMap();
    const c3 = new NumMap();
    const n2 = new NumMap(undefined, seq.length);
    const types2 = new NumMap(undefined, seq.length);
    for (const k of seq) counts1[k]++;
    for (let i = 1; i < seq.length; i++) {
      const a = seq[i - 1];
      n1[a]++;
      if (c2.increment(a * 0x10000 + seq[i]) === 0) types1[a]++;
      if (i >= 2 && a !== b) {
        const hk = seq[i - 2] * 0x10000 + a;
        n2.increment(hk);
        if (c3.increment(hk * 0x10000 + seq[i]) === 0) types2.increment(hk);
      }
    }
    // smoothed unigram over the model's own vocabulary; unseen characters fall back to the prior
    const n = seq.length;
    this.uni = new Float64Array(this.ids.size);
    const priorP = (ch: string): number => Math.max(priorFloor, (prior.get(ch) ?? 0) / Math.max(1, priorTotal));
    for (const [ch, k] of this.ids) this.uni[k] = (counts1[k] + PRIOR_MASS * priorP(ch)) / (n + PRIOR_MASS);
    this.priorLog = (ch) => Math.log((PRIOR_MASS * priorP(ch)) / (n + PRIOR_MASS));
    for (let c = 0; c < 0x10000; c++) {
      const k = this.ids.get(norm(String.fromCharCode(c)));
      if (k !== undefined) this.idByCode[c] = k;
    }
    this.boundaryId = b;
    this.inv1 = new Float64Array(this.ids.size);
    this.back1 = new Float64Array(this.ids.size);
    for (let k = 0; k < this.ids.size; k++) {
      if (!n1[k]) continue;
      this.inv1[k] = 1 / n1[k];
      this.back1[k] = (DISCOUNT * types1[k]) / n1[k];
    }
    this.c2 = c2;
    this.c3 = c3;
    this.h2index = new NumMap(undefined, n2.size);
    this.inv2 = new Float64Array(n2.size);
    this.back2 = new Float64Array(n2.size);
    let x = 0;
    n2.forEach((hk, n) => {
      this.h2index.set(hk, x);
      this.inv2[x] = 1 / n;
      this.back2[x] = (DISCOUNT * (types2.get(hk) ?? 0)) / n;
      x++;
    });
  }

  /** ln prior probability of a character the model never saw (one UTF-16 code unit) */
  private unseenLog(code: number): number {
    let v = this.unseenLogByCode[code];
    if (Number.isNaN(v)) this.unseenLogByCode[code] = v = this.priorLog(norm(String.fromCharCode(code)));
    return v;
  }

  /** smoothed unigram of id k, or of an unseen character (k < 0) with prior log-probability */
  private p1(k: number, unseenLog: number): number {
    return k >= 0 ? this.uni[k] : Math.exp(unseenLog);
  }

  private p2(a: number, k: number, unseenLog: number): number {
    const lower = this.p1(k, unseenLog);
    const inv = this.inv1[a];
    if (inv === 0) return lower;
    const c = k >= 0 ? this.c2.get(a * 0x10000 + k) ?? 0 : 0;
    return (c > DISCOUNT ? (c - DISCOUNT) * inv : 0) + this.back1[a] * lower;
  }

  private p3(a: number, b: number, k: number, unseenLog: number): number {
    return this.p3Over(a, b, k, this.p2(b, k, unseenLog));
  }

  /** log P(s[i] | s[i-2], s[i-1]); before s is a line boundary; unseen characters back off like seen ones. */
  private logPAt(s: string, i: number): number {
    return Math.log(this.pAt(s, i));
  }

  private pAt(s: string, i: number): number {
    const k = this.idByCode[s.charCodeAt(i)];
    const unseen = k < 0 ? this.unseenLog(s.charCodeAt(i)) : 0;
    const b = i >= 1 ? this.idByCode[s.charCodeAt(i - 1)] : this.boundaryId;
    if (b < 0) return this.p1(k, unseen);
    const a = i >= 2 ? this.idByCode[s.charCodeAt(i - 2)] : this.boundaryId;
    if (a < 0) return this.p2(b, k, unseen);
    return this.p3(a, b, k, unseen);
  }

  /**
   * Log-likelihood gain of replacing s[i, i+len) with `repl` (same length):
   * the sum over every position of s whose trigram sees the replaced characters.
   */
  gain(s: string, i: number, repl: string): number {
    return this.gains(s, i, [repl])[0];
  }

  /** gain() for several same-length replacements of one span (the original's side is computed once). */
  gains(s: string, i: number, repls: readonly string[]): number[] {
    if (!repls.length) return [];
    const len = repls[0].length;
    if (len === 1) return this.gains1(s, i, repls);
    const from = Math.max(0, i - 2);
    const to = Math.min(s.length, i + len + 2);
    const before = s.slice(from, to);
    const o = i - from;
    // at most len + 2 factors, each > 1e-40: the products stay well inside double range
    let oldP = 1;
    for (let q = o; q < before.length; q++) oldP *= this.pAt(before, q);
    const old = Math.log(oldP);
    const head = before.slice(0, o);
    const tail = before.slice(o + len);
    const out: number[] = [];
    for (const r of repls) {
      const after = head + r + tail;
      let p = 1;
      for (let q = o; q < after.length; q++) p *= this.pAt(after, q);
      out.push(Math.log(p) - old);
    }
    return out;
  }

  /** gains() of one-character replacements, on model ids (no strings built: the corrector's hot path). */
  private gains1(s: string, i: number, repls: readonly string[]): number[] {
    const prob = this.siteProb(s, i);
    const old = Math.log(prob(this.idByCode[s.charCodeAt(i)], s.charCodeAt(i)));
    const out: number[] = new Array(repls.length);
    for (let r = 0; r < repls.length; r++) out[r] = Math.log(prob(this.idByCode[repls[r].charCodeAt(0)], repls[r].charCodeAt(0))) - old;
    return out;
  }

  /**
   * ln P of the printed s[i] in the three trigrams that see it. No one-character reading of i gains more than
   * −printedLogP (its own three factors are probabilities, at most 1): an upper bound that costs one reading.
   */
  printedLogP(s: string, i: number): number {
    return Math.log(this.siteProb(s, i)(this.idByCode[s.charCodeAt(i)], s.charCodeAt(i)));
  }

  /**
   * The product of the three trigram probabilities that see position i when it holds model id k (code: its
   * UTF-16 unit). What does not depend on k is looked up once: the history (s[i-2], s[i-1]) and the third
   * factor's lower order P(s[i+2] | s[i+1]).
   */
  private siteProb(s: string, i: number): (k: number, code: number) => number {
    const idAt = (q: number): number => (q < 0 ? this.boundaryId : this.idByCode[s.charCodeAt(q)]);
    const n1 = i + 1 < s.length;
    const n2 = i + 2 < s.length;
    const x2 = idAt(i - 2);
    const x1 = idAt(i - 1);
    const y1 = n1 ? idAt(i + 1) : 0;
    const y2 = n2 ? idAt(i + 2) : 0;
    const u1 = n1 && y1 < 0 ? this.unseenLog(s.charCodeAt(i + 1)) : 0;
    const u2 = n2 && y2 < 0 ? this.unseenLog(s.charCodeAt(i + 2)) : 0;
    const h12 = x2 * 0x10000 + x1;
    const x12 = x1 >= 0 && x2 >= 0 ? this.h2index.get(h12) : undefined;
    const third = n2 && y1 >= 0 ? this.p2(y1, y2, u2) : 0;
    return (k, code) => {
      const uk = k < 0 ? this.unseenLog(code) : 0;
      // P(k | x2, x1), as pIds(x2, x1, k) with the history looked up once
      let p: number;
      if (x1 < 0) p = this.p1(k, uk);
      else {
        p = this.p2(x1, k, uk);
        if (x12 !== undefined) {
          const c = k >= 0 ? (this.c3.get(h12 * 0x10000 + k) ?? 0) : 0;
          p = (c > DISCOUNT ? (c - DISCOUNT) * this.inv2[x12] : 0) + this.back2[x12] * p;
        }
      }
      if (n1) p *= this.pIds(x1, k, y1, u1);
      // P(y2 | k, y1), as pIds(k, y1, y2) with its lower order looked up once
      if (n2) p *= y1 < 0 ? this.p1(y2, u2) : k < 0 ? third : this.p3Over(k, y1, y2, third);
      return p;
    };
  }

  /** p3(a, b, k) when its lower order p2(b, k) is already known. */
  private p3Over(a: number, b: number, k: number, lower: number): number {
    const hk = a * 0x10000 + b;
    const x = this.h2index.get(hk);
    if (x === undefined) return lower;
    const c = k >= 0 ? (this.c3.get(hk * 0x10000 + k) ?? 0) : 0;
    return (c > DISCOUNT ? (c - DISCOUNT) * this.inv2[x] : 0) + this.back2[x] * lower;
  }

  /** P(k | a, b) on ids as pAt() computes it (an unseen history backs off). */
  private pIds(a: number, b: number, k: number, unseen: number): number {
    if (b < 0) return this.p1(k, unseen);
    if (a < 0) return this.p2(b, k, unseen);
    return this.p3(a, b, k, unseen);
  }

  /**
   * Log-likelihood gain of inserting `ins` before position i of s: the
   * inserted characters and the two after them, with and without it.
   */
  insertionGain(s: string, i: number, ins: string): number {
    const from = Math.max(0, i - 2);
    const to = Math.min(s.length, i + 2);
    const before = s.slice(from, to);
    const after = s.slice(from, i) + ins + s.slice(i, to);
    const o = i - from;
    let pb = 1;
    for (let q = o; q < before.length; q++) pb *= this.pAt(before, q);
    let pa = 1;
    for (let q = o; q < after.length; q++) pa *= this.pAt(after, q);
    return Math.log(pa) - Math.log(pb);
  }

  /** Every trigram of s that contains position i occurs in the corpus (a well-attested reading). */
  attested(s: string, i: number): boolean {
    for (let st = i - 2; st <= i; st++) {
      if (st < 0 || st + 2 >= s.length) return false;
      const a = this.idByCode[s.charCodeAt(st)];
      const b = this.idByCode[s.charCodeAt(st + 1)];
      const c = this.idByCode[s.charCodeAt(st + 2)];
      if (a < 0 || b < 0 || c < 0 || !this.c3.has((a * 0x10000 + b) * 0x10000 + c)) return false;
    }
    return true;
  }

  /** How often the corpus shows the pair s[i]s[i+1] (classes as the model sees them). */
  pairCount(s: string, i: number): number {
    if (i < 0 || i + 1 >= s.length) return 0;
    const a = this.idByCode[s.charCodeAt(i)];
    const b = this.idByCode[s.charCodeAt(i + 1)];
    if (a < 0 || b < 0) return 0;
    return this.c2.get(a * 0x10000 + b) ?? 0;
  }

  /** Per-character log-probability of s (mean), for diagnostics and tests. */
  meanLogP(s: string): number {
    let sum = 0;
    for (let q = 0; q < s.length; q++) sum += this.logPAt(s, q);
    return s.length ? sum / s.length : 0;
  }
}
