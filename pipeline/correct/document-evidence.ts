/**
 * Document-level evidence beyond repeated suggestions (internal to
 * pipeline/correct). A scan is printed in one font and read by one engine, so
 * a document carries evidence about itself:
 *
 * - **repeated misreading of one glyph**: an uncommon character that forms no
 *   word anywhere in the document, printed in several different contexts, for
 *   which exactly one character makes a frequent word in every one of them
 *   (庞 in 庞程 … 交庞 → 流: 流程, 交流; 过 fits 过程 but not 交过). A commoner
 *   character qualifies in three or more contexts, for a look-alike that makes
 *   words in all places but one (叶间, 同叶, 某乡叶将 → 时间, 同时, 某乡时将);
 * - **the document's own terms**: a string that forms no word, one look-alike
 *   away from a string the same document prints several times (衔阳县 once,
 *   衡阳县 twenty times). Names and places the word list does not know are
 *   exactly what this recovers, so a look-alike is required.
 *
 * - **a misreading corrected elsewhere**: the paragraph pass changed 敷 to 整
 *   in two places; a third 敷 that forms no word, where 整 makes a frequent
 *   word the genre model likes, is the same misreading.
 *
 * All only apply where nothing else changed and no guard (protected term,
 * personal-name zone) holds.
 */
import type { StageEdit } from '../tracked-text.ts';
import { repeatedMisreadings } from './repeated-misreadings.ts';
import { occurrences } from './text-units.ts';

export interface DocumentEvidenceHelpers {
  isHan(s: string, i: number): boolean;
  /** jieba character frequency (0 when unknown) */
  charFreq(ch: string): number;
  /** the same for the UTF-16 unit s[i] (no string made) */
  charFreqAt(s: string, i: number): number;
  /** the most frequent known word (2–4 characters, within the line) that covers position i of s, reading s[i] as ch ('' and 0 when none) */
  wordAt(s: string, i: number, ch: string): { word: string; freq: number };
  /** a word of the word list at any frequency (拟任, 拒不: jieba 3) */
  listedWord(w: string): boolean;
  /** a term of the domain lexicon (整改, 职责 …) */
  isDomainTerm(w: string): boolean;
  /** look-alike candidates of a printed character */
  lookAlikes(ch: string): readonly string[];
  /** characters completing a frequent two-character word with the neighbour (left: "X?", right: "?X") */
  completions(left: string | null, right: string | null): readonly string[];
  /** how alike two characters look (glyph features; null when unknown) */
  shapeSimilarity(a: string, b: string): number | null;
  /** genre character-model gain of reading s[i] as ch */
  lmGain(s: string, i: number, ch: string): number;
  /** a change at position i is not allowed (protected term, personal-name zone) */
  blocked(s: string, i: number): boolean;
  /** every trigram around i is attested in the genre corpus (ordinary prose: not examined) */
  attested(s: string, i: number): boolean;
}

export interface DocumentEvidenceParams {
  /** repeated misreading: the printed character is rarer than this (jieba character frequency) */
  repeatedMaxCharFreq: number;
  /** occurrences in distinct contexts needed */
  repeatedMinContexts: number;
  /** the replacement must make a word at least this frequent in every context */
  repeatedWordFreq: number;
  /** and the genre model must gain at least this much in every place */
  repeatedMinGain: number;
  /** over the runner-up's total gain, per place */
  repeatedMargin: number;
  /** document terms: occurrences needed of the two-character / longer term elsewhere in the document */
  termMinCount2: number;
  termMinCount3: number;
  /** the printed string must be at most this frequent as a word */
  termMaxOldWordFreq: number;
  /** document terms: the printed character is rarer than this (common characters misread as common ones are the word model's business) */
  termMaxCharFreq: number;
  /** SAMPLE-DECIDED (see commonerCharacter in repeated-misreadings.ts): a commoner character (below this frequency) qualifies when printed in at least repeatedManyContexts distinct contexts */
  repeatedMaxCharFreqMany: number;
  repeatedManyContexts: number;
  /** and its replacement must look like it at least this much */
  repeatedManyShapeMin: number;
  /** places (at most) where the replacement may form no word, when it forms one in the others */
  repeatedWordless: number;
  /** repeated misreading: distinct words the replacement must form across the places (a name repeats with the same neighbour: 鸿川 ×4 is 四川 once) */
  repeatedMinWords: number;
}

export const DOCUMENT_EVIDENCE_DEFAULTS: DocumentEvidenceParams = {
  repeatedMaxCharFreq: 10000,
  repeatedMinContexts: 2,
  repeatedWordFreq: 100,
  repeatedMinGain: 4,
  repeatedMargin: 3,
  termMinCount2: 4,
  termMinCount3: 2,
  termMaxOldWordFreq: 0,
  termMaxCharFreq: 10000,
  repeatedMinWords: 2,
  repeatedMaxCharFreqMany: 50000,
  repeatedManyContexts: 3,
  repeatedManyShapeMin: 0.7,
  repeatedWordless: 1,
};

/**
 * New edits from document-level evidence. `taken[i]` is set where the
 * paragraph pass already changed the text (a suggestion leaves it free).
 */
export function documentEvidence(
  text: string,
  taken: Uint8Array,
  h: DocumentEvidenceHelpers,
  p: DocumentEvidenceParams = DOCUMENT_EVIDENCE_DEFAULTS,
  corrected: readonly { from: string; to: string }[] = [],
): StageEdit[] {
  const out: StageEdit[] = [];
  const mine = new Uint8Array(text.length);
  const used = (i: number): boolean => !!taken[i] || !!mine[i];
  const push = (e: StageEdit): void => {
    out.push(e);
    mine[e.start] = 1;
  };
  repeatedMisreadings(text, used, h, p, push);
  correctedElsewhere(text, used, h, p, push, corrected);
  documentTerms(text, used, h, p, push);
  return out.sort((a, b) => a.start - b.start);
}

export type Push = (e: StageEdit) => void;

/** `corrected`: single-character corrections the paragraph pass applied (printed → read). */
function correctedElsewhere(text: string, used: (i: number) => boolean, h: DocumentEvidenceHelpers, p: DocumentEvidenceParams, push: Push, corrected: readonly { from: string; to: string }[]): void {
  const seen = new Map<string, { to: string; n: number } | null>();
  for (const { from, to } of corrected) {
    if (h.charFreq(from) >= p.repeatedMaxCharFreq) continue;
    const prev = seen.get(from);
    // one printed character corrected to two different readings: no evidence
    seen.set(from, prev === undefined ? { to, n: 1 } : prev && prev.to === to ? { to, n: prev.n + 1 } : null);
  }
  for (const [from, v] of seen) {
    if (!v) continue;
    for (let i = text.indexOf(from); i >= 0; i = text.indexOf(from, i + 1)) {
      if (used(i) || h.blocked(text, i) || h.wordAt(text, i, from).freq > 0) continue;
      const w = h.wordAt(text, i, v.to);
      if (w.freq < p.repeatedWordFreq || h.lmGain(text, i, v.to) < p.repeatedMinGain) continue;
      push({
        start: i,
        end: i + 1,
        replacement: v.to,
        meta: {
          type: 'correction',
          kind: 'character',
          rule: 'document:repeated-misreading',
          confidence: 0.85,
          note: `${from}→${v.to} (${w.word}; the same misreading was corrected ${v.n}× elsewhere in this document and ${from} forms no word here)`,
        },
      });
    }
  }
}

const pairKey = (a: number, b: number): number => a * 0x10000 + b;
/** How often each pair of adjacent characters occurs in the text. */
function pairCounts(text: string): Map<number, number> {
  const m = new Map<number, number>();
  for (let k = 0; k + 1 < text.length; k++) {
    const key = pairKey(text.charCodeAt(k), text.charCodeAt(k + 1));
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return m;
}

function documentTerms(text: string, used: (i: number) => boolean, h: DocumentEvidenceHelpers, p: DocumentEvidenceParams, push: Push): void {
  let pairs: Map<number, number> | null = null;
  // lazily counted occurrences of candidate terms in the document
  const counts = new Map<string, number>();
  const count = (t: string): number => {
    let n = counts.get(t);
    if (n !== undefined) return n;
    n = occurrences(text, t);
    counts.set(t, n);
    return n;
  };
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x3400 || used(i)) continue;
    const ch = text[i];
    if (h.charFreq(ch) >= p.termMaxCharFreq || !h.isHan(text, i) || h.attested(text, i)) continue;
    // (a term through i read with c contains c beside a neighbour: that pair must recur in the document)
    const alikes = h.lookAlikes(ch).filter((c) => (pairs ??= pairCounts(text)).get(pairKey(text.charCodeAt(i - 1), c.charCodeAt(0)))! >= p.termMinCount3 || pairs.get(pairKey(c.charCodeAt(0), text.charCodeAt(i + 1)))! >= p.termMinCount3);
    if (!alikes.length || h.blocked(text, i) || h.wordAt(text, i, ch).freq > p.termMaxOldWordFreq) continue;
    let best: { c: string; term: string; n: number } | null = null;
    let ambiguous = false;
    for (const c of alikes) {
      // the longest window around i (2–4 Han characters, same line) that the document prints elsewhere with c
      let found: { term: string; n: number } | null = null;
      for (let L = 4; L >= 2 && !found; L--) {
        for (let st = i - L + 1; st <= i; st++) {
          if (st < 0 || st + L > text.length) continue;
          let ok = true;
          for (let q = st; q < st + L; q++) if (!h.isHan(text, q)) ok = false;
          if (!ok) continue;
          const term = text.slice(st, i) + c + text.slice(i + 1, st + L);
          const n = count(term);
          if (n >= (L === 2 ? p.termMinCount2 : p.termMinCount3) && count(text.slice(st, st + L)) < n) {
            found = { term, n };
            break;
          }
        }
      }
      if (!found) continue;
      if (best && (best.term.length === found.term.length)) ambiguous = true;
      if (!best || found.term.length > best.term.length) {
        best = { c, ...found };
        ambiguous = false;
      }
    }
    if (!best || ambiguous) continue;
    push({
      start: i,
      end: i + 1,
      replacement: best.c,
      meta: {
        type: 'correction',
        kind: 'character',
        rule: 'document:term',
        confidence: 0.85,
        note: `${ch}→${best.c} (look-alike; the document prints ${best.term} ${best.n}× elsewhere and the printed reading forms no word)`,
      },
    });
  }
}
