/**
 * Real-word errors (internal to pipeline/correct): a misreading that happens
 * to form a known word with a neighbour (人质任 for 人责任: 人质 covers 质). The
 * look-alike passes never examine a character a known word covers, and where
 * the printed character sits in a known corrupted form of a word (十部 for
 * 干部) they only suggest, as the printed word is a word. Here, after them,
 * each character of a corrupted form they left as printed (and, when
 * PARAMS.realWordCoveredSites, each covered character they skipped: off, as
 * measured in params.ts) is weighed with the decoder's noisy-channel log-odds
 * (reading-score.ts, weights fitted on held-out corpus text): its look-alikes
 * that form a known word are scored by the real-corpus word model, the genre
 * character model and the document's own pairs, plus the prior odds of a
 * misreading at that kind of character (params.ts: from the tune fixtures'
 * counts). Only a reading that reaches its kind of site's apply posterior is
 * kept: applied when both language models prefer it on their own, it breaks
 * no term of the domain lexicon and no name / place guard holds, else
 * suggested. (Below that bar the readings are noise: on the tune fixtures,
 * with both kinds of site, none of 36 suggested from decoderSuggest was right.)
 */
import type { StageEdit } from '../tracked-text.ts';
import type { HanRun } from './character-run.ts';
import { channelShift } from './engine-rates.ts';
import { MAX_WORD } from './lm.ts';
import { decoderModels, type DecoderModels } from './models.ts';
import { PARAMS } from './params.ts';
import { DocumentPairs, readingFeatures, singleLogOdds } from './reading-score.ts';
import type { CorrectorTables } from './tables.ts';
import { round } from './text-units.ts';

/** A character's best look-alike reading and its posterior over the printed one. */
export interface RealWordReading {
  i: number;
  truth: string;
  posterior: number;
  printedPosterior: number;
  alternatives: { after: string; score: number }[];
  /** both language models, the real-corpus word model and the genre character model, prefer the reading on their own */
  modelsAgree: boolean;
}

const modelsByTables = new WeakMap<CorrectorTables, DecoderModels>();
const documentByInput = new WeakMap<HanRun['input'], DocumentPairs>();

/** The models the stage reads (loaded once per corrector tables). */
export function modelsOf(t: CorrectorTables): DecoderModels {
  let m = modelsByTables.get(t);
  if (!m) modelsByTables.set(t, (m = decoderModels(t.dicts, t.clm)));
  return m;
}

export function documentOf(run: HanRun): DocumentPairs {
  let d = documentByInput.get(run.input);
  if (!d) documentByInput.set(run.input, (d = new DocumentPairs(run.input.text)));
  return d;
}

/** What the stage knows of a kind of site: the ln prior-odds shift of a misreading there, and the posterior that applies a reading. */
export interface RealWordSiteKind {
  prior: number;
  apply: number;
}

/**
 * The kind of site a character with these prefilter bits is, or null when the stage does not look at it:
 * inside a known corrupted form, or (when PARAMS.realWordCoveredSites, off: measured no gain) covered by a
 * known word and nothing else; rare characters and those read with low confidence are the look-alike passes' own.
 */
export function realWordSiteKind(cov: number, charFreq: number, confidence?: number): RealWordSiteKind | null {
  if (charFreq < PARAMS.rareCharFreq || (confidence !== undefined && confidence < PARAMS.lowConfidence)) return null;
  if (cov & 2) return { prior: PARAMS.corruptPriorShift, apply: PARAMS.corruptApply };
  return cov & 1 && PARAMS.realWordCoveredSites ? { prior: PARAMS.coveredPriorShift, apply: PARAMS.decoderApply } : null;
}

/** The kind of site at run position i, its prior moved by the reading engine's misreading rate (engine-rates.ts). */
function siteKindAt(run: HanRun, i: number, t: CorrectorTables): RealWordSiteKind | null {
  const ev = run.input.evidenceAt?.(i + run.off);
  const kind = realWordSiteKind(run.cov[i - run.a]!, t.charFreqByCode[run.cur.charCodeAt(i)]!, ev?.confidence);
  return kind && { ...kind, prior: kind.prior + channelShift(t.dicts.channelShifts, ev?.engine) };
}

/**
 * Log-odds over the printed character (no site prior) of each look-alike of line[i] that forms a
 * known word within line[a, b) (a real-word error swaps one word for another), best first; those that
 * cannot reach `floor` are left out.
 */
export function realWordLogOdds(line: string, a: number, b: number, i: number, m: DecoderModels, t: Pick<CorrectorTables, 'formsWord'>, doc: DocumentPairs, floor: number): { truth: string; z: number }[] {
  const cands = m.candidates.of(line[i]!).filter((c) => t.formsWord(line, a, b, i, c));
  if (!cands.length) return [];
  const zs = singleLogOdds(m.models, m.weights, line, i, cands, cands.map(() => 0), doc, floor, m.wordBound);
  const scored = cands.map((truth, k) => ({ truth, z: zs[k]! })).filter((x) => x.z > -Infinity);
  return scored.sort((x, y) => y.z - x.z || (x.truth < y.truth ? -1 : 1));
}

/**
 * Whether the word model and the genre character model each prefer reading line[i] as truth: a reading
 * only one of them likes is a genre term the other does not know (领学人: 领导人 to the word model) or the reverse.
 */
export function modelsAgree(line: string, i: number, truth: string, m: DecoderModels, doc: DocumentPairs): boolean {
  const f = readingFeatures(m.models, line, [{ at: i, to: truth }], doc);
  return f.word > 0 && f.char > 0;
}

/** The best reading of position i (with its site prior) whose posterior reaches `bar`, else null. */
export function realWordReading(run: HanRun, i: number, prior: number, bar: number, t: CorrectorTables): RealWordReading | null {
  const floor = Math.log(bar) - prior;
  const scored = realWordLogOdds(run.cur, run.a, run.b, i, modelsOf(t), t, documentOf(run), floor).map((x) => ({ truth: x.truth, z: x.z + prior }));
  if (!scored.length) return null;
  const total = 1 + scored.reduce((s, x) => s + Math.exp(x.z), 0);
  const posterior = Math.exp(scored[0]!.z) / total;
  if (posterior < bar) return null;
  const alternatives = scored.slice(0, 4).map((x) => ({ after: x.truth, score: round(Math.exp(x.z) / total) }));
  const agree = modelsAgree(run.cur, i, scored[0]!.truth, modelsOf(t), documentOf(run));
  return { i, truth: scored[0]!.truth, posterior, printedPosterior: 1 / total, alternatives, modelsAgree: agree };
}

/** Start of the known word w that reading s[i] as ch forms around i (w from bestWordAt). */
function wordStart(s: string, i: number, ch: string, w: string): number {
  for (let st = Math.max(0, i - w.length + 1); st <= i; st++) if (s.slice(st, i) + ch + s.slice(i + 1, st + w.length) === w) return st;
  return i;
}

/** Whether a term of the domain lexicon, as printed, holds s[i]: the genre's own word (领学 in 领学人) is evidence the print is right. */
export function inLexiconTerm(s: string, i: number, lexicon: ReadonlyMap<string, number>): boolean {
  for (let L = 2; L <= MAX_WORD; L++) for (let st = Math.max(0, i - L + 1); st <= i && st + L <= s.length; st++) if (lexicon.has(s.slice(st, st + L))) return true;
  return false;
}

/**
 * A reading the guards allow to be applied: it breaks no domain lexicon term, and the new word is no
 * personal name, rare proper noun or unknown place.
 */
export function unguarded(run: HanRun, r: RealWordReading, t: CorrectorTables): boolean {
  if (inLexiconTerm(run.cur, r.i, t.lexicon)) return false;
  const { word } = t.bestWordAt(run.cur, r.i, r.truth);
  const te = word ? wordStart(run.cur, r.i, r.truth, word) + word.length : r.i + 1;
  return !t.inNameZone(run.cur, r.i) && !t.inPlaceName(run.cur, r.i, te, word) && !t.rareProperNoun(word);
}

export function realWordEdit(run: HanRun, r: RealWordReading, applied: boolean, rule = 'real-word:word-model'): StageEdit {
  return {
    start: r.i + run.off,
    end: r.i + run.off + 1,
    replacement: r.truth,
    meta: {
      type: 'correction',
      kind: 'character',
      rule,
      // capped as the look-alike passes' confidences are (character-decision.ts): 0.99 applied, 0.6 suggested —
      // a guarded or disputed reading has no calibration of its own
      confidence: round(Math.min(r.posterior, applied ? 0.99 : 0.6)),
      note: `${run.cur[r.i]}→${r.truth} (posterior ${round(r.posterior)} against ${round(r.printedPosterior)} for the printed character)`,
      ...(r.alternatives.length > 1 ? { alternatives: r.alternatives } : {}),
    },
  };
}

/** Apply r: the change goes into the run (later sites read it) and replaces any suggestion at its position. */
export function applyReading(run: HanRun, r: RealWordReading, edit: StageEdit): void {
  // (the run's suggestions are the paragraph's list: removed in place)
  for (let k = run.suggestions.length - 1; k >= 0; k--) if (run.suggestions[k]!.start === edit.start && run.suggestions[k]!.end === edit.end) run.suggestions.splice(k, 1);
  run.touched.add(r.i);
  run.edits.push(edit);
  run.cur = run.cur.slice(0, r.i) + r.truth + run.cur.slice(r.i + 1);
}

/** Stage of a Han run, after the look-alike passes: the characters they skipped or only suggested because a known word holds them. */
export function correctRealWords(run: HanRun, t: CorrectorTables): void {
  for (let i = run.a; i < run.b; i++) {
    if (run.mask[i + run.off] || run.touched.has(i)) continue;
    // as for every examined site: ordinary notice prose when the genre corpus attests every trigram around it
    if (PARAMS.skipAttested && t.clm?.attested(run.cur, i)) continue;
    const kind = siteKindAt(run, i, t);
    if (!kind) continue;
    const r = realWordReading(run, i, kind.prior, kind.apply, t);
    if (!r) continue;
    const applied = r.posterior >= kind.apply && r.modelsAgree && unguarded(run, r, t);
    if (applied) applyReading(run, r, realWordEdit(run, r, true));
    else if (!run.suggested.has(i)) {
      run.suggested.add(i);
      run.suggestions.push(realWordEdit(run, r, false));
    }
  }
}
