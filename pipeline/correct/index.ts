/**
 * OCR character corrector. Works on the normalised text (one paragraph per line)
 * and proposes edits (applied) and suggestions (not applied) with half-open
 * UTF-16 offsets into `input.text`.
 *
 * Method: explicit rules first; then, per run of Han characters, a cheap
 * prefilter marks suspicious positions (not covered by any known multi-character
 * word, rare, low OCR confidence, or inside a known corrupted form of a common
 * word); only there are confusion candidates scored with a max-probability word
 * segmentation of a small window (jieba frequencies + domain lexicon).
 */
import type { StageEdit, ChangeMeta } from '../tracked-text.ts';
import { replacementAt, loadDictionaries as load, type Confusion, type ConfusionSource, type Dictionaries } from './dictionaries.ts';
import { WordModel, parseJiebaDict, MAX_WORD } from './lm.ts';
import { CharLM } from './char-lm.ts';
import { protectedMask, nameZone, placeSuffixAfter } from './protect.ts';
import { poolRepeated } from './pool.ts';
import { repairEnumerationMarkers } from './enumeration-markers.ts';
import { repairQuotes } from './quote-repair.ts';
import { repairSubsectionNumbers } from './subsection-numbers.ts';
import { documentEvidence, DOCUMENT_EVIDENCE_DEFAULTS, type DocumentEvidenceHelpers } from './document-evidence.ts';
import { ShapeModel } from './glyph-features.ts';
import { NumSet } from './num-map.ts';
import { repairQuotedTerms } from './quoted-terms.ts';
import { repairMastheadNames } from './masthead-name.ts';
import { decoderModels, type DecoderModels } from './models.ts';
import { decodeLine } from './decoder.ts';
import { decisions } from './decision-policy.ts';
import { DocumentPairs } from './reading-score.ts';
import { buildLostCharacterIndex, restoreLostCharacters, type LostCharacterIndex } from './lost-characters.ts';

export type { Dictionaries } from './dictionaries.ts';

export interface CharEvidence {
  confidence: number;
  alternatives?: { text: string; confidence: number }[];
}
export interface CorrectInput {
  text: string;
  evidenceAt?: (pos: number) => CharEvidence | undefined;
}
export interface CorrectWarning {
  code: string;
  message: string;
  start: number;
  end: number;
}
export interface CorrectResult {
  edits: StageEdit[];
  suggestions: StageEdit[];
  warnings: CorrectWarning[];
}
export interface Corrector {
  /** Correct one paragraph (or any text; context never crosses a line end). */
  correct(input: CorrectInput): CorrectResult;
  /**
   * Correct a whole document, one paragraph a line: each paragraph on its own,
   * then the document-level pass (a look-alike suggested in several places is applied).
   */
  correctDocument(input: CorrectInput): CorrectResult;
  readonly dictionaryVersion: string;
}

export function loadDictionaries(opts?: { dir?: string; userFiles?: string[] }): Dictionaries {
  return load(opts);
}

/** Tunable thresholds (log-probability units). */
export const PARAMS = {
  /** a covering word must be at least this frequent */
  coverMinFreq: 100,
  /** a candidate's new word must be at least this frequent */
  candWordMinFreq: 10,
  /** characters rarer than this are always suspicious */
  rareCharFreq: 1000,
  /** jieba words at least this frequent get corrupted forms indexed */
  corruptMinFreq: 3000,
  /** score needed to apply / to suggest */
  applyScore: 8.5,
  suggestScore: 4,
  /** best must beat the runner-up by this much to be applied */
  margin: 2,
  /** a rare character may become a common single-character word at this score */
  applySingleScore: Infinity,
  commonCharFreq: 50000,
  /** weight of log(confusion prior) in the score */
  priorWeight: 1,
  window: 5,
  /** look-alike candidates kept per character (best weights) */
  maxCands: 10,
  /** component look-alikes (component.tsv) kept per character, besides those (0: not used as candidates) */
  componentCands: 0,
  /** their similarity is scaled by this (one shared part is weaker evidence than a whole look-alike) */
  componentWeight: 0.2,
  /** a look-alike truth rarer than this (jieba character frequency) is dropped; manual pairs are kept */
  minTruthFreq: 100,
  /** rank of a candidate = weight + truthFreqRank * log10(1 + frequency of the truth) */
  truthFreqRank: 0,
  /** a rare neighbour covered by a word of the original text does not make a new word shaky */
  coveredNotShaky: true,
  /** a known corrupted form restored by a candidate this far ahead of the next needs only applyCorruptScore */
  corruptClearMargin: 6,
  applyCorruptScore: 8,
  /** an uncovered character that is this frequent as a one-character word is left alone */
  soloSkip: 5000,
  /** joint replacement of two adjacent doubtful characters */
  pairs: true,
  applyPairScore: 12,
  /** look-alike candidates per character tried in a joint replacement */
  pairCands: 8,
  /** an uncommon original character (likely misread) needs less evidence */
  uncommonCharFreq: 10000,
  applyUncommonScore: 5,
  /** an old word this rare may be replaced (score >= applyScore + 4) */
  weakOldWordFreq: 50,
  suggestPairScore: 9,
  /** jieba words at least this frequent propose lexical candidates */
  applyLexicalScore: 12,
  /** prior of a candidate that is not a known look-alike (0 disables) */
  lexicalPrior: 0.02,
  /** combine the weights of a pair listed by several sources (noisy-or) */
  combineSources: true,
  /** word completion: two-character words at least this frequent propose the missing character */
  completeMinFreq: 3000,
  /** completions kept per neighbour (most frequent words first) */
  completeMax: 6,
  /** prior of a completion candidate, score to apply one, margin over any other candidate */
  completePrior: 0.02,
  applyCompleteScore: 12,
  completeMargin: 5,
  /** extra score a completion needs when the original is a common one-character word */
  completeSoloExtra: 4,
  /** a completion is suggested only from this score */
  suggestCompleteScore: 9,
  /** genre completions: pairs the clean genre corpus prints at least this often (and the word list knows) propose the missing character (0 disables) */
  genreCompleteMin: 5,
  /** genre completions kept per neighbour (most printed first) */
  genreCompleteMax: 30,
  /** a genre completion must look like the printed character at least this much (glyph features; -1 disables the test) */
  genreShapeMin: 0.78,
  /** word completions (word list) must look like the printed character at least this much (-1: no test) */
  completeShapeMin: 0.7,
  /** its prior grows by exp(slope · (similarity - genreShapeMin)) over completePrior (capped at 0.5) */
  genreShapeSlope: 10,
  /** a new word right before 镇/乡/县 less frequent than this (and not in the lexicon) is only suggested (place names) */
  placeWordFreq: 5000,
  /** a proper noun of the word list less frequent than this is never applied (only suggested) */
  properMinFreq: 20000,
  /** OCR evidence: below this confidence a character is always suspicious */
  lowConfidence: 0.6,
  /** score bonus (evidenceNeutral - confidence) * evidenceSlope, clamped to [-evidencePenaltyMax, evidenceBonusMax] */
  evidenceNeutral: 0.75,
  evidenceSlope: 8,
  evidenceBonusMax: 3,
  evidencePenaltyMax: 1,
  /** how far below the suggestion score a completion's unigram bound may be and still be scored */
  completeSlack: 2,
  /** weight of the genre character model's log-likelihood gain in every score (0 disables) */
  charLmWeight: 1,
  /** lexicon (non look-alike) candidates compete only when no look-alike applies */
  lexiconAfterLookAlike: true,
  /** glyph similarity is symmetric: a row a→b also proposes b→a */
  glyphSymmetric: true,
  /** a common one-character word may still take a look-alike at applyScore + soloExtra */
  soloLookAlike: true,
  soloExtra: 4,
  /** a look-alike that forms no word is still scored when the character model gains this much */
  lmLive: 4,
  /** score a look-alike that forms no word needs (character-model evidence only) */
  applyLmSingleScore: 10,
  /** … and when it looks like the printed character at least lmSingleShapeSim (glyph features) */
  applyLmSingleShapeScore: 8,
  lmSingleShapeSim: 0.9,
  /** below this character frequency the original is doubtful enough that completions get the character model too */
  lmAllCharFreq: 1000,
  /** extra room for completions of a doubtful character, which the character model then weighs */
  completeLmSlack: 8,
  /** gain cap when the corpus shows the original with both neighbours at least lmPlausiblePairs times */
  lmPlausibleCap: 0,
  /** extra score a change needs when its new word breaks a neighbouring word of the printed reading */
  breakWordExtra: 8,
  /** document-level pass: a look-alike suggested (score >= poolMinScore) in poolMinCount distinct contexts is applied */
  poolDocument: true,
  poolMinScore: 5,
  poolMinCount: 2,
  /** sum of their scores needed when none was applied on its own */
  poolMinTotal: 15,
  /** a common character whose every surrounding trigram occurs in the corpus is not examined */
  skipAttested: true,
  /** look-alikes the genre model scores below this gain are not scored further */
  lmPrune: -4,
  /** a common stand-alone character is examined only if some candidate gains this much in the genre model */
  soloLmMin: 2,
  /** how word-model and character-model gains combine: 'sum', or 'max' plus combineBonus × the smaller when both agree */
  combine: 'max' as 'sum' | 'max',
  combineBonus: 0,
  /** gain cap when the original character is covered by a known word (null: no cap) */
  lmCoveredCap: 0 as number | null,
  lmPlausiblePairs: 1,
  /** two characters after a title that form a word this frequent are no personal name */
  nameCommonWordFreq: 5000,
  /** a comma is inserted after 》 when the genre model gains this much (Infinity: off) */
  titleCommaGain: 5,
  /** quote repair: a second opening quote within this many characters closes the first; a mark that pairs with nothing is a full stop from this genre-model gain */
  quoteRepair: true,
  quoteMaxQuoted: 12,
  quoteStopGain: 0,
  /** a stray mark (quote, hyphen, underscore …) between two characters of a known word is removed */
  strayMarks: true,
  /** a separator inside a word is removed when the word is this frequent and keeping it costs the genre model this much */
  splitSeparatorWordFreq: 1000,
  splitSeparatorGain: -14.5,
  /** a new word this long is not shaky for a rare neighbour inside it */
  confirmedWordLen: 4,
  /** document-level evidence: one glyph misread the same way in several places, the document's own terms */
  documentEvidence: true,
  /**
   * the noisy-channel decoder (decoder.ts) in place of the look-alike passes and
   * the document passes (pool, document evidence); off until it measures better
   */
  decoder: false,
  /** a decoder reading is applied at this posterior (the precision target), suggested from decoderSuggest */
  decoderApply: 0.97,
  decoderSuggest: 0.3,
  /** a lexicon term (5+ characters) printed with one inner character lost gets it back at this genre-model gain (Infinity disables) */
  lostCharMinGain: 6,
  /** a term the document quotes this often restores its lost character or closing quote elsewhere (0 disables) */
  quotedTermMinCount: 3,
  ...DOCUMENT_EVIDENCE_DEFAULTS,
};
// tuning only: CORRECT_PARAMS='{"applyScore":7}' npx tsx scripts/correct-report.ts
if (process.env.CORRECT_PARAMS) Object.assign(PARAMS, JSON.parse(process.env.CORRECT_PARAMS));

interface Cand {
  truth: string;
  weight: number;
  source: ConfusionSource | 'evidence' | 'lexicon' | 'complete' | 'genre';
}

const HAN = /\p{Script=Han}/u;
/**
 * Completion index of two-character words with their weights: "X?" -> the
 * characters completing a word after X, "?X" -> before X (heaviest first, at most max).
 */
function completionIndex(words: ReadonlyMap<string, number>, max: number): Map<string, { c: string; f: number }[]> {
  const index = new Map<string, { c: string; f: number }[]>();
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

/** a candidate without look-alike evidence that completes a frequent word with a neighbour */
const isCompletion = (source: Cand['source']): boolean => source === 'complete' || source === 'genre';
/** Characters that open a sentence with 是 in ordinary prose (这是, 也是, 都是 …), never an enumeration marker. */
const SHI_STARTERS = '这那也都均只就更正还但于总却仍便即乃亦皆实若或要凡';
const DEBUG = !!process.env.DEBUG_CORRECT;
/** marks OCR leaves inside words from specks and smudges */
const STRAY_MARKS = '“”"\'‘’-_*|·~^`';
/** separators that OCR also drops into words (never 、, which lists single characters: 收、支、管、用) */
const SPLIT_SEPARATORS = '，。,.；;：:';
/** 1 at the UTF-16 code of a stray mark or a separator (fast test in the per-character loop) */
const MARKISH = new Uint8Array(0x10000);
for (const c of STRAY_MARKS + SPLIT_SEPARATORS) MARKISH[c.charCodeAt(0)] = 1;
const QUOTE_OR_STAR = /[“”"＂*]/;
function isHan(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x3400) return false;
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  return HAN.test(s[i]);
}

let charLmCache: { key: string; model: CharLM } | null = null;
let jiebaCache: { text: string; freq: Map<string, number>; charFreq: Map<string, number>; proper: Set<string> } | null = null;

export function createCorrector(dicts: Dictionaries): Corrector {
  // word model: jieba list (parsed once per process) + domain lexicon
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
  // character frequency by UTF-16 code (the per-character loops ask for every character)
  const charFreqByCode = new Float64Array(0x10000);
  for (const [ch, f] of charFreq) if (ch.length === 1) charFreqByCode[ch.charCodeAt(0)] = f;
  const lm = new WordModel(freq, jiebaCache.charFreq);
  // genre character model (trained once per corpus text and process)
  if (!charLmCache || charLmCache.key !== dicts.corpusText) charLmCache = { key: dicts.corpusText, model: new CharLM(dicts.corpusText, jiebaCache.charFreq) };
  const clm = dicts.corpusText ? charLmCache.model : null;
  const ctxGains = (s: string, i: number, repls: string[]): number[] => {
    if (!clm || !PARAMS.charLmWeight) return repls.map(() => 0);
    const gs = clm.gains(s, i, repls);
    // the corpus shows the original character with both its neighbours: the
    // original reads as ordinary text, and a better-liked alternative is no
    // evidence of a misreading
    const plausible = clm.pairCount(s, i - 1) >= PARAMS.lmPlausiblePairs && clm.pairCount(s, i) >= PARAMS.lmPlausiblePairs;
    return gs.map((g) => (g *= PARAMS.charLmWeight) > PARAMS.lmPlausibleCap && plausible ? PARAMS.lmPlausibleCap : g);
  };
  const ctxGain = (s: string, i: number, repl: string): number => ctxGains(s, i, [repl])[0];

  // confusion index: ocr char -> candidates (best weight per pair)
  const confusions = new Map<string, Cand[]>();
  const byTruth = new Map<string, string[]>();
  // component look-alikes (one shared part) are weak evidence: off by default
  // (4 per character at weight × 0.2 cost 4 wrong changes and 3 right ones on the tune set)
  for (const c of dicts.confusions) {
    if (c.source !== 'component') addConfusion(c);
    else if (PARAMS.componentCands > 0) addConfusion({ ...c, weight: c.weight * PARAMS.componentWeight });
  }
  if (PARAMS.glyphSymmetric) {
    for (const c of dicts.confusions) {
      if (c.source !== 'glyph') continue;
      if (!(confusions.get(c.truth) ?? []).some((x) => x.truth === c.ocr)) addConfusion({ ocr: c.truth, truth: c.ocr, weight: c.weight, source: 'glyph' });
    }
  }
  function addConfusion(c: Confusion): void {
    let list = confusions.get(c.ocr);
    if (!list) confusions.set(c.ocr, (list = []));
    const ex = list.find((x) => x.truth === c.truth);
    if (ex) {
      // a pair found by two independent sources (glyph shape and OCR statistics,
      // or a hand-written pair) is more credible than either alone: noisy-or
      const both = ex.source !== c.source && PARAMS.combineSources;
      const w = both ? 1 - (1 - ex.weight) * (1 - c.weight) : Math.max(ex.weight, c.weight);
      if (c.weight > ex.weight) ex.source = c.source;
      ex.weight = Math.min(1, w);
    } else list.push({ truth: c.truth, weight: c.weight, source: c.source });
    let t = byTruth.get(c.truth);
    if (!t) byTruth.set(c.truth, (t = []));
    if (!t.includes(c.ocr)) t.push(c.ocr);
  }
  // keep the best candidates per character; a truth that is itself a very rare
  // character (絾, 炲) rarely occurs in a notice and must not take a slot
  const rankOf = (x: Cand): number => x.weight + PARAMS.truthFreqRank * Math.log10(1 + (charFreq.get(x.truth) ?? 0));
  // component look-alikes (one shared part) get slots of their own, after the others
  const byRank = (a: Cand, b: Cand): number => rankOf(b) - rankOf(a) || (a.truth < b.truth ? -1 : 1);
  for (const [k, list0] of confusions) {
    const list = list0.filter((x) => x.source === 'manual' || (charFreq.get(x.truth) ?? 0) >= PARAMS.minTruthFreq);
    const main = list.filter((x) => x.source !== 'component').sort(byRank).slice(0, PARAMS.maxCands);
    const part = list.filter((x) => x.source === 'component').sort(byRank).slice(0, PARAMS.componentCands);
    confusions.set(k, main.concat(part));
  }

  // corrupted forms of common words and lexicon terms: detection only
  const corrupt = new Set<string>();
  const addCorrupt = (w: string, f: number): void => {
    for (let j = 0; j < w.length; j++) {
      const ocrs = byTruth.get(w[j]);
      if (!ocrs) continue;
      for (const x of ocrs) {
        const bad = w.slice(0, j) + x + w.slice(j + 1);
        if ((freq.get(bad) ?? 0) * 1000 < f) corrupt.add(bad);
      }
    }
  };
  for (const [w, f] of jiebaCache.freq) if (f >= PARAMS.corruptMinFreq && w.length >= 2 && w.length <= 4) addCorrupt(w, f);
  for (const [w, f] of dicts.lexicon) if (w.length <= 4) addCorrupt(w, f);

  // masked word index for lexical candidates: "部?" -> chars that complete a frequent word
  const masked = new Map<string, string[]>();
  // prefilter: (length, first, last character) of every masked key, the hole coded as HOLE
  const HOLE = 0x10000;
  const maskedEndsKey = (len: number, first: number, last: number): number => (len * 0x20000 + first) * 0x20000 + last;
  const maskedEnds = new NumSet();
  const addMasked = (w: string): void => {
    for (let j = 0; j < w.length; j++) {
      const key = w.slice(0, j) + '?' + w.slice(j + 1);
      maskedEnds.add(maskedEndsKey(w.length, j === 0 ? HOLE : w.charCodeAt(0), j === w.length - 1 ? HOLE : w.charCodeAt(w.length - 1)));
      let l = masked.get(key);
      if (!l) masked.set(key, (l = []));
      if (!l.includes(w[j])) l.push(w[j]);
    }
  };
  for (const w of dicts.lexicon.keys()) if (w.length >= 3 && w.length <= MAX_WORD) addMasked(w);
  // characters of the domain vocabulary: a lexical (non look-alike) candidate never replaces one
  const domainChars = new Set<string>();
  for (const w of dicts.lexicon.keys()) for (const ch of w) domainChars.add(ch);

  // word completion index: "材?" -> [料, ...], "?程" -> [过, 工, ...] from frequent
  // two-character words (most frequent first, capped)
  const completeFreq = new Map<string, number>();
  for (const [w, f] of freq) if (w.length === 2 && f >= PARAMS.completeMinFreq && isHan(w, 0) && isHan(w, 1)) completeFreq.set(w, f);
  const complete = completionIndex(completeFreq, PARAMS.completeMax);

  const shapes = new ShapeModel(dicts.glyphFeatures);
  // genre completion index: the same keys from the pairs the genre corpus prints most
  const genrePairs = new Map<string, number>();
  if (PARAMS.genreCompleteMin > 0 && dicts.corpusText) {
    const t = dicts.corpusText;
    for (let k = 0; k + 1 < t.length; k++) {
      if (!isHan(t, k) || !isHan(t, k + 1)) continue;
      const w = t.slice(k, k + 2);
      genrePairs.set(w, (genrePairs.get(w) ?? 0) + 1);
    }
    for (const [w, n] of genrePairs) if (n < PARAMS.genreCompleteMin || ((freq.get(w) ?? 0) < PARAMS.candWordMinFreq && !dicts.lexicon.has(w))) genrePairs.delete(w);
  }
  const genreComplete = completionIndex(genrePairs, PARAMS.genreCompleteMax);

  /** genre completions of key ("X?" / "?X") for printed character ch that look like it, with their priors (memoised) */
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

  // cheap prefilters on character pairs (numeric keys: no string allocation):
  // first two characters of a covering word / of a corrupted form, and adjacent
  // pairs inside any word a candidate may form
  const pk = (x: number, y: number): number => x * 65536 + y;
  const wordStarts = new NumSet();
  // first three characters of a covering word of 3+ characters
  const pk3 = (x: number, y: number, z: number): number => (x * 65536 + y) * 65536 + z;
  const wordStarts3 = new NumSet();
  const corruptStarts = new NumSet();
  const inner2 = new NumSet();
  for (const [w, f] of freq) {
    if (w.length < 2) continue;
    if (f >= PARAMS.coverMinFreq) {
      wordStarts.add(pk(w.charCodeAt(0), w.charCodeAt(1)));
      if (w.length >= 3) wordStarts3.add(pk3(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2)));
    }
    if (f >= PARAMS.candWordMinFreq && w.length <= 4) for (let k = 0; k + 2 <= w.length; k++) inner2.add(pk(w.charCodeAt(k), w.charCodeAt(k + 1)));
  }
  // numeric keys of two-character covering words / corrupted forms, and of the
  // first three characters of longer corrupted forms (no substring allocation)
  const words2 = new NumSet();
  // two-character words a candidate may form
  const cand2 = new NumSet();
  for (const [w, f] of freq) if (w.length === 2 && f >= PARAMS.candWordMinFreq) cand2.add(pk(w.charCodeAt(0), w.charCodeAt(1)));
  for (const [w, f] of freq) if (w.length === 2 && f >= PARAMS.coverMinFreq) words2.add(pk(w.charCodeAt(0), w.charCodeAt(1)));
  const corrupt2 = new NumSet();
  const corruptStarts3 = new NumSet();
  for (const w of corrupt) {
    corruptStarts.add(pk(w.charCodeAt(0), w.charCodeAt(1)));
    if (w.length === 2) corrupt2.add(pk(w.charCodeAt(0), w.charCodeAt(1)));
    else corruptStarts3.add(pk3(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2)));
  }

  // every listed look-alike pair, either source (enumeration markers are judged against all of them)
  const lookAlikePairs = new Set(dicts.confusions.map((c) => c.ocr + '\u0000' + c.truth));
  const lexicon = dicts.lexicon;
  // a personal name is rarely a common word: 院长分别这头 has no name after 院长
  const commonWord = (w: string): boolean => (freq.get(w) ?? 0) >= PARAMS.nameCommonWordFreq && !jiebaCache!.proper.has(w);
  const inNameZone = (s: string, i: number): boolean => nameZone(s, i, commonWord);
  const rules = dicts.rules;
  const protectedTerms = dicts.protectedTerms;
  const protectedPatterns = dicts.protectedPatterns;

  /** The known word (≥ coverMinFreq, 2–4 characters) that the mark at q splits, '' when none. */
  function wordAcross(s: string, q: number, n = 1): string {
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
  const joinsWord = (s: string, q: number): boolean => wordAcross(s, q) !== '';
  /** genre-model gain of `ins` at q in s with s[q, q+n) taken out (a local window: the model sees two characters each side) */
  const gainWithout = (s: string, q: number, n: number, ins: string): number => {
    const from = Math.max(0, q - 2);
    return clm ? clm.insertionGain(s.slice(from, q) + s.slice(q + n, q + n + 2), q - from, ins) : 0;
  };

  function correct(input: CorrectInput): CorrectResult {
    const { edits, suggestions, warnings } = correctParagraph(input);
    return { edits, suggestions, warnings };
  }

  /** correct(), also returning the protected-term mask of the text (the document passes reuse it) */
  function correctParagraph(input: CorrectInput): CorrectResult & { protectedOnly: Uint8Array } {
    const text = input.text;
    const protectedOnly = protectedMask(text, protectedTerms, protectedPatterns);
    const mask = protectedOnly.slice();
    const edits: StageEdit[] = [];
    const suggestions: StageEdit[] = [];
    const warnings: CorrectWarning[] = [];

    // 1. explicit rules (tight edits: common prefix/suffix trimmed)
    for (const rule of rules) {
      rule.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = rule.re.exec(text))) {
        if (m[0].length === 0) {
          rule.re.lastIndex++;
          continue;
        }
        const after = replacementAt(rule, text, m.index, m[0].length);
        let s = 0;
        while (s < m[0].length && s < after.length && m[0][s] === after[s]) s++;
        let e = 0;
        while (e < m[0].length - s && e < after.length - s && m[0][m[0].length - 1 - e] === after[after.length - 1 - e]) e++;
        const start = m.index + s;
        const end = m.index + m[0].length - e;
        if (start === end && after.length - s - e === 0) continue;
        let blocked = false;
        for (let k = start; k < end; k++) if (mask[k]) blocked = true;
        if (blocked) continue;
        const meta: ChangeMeta = { type: 'correction', kind: 'rule', rule: `rule:${rule.id}`, confidence: rule.confidence, ...(rule.note ? { note: rule.note } : {}) };
        const edit: StageEdit = { start, end, replacement: after.slice(s, after.length - e), meta };
        // inside a possible personal name a rule only suggests
        if (inNameZone(text, start)) {
          suggestions.push({ ...edit, meta: { ...meta, confidence: Math.min(meta.confidence, 0.5) } });
          mask.fill(1, start, end);
          continue;
        }
        edits.push(edit);
        for (let k = Math.max(0, start - 1); k < Math.min(text.length, end + 1); k++) mask[k] = 1;
      }
    }
    edits.sort((a, b) => a.start - b.start || a.end - b.end);
    // drop overlapping rule edits (first wins)
    for (let i = 1; i < edits.length; i++) {
      if (edits[i].start < edits[i - 1].end) edits.splice(i--, 1);
    }

    // 1b. enumeration markers (一是…二是…) repaired from their sequence
    const isLookAlike = (shown: string, numeral: string): boolean => lookAlikePairs.has(shown + '\u0000' + numeral);
    // X是 can open a sentence: a word of the list (但是, 于是) or a function character before 是 (这是, 也是, 都是)
    const isWordWithShi = (ch: string): boolean => (freq.get(ch + '是') ?? 0) >= 50 || SHI_STARTERS.includes(ch);
    for (const e of repairEnumerationMarkers(text, isLookAlike, mask, isWordWithShi)) {
      if (edits.some((x) => e.start < x.end && e.end > x.start)) continue;
      edits.push(e);
      for (let k = Math.max(0, e.start - 1); k < Math.min(text.length, e.end + 1); k++) mask[k] = 1;
    }

    // 1c. a comma lost after a title (tesseract drops "，" right after "》"): where the genre
    // model expects a new clause (…办法》明确…) and not a continuation (…办法》等制度, …》和《)
    if (clm && PARAMS.titleCommaGain < Infinity) {
      for (let q = text.indexOf('》'); q >= 0; q = text.indexOf('》', q + 1)) {
        if (q + 1 >= text.length || !isHan(text, q + 1) || mask[q] || mask[q + 1]) continue;
        const gain = clm.insertionGain(text, q + 1, '，');
        if (gain < PARAMS.titleCommaGain) continue;
        edits.push({
          start: q + 1,
          end: q + 1,
          replacement: '，',
          meta: { type: 'correction', kind: 'punctuation', rule: 'punct:lost-comma-after-title', confidence: 0.9, note: `the genre model expects a new clause after the title (gain ${round(gain)})` },
        });
      }
    }

    // 1c'. quote marks the layout stage could not pair: a closer printed as an opener, a full stop read as “ or *
    if (clm && PARAMS.quoteRepair) {
      const stopGain = (q: number): number => gainWithout(text, q, 1, '。');
      // one paragraph (line) at a time: a quotation never spans a line end
      for (let ls = 0; ls < text.length; ) {
        let le = text.indexOf('\n', ls);
        if (le < 0) le = text.length;
        const line = text.slice(ls, le);
        const base = ls;
        ls = le + 1;
        if (!QUOTE_OR_STAR.test(line)) continue;
        const found = repairQuotes(line, (q) => !!mask[base + q], (q) => stopGain(base + q), (q) => q > 0 && isHan(line, q - 1) && isHan(line, q + 1) && joinsWord(line, q), { maxQuoted: PARAMS.quoteMaxQuoted, stopGain: PARAMS.quoteStopGain });
        for (const e of found) {
          edits.push({ ...e, start: e.start + base, end: e.end + base });
          mask[e.start + base] = 1;
        }
      }
    }

    // 1d. a stray mark inside a word (部“署, 水-利, 一-岗双责, 组”，织部): OCR debris, not punctuation
    if (PARAMS.strayMarks) {
      const markish = (c: string): boolean => MARKISH[c.charCodeAt(0)] === 1;
      for (let q = 1; q + 1 < text.length; q++) {
        if (MARKISH[text.charCodeAt(q)] !== 1 || !isHan(text, q - 1) || mask[q]) continue;
        // one mark, or two together (”，)
        const n = isHan(text, q + 1) ? 1 : markish(text[q + 1]) && q + 2 < text.length && isHan(text, q + 2) && !mask[q + 1] ? 2 : 0;
        if (!n) continue;
        const marks = text.slice(q, q + n);
        const word = wordAcross(text, q, n);
        if (!word) continue;
        // a separator may end a clause right before a word's second character (中，国家 …): only
        // where the genre model finds it very unlikely and the word it splits is a common one
        if (n === 2 || SPLIT_SEPARATORS.includes(marks)) {
          if (!clm || (freq.get(word) ?? 0) < PARAMS.splitSeparatorWordFreq) continue;
          if (gainWithout(text, q, n, marks) > PARAMS.splitSeparatorGain) continue;
        }
        // a quote that has its partner in the paragraph is punctuation, not debris
        const m = text[q];
        const nl = text.indexOf('\n', q);
        const lineEnd = nl < 0 ? text.length : nl;
        const lineStart = text.lastIndexOf('\n', q) + 1;
        if (n === 1 && ((m === '“' && /^[^“]*”/.test(text.slice(q + 1, lineEnd))) || (m === '”' && /“[^”]*$/.test(text.slice(lineStart, q))))) continue;
        edits.push({
          start: q,
          end: q + n,
          replacement: '',
          meta: { type: 'correction', kind: 'punctuation', rule: 'punct:stray-mark-in-word', confidence: 0.9, note: `${marks} splits the word ${word}` },
        });
        q += n - 1;
      }
    }

    // 2. confusion candidates scored by the word model, per Han run
    if (PARAMS.decoder) {
      decodeParagraph(input, mask, edits, suggestions);
      edits.sort((a, b) => a.start - b.start || a.end - b.end);
      suggestions.sort((a, b) => a.start - b.start || a.end - b.end);
      return { edits, suggestions, warnings, protectedOnly };
    }
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (!isHan(text, i)) {
        i++;
        continue;
      }
      let j = i;
      while (j < n && isHan(text, j)) j++;
      // work on a local copy of the run (plus a little context): edits are 1:1 substitutions
      const off = Math.max(0, i - 8);
      scanRun(i - off, j - off, text.slice(off, Math.min(n, j + 8)), off, input, mask, edits, suggestions, warnings);
      i = j;
    }
    edits.sort((a, b) => a.start - b.start || a.end - b.end);
    suggestions.sort((a, b) => a.start - b.start || a.end - b.end);
    return { edits, suggestions, warnings, protectedOnly };
  }

  // the decoder's models (built on first use) and the document being corrected (its cache model)
  let decoderParts: DecoderModels | null = null;
  let documentPairs: DocumentPairs | undefined;
  function decodeParagraph(input: CorrectInput, mask: Uint8Array, edits: StageEdit[], suggestions: StageEdit[]): void {
    decoderParts ??= decoderModels(dicts, clm);
    const evidenceAt = input.evidenceAt;
    const alternatives = evidenceAt
      ? (i: number): { ch: string; llr: number }[] => {
          const ev = evidenceAt(i);
          if (!ev?.alternatives) return [];
          const own = Math.max(0.01, ev.confidence);
          return ev.alternatives.map((a) => ({ ch: a.text, llr: Math.log(Math.max(0.01, a.confidence) / own) }));
        }
      : undefined;
    const sites = decodeLine(input.text, { ...decoderParts, document: documentPairs ?? new DocumentPairs(input.text), isProtected: (i) => mask[i] === 1, alternatives });
    for (const d of decisions(sites, { apply: PARAMS.decoderApply, suggest: PARAMS.decoderSuggest })) (d.applied ? edits : suggestions).push(d.edit);
  }

  function coveredRun(s: string, a: number, b: number): Uint8Array {
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

  function formsWord(s: string, a: number, b: number, i: number, c: string): boolean {
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

  function scanRun(
    a: number,
    b: number,
    cur: string,
    off: number,
    input: CorrectInput,
    mask: Uint8Array,
    edits: StageEdit[],
    suggestions: StageEdit[],
    warnings: CorrectWarning[],
  ): void {
    if (b - a < 2) return;
    const cov = coveredRun(cur, a, b);
    // positions changed (touched) or with a single-character suggestion
    const touched = new Set<number>();
    const suggested = new Set<number>();
    for (let i = a; i < b; i++) {
      if (mask[i + off]) continue;
      const ch = cur[i];
      const cf = charFreqByCode[cur.charCodeAt(i)];
      const ev = input.evidenceAt?.(i + off);
      const lowEv = ev !== undefined && ev.confidence < PARAMS.lowConfidence;
      // OCR confidence moves the bar: a doubtful reading needs less evidence
      // from the word model, a confident one a little more
      const evBonus = ev === undefined ? 0 : Math.max(-PARAMS.evidencePenaltyMax, Math.min(PARAMS.evidenceBonusMax, (PARAMS.evidenceNeutral - ev.confidence) * PARAMS.evidenceSlope));
      const c = cov[i - a];
      const suspicious = !(c & 1) || (c & 2) || cf < PARAMS.rareCharFreq || lowEv;
      if (!suspicious) continue;
      // every trigram around it occurs in the genre corpus: ordinary notice prose
      if (PARAMS.skipAttested && clm && !lowEv && cf >= PARAMS.rareCharFreq && clm.attested(cur, i)) continue;
      // a common stand-alone character outside any word is usually just that word:
      // only a word completion with decisive context may replace it
      const solo = !(c & 2) && !lowEv && cf >= PARAMS.rareCharFreq && (freq.get(ch) ?? 0) >= PARAMS.soloSkip;
      let cands = solo && !PARAMS.soloLookAlike ? [] : confusions.get(ch) ?? [];
      if (ev?.alternatives?.length) {
        cands = cands.slice();
        for (const alt of ev.alternatives) {
          if (alt.text.length !== 1 || alt.text === ch || !isHan(alt.text, 0)) continue;
          const ex = cands.find((x) => x.truth === alt.text);
          // an alternative read nearly as confidently as the printed character is a strong candidate
          const w = alt.confidence >= 0.8 * ev.confidence ? 1 : Math.min(1, Math.max(0.3, alt.confidence));
          if (ex) cands[cands.indexOf(ex)] = { ...ex, weight: Math.max(ex.weight, w) };
          else cands.push({ truth: alt.text, weight: w, source: 'evidence' });
        }
      }
      if (!(c & 1) && PARAMS.lexicalPrior > 0 && !domainChars.has(ch)) {
        // lexical candidates: characters completing a frequent word here
        const extra: Cand[] = [];
        for (let L = 3; L <= MAX_WORD; L++) {
          for (let st = Math.max(a, i - L + 1); st <= i && st + L <= b; st++) {
            if (!maskedEnds.has(maskedEndsKey(L, st === i ? HOLE : cur.charCodeAt(st), st + L - 1 === i ? HOLE : cur.charCodeAt(st + L - 1)))) continue;
            const l = masked.get(cur.slice(st, i) + '?' + cur.slice(i + 1, st + L));
            if (!l) continue;
            for (const t of l) if (t !== ch && !cands.some((x) => x.truth === t) && !extra.some((x) => x.truth === t)) extra.push({ truth: t, weight: PARAMS.lexicalPrior, source: 'lexicon' });
          }
        }
        if (extra.length) cands = cands.concat(extra);
      }
      if (!(c & 1) && PARAMS.completePrior > 0) {
        // word completion: the neighbour is the start/end of a very frequent
        // two-character word and this character is not
        const extra: Cand[] = [];
        // cheap bound first (unigram gain of the completed word over the two
        // characters it replaces): only completions that may reach the
        // suggestion score are scored with the word model
        const lpCh = lm.logP(ch) ?? lm.unknownLogP;
        const floor = PARAMS.suggestCompleteScore - PARAMS.completeSlack - Math.log(PARAMS.completePrior) - (cf < PARAMS.lmAllCharFreq && !domainChars.has(ch) && clm ? PARAMS.completeLmSlack : 0);
        const add = (l: { c: string; f: number }[] | undefined, nb: string): void => {
          if (!l) return;
          const base = lpCh + (lm.logP(nb) ?? lm.unknownLogP) + lm.logTotal;
          for (const x of l) {
            if (Math.log(x.f) - base < floor) break; // sorted by frequency
            if (x.c === ch || cands.some((y) => y.truth === x.c) || extra.some((y) => y.truth === x.c)) continue;
            if (PARAMS.completeShapeMin > -1 && (shapes.similarity(ch, x.c) ?? -1) < PARAMS.completeShapeMin) continue;
            extra.push({ truth: x.c, weight: PARAMS.completePrior, source: 'complete' });
          }
        };
        if (i > a && (freq.get(cur[i - 1] + ch) ?? 0) === 0) add(complete.get(cur[i - 1] + '?'), cur[i - 1]);
        if (i + 1 < b && (freq.get(ch + cur[i + 1]) ?? 0) === 0) add(complete.get('?' + cur[i + 1]), cur[i + 1]);
        if (genreComplete.size && clm) {
          // pairs the genre prints often: the character model weighs them
          const addGenre = (key: string): void => {
            for (const x of genreFor(ch, key)) if (!cands.some((y) => y.truth === x.truth) && !extra.some((y) => y.truth === x.truth)) extra.push(x);
          };
          // (only beside a neighbour the genre corpus never prints the character with)
          if (i > a && (freq.get(cur[i - 1] + ch) ?? 0) === 0 && clm.pairCount(cur, i - 1) === 0) addGenre(cur[i - 1] + '?');
          if (i + 1 < b && (freq.get(ch + cur[i + 1]) ?? 0) === 0 && clm.pairCount(cur, i) === 0) addGenre('?' + cur[i + 1]);
        }
        if (extra.length) cands = cands.concat(extra);
      }
      if (solo && !cands.length) continue;
      if (!cands.length) {
        if (!lm.charFreq.has(ch)) warnings.push({ code: 'UNKNOWN_CHARACTER', message: `character ${ch} is not in the word list and has no known look-alike`, start: i + off, end: i + off + 1 });
        continue;
      }
      const rareOld = cf < PARAMS.rareCharFreq;
      if (DEBUG) console.error(`  cands ${ch} solo=${solo} c=${c} ${cands.map((x) => x.truth + ":" + x.source).join(" ")}`);
      const gains = new Map<string, number>();
      // the character model weighs look-alikes; a candidate without look-alike
      // evidence (completion, lexicon) only where the original is itself uncommon
      const lmAll = cf < PARAMS.lmAllCharFreq && !domainChars.has(ch);
      const lmCands = cands.filter((x) => lmAll || x.source === 'genre' || (x.source !== 'complete' && x.source !== 'lexicon')).map((x) => x.truth);
      const lmGains = ctxGains(cur, i, lmCands);
      for (let q = 0; q < lmCands.length; q++) {
        // the original inside a known word is a plausible reading: the character model may only speak against a candidate
        const g = lmGains[q];
        gains.set(lmCands[q], c & 1 && PARAMS.lmCoveredCap !== null ? Math.min(g, PARAMS.lmCoveredCap) : g);
      }
      // a candidate the genre model finds much worse than the original never wins:
      // drop it before the (costlier) word model; a common stand-alone character
      // is looked at only when the genre model likes some candidate better
      if (clm && solo && !cands.some((x) => (gains.get(x.truth) ?? 0) >= PARAMS.soloLmMin)) continue;
      const live = cands.filter(
        (x) =>
          (!clm || (gains.get(x.truth) ?? 0) >= PARAMS.lmPrune) &&
          (formsWord(cur, a, b, i, x.truth) || (rareOld && (charFreq.get(x.truth) ?? 0) >= PARAMS.commonCharFreq) || (gains.get(x.truth) ?? -Infinity) >= PARAMS.lmLive),
      );
      if (!live.length) continue;

      const ws = Math.max(a, i - PARAMS.window);
      const we = Math.min(b, i + PARAMS.window + 1);
      const win = cur.slice(ws, we);
      const k = i - ws;
      const old = lm.segment(win);
      const oldLen = old.tokenEnd[k] - old.tokenStart[k];
      const scored: { cand: Cand; score: number; lmGain: number; newLen: number; tokStart: number; word: string }[] = [];
      for (const cand of live) {
        const nw = win.slice(0, k) + cand.truth + win.slice(k + 1);
        const seg = lm.segment(nw);
        const newLen = seg.tokenEnd[k] - seg.tokenStart[k];
        const wordGain = seg.score - old.score;
        const lmGain = gains.get(cand.truth) ?? 0;
        // the two models see the same evidence twice where a long word forms: by
        // default the character model adds only what the word model did not see
        const score = combineGains(wordGain, lmGain) + PARAMS.priorWeight * Math.log(cand.weight) + evBonus;
        scored.push({ cand, score, lmGain: gains.get(cand.truth) ?? 0, newLen, tokStart: seg.tokenStart[k], word: nw.slice(seg.tokenStart[k], seg.tokenEnd[k]) });
      }
      scored.sort((x, y) => y.score - x.score || (x.cand.truth < y.cand.truth ? -1 : 1));
      // look-alike candidates decide first; a word completion (no look-alike
      // evidence) is considered only when they do not apply, must beat every
      // candidate by a wider margin, and is suggested only with a good score
      const decide = (list: typeof scored) => {
      const best = list[0];
      const single = best.newLen < 2;
      const lmSingle = single && !rareOld && best.lmGain >= PARAMS.lmLive && oldLen === 1;
      // the character model reads the neighbours as they are: they must be sound (inside known words)
      const soundNeighbours = (i === a || !!(cov[i - 1 - a] & 1)) && (i + 1 >= b || !!(cov[i + 1 - a] & 1));
      if ((single && !rareOld && !lmSingle) || best.score < PARAMS.suggestScore) return null;
      // the new word must not lean on a neighbour that is itself doubtful
      const ts = ws + (best.newLen >= 2 ? best.tokStart : k);
      const te = ts + best.newLen;
      let shaky = false;
      // (three other characters agreeing with a known four-character word confirm each other: 崝蜓点水 → 蜻蜓点水)
      for (let q = ts; q < te && best.newLen < PARAMS.confirmedWordLen; q++) {
        if (q === i) continue;
        // (a rare neighbour inside a word of the original text is not doubtful: 反馈 in 反馈恋见)
        if (((charFreq.get(cur[q]) ?? 0) < PARAMS.rareCharFreq && !(PARAMS.coveredNotShaky && q >= a && q < b && cov[q - a] & 1)) || cur[q] === best.cand.truth) shaky = true;
      }
      const second = list[1]?.score ?? -Infinity;
      const alternatives = list
        .filter((x) => (x.newLen >= 2 || rareOld || x.lmGain >= PARAMS.lmLive) && x.score >= PARAMS.suggestScore)
        .slice(0, 4)
        .map((x) => ({ after: x.cand.truth, score: round(x.score) }));
      // an old multi-character reading is given up only for a much better word, when it is itself rare
      const oldWord = oldLen >= 2 ? win.slice(old.tokenStart[k], old.tokenEnd[k]) : '';
      const oldOk = oldLen === 1 || (best.score >= PARAMS.applyScore + 4 && (freq.get(oldWord) ?? 0) < PARAMS.weakOldWordFreq);
      const isComplete = isCompletion(best.cand.source);
      // the new word takes a character from a neighbouring word of the original reading that the
      // change does not touch (新建投用 → 新/建设/用 breaks 新建): the printed text reads well there
      let broken = false;
      for (let q = ts - ws; q < te - ws; q++) {
        if (q === k) continue;
        const os = old.tokenStart[q];
        const oe = old.tokenEnd[q];
        if (oe - os >= 2 && (os < ts - ws || oe > te - ws) && !(os <= k && k < oe)) broken = true;
      }
      const brokenExtra = broken ? PARAMS.breakWordExtra : 0;
      const threshold = lmSingle
        ? // (the relief for a near-identical glyph does not stack on the relief a doubtful OCR reading gets)
          ((shapes.similarity(ch, best.cand.truth) ?? 0) >= PARAMS.lmSingleShapeSim ? Math.min(PARAMS.applyLmSingleScore, PARAMS.applyLmSingleShapeScore + Math.max(0, evBonus)) : PARAMS.applyLmSingleScore) + (solo ? PARAMS.soloExtra : 0)
        : single
        ? PARAMS.applySingleScore
        : isComplete
          ? PARAMS.applyCompleteScore + (solo ? PARAMS.completeSoloExtra : 0)
          : best.cand.source === 'lexicon'
          ? PARAMS.applyLexicalScore
          : cf < PARAMS.uncommonCharFreq
            ? PARAMS.applyUncommonScore
            : // the original is a known corrupted form of a frequent word and this
              // candidate, far ahead of any other, restores it
              c & 2 && best.score - second >= PARAMS.corruptClearMargin
              ? PARAMS.applyCorruptScore
              : PARAMS.applyScore + (solo ? PARAMS.soloExtra : 0);
      const apply =
        oldOk &&
        (!lmSingle || soundNeighbours) &&
        !shaky &&
        best.score >= threshold + brokenExtra &&
        (best.cand.source !== 'lexicon' || best.newLen >= 4 || (best.newLen === 3 && best.tokStart === k - 1)) &&
        best.score - second >= (isComplete ? PARAMS.completeMargin : PARAMS.margin) &&
        !inNameZone(cur, i) &&
        !inPlaceName(cur, i, te, best.word) &&
        !rareProperNoun(best.word);
      if (DEBUG) console.error(`  decide ${best.cand.truth} oldOk=${oldOk} shaky=${shaky} thr=${threshold} second=${second} name=${inNameZone(cur, i)} place=${inPlaceName(cur, i, te, best.word)}`);
      // kept from applying by a name / place guard: never promoted later either
      // (an uncommon character that would become a lone character is how unknown names read: 西沅市, 嘉屿)
      const guarded = inNameZone(cur, i) || inPlaceName(cur, i, te, best.word) || rareProperNoun(best.word) || threshold === Infinity || (lmSingle && cf < PARAMS.uncommonCharFreq);
      return { best, apply, alternatives, shaky, isComplete, guarded };
      };
      const lookAlike = scored.filter((x) => !isCompletion(x.cand.source) && !(PARAMS.lexiconAfterLookAlike && x.cand.source === 'lexicon'));
      let d = lookAlike.length ? decide(lookAlike) : null;
      if (!d?.apply && PARAMS.lexiconAfterLookAlike && scored[0].cand.source === 'lexicon') {
        const d2 = decide(scored.filter((x) => !isCompletion(x.cand.source)));
        if (d2 && (d2.apply || !d)) d = d2;
      }
      if (!d?.apply && isCompletion(scored[0].cand.source)) {
        const d2 = decide(scored);
        if (d2 && (d2.apply || d2.best.score >= PARAMS.suggestCompleteScore)) d = d2;
      }
      if (!d) continue;
      const { best, apply, alternatives, shaky, isComplete, guarded } = d;
      if (DEBUG) console.error(`[correct] ${cur.slice(Math.max(a, i - 4), i)}[${ch}]${cur.slice(i + 1, i + 5)} oldLen=${oldLen} cf=${cf} cov=${c} ${scored.map((x) => `${x.cand.truth}:${x.score.toFixed(1)}/${x.newLen}/${x.word}/${x.cand.source}`).join(' ')} shaky=${shaky} apply=${apply}`);
      // lexical (non look-alike) candidates were right about 6 times in 7 on the tune fixtures
      const conf = best.cand.source === 'lexicon' || isComplete ? Math.min(0.85, confidenceOf(best.score, apply)) : confidenceOf(best.score, apply);
      const meta: ChangeMeta = {
        type: 'correction',
        kind: 'character',
        rule: best.cand.source === 'evidence' ? 'evidence:ocr-alternative' : best.cand.source === 'lexicon' ? 'lexicon' : isComplete ? (best.cand.source === 'genre' ? 'genre:completion' : 'lexicon:completion') : `confusion:${best.cand.source}`,
        confidence: conf,
        note: `${ch}→${best.cand.truth} (${best.word}; score ${round(best.score)}${DEBUG ? ` cov ${c} cf ${cf} w ${best.cand.weight}` : ""})`,
        ...(guarded ? {} : { score: round(best.score) }),
        ...(alternatives.length > 1 ? { alternatives } : {}),
      };
      const edit: StageEdit = { start: i + off, end: i + off + 1, replacement: best.cand.truth, meta };
      if (apply) {
        touched.add(i);
        edits.push(edit);
        cur = cur.slice(0, i) + best.cand.truth + cur.slice(i + 1);
      } else {
        suggested.add(i);
        suggestions.push(edit);
      }
    }
    if (PARAMS.pairs) scanPairs(a, b, cur, off, cov, touched, suggested, mask, edits, suggestions);
  }

  /**
   * A proper noun of the word list (person, place, other name) that is not very
   * common and not in the domain lexicon: the text more likely names a place or
   * person the list does not know (乔山县 is not 香山县) — suggest only.
   */
  function rareProperNoun(w: string): boolean {
    return jiebaCache!.proper.has(w) && !lexicon.has(w) && (freq.get(w) ?? 0) < PARAMS.properMinFreq;
  }

  /** the new word w (ending at te) around i ends right before 镇/乡/县: probably a place name the word list does not know. */
  function inPlaceName(cur: string, i: number, te: number, w: string): boolean {
    const p = placeSuffixAfter(cur, i);
    if (p < 0 || te !== p) return false;
    return !lexicon.has(w) && (freq.get(w) ?? 0) < PARAMS.placeWordFreq;
  }

  /** Two adjacent doubtful characters replaced together (both look-alikes). */
  function scanPairs(
    a: number,
    b: number,
    cur: string,
    off: number,
    cov: Uint8Array,
    touched: Set<number>,
    suggested: Set<number>,
    mask: Uint8Array,
    edits: StageEdit[],
    suggestions: StageEdit[],
  ): void {
    for (let i = a; i + 1 < b; i++) {
      if ((cov[i - a] & 1) || (cov[i + 1 - a] & 1)) continue;
      if (touched.has(i) || touched.has(i + 1) || mask[i + off] || mask[i + 1 + off]) continue;
      if ((freq.get(cur[i]) ?? 0) >= PARAMS.soloSkip || (freq.get(cur[i + 1]) ?? 0) >= PARAMS.soloSkip) continue;
      const c1 = (confusions.get(cur[i]) ?? []).slice(0, PARAMS.pairCands);
      const c2 = (confusions.get(cur[i + 1]) ?? []).slice(0, PARAMS.pairCands);
      if (!c1.length || !c2.length) continue;
      const ws = Math.max(a, i - PARAMS.window);
      const we = Math.min(b, i + 2 + PARAMS.window);
      const win = cur.slice(ws, we);
      const k = i - ws;
      let old: ReturnType<WordModel['segment']> | null = null;
      const scored: { t: string; score: number; src: string; word: string }[] = [];
      for (const x of c1) {
        const xc = x.truth.charCodeAt(0);
        for (const y of c2) {
          if (!inner2.has(pk(xc, y.truth.charCodeAt(0)))) continue;
          const t = x.truth + y.truth;
          const pre = i > a ? cur[i - 1] : '';
          const post = i + 2 < b ? cur[i + 2] : '';
          if ((freq.get(t) ?? 0) < PARAMS.candWordMinFreq && (freq.get(pre + t) ?? 0) < PARAMS.candWordMinFreq && (freq.get(t + post) ?? 0) < PARAMS.candWordMinFreq) continue;
          old ??= lm.segment(win);
          const nw = win.slice(0, k) + t + win.slice(k + 2);
          const seg = lm.segment(nw);
          // the two new characters must sit in one multi-character word
          if (seg.tokenStart[k] !== seg.tokenStart[k + 1] || seg.tokenEnd[k] - seg.tokenStart[k] < 2) continue;
          const score = combineGains(seg.score - old.score, ctxGain(cur, i, t)) + PARAMS.priorWeight * (Math.log(x.weight) + Math.log(y.weight));
          scored.push({ t, score, src: x.source === y.source ? x.source : `${x.source}+${y.source}`, word: nw.slice(seg.tokenStart[k], seg.tokenEnd[k]) });
        }
      }
      if (!scored.length) continue;
      scored.sort((p, q) => q.score - p.score || (p.t < q.t ? -1 : 1));
      const best = scored[0];
      if (best.score < PARAMS.suggestPairScore) continue;
      const second = scored[1]?.score ?? -Infinity;
      const apply = best.score >= PARAMS.applyPairScore && best.score - second >= PARAMS.margin && !inNameZone(cur, i) && !inNameZone(cur, i + 1);
      if (DEBUG) console.error(`[pair] ${cur.slice(Math.max(a, i - 4), i)}[${cur.slice(i, i + 2)}]${cur.slice(i + 2, i + 6)} ${scored.slice(0, 4).map((x) => `${x.t}:${x.score.toFixed(1)}/${x.word}`).join(' ')} apply=${apply}`);
      const meta: ChangeMeta = {
        type: 'correction',
        kind: 'character',
        rule: `confusion:${best.src}`,
        confidence: confidenceOf(best.score - (PARAMS.applyPairScore - PARAMS.applyScore), apply),
        note: `${cur.slice(i, i + 2)}→${best.t} (${best.word}; score ${round(best.score)}; two characters)`,
        ...(inNameZone(cur, i) || inNameZone(cur, i + 1) ? {} : { score: round(best.score - (PARAMS.applyPairScore - PARAMS.applyScore)) }),
      };
      const pairEdit: StageEdit = { start: i + off, end: i + off + 2, replacement: best.t, meta };
      if (apply) {
        // the joint reading replaces the single-character suggestions it covers
        if (suggested.has(i) || suggested.has(i + 1)) {
          for (let q = suggestions.length - 1; q >= 0; q--) if (suggestions[q].start < i + off + 2 && suggestions[q].end > i + off) suggestions.splice(q, 1);
        }
        edits.push(pairEdit);
      } else if (!suggested.has(i) && !suggested.has(i + 1)) suggestions.push(pairEdit);
      touched.add(i).add(i + 1);
      i++;
    }
  }

  function correctDocument(input: CorrectInput): CorrectResult {
    const text = input.text;
    if (PARAMS.decoder) documentPairs = new DocumentPairs(text);
    try {
      return correctWholeDocument(input);
    } finally {
      documentPairs = undefined;
    }
  }

  function correctWholeDocument(input: CorrectInput): CorrectResult {
    const text = input.text;
    const out: CorrectResult = { edits: [], suggestions: [], warnings: [] };
    const docMask = new Uint8Array(text.length);
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end > start) {
        const base = start;
        const evidenceAt = input.evidenceAt;
        const r = correctParagraph({ text: text.slice(start, end), evidenceAt: evidenceAt && ((p) => evidenceAt(base + p)) });
        docMask.set(r.protectedOnly, base);
        for (const e of r.edits) out.edits.push({ ...e, start: e.start + base, end: e.end + base });
        for (const e of r.suggestions) out.suggestions.push({ ...e, start: e.start + base, end: e.end + base });
        for (const w of r.warnings) out.warnings.push({ ...w, start: w.start + base, end: w.end + base });
      }
      start = end + 1;
    }
    // subsection markers repaired from their sequence across the document
    for (const e of repairSubsectionNumbers(text, docMask)) {
      if (out.edits.some((x) => x.start < e.end && x.end > e.start)) continue;
      out.edits.push(e);
      out.suggestions = out.suggestions.filter((x) => x.end <= e.start || x.start >= e.end);
    }
    out.edits.sort((a, b) => a.start - b.start || a.end - b.end);
    let res = out;
    if (PARAMS.poolDocument && !PARAMS.decoder) res = { ...res, ...poolRepeated(text, res.edits, res.suggestions, { minScore: PARAMS.poolMinScore, minCount: PARAMS.poolMinCount, minTotal: PARAMS.poolMinTotal }) };
    if (PARAMS.documentEvidence && !PARAMS.decoder) {
      const edits = res.edits;
      const taken = new Uint8Array(text.length);
      for (const e of edits) taken.fill(1, e.start, Math.max(e.end, e.start + 1));
      // the document as the paragraph pass reads it: its same-length changes applied (offsets unchanged)
      const parts: string[] = [];
      let at = 0;
      for (const e of edits) {
        if (e.replacement.length !== e.end - e.start || e.start < at) continue;
        parts.push(text.slice(at, e.start), e.replacement);
        at = e.end;
      }
      parts.push(text.slice(at));
      const view = parts.join('');
      const corrected = edits.filter((e) => e.end - e.start === 1 && e.replacement.length === 1 && e.meta.type === 'correction' && e.meta.kind === 'character').map((e) => ({ from: text[e.start], to: e.replacement }));
      const found = documentEvidence(view, taken, documentHelpers(docMask), PARAMS, corrected);
      // (an insertion between two protected characters would split a protected term)
      const splitsProtected = (i: number): boolean => !!docMask[i - 1] && !!docMask[i];
      if (clm && Number.isFinite(PARAMS.lostCharMinGain)) {
        found.push(...restoreLostCharacters(view, lostIndex(), splitsProtected, (s, i, ins) => clm.insertionGain(s, i, ins), PARAMS.lostCharMinGain));
      }
      if (PARAMS.quotedTermMinCount > 0) found.push(...repairQuotedTerms(view, (i) => !taken[i] && !found.some((f) => f.start === i), splitsProtected, PARAMS.quotedTermMinCount));
      found.push(...repairMastheadNames(view, (i) => !taken[i] && !found.some((f) => f.start <= i && i < f.end)));
      found.sort((a, b) => a.start - b.start || a.end - b.end);
      if (found.length) {
        const hit = (x: StageEdit): boolean => found.some((f) => x.start < f.end && x.end > f.start);
        res = { ...res, edits: [...edits, ...found].sort((a, b) => a.start - b.start || a.end - b.end), suggestions: res.suggestions.filter((x) => !hit(x)) };
      }
    }
    return res;
  }

  /** shortened forms of the lexicon's terms (built on first use) */
  let lostIdx: LostCharacterIndex | null = null;
  function lostIndex(): LostCharacterIndex {
    return (lostIdx ??= buildLostCharacterIndex([...lexicon.keys()], (v) => (freq.get(v) ?? 0) > 0 || lexicon.has(v), dicts.corpusText));
  }

  /** The most frequent known word (2–4 characters, one line) covering position i of s when s[i] reads ch. */
  function bestWordAt(s: string, i: number, ch: string): { word: string; freq: number } {
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


  function documentHelpers(mask: Uint8Array): DocumentEvidenceHelpers {
    const lookAlikeCache = new Map<string, string[]>();
    return {
      isHan,
      charFreq: (ch) => (ch.length === 1 ? charFreqByCode[ch.charCodeAt(0)] : charFreq.get(ch) ?? 0),
      charFreqAt: (s, i) => charFreqByCode[s.charCodeAt(i)],
      wordAt: bestWordAt,
      isDomainTerm: (w) => lexicon.has(w),
      lookAlikes(ch) {
        let l = lookAlikeCache.get(ch);
        if (!l) lookAlikeCache.set(ch, (l = (confusions.get(ch) ?? []).map((x) => x.truth)));
        return l;
      },
      completions(left, right) {
        const l = left ? complete.get(left + '?') ?? [] : [];
        const r = right ? complete.get('?' + right) ?? [] : [];
        return [...l, ...r].map((x) => x.c);
      },
      shapeSimilarity: (x, y) => shapes.similarity(x, y),
      lmGain: (s, i, ch) => (clm ? clm.gain(s, i, ch) : 0),
      blocked: (s, i) => !!mask[i] || inNameZone(s, i),
      attested: (s, i) => (clm ? clm.attested(s, i) : false),
    };
  }

  return { correct, correctDocument, dictionaryVersion: dicts.version };
}

/**
 * Word-model and character-model gains see much of the same evidence where a
 * long word forms: by default the larger counts, plus combineBonus × the
 * smaller when both speak for the candidate; a character model against the
 * candidate always counts in full.
 */
function combineGains(wordGain: number, lmGain: number): number {
  if (PARAMS.combine === 'sum' || lmGain <= 0) return wordGain + lmGain;
  return Math.max(wordGain, lmGain) + PARAMS.combineBonus * Math.min(Math.max(0, wordGain), lmGain);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Rough calibration on the tune fixtures: applied changes were right about 98%
 * of the time (a little less near the threshold), suggestions about 30%.
 */
function confidenceOf(score: number, applied: boolean): number {
  if (applied) return round(Math.min(0.99, 0.9 + Math.max(0, score - PARAMS.applyScore) * 0.01));
  return round(Math.min(0.6, 0.25 + Math.max(0, score - PARAMS.suggestScore) * 0.04));
}
