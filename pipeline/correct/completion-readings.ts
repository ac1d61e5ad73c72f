/**
 * Completion readings (internal to pipeline/correct). Most misreadings the look-alike passes miss
 * are of a character no confusion table lists for the printed one (跟宏督办 for 跟踪督办): the
 * engine's own language model, not the glyph's shape, chose it. Here, after the other passes of a
 * Han run, a character that forms no known two-character word with either neighbour (and whose
 * trigrams the genre corpus does not attest) gets as readings the characters that complete a
 * frequent two-character word with a neighbour. Noisy channel: the prior odds of such a misreading
 * at such a site (PARAMS.completionRate) are shared among the candidates by shape, a conditional
 * logit in glyph similarity (PARAMS.completionShapeSlope) — both counted on the tune fixtures by
 * scripts/fit-completion-channel.ts; the language models' log-odds (reading-score.ts, as the
 * real-word stage weighs them) are added at PARAMS.completionLmScale. The character's look-alikes
 * compete at their own prior. Only a completion that is the best reading at posterior ≥
 * PARAMS.corruptApply is kept: applied when both language models prefer it and no guard holds,
 * else suggested.
 */
import type { HanRun } from './character-run.ts';
import { wordCompletions, type CompletionIndex } from './completions.ts';
import { channelShift } from './engine-rates.ts';
import { PARAMS } from './params.ts';
import { singleLogOdds } from './reading-score.ts';
import { applyReading, documentOf, modelsAgree, modelsOf, realWordEdit, unguarded, type RealWordReading } from './real-word-sites.ts';
import type { CorrectorTables } from './tables.ts';
import { NumSet } from './num-map.ts';
import { pairKey, round } from './text-units.ts';

/** Per word list: its word completions (completions.ts) at this stage's frequency and count, and its two-code-unit words by pair key. */
const indexes = new WeakMap<ReadonlyMap<string, number>, { completions: CompletionIndex; words2: NumSet }>();

function indexOf(freq: ReadonlyMap<string, number>): { completions: CompletionIndex; words2: NumSet } {
  let index = indexes.get(freq);
  if (index) return index;
  const words2 = new NumSet();
  for (const w of freq.keys()) if (w.length === 2) words2.add(pairKey(w.charCodeAt(0), w.charCodeAt(1)));
  indexes.set(freq, (index = { completions: wordCompletions(freq, PARAMS.completionMinFreq, PARAMS.completionTop), words2 }));
  return index;
}

/**
 * The completion readings of s[i] (in the Han run [a, b)), or null when i is no completion site: it forms a
 * known two-character word with a neighbour, or the genre corpus attests its trigrams.
 */
export function completionSite(s: string, a: number, b: number, i: number, t: Pick<CorrectorTables, 'freq' | 'clm'>): string[] | null {
  const { completions: index, words2 } = indexOf(t.freq);
  // (the word test first: it rules out most characters, with two lookups)
  const code = s.charCodeAt(i);
  if ((i > a && words2.has(pairKey(s.charCodeAt(i - 1), code))) || (i + 1 < b && words2.has(pairKey(code, s.charCodeAt(i + 1))))) return null;
  if (PARAMS.skipAttested && t.clm?.attested(s, i)) return null;
  const o = s[i]!;
  const left = i > a ? s[i - 1]! : '';
  const right = i + 1 < b ? s[i + 1]! : '';
  const cands: string[] = [];
  for (const { c } of (left && index.get(left + '?')) || []) if (c !== o) cands.push(c);
  const n = cands.length;
  for (const { c } of (right && index.get('?' + right)) || []) if (c !== o && cands.lastIndexOf(c, n - 1) < 0) cands.push(c);
  return cands;
}

/** ln prior odds of each candidate over the printed character: the site's rate shared by shape (conditional logit). */
export function completionPriors(sims: readonly number[], rate: number, slope: number): number[] {
  const top = Math.max(...sims.map((x) => slope * x));
  const logSum = top + Math.log(sims.reduce((acc, x) => acc + Math.exp(slope * x - top), 0));
  const base = Math.log(rate / (1 - rate));
  return sims.map((x) => base + slope * x - logSum);
}

/**
 * The best completion reading of run position i at posterior ≥ `bar`; 'near' when none reached it but
 * the word model was asked about one (it came within the models' bound of the bar), else null.
 * (Readings that cannot reach the bar are left out of the posterior's sum, so a lower bar gives
 * slightly lower posteriors.)
 */
function completionReading(run: HanRun, i: number, cands: string[], t: CorrectorTables, bar: number): RealWordReading | 'near' | null {
  const m = modelsOf(t);
  const s = run.cur;
  const o = s[i]!;
  const apply = Math.log(bar / (1 - bar));
  const shift = channelShift(t.dicts.channelShifts, run.input.evidenceAt?.(i + run.off)?.engine);
  const priors = completionPriors(cands.map((c) => t.shapes.similarity(o, c) ?? -1), PARAMS.completionRate, PARAMS.completionShapeSlope).map((p) => p + shift);
  // a candidate whose prior is below the bar by more than the largest language-model part cannot reach it
  const kept = cands.flatMap((c, k) => (priors[k]! >= apply - PARAMS.completionLmMax ? [{ c, prior: priors[k]! }] : []));
  if (!kept.length) return null;
  // z = prior + λ·(language models): scored as z/λ (llr' = prior/λ − changes, floor apply/λ) so that singleLogOdds prunes what cannot reach the bar
  const λ = PARAMS.completionLmScale;
  const changes = m.weights.changes;
  const doc = documentOf(run);
  const zc = singleLogOdds(m.models, m.weights, s, i, kept.map((x) => x.c), kept.map((x) => x.prior / λ - changes), doc, apply / λ, m.wordBound).map((z) => z * λ);
  if (!zc.some((z) => z >= apply)) return zc.some((z) => z > -Infinity) ? 'near' : null;
  const looks = m.candidates.of(o);
  const completions = kept.flatMap((x, k) => (looks.includes(x.c) ? [] : [{ truth: x.c, z: zc[k]! }]));
  const zl = looks.length ? singleLogOdds(m.models, m.weights, s, i, looks, looks.map(() => shift), doc, Math.log(1e-3), m.wordBound) : [];
  const scored = [...completions, ...looks.map((truth, k) => ({ truth, z: zl[k]! }))].filter((x) => x.z > -Infinity).sort((x, y) => y.z - x.z || (x.truth < y.truth ? -1 : 1));
  if (!scored.length || !completions.some((x) => x.truth === scored[0]!.truth)) return null;
  const total = 1 + scored.reduce((acc, x) => acc + Math.exp(x.z), 0);
  const posterior = Math.exp(scored[0]!.z) / total;
  if (posterior < bar) return null;
  const alternatives = scored.slice(0, 4).map((x) => ({ after: x.truth, score: round(Math.exp(x.z) / total) }));
  return { i, truth: scored[0]!.truth, posterior, printedPosterior: 1 / total, alternatives, modelsAgree: modelsAgree(s, i, scored[0]!.truth, m, doc) };
}

/** Stage of a Han run, after the real-word stage: completion readings of the characters no pass changed. */
export function correctByCompletion(run: HanRun, t: CorrectorTables): void {
  for (let i = run.a; i < run.b; i++) {
    if (run.mask[i + run.off] || run.touched.has(i)) continue;
    const cands = completionSite(run.cur, run.a, run.b, i, t);
    if (!cands?.length) continue;
    const r = completionReading(run, i, cands, t, PARAMS.corruptApply);
    if (r === 'near' && PARAMS.completionSuggest < PARAMS.corruptApply) suggestCompletion(run, i, cands, t);
    if (!r || r === 'near') continue;
    const applied = r.modelsAgree && unguarded(run, r, t);
    const edit = realWordEdit(run, r, applied, 'real-word:completion');
    if (applied) applyReading(run, r, edit);
    else if (!run.suggested.has(i)) {
      run.suggested.add(i);
      run.suggestions.push(edit);
    }
  }
}

/**
 * Below the bar, a completion reading at posterior ≥ PARAMS.completionSuggest takes the place of a
 * less confident suggestion at the same character (a look-alike guess: 宏→实 becomes 宏→踪 in 跟宏督办);
 * it adds none where no other stage suggested anything. Only sites whose readings came near the apply
 * bar are scored again at the lower one.
 */
function suggestCompletion(run: HanRun, i: number, cands: string[], t: CorrectorTables): void {
  const start = i + run.off;
  const k = run.suggestions.findIndex((x) => x.start === start && x.end === start + 1);
  if (k < 0) return;
  const r = completionReading(run, i, cands, t, PARAMS.completionSuggest);
  if (!r || r === 'near') return;
  const edit = realWordEdit(run, r, false, 'real-word:completion');
  const was = run.suggestions[k]!.meta;
  if (was.type === 'correction' && edit.meta.type === 'correction' && was.confidence < edit.meta.confidence) run.suggestions[k] = edit;
}
