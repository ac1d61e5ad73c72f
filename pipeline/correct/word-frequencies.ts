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
import { PARAMS } from './params.ts';

export interface WordFrequencies {
  /** jieba word frequencies with the domain lexicon's weights over them */
  freq: Map<string, number>;
  /** jieba's own words of 2–4 characters at corruptMinFreq or more (no lexicon), in list order */
  jiebaCommon: readonly (readonly [string, number])[];
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

/** jieba's list parsed once per process. */
interface JiebaList {
  text: string;
  charFreq: Map<string, number>;
  proper: Set<string>;
  common: [string, number][];
  /** the parsed frequencies until the first corrector takes them (its lexicon goes over them in place) */
  untaken: Map<string, number> | null;
  /** the map the first corrector took and the jieba values its lexicon replaced: a later corrector copies jieba's list from it */
  taken: { map: ReadonlyMap<string, number>; replaced: Map<string, number | undefined> } | null;
}

let charLmCache: { key: string; model: CharLM } | null = null;
let jiebaCache: JiebaList | null = null;

function jiebaList(text: string): JiebaList {
  if (!jiebaCache || jiebaCache.text !== text) jiebaCache = parseJieba(text);
  return jiebaCache;
}

/** Character frequencies of jieba's list `text` (the same parse a corrector of this list made). */
export function jiebaCharFrequencies(text: string): ReadonlyMap<string, number> {
  return jiebaList(text).charFreq;
}

export function wordFrequencies(dicts: Dictionaries): WordFrequencies {
  const jieba = jiebaList(dicts.jiebaText);
  const freq = withLexicon(jieba, dicts.lexicon);
  const charFreq = dicts.charfreq ?? jieba.charFreq;
  const charFreqByCode = new Float64Array(0x10000);
  for (const [ch, f] of charFreq) if (ch.length === 1) charFreqByCode[ch.charCodeAt(0)] = f;
  const lm = new WordModel(freq, jieba.charFreq);
  if (!charLmCache || charLmCache.key !== dicts.corpusText) charLmCache = { key: dicts.corpusText, model: new CharLM(dicts.corpusText, jieba.charFreq) };
  const clm = dicts.corpusText ? charLmCache.model : null;
  return { freq, jiebaCommon: jieba.common, proper: jieba.proper, charFreq, charFreqByCode, lm, clm };
}

function parseJieba(text: string): JiebaList {
  const freq = new Map<string, number>();
  const charFreq = new Map<string, number>();
  const proper = new Set<string>();
  parseJiebaDict(text, freq, charFreq, proper);
  const common: [string, number][] = [];
  for (const [w, f] of freq) if (f >= PARAMS.corruptMinFreq && w.length >= 2 && w.length <= 4) common.push([w, f]);
  return { text, charFreq, proper, common, untaken: freq, taken: null };
}

/**
 * jieba's frequencies with the lexicon's weights over them (the larger of the two), as a
 * map of the corrector's own. The first corrector of the process takes the parsed map
 * itself (copying 350k entries costs more than the rest of this function); a later one
 * copies the first's map and puts back the jieba values its lexicon replaced, so every
 * corrector sees the same list in the same order.
 */
function withLexicon(list: JiebaList, lexicon: ReadonlyMap<string, number>): Map<string, number> {
  let freq: Map<string, number>;
  if (list.untaken) {
    freq = list.untaken;
    list.untaken = null;
  } else {
    freq = new Map(list.taken!.map);
    for (const [term, was] of list.taken!.replaced) if (was === undefined) freq.delete(term);
    else freq.set(term, was);
  }
  const replaced = new Map<string, number | undefined>();
  for (const [term, w] of lexicon) {
    const was = freq.get(term);
    replaced.set(term, was);
    freq.set(term, Math.max(was ?? 0, w));
  }
  list.taken ??= { map: freq, replaced };
  return freq;
}
