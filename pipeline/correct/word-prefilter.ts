/**
 * Cheap word tests on character codes (internal to pipeline/correct): which
 * characters of a Han run a known word covers or a known corrupted form
 * contains, whether a candidate forms a word, which word a stray mark splits.
 * Numeric keys of character pairs and triples answer most questions before
 * any substring is made.
 */
import { NumSet } from './num-map.ts';
import { PARAMS } from './params.ts';
import { isHan, pairKey as pk, tripleKey as pk3 } from './text-units.ts';

export interface WordPrefilter {
  /** per character of s[a, b): bit 1 covered by a known word (≥ coverMinFreq), bit 2 inside a known corrupted form */
  coveredRun(s: string, a: number, b: number): Uint8Array;
  /** whether reading s[i] as c forms a word (≥ candWordMinFreq, 2–4 characters) within s[a, b) */
  formsWord(s: string, a: number, b: number, i: number, c: string): boolean;
  /** the known word (≥ coverMinFreq, 2–4 characters) that the n marks at q split, '' when none */
  wordAcross(s: string, q: number, n?: number): string;
  /** the most frequent known word (2–4 characters, one line) covering position i of s when s[i] reads ch */
  bestWordAt(s: string, i: number, ch: string): { word: string; freq: number };
  /** adjacent pairs inside any word a candidate may form (≥ candWordMinFreq, at most 4 characters) */
  inner2: NumSet;
}

/** Numeric keys of character pairs and triples of the known words and corrupted forms. */
interface PrefilterKeys {
  /** first two / three characters of a covering word (≥ coverMinFreq; three: 3+ characters) */
  wordStarts: NumSet;
  wordStarts3: NumSet;
  /** two-character covering words */
  words2: NumSet;
  /** two-character words a candidate may form (≥ candWordMinFreq) */
  cand2: NumSet;
  inner2: NumSet;
  /** first two characters of a corrupted form, two-character forms, first three of longer ones */
  corruptStarts: NumSet;
  corrupt2: NumSet;
  corruptStarts3: NumSet;
}

function prefilterKeys(freq: ReadonlyMap<string, number>, corrupt: ReadonlySet<string>): PrefilterKeys {
  const wordStarts = new NumSet();
  const wordStarts3 = new NumSet();
  const inner2 = new NumSet();
  const words2 = new NumSet();
  const cand2 = new NumSet();
  for (const [w, f] of freq) {
    if (w.length < 2) continue;
    if (f >= PARAMS.coverMinFreq) {
      wordStarts.add(pk(w.charCodeAt(0), w.charCodeAt(1)));
      if (w.length >= 3) wordStarts3.add(pk3(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2)));
    }
    if (f >= PARAMS.candWordMinFreq && w.length <= 4) for (let k = 0; k + 2 <= w.length; k++) inner2.add(pk(w.charCodeAt(k), w.charCodeAt(k + 1)));
    if (w.length === 2 && f >= PARAMS.candWordMinFreq) cand2.add(pk(w.charCodeAt(0), w.charCodeAt(1)));
    if (w.length === 2 && f >= PARAMS.coverMinFreq) words2.add(pk(w.charCodeAt(0), w.charCodeAt(1)));
  }
  const corruptStarts = new NumSet();
  const corrupt2 = new NumSet();
  const corruptStarts3 = new NumSet();
  for (const w of corrupt) {
    corruptStarts.add(pk(w.charCodeAt(0), w.charCodeAt(1)));
    if (w.length === 2) corrupt2.add(pk(w.charCodeAt(0), w.charCodeAt(1)));
    else corruptStarts3.add(pk3(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2)));
  }
  return { wordStarts, wordStarts3, words2, cand2, inner2, corruptStarts, corrupt2, corruptStarts3 };
}

export function wordPrefilter(freq: ReadonlyMap<string, number>, corrupt: ReadonlySet<string>): WordPrefilter {
  const keys = prefilterKeys(freq, corrupt);
  const { inner2 } = keys;
  return {
    coveredRun: (s, a, b) => coveredRun(keys, freq, corrupt, s, a, b),
    formsWord: (s, a, b, i, c) => formsWord(keys, freq, s, a, b, i, c),
    wordAcross: (s, q, n = 1) => wordAcross(inner2, freq, s, q, n),
    bestWordAt: (s, i, ch) => bestWordAt(inner2, freq, s, i, ch),
    inner2,
  };
}

function coveredRun(keys: PrefilterKeys, freq: ReadonlyMap<string, number>, corrupt: ReadonlySet<string>, s: string, a: number, b: number): Uint8Array {
  const { wordStarts, wordStarts3, words2, corruptStarts, corrupt2, corruptStarts3 } = keys;
  const cov = new Uint8Array(b - a);
  for (let k = a; k < b - 1; k++) {
    const p = pk(s.charCodeAt(k), s.charCodeAt(k + 1));
    if (wordStarts.has(p)) {
      let L = k + 3 <= b && wordStarts3.has(pk3(s.charCodeAt(k), s.charCodeAt(k + 1), s.charCodeAt(k + 2))) ? Math.min(4, b - k) : 2;
      for (; L >= 3; L--) if ((freq.get(s.slice(k, k + L)) ?? 0) >= PARAMS.coverMinFreq) break;
      if (L >= 3 || words2.has(p)) for (let q = k; q < k + Math.max(L, 2); q++) cov[q - a] |= 1;
    }
    if (corruptStarts.has(p)) {
      if (corrupt2.has(p)) {
        cov[k - a] |= 2;
        cov[k + 1 - a] |= 2;
      }
      if (k + 3 <= b && corruptStarts3.has(pk3(s.charCodeAt(k), s.charCodeAt(k + 1), s.charCodeAt(k + 2)))) {
        for (let L = 3; L <= 4 && k + L <= b; L++) {
          if (corrupt.has(s.slice(k, k + L))) for (let q = k; q < k + L; q++) cov[q - a] |= 2;
        }
      }
    }
  }
  return cov;
}

function formsWord(keys: PrefilterKeys, freq: ReadonlyMap<string, number>, s: string, a: number, b: number, i: number, c: string): boolean {
  const { inner2, cand2 } = keys;
  const min = PARAMS.candWordMinFreq;
  const cc = c.charCodeAt(0);
  if (!(i + 1 < b && inner2.has(pk(cc, s.charCodeAt(i + 1)))) && !(i > a && inner2.has(pk(s.charCodeAt(i - 1), cc)))) return false;
  if (i + 1 < b && cand2.has(pk(cc, s.charCodeAt(i + 1)))) return true;
  if (i > a && cand2.has(pk(s.charCodeAt(i - 1), cc))) return true;
  for (let L = 3; L <= 4; L++) {
    for (let st = Math.max(a, i - L + 1); st <= i && st + L <= b; st++) {
      const w = s.slice(st, i) + c + s.slice(i + 1, st + L);
      if ((freq.get(w) ?? 0) >= min) return true;
    }
  }
  return false;
}

function wordAcross(inner2: NumSet, freq: ReadonlyMap<string, number>, s: string, q: number, n: number): string {
  // every such word has the two characters around the mark side by side
  if (q < 1 || q + n >= s.length || !inner2.has(pk(s.charCodeAt(q - 1), s.charCodeAt(q + n)))) return '';
  for (let L = 4; L >= 2; L--) {
    for (let st = q - L + 1; st < q; st++) {
      if (st < 0 || st + L + n > s.length) continue;
      const w = s.slice(st, q) + s.slice(q + n, st + L + n);
      if (w.length === L && [...w].every((_, k) => isHan(w, k)) && (freq.get(w) ?? 0) >= PARAMS.coverMinFreq) return w;
    }
  }
  return '';
}

function bestWordAt(inner2: NumSet, freq: ReadonlyMap<string, number>, s: string, i: number, ch: string): { word: string; freq: number } {
  let best = { word: '', freq: 0 };
  // (a word of the list through i has ch next to one of its neighbours)
  const cc = ch.charCodeAt(0);
  if (!(i > 0 && inner2.has(pk(s.charCodeAt(i - 1), cc))) && !(i + 1 < s.length && inner2.has(pk(cc, s.charCodeAt(i + 1))))) return best;
  for (let L = 2; L <= 4; L++) {
    for (let st = Math.max(0, i - L + 1); st <= i && st + L <= s.length; st++) {
      const w = s.slice(st, i) + ch + s.slice(i + 1, st + L);
      const f = freq.get(w) ?? 0;
      if (f > best.freq && !w.includes('\n')) best = { word: w, freq: f };
    }
  }
  return best;
}
