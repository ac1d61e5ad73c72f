/**
 * Scoring of a site's candidates in the old passes (internal to
 * pipeline/correct): the genre character model's gain prunes them, then each
 * survivor is scored by the word model's segmentation of a small window
 * (gain over the printed reading), combined with the character-model gain,
 * the log confusion prior and the OCR-confidence bonus.
 */
import type { HanRun, Site } from './character-run.ts';
import { combineGains } from './context-gains.ts';
import type { WordModel } from './lm.ts';
import type { Cand } from './look-alikes.ts';
import { PARAMS } from './params.ts';
import type { CorrectorTables } from './tables.ts';

export const DEBUG = !!process.env.DEBUG_CORRECT;

export type Segmentation = ReturnType<WordModel['segment']>;

export interface ScoredCand {
  cand: Cand;
  score: number;
  lmGain: number;
  /** length of the token the candidate ends up in, its start in the window, and the token */
  newLen: number;
  tokStart: number;
  word: string;
}

/** The window the word model segments around a site, and its printed reading's segmentation. */
export interface ScoreWindow {
  ws: number;
  /** the site's index in the window */
  k: number;
  win: string;
  old: Segmentation;
  /** length of the printed reading's token at the site */
  oldLen: number;
}

/** The candidates scored best first, or null when none survives the pruning. */
export function scoreCandidates(site: Site, cands: readonly Cand[], run: HanRun, t: CorrectorTables): { scored: ScoredCand[]; window: ScoreWindow } | null {
  const { a, b, cur } = run;
  const { i, ch, c, solo, rareOld } = site;
  if (DEBUG) console.error(`  cands ${ch} solo=${solo} c=${c} ${cands.map((x) => x.truth + ":" + x.source).join(" ")}`);
  const gains = characterModelGains(site, cands, run, t);
  // a candidate the genre model finds much worse than the original never wins:
  // drop it before the (costlier) word model; a common stand-alone character
  // is looked at only when the genre model likes some candidate better
  if (t.clm && solo && !cands.some((x) => (gains.get(x.truth) ?? 0) >= PARAMS.soloLmMin)) return null;
  const live = cands.filter(
    (x) =>
      (!t.clm || (gains.get(x.truth) ?? 0) >= PARAMS.lmPrune) &&
      (t.formsWord(cur, a, b, i, x.truth) || (rareOld && (t.charFreq.get(x.truth) ?? 0) >= PARAMS.commonCharFreq) || (gains.get(x.truth) ?? -Infinity) >= PARAMS.lmLive),
  );
  if (!live.length) return null;
  const ws = Math.max(a, i - PARAMS.window);
  const we = Math.min(b, i + PARAMS.window + 1);
  const win = cur.slice(ws, we);
  const k = i - ws;
  const old = t.lm.segment(win);
  const oldLen = old.tokenEnd[k] - old.tokenStart[k];
  const scored: ScoredCand[] = [];
  for (const cand of live) {
    const nw = win.slice(0, k) + cand.truth + win.slice(k + 1);
    const seg = t.lm.segment(nw);
    const newLen = seg.tokenEnd[k] - seg.tokenStart[k];
    const wordGain = seg.score - old.score;
    const lmGain = gains.get(cand.truth) ?? 0;
    // the two models see the same evidence twice where a long word forms: by
    // default the character model adds only what the word model did not see
    const score = combineGains(wordGain, lmGain) + PARAMS.priorWeight * (Math.log(cand.weight) + site.channelShift) + site.evBonus;
    scored.push({ cand, score, lmGain: gains.get(cand.truth) ?? 0, newLen, tokStart: seg.tokenStart[k], word: nw.slice(seg.tokenStart[k], seg.tokenEnd[k]) });
  }
  scored.sort((x, y) => y.score - x.score || (x.cand.truth < y.cand.truth ? -1 : 1));
  return { scored, window: { ws, k, win, old, oldLen } };
}

/**
 * The character model weighs look-alikes; a candidate without look-alike
 * evidence (completion, lexicon) only where the original is itself uncommon.
 * The original inside a known word is a plausible reading: the character
 * model may only speak against a candidate there.
 */
function characterModelGains(site: Site, cands: readonly Cand[], run: HanRun, t: CorrectorTables): Map<string, number> {
  const gains = new Map<string, number>();
  const lmAll = site.cf < PARAMS.lmAllCharFreq && !t.domainChars.has(site.ch);
  const lmCands = cands.filter((x) => lmAll || x.source === 'genre' || (x.source !== 'complete' && x.source !== 'lexicon')).map((x) => x.truth);
  const lmGains = t.ctxGains(run.cur, site.i, lmCands);
  for (let q = 0; q < lmCands.length; q++) {
    const g = lmGains[q];
    gains.set(lmCands[q], site.c & 1 && PARAMS.lmCoveredCap !== null ? Math.min(g, PARAMS.lmCoveredCap) : g);
  }
  return gains;
}
