/**
 * The word and character frequencies the corrector's passes read (internal to
 * pipeline/correct): jieba's word list (parsed once per process) with the
 * domain lexicon over it, character frequencies, the max-probability word
 * segmenter over them and the genre character model (trained once per corpus
 * text and process).
 */
import { CharLM } from './char-lm.ts';
import type { Dictionaries } from './dictionaries.ts';
import { WordModel, parseJiebaDict } from './lm.ts';

export interface WordFrequencies {
  /** jieba word frequencies with the domain lexicon's weights over them */
  freq: Map<string, number>;
  /** jieba's own word frequencies (no lexicon) */
  jiebaFreq: ReadonlyMap<string, number>;
  /** jieba's proper nouns (person, place, other names) */
  proper: ReadonlySet<string>;
  /** character frequencies (charfreq.tsv, else jieba's) */
  charFreq: ReadonlyMap<string, number>;
  /** the same by UTF-16 code (the per-character loops ask for every character) */
  charFreqByCode: Float64Array;
  /** max-probability word segmentation over freq */
  lm: WordModel;
  /** the genre character model; null without a corpus */
  clm: CharLM | null;
}

let charLmCache: { key: string; model: CharLM } | null = null;
let jiebaCache: { text: string; freq: Map<string, number>; charFreq: Map<string, number>; proper: Set<string> } | null = null;

export function wordFrequencies(dicts: Dictionaries): WordFrequencies {
  if (!jiebaCache || jiebaCache.text !== dicts.jiebaText) {
    const f = new Map<string, number>();
    const cf = new Map<string, number>();
    const proper = new Set<string>();
    parseJiebaDict(dicts.jiebaText, f, cf, proper);
    jiebaCache = { text: dicts.jiebaText, freq: f, charFreq: cf, proper };
  }
  const freq = new Map(jiebaCache.freq);
  for (const [term, w] of dicts.lexicon) freq.set(term, Math.max(freq.get(term) ?? 0, w));
  const charFreq = dicts.charfreq ?? jiebaCache.charFreq;
  const charFreqByCode = new Float64Array(0x10000);
  for (const [ch, f] of charFreq) if (ch.length === 1) charFreqByCode[ch.charCodeAt(0)] = f;
  const lm = new WordModel(freq, jiebaCache.charFreq);
  if (!charLmCache || charLmCache.key !== dicts.corpusText) charLmCache = { key: dicts.corpusText, model: new CharLM(dicts.corpusText, jiebaCache.charFreq) };
  const clm = dicts.corpusText ? charLmCache.model : null;
  return { freq, jiebaFreq: jiebaCache.freq, proper: jiebaCache.proper, charFreq, charFreqByCode, lm, clm };
}
