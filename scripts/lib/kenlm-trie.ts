/**
 * Reader for KenLM's binary language-model format (format version 5), the
 * "trie with quantization and array-compressed pointers" kind
 * (QUANT_ARRAY_TRIE, model type 5: what fcitx's libime ships as zh_CN.lm).
 * Written from the layout of kpu/kenlm (lm/binary_format.cc, lm/vocab.cc,
 * lm/search_trie.cc, lm/trie.cc, lm/bhiksha.cc, lm/quantize.cc); build-time
 * only (scripts/build-libime-word-lm.ts).
 *
 * File layout (little endian, offsets from the start of the file):
 *   header    Sanity block (magic "mmap lm http://kheafield.com/code format
 *             version 5\n\0" padded to 56 bytes, then test values 0.0f, 1.0f,
 *             -0.5f, u32 1, u32 0xffffffff, u32 0, u64 1), then the fixed
 *             parameters (u8 order, f32 probing multiplier, u32 model type,
 *             u8 has-vocabulary, u32 search version: 20 bytes), then u64 count
 *             per order; the whole padded to a multiple of 8.
 *   vocabulary  u64 n (= unigrams − 1), then n sorted u64 MurmurHash64A
 *             hashes: word index i ≥ 1 is the word whose hash is hashes[i − 1];
 *             index 0 is <unk>; the table has room for unigrams hashes (one
 *             more 8-byte slot, unused).
 *   search    quantiser: u8 version 2, u8 prob bits, u8 backoff bits, 5 bytes
 *             padding, then per middle order f32 × 2^probBits prob centres and
 *             f32 × 2^backoffBits backoff centres, then f32 × 2^probBits for
 *             the longest order;
 *             unigrams: (count + 2) × {f32 log10 prob, f32 log10 backoff,
 *             u64 first child}; child range of word i is [next(i), next(i + 1));
 *             per middle order (2 … order − 1): the array-compressed
 *             ("bhiksha") pointer table (at the next 8-aligned offset: u8
 *             version 0, u8 configured bits, 6 bytes padding, then u64 offsets
 *             for the high bits of the child pointers), then bit-packed
 *             entries {word, backoff code, prob code, low bits of the child
 *             pointer}, one more entry than n-grams for the final pointer, plus
 *             8 bytes of slack;
 *             longest order: bit-packed entries {word, prob code} plus slack.
 *   strings   the vocabulary as NUL-terminated UTF-8 in word-index order,
 *             starting with "<unk>".
 * The trie runs from the last word backwards: the children of unigram w are
 * the words v of the bigrams "v w", the children of that entry the words u of
 * the trigrams "u v w". An entry holds log10 P(last word | the words before)
 * and the backoff of the whole n-gram as a context. Within each child range
 * the entries are sorted by word index.
 */
import { readFileSync } from 'node:fs';

/** The file is not a KenLM binary of the kind this reader handles, or it is damaged. */
export class KenlmFormatError extends Error {
  constructor(file: string, msg: string) {
    super(`${file}: ${msg}`);
    this.name = 'KenlmFormatError';
  }
}

const MAGIC = 'mmap lm http://kheafield.com/code format version 5\n\0';
const MAGIC_PREFIX = 'mmap lm http://kheafield.com/code ';
const SANITY_SIZE = 88;
const FIXED_SIZE = 20;
const MODEL_NAMES = ['probing', 'rest probing', 'trie', 'quant trie', 'array trie', 'quant array trie'];
const QUANT_ARRAY_TRIE = 5;
const TRIE_SEARCH_VERSION = 1;
const QUANT_VERSION = 2;
const BHIKSHA_VERSION = 0;
const UNIGRAM_RECORD = 16;

export interface KenlmHeader {
  order: number;
  probingMultiplier: number;
  modelType: number;
  hasVocabulary: boolean;
  searchVersion: number;
  /** n-gram counts per order (counts[0] unigrams, including <unk>) */
  counts: number[];
}

/** One n-gram: word indices (oldest first), log10 P(last | rest), log10 backoff (0 for the longest order). */
export interface Ngram {
  words: number[];
  prob: number;
  backoff: number;
}

/** Bit-packed entries of one order above 1 (a middle order or the longest). */
interface PackedArray {
  base: number;
  totalBits: number;
  wordBits: number;
  backoffBits: number;
  probBits: number;
  probTable: Float32Array;
  backoffTable: Float32Array | null;
  /** first child of entry i, for i in [0, count]; null for the longest order */
  next: Float64Array | null;
  count: number;
}

/** Bits needed for integers up to max (KenLM's RequiredBits: 0 for 0). */
function requiredBits(max: number): number {
  let bits = 0;
  while (max >= 1) {
    bits++;
    max = Math.floor(max / 2);
  }
  return bits;
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/**
 * Read a `length`-bit unsigned field (length ≤ 32) starting at bit `bit`,
 * least significant bit first (KenLM's ReadInt57 on a little-endian machine).
 * The field lies in the 40 bits from byte ⌊bit / 8⌋, exact in a double.
 */
function readBits(buf: Buffer, bit: number, length: number): number {
  const byte = Math.floor(bit / 8);
  const window = buf.readUInt32LE(byte) + buf[byte + 4]! * 2 ** 32;
  return Math.floor(window / 2 ** (bit % 8)) % 2 ** length;
}

/** Unsigned 64-bit little-endian integer as a Number (throws above 2^53). */
function readU64(buf: Buffer, at: number, what: string, file: string): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new KenlmFormatError(file, `${what} is ${v}, too large`);
  return Number(v);
}

/** KenLM's vocabulary hash: MurmurHash64A, seed 0, over the UTF-8 bytes. */
export function murmurHash64A(bytes: Uint8Array): bigint {
  const m = 0xc6a4a7935bd1e995n;
  const mask = 0xffffffffffffffffn;
  const len = bytes.length;
  let h = (BigInt(len) * m) & mask;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const whole = len - (len % 8);
  for (let i = 0; i < whole; i += 8) {
    let k = (view.getBigUint64(i, true) * m) & mask;
    k ^= k >> 47n;
    k = (k * m) & mask;
    h = ((h ^ k) * m) & mask;
  }
  if (len % 8) {
    for (let i = len - 1; i >= whole; i--) h ^= BigInt(bytes[i]!) << BigInt(8 * (i - whole));
    h = (h * m) & mask;
  }
  h ^= h >> 47n;
  h = (h * m) & mask;
  h ^= h >> 47n;
  return h;
}

/** Check the magic string and the test values, and read the fixed parameters and counts. */
function readHeader(buf: Buffer, file: string): KenlmHeader {
  const head = buf.toString('latin1', 0, MAGIC.length);
  if (head !== MAGIC) {
    if (head.startsWith(MAGIC_PREFIX)) throw new KenlmFormatError(file, `KenLM binary of another format version or unfinished build ("${head.trim()}"); this reader expects version 5`);
    throw new KenlmFormatError(file, 'not a KenLM binary (no "mmap lm" magic); ARPA files are not read here');
  }
  if (buf.length < SANITY_SIZE + FIXED_SIZE) throw new KenlmFormatError(file, 'truncated header');
  const ok =
    buf.readFloatLE(56) === 0 &&
    buf.readFloatLE(60) === 1 &&
    buf.readFloatLE(64) === -0.5 &&
    buf.readUInt32LE(68) === 1 &&
    buf.readUInt32LE(72) === 0xffffffff &&
    buf.readBigUInt64LE(80) === 1n;
  if (!ok) throw new KenlmFormatError(file, 'header test values do not match (built on another architecture or damaged)');
  const f = SANITY_SIZE;
  const order = buf[f]!;
  const header: KenlmHeader = {
    order,
    probingMultiplier: buf.readFloatLE(f + 4),
    modelType: buf.readUInt32LE(f + 8),
    hasVocabulary: buf[f + 12] !== 0,
    searchVersion: buf.readUInt32LE(f + 16),
    counts: [],
  };
  if (order < 2 || order > 32) throw new KenlmFormatError(file, `order ${order} is not supported (2 … 32)`);
  if (buf.length < f + FIXED_SIZE + 8 * order) throw new KenlmFormatError(file, 'truncated header');
  for (let i = 0; i < order; i++) header.counts.push(readU64(buf, f + FIXED_SIZE + 8 * i, `${i + 1}-gram count`, file));
  return header;
}

/** Reject model types, versions and options this reader does not decode. */
function checkKind(h: KenlmHeader, file: string): void {
  if (h.modelType !== QUANT_ARRAY_TRIE) {
    const name = MODEL_NAMES[h.modelType] ?? `unknown type ${h.modelType}`;
    throw new KenlmFormatError(file, `model type is ${name}; this reader handles only ${MODEL_NAMES[QUANT_ARRAY_TRIE]} (build_binary -q … -a … trie)`);
  }
  if (h.searchVersion !== TRIE_SEARCH_VERSION) throw new KenlmFormatError(file, `trie search version ${h.searchVersion}, expected ${TRIE_SEARCH_VERSION}`);
  if (!h.hasVocabulary) throw new KenlmFormatError(file, 'the file has no vocabulary strings (built with build_binary -w none?)');
  if (h.counts[0]! < 1) throw new KenlmFormatError(file, 'no unigrams');
}

/** Number of high-bit offsets the array-compressed pointer table keeps and how many low bits stay inline (KenLM's ChopBits). */
function bhikshaShape(maxOffset: number, maxNext: number, configuredBits: number): { arrayCount: number; inlineBits: number } {
  const required = requiredBits(maxNext);
  let bestChop = 0;
  let lowest = Infinity;
  for (let chop = 0; chop <= Math.min(required, configuredBits); chop++) {
    const change = Math.floor(maxNext / 2 ** (required - chop)) * 64 - maxOffset * chop;
    if (change < lowest) {
      lowest = change;
      bestChop = chop;
    }
  }
  return { arrayCount: Math.floor(maxNext / 2 ** (required - bestChop)) + 1, inlineBits: required - bestChop };
}

/** Bytes of one bit-packed array: one extra entry, rounded up to bytes, plus 8 bytes of slack. */
function packedSize(entries: number, totalBits: number): number {
  return Math.ceil(((entries + 1) * totalBits) / 8) + 8;
}

export class KenlmTrie {
  readonly header: KenlmHeader;
  /** word strings by index (0 = <unk>) */
  readonly words: string[];
  /** log10 P(word) and log10 backoff(word) by index */
  readonly unigramProb: Float32Array;
  readonly unigramBackoff: Float32Array;
  /** indices of <s> and </s>, 0 (= <unk>, as KenLM) when the model has none */
  readonly bos: number;
  readonly eos: number;
  readonly unk = 0;
  private readonly buf: Buffer;
  private readonly file: string;
  /** bytes of the file (the buffer has 8 more, zero) */
  private readonly length: number;
  private readonly uniNext: Float64Array;
  /** orders 2 … order, at [order − 2] */
  private readonly arrays: PackedArray[] = [];
  private index: Map<string, number> | null = null;
  /** quantiser bit widths and centre tables: per middle order prob then backoff, then the longest order's prob */
  private quant!: { probBits: number; backoffBits: number; tables: Float32Array[] };

  /** Throw unless the file (of `length` bytes) reaches `end`. */
  private need(end: number, what: string): void {
    if (end > this.length) throw new KenlmFormatError(this.file, `truncated: ${what} ends at byte ${end}, the file has ${this.length}`);
  }

  /** Read and check a whole file (it is held in memory). */
  static fromFile(file: string): KenlmTrie {
    return new KenlmTrie(readFileSync(file), file);
  }

  /** Check the layout of a file's bytes and decode its unigrams, pointers and strings; `file` names it in errors. */
  constructor(raw: Buffer, file: string) {
    // 8 bytes of zero padding so that bit reads near the end stay inside the buffer
    this.buf = Buffer.concat([raw, Buffer.alloc(8)]);
    this.file = file;
    this.length = raw.length;
    this.header = readHeader(raw, file);
    checkKind(this.header, file);
    const counts = this.header.counts;
    let at = align8(SANITY_SIZE + FIXED_SIZE + 8 * this.header.order);
    at = this.checkVocabularyTable(at);
    const hashesAt = at - 8 * counts[0]!;
    at = this.readQuantiser(at);
    const uni = this.readUnigrams(at);
    this.unigramProb = uni.prob;
    this.unigramBackoff = uni.backoff;
    this.uniNext = uni.next;
    at += (counts[0]! + 2) * UNIGRAM_RECORD;
    for (let n = 2; n < this.header.order; n++) at = this.readMiddle(at, n);
    at = this.readLongest(at);
    this.words = this.readStrings(at);
    this.checkHashes(hashesAt);
    this.bos = this.wordIndex('<s>');
    this.eos = this.wordIndex('</s>');
  }

  /**
   * The vocabulary table's word count must be unigrams − 1; returns the offset
   * after the table, which has room for one hash per unigram (one slot unused).
   */
  private checkVocabularyTable(at: number): number {
    this.need(at + 8 + 8 * this.header.counts[0]!, 'vocabulary table');
    const n = readU64(this.buf, at, 'vocabulary size', this.file);
    if (n !== this.header.counts[0]! - 1) throw new KenlmFormatError(this.file, `vocabulary table has ${n} hashes, expected ${this.header.counts[0]! - 1} (unigrams − 1)`);
    return at + 8 + 8 * this.header.counts[0]!;
  }

  /** Quantiser header and centre tables (stored per order); returns the offset of the unigrams. */
  private readQuantiser(at: number): number {
    const { buf, file } = this;
    this.need(at + 8, 'quantiser header');
    const version = buf[at]!;
    const probBits = buf[at + 1]!;
    const backoffBits = buf[at + 2]!;
    if (version !== QUANT_VERSION) throw new KenlmFormatError(file, `quantisation version ${version}, expected ${QUANT_VERSION}`);
    if (probBits < 1 || probBits > 25 || backoffBits < 1 || backoffBits > 25) throw new KenlmFormatError(file, `quantisation bits ${probBits}/${backoffBits} out of range 1 … 25`);
    const tables: Float32Array[] = [];
    let p = at + 8;
    const take = (bits: number): Float32Array => {
      this.need(p + 4 * 2 ** bits, 'quantiser tables');
      const t = new Float32Array(2 ** bits);
      for (let i = 0; i < t.length; i++) t[i] = buf.readFloatLE(p + 4 * i);
      p += 4 * t.length;
      return t;
    };
    for (let n = 2; n < this.header.order; n++) tables.push(take(probBits), take(backoffBits));
    tables.push(take(probBits));
    this.quant = { probBits, backoffBits, tables };
    return p;
  }

  /** Unigram weights and child pointers; the pointers must rise to the bigram count. */
  private readUnigrams(at: number): { prob: Float32Array; backoff: Float32Array; next: Float64Array } {
    const n = this.header.counts[0]!;
    const prob = new Float32Array(n);
    const backoff = new Float32Array(n);
    const next = new Float64Array(n + 1);
    this.need(at + UNIGRAM_RECORD * (n + 2), 'unigram table');
    for (let i = 0; i <= n; i++) {
      const r = at + UNIGRAM_RECORD * i;
      if (i < n) {
        prob[i] = this.buf.readFloatLE(r);
        backoff[i] = this.buf.readFloatLE(r + 4);
      }
      next[i] = readU64(this.buf, r + 8, 'unigram child pointer', this.file);
    }
    this.checkPointers(next, this.header.counts[1]!, 'unigram');
    return { prob, backoff, next };
  }

  /** Child pointers start at 0, never fall, and end at the next order's count. */
  private checkPointers(next: Float64Array, end: number, what: string): void {
    if (next[0] !== 0) throw new KenlmFormatError(this.file, `${what} child pointers do not start at 0`);
    for (let i = 1; i < next.length; i++) if (next[i]! < next[i - 1]!) throw new KenlmFormatError(this.file, `${what} child pointers fall at entry ${i}`);
    if (next[next.length - 1] !== end) throw new KenlmFormatError(this.file, `${what} child pointers end at ${next[next.length - 1]}, expected ${end}`);
  }

  /** One middle order n: pointer table, then the packed entries; returns the offset after it. */
  private readMiddle(at: number, n: number): number {
    const { buf, file } = this;
    const counts = this.header.counts;
    const entries = counts[n - 1]!;
    const maxNext = counts[n]!;
    const tableAt = align8(at);
    this.need(tableAt + 8, `${n}-gram pointer table`);
    if (buf[tableAt] !== BHIKSHA_VERSION) throw new KenlmFormatError(file, `${n}-gram pointer compression version ${buf[tableAt]}, expected ${BHIKSHA_VERSION}`);
    const { arrayCount, inlineBits } = bhikshaShape(entries + 1, maxNext, buf[tableAt + 1]!);
    this.need(tableAt + 8 + 8 * arrayCount, `${n}-gram pointer table`);
    const offsets = new Float64Array(arrayCount);
    for (let k = 0; k < arrayCount; k++) offsets[k] = readU64(buf, tableAt + 8 + 8 * k, `${n}-gram pointer offset`, file);
    const base = at + 8 * (1 + arrayCount) + 7;
    const wordBits = requiredBits(counts[0]!);
    const { probBits, backoffBits, tables } = this.quant;
    const arr: PackedArray = {
      base,
      wordBits,
      backoffBits,
      probBits,
      totalBits: wordBits + backoffBits + probBits + inlineBits,
      probTable: tables[2 * (n - 2)]!,
      backoffTable: tables[2 * (n - 2) + 1]!,
      next: null,
      count: entries,
    };
    this.checkFieldWidths(arr, inlineBits);
    this.need(base + packedSize(entries, arr.totalBits), `${n}-gram entries`);
    arr.next = this.decodePointers(arr, offsets, inlineBits);
    this.checkPointers(arr.next, maxNext, `${n}-gram`);
    this.arrays.push(arr);
    return base + packedSize(entries, arr.totalBits);
  }

  /** The longest order: packed {word, prob code}; returns the offset where the strings begin. */
  private readLongest(at: number): number {
    const counts = this.header.counts;
    const n = this.header.order;
    const wordBits = requiredBits(counts[0]!);
    const { probBits, tables } = this.quant;
    const arr: PackedArray = {
      base: at,
      wordBits,
      backoffBits: 0,
      probBits,
      totalBits: wordBits + probBits,
      probTable: tables[tables.length - 1]!,
      backoffTable: null,
      next: null,
      count: counts[n - 1]!,
    };
    this.checkFieldWidths(arr, 0);
    this.need(at + packedSize(arr.count, arr.totalBits), `${n}-gram entries`);
    this.arrays.push(arr);
    return at + packedSize(arr.count, arr.totalBits);
  }

  private checkFieldWidths(arr: PackedArray, inlineBits: number): void {
    if (arr.wordBits > 32 || inlineBits > 32) throw new KenlmFormatError(this.file, `bit fields wider than 32 bits (word ${arr.wordBits}, pointer ${inlineBits}) are not supported`);
  }

  /**
   * Full child pointer of every entry (count + 1 of them): the high bits are
   * the last k with offsets[k] ≤ i, the low bits are stored inline after the
   * prob code. Walked in order, so one pass over the offsets.
   */
  private decodePointers(arr: PackedArray, offsets: Float64Array, inlineBits: number): Float64Array {
    const next = new Float64Array(arr.count + 1);
    const inlineAt = arr.wordBits + arr.backoffBits + arr.probBits;
    let k = 0;
    for (let i = 0; i <= arr.count; i++) {
      while (k + 1 < offsets.length && offsets[k + 1]! <= i) k++;
      next[i] = k * 2 ** inlineBits + readBits(this.buf, i * arr.totalBits + inlineAt + 8 * arr.base, inlineBits);
    }
    return next;
  }

  /** NUL-terminated UTF-8 strings from `at` to the end: exactly one per unigram, "<unk>" first. */
  private readStrings(at: number): string[] {
    const { length } = this;
    const n = this.header.counts[0]!;
    if (this.buf.toString('latin1', at, at + 6) !== '<unk>\0') throw new KenlmFormatError(this.file, `vocabulary strings do not start with <unk> at byte ${at}`);
    const words: string[] = [];
    let p = at;
    while (p < length) {
      const e = this.buf.indexOf(0, p);
      if (e < 0 || e >= length) throw new KenlmFormatError(this.file, 'last vocabulary string is not NUL-terminated');
      words.push(this.buf.toString('utf8', p, e));
      p = e + 1;
    }
    if (words.length !== n) throw new KenlmFormatError(this.file, `${words.length} vocabulary strings, expected ${n}`);
    return words;
  }

  /** Every word's hash must be the sorted hash at its index: the strings and the trie agree. */
  private checkHashes(at: number): void {
    for (let i = 1; i < this.words.length; i++) {
      const h = murmurHash64A(Buffer.from(this.words[i]!, 'utf8'));
      if (h !== this.buf.readBigUInt64LE(at + 8 * (i - 1))) throw new KenlmFormatError(this.file, `vocabulary string ${i} ("${this.words[i]}") does not match the hash table`);
    }
  }

  /** Bits of the quantised prob and backoff codes (the tables have 2^bits centres). */
  get quantBits(): { prob: number; backoff: number } {
    return { prob: this.quant.probBits, backoff: this.quant.backoffBits };
  }

  /** Word index of a string, 0 (<unk>) when absent. */
  wordIndex(word: string): number {
    this.index ??= new Map(this.words.map((w, i) => [w, i]));
    return this.index.get(word) ?? this.unk;
  }

  /** Word, prob and backoff of entry i of order n (≥ 2). */
  private entry(n: number, i: number): { word: number; prob: number; backoff: number } {
    const arr = this.arrays[n - 2]!;
    const bit = 8 * arr.base + i * arr.totalBits;
    const word = readBits(this.buf, bit, arr.wordBits);
    const backoff = arr.backoffTable ? arr.backoffTable[readBits(this.buf, bit + arr.wordBits, arr.backoffBits)]! : 0;
    const prob = arr.probTable[readBits(this.buf, bit + arr.wordBits + arr.backoffBits, arr.probBits)]!;
    if (word >= this.header.counts[0]!) throw new KenlmFormatError(this.file, `${n}-gram entry ${i} has word index ${word} out of range`);
    return { word, prob, backoff };
  }

  /** Child range [begin, end) in order n + 1 of entry i of order n (n = 1: unigram i). */
  private children(n: number, i: number): [number, number] {
    const next = n === 1 ? this.uniNext : this.arrays[n - 2]!.next!;
    return [next[i]!, next[i + 1]!];
  }

  /**
   * All n-grams of order n (2 … order), words in text order, grouped by the
   * last word (the trie's order). Entries KenLM inserted for contexts of pruned
   * n-grams ("blanks") are included: their prob is the back-off estimate, so
   * they change no score.
   */
  *ngrams(n: number): Generator<Ngram> {
    if (n < 2 || n > this.header.order) throw new RangeError(`order ${n} not in 2 … ${this.header.order}`);
    for (let w = 0; w < this.header.counts[0]!; w++) yield* this.walkChildren([w], 1, w, n);
  }

  /** The n-grams of order n below entry `at` of order `depth`, whose words (text order) are `suffix`. */
  private *walkChildren(suffix: number[], depth: number, at: number, n: number): Generator<Ngram> {
    const [begin, end] = this.children(depth, at);
    let previous = -1;
    for (let i = begin; i < end; i++) {
      const e = this.entry(depth + 1, i);
      if (e.word <= previous) throw new KenlmFormatError(this.file, `${depth + 1}-gram entry ${i} is out of order (damaged file?)`);
      previous = e.word;
      const words = [e.word, ...suffix];
      if (depth + 1 === n) yield { words, prob: e.prob, backoff: e.backoff };
      else yield* this.walkChildren(words, depth + 1, i, n);
    }
  }

  /** Bigrams (w1, w2, log10 P(w2 | w1), log10 backoff(w1 w2)). */
  bigrams(): Generator<Ngram> {
    return this.ngrams(2);
  }

  /** Trigrams (w1, w2, w3, log10 P(w3 | w1 w2); backoff 0 when 3 is the longest order). */
  trigrams(): Generator<Ngram> {
    return this.ngrams(3);
  }

  /** Entry of `word` in the child range of entry `at` of order `depth` (binary search), or −1. */
  private find(depth: number, at: number, word: number): number {
    let [lo, hi] = this.children(depth, at);
    hi--;
    while (lo <= hi) {
      const mid = Math.floor((lo + hi) / 2);
      const w = this.entry(depth + 1, mid).word;
      if (w === word) return mid;
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * log10 P(word | context) by the back-off formula (context in text order,
   * its last order − 1 words used): the prob of the longest n-gram in the
   * model that ends the context with word, plus the backoffs of the context's
   * suffixes at least as long as that n-gram (0 for those the model lacks).
   */
  logProb(context: number[], word: number): number {
    const ctx = context.slice(Math.max(0, context.length - (this.header.order - 1)));
    let at = word;
    let depth = 1;
    let prob = this.unigramProb[word]!;
    for (let j = ctx.length - 1; j >= 0; j--) {
      const hit = this.find(depth, at, ctx[j]!);
      if (hit < 0) break;
      at = hit;
      depth++;
      prob = this.entry(depth, hit).prob;
    }
    // depth − 1 context words matched: back off from each longer context suffix
    for (let len = depth; len <= ctx.length; len++) prob += this.backoffOf(ctx.slice(ctx.length - len));
    return prob;
  }

  /** log10 backoff of an n-gram (text order) as a context; 0 when the model lacks it. */
  private backoffOf(words: number[]): number {
    let at = words[words.length - 1]!;
    let backoff = this.unigramBackoff[at]!;
    for (let d = 1; d < words.length; d++) {
      const hit = this.find(d, at, words[words.length - 1 - d]!);
      if (hit < 0) return 0;
      at = hit;
      backoff = this.entry(d + 1, hit).backoff;
    }
    return backoff;
  }
}
