/**
 * Stage: the look-alike passes over every Han run of a paragraph (internal to
 * pipeline/correct). Per suspicious character: candidates → scores → decision
 * → an applied change (written into the run, so later sites read it) or a
 * suggestion; then adjacent doubtful pairs (pair-pass.ts).
 */
import type { ChangeMeta, StageEdit } from '../tracked-text.ts';
import { candidatesAt } from './character-candidates.ts';
import { chooseReading, confidenceOf, type Decision } from './character-decision.ts';
import type { HanRun, Site } from './character-run.ts';
import { DEBUG, scoreCandidates, type ScoredCand } from './character-scoring.ts';
import { correctPairs } from './pair-pass.ts';
import { PARAMS } from './params.ts';
import { correctRealWords } from './real-word-sites.ts';
import { correctByCompletion } from './completion-readings.ts';
import { suspiciousSite } from './suspicious-sites.ts';
import type { CorrectorTables } from './tables.ts';
import { isHan, round } from './text-units.ts';
import type { Paragraph } from './types.ts';

export function lookAlikePasses(p: Paragraph, t: CorrectorTables): void {
  const text = p.text;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isHan(text, i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && isHan(text, j)) j++;
    // (a lone Han character has no word context)
    if (j - i >= 2) {
      // work on a local copy of the run (plus a little context): edits are 1:1 substitutions
      const off = Math.max(0, i - 8);
      const cur = text.slice(off, Math.min(n, j + 8));
      const [a, b] = [i - off, j - off];
      const cov = t.coveredRun(cur, a, b);
      correctRun({ a, b, cur, off, input: p.input, mask: p.mask, edits: p.edits, suggestions: p.suggestions, warnings: p.warnings, cov, touched: new Set(), suggested: new Set() }, t);
    }
    i = j;
  }
}

function correctRun(run: HanRun, t: CorrectorTables): void {
  const { a, b } = run;
  for (let i = a; i < b; i++) {
    if (run.mask[i + run.off]) continue;
    const site = suspiciousSite(run, i, t);
    if (site) correctSite(site, run, t);
  }
  if (PARAMS.pairs) correctPairs(run, t);
  if (PARAMS.realWordSites) correctRealWords(run, t);
  if (PARAMS.completionReadings) correctByCompletion(run, t);
}

function correctSite(site: Site, run: HanRun, t: CorrectorTables): void {
  const { i, ch } = site;
  const cands = candidatesAt(site, run, t);
  if (site.solo && !cands.length) return;
  if (!cands.length) {
    if (!t.lm.charFreq.has(ch)) run.warnings.push({ code: 'UNKNOWN_CHARACTER', message: `character ${ch} is not in the word list and has no known look-alike`, start: i + run.off, end: i + run.off + 1 });
    return;
  }
  const found = scoreCandidates(site, cands, run, t);
  if (!found) return;
  const { scored, window } = found;
  const d = chooseReading(site, scored, window, run, t);
  if (!d) return;
  if (DEBUG) debugSite(site, scored, window.oldLen, d, run);
  const edit: StageEdit = { start: i + run.off, end: i + run.off + 1, replacement: d.best.cand.truth, meta: characterMeta(site, d) };
  if (d.apply) {
    run.touched.add(i);
    run.edits.push(edit);
    run.cur = run.cur.slice(0, i) + d.best.cand.truth + run.cur.slice(i + 1);
  } else {
    run.suggested.add(i);
    run.suggestions.push(edit);
  }
}

function characterMeta(site: Site, d: Decision): ChangeMeta {
  const { best, apply, alternatives, isComplete, guarded } = d;
  const source = best.cand.source;
  // lexical (non look-alike) candidates were right about 6 times in 7 on the tune fixtures
  const conf = source === 'lexicon' || isComplete ? Math.min(0.85, confidenceOf(best.score, apply)) : confidenceOf(best.score, apply);
  return {
    type: 'correction',
    kind: 'character',
    rule: source === 'evidence' ? 'evidence:ocr-alternative' : source === 'lexicon' ? 'lexicon' : isComplete ? (source === 'genre' ? 'genre:completion' : 'lexicon:completion') : `confusion:${source}`,
    confidence: conf,
    note: `${site.ch}→${best.cand.truth} (${best.word}; score ${round(best.score)}${DEBUG ? ` cov ${site.c} cf ${site.cf} w ${best.cand.weight}` : ""})`,
    ...(guarded ? {} : { score: round(best.score) }),
    ...(alternatives.length > 1 ? { alternatives } : {}),
  };
}

function debugSite(site: Site, scored: ScoredCand[], oldLen: number, d: Decision, run: HanRun): void {
  const { i, ch, cf, c } = site;
  const { a, cur } = run;
  console.error(`[correct] ${cur.slice(Math.max(a, i - 4), i)}[${ch}]${cur.slice(i + 1, i + 5)} oldLen=${oldLen} cf=${cf} cov=${c} ${scored.map((x) => `${x.cand.truth}:${x.score.toFixed(1)}/${x.newLen}/${x.word}/${x.cand.source}`).join(' ')} shaky=${d.shaky} apply=${d.apply}`);
}
