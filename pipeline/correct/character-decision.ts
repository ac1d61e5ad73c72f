/**
 * The old passes' decision for one site (internal to pipeline/correct): look-alike
 * candidates decide first; a lexical candidate competes when no look-alike
 * applies; a word completion (no look-alike evidence) only when neither
 * applies, with a wider margin. A reading is applied when it clears its
 * threshold (by kind of candidate) and margin, leans on no doubtful
 * neighbour, breaks no neighbouring word and no guard holds; else suggested.
 */
import type { HanRun, Site } from './character-run.ts';
import type { ScoreWindow, ScoredCand } from './character-scoring.ts';
import { DEBUG } from './character-scoring.ts';
import type { Cand } from './look-alikes.ts';
import { wordlessLookAlikeScore } from './near-identical-glyph.ts';
import { PARAMS } from './params.ts';
import type { CorrectorTables } from './tables.ts';
import { round } from './text-units.ts';

export interface Decision {
  best: ScoredCand;
  apply: boolean;
  alternatives: { after: string; score: number }[];
  shaky: boolean;
  isComplete: boolean;
  /** kept from applying by a name / place guard: never promoted later either */
  guarded: boolean;
}

/** a candidate without look-alike evidence that completes a frequent word with a neighbour */
export const isCompletion = (source: Cand['source']): boolean => source === 'complete' || source === 'genre';

export function chooseReading(site: Site, scored: ScoredCand[], w: ScoreWindow, run: HanRun, t: CorrectorTables): Decision | null {
  const decide = (list: ScoredCand[]): Decision | null => decideAmong(list, site, w, run, t);
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
  return d;
}

function decideAmong(list: ScoredCand[], site: Site, w: ScoreWindow, run: HanRun, t: CorrectorTables): Decision | null {
  const { a, b, cur, cov } = run;
  const { i, rareOld, cf } = site;
  const { ws, k, old, oldLen } = w;
  const best = list[0];
  const single = best.newLen < 2;
  const lmSingle = single && !rareOld && best.lmGain >= PARAMS.lmLive && oldLen === 1;
  // the character model reads the neighbours as they are: they must be sound (inside known words)
  const soundNeighbours = (i === a || !!(cov[i - 1 - a] & 1)) && (i + 1 >= b || !!(cov[i + 1 - a] & 1));
  if ((single && !rareOld && !lmSingle) || best.score < PARAMS.suggestScore) return null;
  // the new word must not lean on a neighbour that is itself doubtful
  const ts = ws + (best.newLen >= 2 ? best.tokStart : k);
  const te = ts + best.newLen;
  const shaky = leansOnDoubtfulNeighbour(best, ts, te, site, run, t);
  const second = list[1]?.score ?? -Infinity;
  const alternatives = list
    .filter((x) => (x.newLen >= 2 || rareOld || x.lmGain >= PARAMS.lmLive) && x.score >= PARAMS.suggestScore)
    .slice(0, 4)
    .map((x) => ({ after: x.cand.truth, score: round(x.score) }));
  // an old multi-character reading is given up only for a much better word, when it is itself rare
  const oldWord = oldLen >= 2 ? w.win.slice(old.tokenStart[k], old.tokenEnd[k]) : '';
  const oldOk = oldLen === 1 || (best.score >= PARAMS.applyScore + 4 && (t.freq.get(oldWord) ?? 0) < PARAMS.weakOldWordFreq);
  const isComplete = isCompletion(best.cand.source);
  const brokenExtra = breaksNeighbouringWord(w, ts, te) ? PARAMS.breakWordExtra : 0;
  const threshold = applyThreshold(best, lmSingle, single, isComplete, site, t);
  const nameZone = t.inNameZone(cur, i);
  const placeName = t.inPlaceName(cur, i, te, best.word);
  const apply =
    oldOk &&
    (!lmSingle || soundNeighbours) &&
    !shaky &&
    best.score >= threshold + brokenExtra &&
    (best.cand.source !== 'lexicon' || best.newLen >= 4 || (best.newLen === 3 && best.tokStart === k - 1)) &&
    best.score - second >= (isComplete ? PARAMS.completeMargin : PARAMS.margin) &&
    !nameZone &&
    !placeName &&
    !t.rareProperNoun(best.word);
  if (DEBUG) console.error(`  decide ${best.cand.truth} oldOk=${oldOk} shaky=${shaky} thr=${threshold} second=${second} name=${nameZone} place=${placeName}`);
  // (an uncommon character that would become a lone character is how unknown names read: 西沅市, 嘉屿)
  const guarded = nameZone || placeName || t.rareProperNoun(best.word) || threshold === Infinity || (lmSingle && cf < PARAMS.uncommonCharFreq);
  return { best, apply, alternatives, shaky, isComplete, guarded };
}

/**
 * The new word s[ts, te) leans on a rare neighbour (one the original text's words do
 * not cover), or on a neighbour that already reads as the candidate. Three other
 * characters agreeing with a known four-character word confirm each other (崝蜓点水 → 蜻蜓点水),
 * and a term of the domain lexicon vouches for its own rare characters (诫尴 → 诫勉: 诫 is rare).
 */
function leansOnDoubtfulNeighbour(best: ScoredCand, ts: number, te: number, site: Site, run: HanRun, t: CorrectorTables): boolean {
  const { a, b, cur, cov } = run;
  if (t.lexicon.has(best.word)) return false;
  let shaky = false;
  for (let q = ts; q < te && best.newLen < PARAMS.confirmedWordLen; q++) {
    if (q === site.i) continue;
    // (a rare neighbour inside a word of the original text is not doubtful: 反馈 in 反馈恋见)
    if (((t.charFreq.get(cur[q]) ?? 0) < PARAMS.rareCharFreq && !(PARAMS.coveredNotShaky && q >= a && q < b && cov[q - a] & 1)) || cur[q] === best.cand.truth) shaky = true;
  }
  return shaky;
}

/**
 * The new word takes a character from a neighbouring word of the original reading that the
 * change does not touch (新建投用 → 新/建设/用 breaks 新建): the printed text reads well there.
 */
function breaksNeighbouringWord(w: ScoreWindow, ts: number, te: number): boolean {
  const { ws, k, old } = w;
  let broken = false;
  for (let q = ts - ws; q < te - ws; q++) {
    if (q === k) continue;
    const os = old.tokenStart[q];
    const oe = old.tokenEnd[q];
    if (oe - os >= 2 && (os < ts - ws || oe > te - ws) && !(os <= k && k < oe)) broken = true;
  }
  return broken;
}

/** The score the best reading needs, by what kind of candidate it is. */
function applyThreshold(best: ScoredCand, lmSingle: boolean, single: boolean, isComplete: boolean, site: Site, t: CorrectorTables): number {
  const soloExtra = site.solo ? PARAMS.soloExtra : 0;
  if (lmSingle) return Math.max(PARAMS.applyScore, wordlessLookAlikeScore(t.shapes, site.ch, best.cand.truth, site.evBonus)) + soloExtra;
  if (single) return PARAMS.applySingleScore;
  if (isComplete) return PARAMS.applyCompleteScore + (site.solo ? PARAMS.completeSoloExtra : 0);
  if (best.cand.source === 'lexicon') return PARAMS.applyLexicalScore;
  return PARAMS.applyScore + soloExtra;
}

/**
 * Rough calibration on the tune fixtures: applied changes were right about 98%
 * of the time (a little less near the threshold), suggestions about 30%.
 */
export function confidenceOf(score: number, applied: boolean): number {
  if (applied) return round(Math.min(0.99, 0.9 + Math.max(0, score - PARAMS.applyScore) * 0.01));
  return round(Math.min(0.6, 0.25 + Math.max(0, score - PARAMS.suggestScore) * 0.04));
}
