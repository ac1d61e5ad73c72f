/**
 * Stage step: two adjacent doubtful characters (neither covered by a known
 * word, neither a common one-character word) replaced together by two
 * look-alikes that form one word (internal to pipeline/correct).
 */
import type { ChangeMeta, StageEdit } from '../tracked-text.ts';
import { confidenceOf } from './character-decision.ts';
import type { HanRun } from './character-run.ts';
import { DEBUG, type Segmentation } from './character-scoring.ts';
import { combineGains } from './context-gains.ts';
import { channelShift } from './engine-rates.ts';
import { PARAMS } from './params.ts';
import type { CorrectorTables } from './tables.ts';
import { pairKey as pk, round } from './text-units.ts';

interface ScoredPair {
  t: string;
  score: number;
  src: string;
  word: string;
}

export function correctPairs(run: HanRun, t: CorrectorTables): void {
  const { a, b, cur, off, cov, touched, suggested, mask, edits, suggestions } = run;
  for (let i = a; i + 1 < b; i++) {
    if ((cov[i - a] & 1) || (cov[i + 1 - a] & 1)) continue;
    if (touched.has(i) || touched.has(i + 1) || mask[i + off] || mask[i + 1 + off]) continue;
    if ((t.freq.get(cur[i]) ?? 0) >= PARAMS.soloSkip || (t.freq.get(cur[i + 1]) ?? 0) >= PARAMS.soloSkip) continue;
    const scored = scorePairs(run, i, t);
    if (!scored.length) continue;
    scored.sort((p, q) => q.score - p.score || (p.t < q.t ? -1 : 1));
    const best = scored[0];
    if (best.score < PARAMS.suggestPairScore) continue;
    const second = scored[1]?.score ?? -Infinity;
    const named = t.inNameZone(cur, i) || t.inNameZone(cur, i + 1);
    const apply = best.score >= PARAMS.applyPairScore && best.score - second >= PARAMS.margin && !t.inNameZone(cur, i) && !t.inNameZone(cur, i + 1);
    if (DEBUG) console.error(`[pair] ${cur.slice(Math.max(a, i - 4), i)}[${cur.slice(i, i + 2)}]${cur.slice(i + 2, i + 6)} ${scored.slice(0, 4).map((x) => `${x.t}:${x.score.toFixed(1)}/${x.word}`).join(' ')} apply=${apply}`);
    const meta: ChangeMeta = {
      type: 'correction',
      kind: 'character',
      rule: `confusion:${best.src}`,
      confidence: confidenceOf(best.score - (PARAMS.applyPairScore - PARAMS.applyScore), apply),
      note: `${cur.slice(i, i + 2)}→${best.t} (${best.word}; score ${round(best.score)}; two characters)`,
      ...(named ? {} : { score: round(best.score - (PARAMS.applyPairScore - PARAMS.applyScore)) }),
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

/** Both characters' misreading priors move with the engine that read each (engine-rates.ts). */
function pairShift(run: HanRun, i: number, t: CorrectorTables): number {
  const at = (q: number) => channelShift(t.dicts.channelShifts, run.input.evidenceAt?.(q + run.off)?.engine);
  return at(i) + at(i + 1);
}

/** Every pair of look-alikes for cur[i, i+2) that forms a known word, scored like a single site. */
function scorePairs(run: HanRun, i: number, t: CorrectorTables): ScoredPair[] {
  const { a, b, cur } = run;
  const c1 = (t.confusions.get(cur[i]) ?? []).slice(0, PARAMS.pairCands);
  const c2 = (t.confusions.get(cur[i + 1]) ?? []).slice(0, PARAMS.pairCands);
  if (!c1.length || !c2.length) return [];
  const ws = Math.max(a, i - PARAMS.window);
  const we = Math.min(b, i + 2 + PARAMS.window);
  const win = cur.slice(ws, we);
  const k = i - ws;
  let old: Segmentation | null = null;
  const scored: ScoredPair[] = [];
  for (const x of c1) {
    const xc = x.truth.charCodeAt(0);
    for (const y of c2) {
      if (!t.inner2.has(pk(xc, y.truth.charCodeAt(0)))) continue;
      const pair = x.truth + y.truth;
      const pre = i > a ? cur[i - 1] : '';
      const post = i + 2 < b ? cur[i + 2] : '';
      if ((t.freq.get(pair) ?? 0) < PARAMS.candWordMinFreq && (t.freq.get(pre + pair) ?? 0) < PARAMS.candWordMinFreq && (t.freq.get(pair + post) ?? 0) < PARAMS.candWordMinFreq) continue;
      old ??= t.lm.segment(win);
      const nw = win.slice(0, k) + pair + win.slice(k + 2);
      const seg = t.lm.segment(nw);
      // the two new characters must sit in one multi-character word
      if (seg.tokenStart[k] !== seg.tokenStart[k + 1] || seg.tokenEnd[k] - seg.tokenStart[k] < 2) continue;
      const score = combineGains(seg.score - old.score, t.ctxGain(cur, i, pair)) + PARAMS.priorWeight * (Math.log(x.weight) + Math.log(y.weight) + pairShift(run, i, t));
      scored.push({ t: pair, score, src: x.source === y.source ? x.source : `${x.source}+${y.source}`, word: nw.slice(seg.tokenStart[k], seg.tokenEnd[k]) });
    }
  }
  return scored;
}
