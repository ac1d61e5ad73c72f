/**
 * The look-alike index of the old passes (internal to pipeline/correct):
 * printed character → the characters it may be a misreading of, from the
 * confusion tables (glyph shape, OCR statistics, manual pairs), best weights
 * first, at most PARAMS.maxCands per character; and the reverse (truth →
 * printed characters) that the corrupted-form index is built from.
 */
import type { Confusion, ConfusionSource } from './dictionaries.ts';
import { PARAMS } from './params.ts';

/** A candidate reading of one printed character, with its prior and where it came from. */
export interface Cand {
  truth: string;
  weight: number;
  source: ConfusionSource | 'evidence' | 'lexicon' | 'complete' | 'genre';
}

export interface LookAlikes {
  /** printed character → candidates, best first */
  confusions: Map<string, Cand[]>;
  /** truth → the printed characters that may stand for it */
  byTruth: Map<string, string[]>;
}

export function lookAlikeIndex(table: readonly Confusion[], charFreq: ReadonlyMap<string, number>): LookAlikes {
  const confusions = new Map<string, Cand[]>();
  const byTruth = new Map<string, string[]>();
  const add = (c: Confusion): void => addConfusion(confusions, byTruth, c);
  // component look-alikes (one shared part) are weak evidence: off by default
  for (const c of table) {
    if (c.source !== 'component') add(c);
    else if (PARAMS.componentCands > 0) add({ ...c, weight: c.weight * PARAMS.componentWeight });
  }
  if (PARAMS.glyphSymmetric) {
    for (const c of table) {
      if (c.source !== 'glyph') continue;
      if (!(confusions.get(c.truth) ?? []).some((x) => x.truth === c.ocr)) add({ ocr: c.truth, truth: c.ocr, weight: c.weight, source: 'glyph' });
    }
  }
  keepBest(confusions, charFreq);
  return { confusions, byTruth };
}

function addConfusion(confusions: Map<string, Cand[]>, byTruth: Map<string, string[]>, c: Confusion): void {
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

/**
 * Keep the best candidates per character; a truth that is itself a very rare
 * character (絾, 炲) rarely occurs in a notice and must not take a slot.
 * Component look-alikes (one shared part) get slots of their own, after the others.
 */
function keepBest(confusions: Map<string, Cand[]>, charFreq: ReadonlyMap<string, number>): void {
  const rankOf = (x: Cand): number => x.weight + PARAMS.truthFreqRank * Math.log10(1 + (charFreq.get(x.truth) ?? 0));
  const byRank = (a: Cand, b: Cand): number => rankOf(b) - rankOf(a) || (a.truth < b.truth ? -1 : 1);
  for (const [k, list0] of confusions) {
    const list = list0.filter((x) => x.source === 'manual' || (charFreq.get(x.truth) ?? 0) >= PARAMS.minTruthFreq);
    const main = list.filter((x) => x.source !== 'component').sort(byRank).slice(0, PARAMS.maxCands);
    const part = list.filter((x) => x.source === 'component').sort(byRank).slice(0, PARAMS.componentCands);
    confusions.set(k, main.concat(part));
  }
}
