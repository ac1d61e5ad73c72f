/**
 * Large-corpus word language model (internal to pipeline/correct): the
 * open-gram back-off word bigram from sunpinyin-data, compacted by
 * scripts/build-word-lm.ts into dictionaries/word-lm/ (words.tsv +
 * bigrams.bin.gz). Validated on load.
 *
 * score(s) is the log-probability of the best segmentation of s into model
 * words under the back-off bigram (Viterbi over word ends), so a reading like
 * 机关干部 can be compared with 机关于部 although 关于 is a word.
 *
 * bigrams.bin (before gzip), little endian:
 *   8 bytes magic "NPWLM1\0\0", u32 words, u32 bigrams,
 *   u32 × (words + 1) first bigram of each history,
 *   u32 × bigrams      the following word, ascending within a history,
 *   u8  × bigrams      −ln P(word | history) / QUANT_STEP, rounded, ≤ 255
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { NoticeError } from '../errors.ts';
import { NumMap } from './num-map.ts';

export const WORD_LM_HEADER = 'word\tlogp\tbackoff';
export const QUANT_STEP = 0.125;
const MAGIC = 'NPWLM1\0\0';
/** longest word the segmentation tries (the model's longest common words) */
export const WORD_LM_MAX_LEN = 7;
/** token for anything that is no model word (digits, Latin, symbols): the model's id 0 */
export const BOUNDARY = '<s>';

export interface BigramRow {
  h: number;
  w: number;
  q: number;
}

export function encodeBigrams(nWords: number, rows: BigramRow[]): Buffer {
  rows.sort((a, b) => a.h - b.h || a.w - b.w);
  const buf = Buffer.alloc(16 + 4 * (nWords + 1) + 5 * rows.length);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(nWords, 8);
  buf.writeUInt32LE(rows.length, 12);
  const offAt = 16;
  const wAt = offAt + 4 * (nWords + 1);
  const qAt = wAt + 4 * rows.length;
  let r = 0;
  for (let h = 0; h <= nWords; h++) {
    buf.writeUInt32LE(r, offAt + 4 * h);
    while (r < rows.length && rows[r]!.h === h) r++;
  }
  rows.forEach((row, k) => {
    buf.writeUInt32LE(row.w, wAt + 4 * k);
    buf[qAt + k] = row.q;
  });
  return buf;
}

export class WordLM {
  readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  private readonly uni: Float32Array;
  private readonly back: Float32Array;
  private readonly off: Uint32Array;
  private readonly next: Uint32Array;
  private readonly q: Uint8Array;
  /** ln P of a Han character the model does not know (below its rarest word) */
  readonly unknownLogP: number;
  readonly boundaryId: number;
  /** id of each one-code-unit word by its code, -1 for none */
  private readonly single = new Int32Array(0x10000).fill(-1);
  /** per first two code units (c1 · 2^16 + c2): the longest model word (≥ 2 units, ≤ WORD_LM_MAX_LEN) they begin */
  private readonly longestFrom = new NumMap();
  /** score()'s lattice, reused between calls */
  private best = new Float64Array(0);
  private wid = new Int32Array(0);

  constructor(wordsTsv: string, bigramsBin: Buffer, file = 'word-lm') {
    const bad = (msg: string): never => {
      throw new NoticeError('DICTIONARY_INVALID', `${file}: ${msg}`, { file });
    };
    const { uni, back, lowest } = this.readWords(wordsTsv, bad);
    this.uni = uni;
    this.back = back;
    this.boundaryId = this.ids.get(BOUNDARY) ?? bad(`words.tsv: no ${BOUNDARY} token`);
    this.unknownLogP = lowest - 2;
    this.indexPrefixes();
    if (bigramsBin.toString('latin1', 0, 8) !== MAGIC) bad('bigrams.bin: bad magic');
    const n = bigramsBin.readUInt32LE(8);
    const nb = bigramsBin.readUInt32LE(12);
    if (n !== this.words.length) bad(`bigrams.bin is for ${n} words, words.tsv has ${this.words.length}`);
    if (bigramsBin.length !== 16 + 4 * (n + 1) + 5 * nb) bad('bigrams.bin: wrong length');
    // the tables are read in place when the buffer is 4-byte aligned (a fresh gunzip output is), else from a copy
    const at = bigramsBin.byteOffset + 16;
    const [buffer, base] = at % 4 === 0 ? [bigramsBin.buffer, at] : [new Uint8Array(bigramsBin.subarray(16)).buffer, 0];
    this.off = new Uint32Array(buffer, base, n + 1);
    this.next = new Uint32Array(buffer, base + 4 * (n + 1), nb);
    this.q = new Uint8Array(buffer, base + 4 * (n + 1) + 4 * nb, nb);
    if (this.off[n] !== nb) bad('bigrams.bin: offsets do not end at the bigram count');
    for (let k = 0; k < nb; k++) if (this.next[k]! >= n) bad(`bigrams.bin: word id ${this.next[k]} out of range`);
  }

  /** words.tsv into ids/words and the unigram and back-off tables (lines parsed by position: 72k of them at every start). */
  private readWords(tsv: string, bad: (msg: string) => never): { uni: Float32Array; back: Float32Array; lowest: number } {
    let pos = tsv.indexOf('\n');
    if (tsv.slice(0, pos < 0 ? tsv.length : pos) !== WORD_LM_HEADER) bad(`words.tsv: header must be "${WORD_LM_HEADER}"`);
    const uni: number[] = [];
    const back: number[] = [];
    let lowest = Infinity;
    for (let line = 2; pos >= 0 && pos < tsv.length - 1; line++) {
      const start = pos + 1;
      pos = tsv.indexOf('\n', start);
      const end = pos < 0 ? tsv.length : pos;
      if (end === start) continue;
      const t1 = tsv.indexOf('\t', start);
      const t2 = t1 < 0 ? -1 : tsv.indexOf('\t', t1 + 1);
      const w = t1 > start && t1 < end ? tsv.slice(start, t1) : '';
      const p = t2 > t1 && t2 < end ? Number(tsv.slice(t1 + 1, t2)) : NaN;
      const b = t2 > t1 && t2 < end ? Number(tsv.slice(t2 + 1, end)) : NaN;
      if (!w || !(p <= 0) || !Number.isFinite(b)) bad(`words.tsv line ${line}: expected word, ln P ≤ 0, ln backoff`);
      if (this.ids.has(w)) bad(`words.tsv line ${line}: duplicate word ${w}`);
      this.ids.set(w, this.words.length);
      this.words.push(w);
      uni.push(p);
      back.push(b);
      if (p < lowest) lowest = p;
    }
    return { uni: Float32Array.from(uni), back: Float32Array.from(back), lowest };
  }

  /** single and longestFrom, from the word list */
  private indexPrefixes(): void {
    this.words.forEach((w, id) => {
      if (w.length === 1) this.single[w.charCodeAt(0)] = id;
      else if (w.length <= WORD_LM_MAX_LEN) {
        const key = w.charCodeAt(0) * 0x10000 + w.charCodeAt(1);
        this.longestFrom.set(key, Math.max(this.longestFrom.get(key) ?? 0, w.length));
      }
    });
  }

  get bigramCount(): number {
    return this.next.length;
  }

  /** ln P(w | h) under the back-off bigram. */
  logP(h: number, w: number): number {
    let lo = this.off[h]!;
    let hi = this.off[h + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.next[mid]!;
      if (v === w) return -this.q[mid]! * QUANT_STEP;
      if (v < w) lo = mid + 1;
      else hi = mid - 1;
    }
    return this.back[h]! + this.uni[w]!;
  }

  /** ln P(w) (unigram). */
  unigram(w: number): number {
    return this.uni[w]!;
  }

  /**
   * ln P of the best segmentation of s, starting after `before` (a word id,
   * the boundary by default). Characters outside the model's Han vocabulary
   * are the boundary token (non-Han) or cost unknownLogP (Han).
   */
  score(s: string, before = this.boundaryId): number {
    const n = s.length;
    const L = WORD_LM_MAX_LEN;
    // best[j * L + k]: best score of s[0, j) whose last word is s[j-k-1, j); filled forward, word by word
    const need = (n + 1) * L;
    if (this.best.length < need) {
      this.best = new Float64Array(need);
      this.wid = new Int32Array(need);
    }
    const best = this.best.fill(-Infinity, 0, need);
    const wid = this.wid;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      let id = this.single[c]!;
      let extra = 0;
      if (id < 0) {
        id = this.boundaryId;
        if (isHanUnit(c)) extra = this.unknownLogP - this.uni[this.boundaryId]!;
      }
      this.extend(best, wid, i, 1, id, extra, before);
      if (i + 1 >= n) continue;
      const longest = this.longestFrom.get(c * 0x10000 + s.charCodeAt(i + 1));
      if (longest === undefined) continue;
      for (let len = 2; len <= longest && i + len <= n; len++) {
        const w = this.ids.get(s.slice(i, i + len));
        if (w !== undefined) this.extend(best, wid, i, len, w, 0, before);
      }
    }
    let out = -Infinity;
    for (let k = 0; k < L; k++) out = Math.max(out, best[n * L + k]!);
    return out;
  }

  /** The best path to the word w = s[i, i + len) after any segmentation of s[0, i). */
  private extend(best: Float64Array, wid: Int32Array, i: number, len: number, w: number, extra: number, before: number): void {
    const L = WORD_LM_MAX_LEN;
    let b = -Infinity;
    if (i === 0) b = this.logP(before, w);
    else
      for (let m = 0; m < L && m < i; m++) {
        const prev = best[i * L + m]!;
        if (prev === -Infinity) continue;
        const v = prev + this.logP(wid[i * L + m]!, w);
        if (v > b) b = v;
      }
    const at = (i + len) * L + len - 1;
    best[at] = b + extra;
    wid[at] = w;
  }
}

/** Whether one UTF-16 code unit is a Han character (memoised: the segmentation asks for every unknown one). */
const hanUnit = new Int8Array(0x10000);
function isHanUnit(c: number): boolean {
  if (hanUnit[c] === 0) hanUnit[c] = /\p{Script=Han}/u.test(String.fromCharCode(c)) ? 1 : -1;
  return hanUnit[c] === 1;
}

/** Every `better\tworse` example must score better: the model's own test on load. */
export function checkExamples(lm: WordLM, examplesTsv: string, file: string): void {
  const lines = examplesTsv.split('\n');
  if (lines[0] !== 'better\tworse\tnote') throw new NoticeError('DICTIONARY_INVALID', `${file}: header must be "better\tworse\tnote"`, { file });
  lines.slice(1).forEach((line, k) => {
    if (!line || line.startsWith('#')) return;
    const [better, worse] = line.split('\t');
    if (!better || !worse || !(lm.score(better) > lm.score(worse)))
      throw new NoticeError('DICTIONARY_INVALID', `${file} line ${k + 2}: the model does not prefer ${better} over ${worse}`, { file });
  });
}

/**
 * The model's words alone (words.tsv of dictionaries/word-lm/, header checked): a word list of current
 * usage (实训, 拒不) that jieba's list lacks or counts too rarely; empty when the folder has none.
 */
export function readWordList(dir: string): Set<string> {
  const file = join(dir, 'words.tsv');
  if (!existsSync(file)) return new Set();
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines[0] !== WORD_LM_HEADER) throw new NoticeError('DICTIONARY_INVALID', `${file}: header must be "${WORD_LM_HEADER}"`, { file });
  const words = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const tab = lines[i]!.indexOf('\t');
    if (tab > 0) words.add(lines[i]!.slice(0, tab));
  }
  return words;
}

/** Load dictionaries/word-lm/ (words.tsv + bigrams.bin.gz, checked by examples.tsv). */
export function loadWordLM(dir: string): WordLM {
  const words = join(dir, 'words.tsv');
  const bigrams = join(dir, 'bigrams.bin.gz');
  let text: string;
  let bin: Buffer;
  try {
    text = readFileSync(words, 'utf8');
    bin = gunzipSync(readFileSync(bigrams));
  } catch (cause) {
    throw new NoticeError('DICTIONARY_INVALID', `${dir}: cannot read the word model (${String(cause)})`, { file: dir, cause });
  }
  const lm = new WordLM(text, bin, dir);
  const examples = join(dir, 'examples.tsv');
  if (existsSync(examples)) checkExamples(lm, readFileSync(examples, 'utf8'), examples);
  return lm;
}
