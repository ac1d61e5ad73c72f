/**
 * Candidate readings of a suspicious character for the old passes (internal
 * to pipeline/correct): its look-alikes (confusion tables), the OCR engine's
 * own alternatives, and — where no known word covers it — lexical candidates
 * (characters completing a lexicon term) and completions (characters
 * completing a frequent two-character word with a neighbour).
 */
import type { HanRun, Site } from './character-run.ts';
import { HOLE, maskedEndsKey } from './lexical-index.ts';
import { MAX_WORD } from './lm.ts';
import type { Cand } from './look-alikes.ts';
import { PARAMS } from './params.ts';
import type { CorrectorTables } from './tables.ts';
import { isHan } from './text-units.ts';

export function candidatesAt(site: Site, run: HanRun, t: CorrectorTables): Cand[] {
  let cands = site.solo && !PARAMS.soloLookAlike ? [] : t.confusions.get(site.ch) ?? [];
  if (site.ev?.alternatives?.length) cands = withOcrAlternatives(site, cands);
  if (!(site.c & 1) && PARAMS.lexicalPrior > 0 && !t.domainChars.has(site.ch)) cands = concatNew(cands, lexicalCandidates(site, run, t, cands));
  if (!(site.c & 1) && PARAMS.completePrior > 0) cands = concatNew(cands, completionCandidates(site, run, t, cands));
  return cands;
}

const concatNew = (cands: Cand[], extra: Cand[]): Cand[] => (extra.length ? cands.concat(extra) : cands);
const listed = (list: readonly Cand[], truth: string): boolean => list.some((x) => x.truth === truth);

/** The engine's alternatives: an alternative read nearly as confidently as the printed character is a strong candidate. */
function withOcrAlternatives(site: Site, list: Cand[]): Cand[] {
  const ev = site.ev!;
  const cands = list.slice();
  for (const alt of ev.alternatives!) {
    if (alt.text.length !== 1 || alt.text === site.ch || !isHan(alt.text, 0)) continue;
    const ex = cands.find((x) => x.truth === alt.text);
    const w = alt.confidence >= 0.8 * ev.confidence ? 1 : Math.min(1, Math.max(0.3, alt.confidence));
    if (ex) cands[cands.indexOf(ex)] = { ...ex, weight: Math.max(ex.weight, w) };
    else cands.push({ truth: alt.text, weight: w, source: 'evidence' });
  }
  return cands;
}

/** Characters completing a lexicon term (3+ characters) here. */
function lexicalCandidates(site: Site, run: HanRun, t: CorrectorTables, cands: readonly Cand[]): Cand[] {
  const { a, b, cur } = run;
  const { i, ch } = site;
  const extra: Cand[] = [];
  for (let L = 3; L <= MAX_WORD; L++) {
    for (let st = Math.max(a, i - L + 1); st <= i && st + L <= b; st++) {
      if (!t.maskedEnds.has(maskedEndsKey(L, st === i ? HOLE : cur.charCodeAt(st), st + L - 1 === i ? HOLE : cur.charCodeAt(st + L - 1)))) continue;
      const l = t.masked.get(cur.slice(st, i) + '?' + cur.slice(i + 1, st + L));
      if (!l) continue;
      for (const x of l) if (x !== ch && !listed(cands, x) && !listed(extra, x)) extra.push({ truth: x, weight: PARAMS.lexicalPrior, source: 'lexicon' });
    }
  }
  return extra;
}

/**
 * A word completion's prior grows with its likeness to the printed character, as the genre completions' and
 * the completion readings' do: by exp(slope · (similarity − the shape bar)), the slope the completion channel
 * was fitted with on the tune fixtures (PARAMS.completionShapeSlope, scripts/fit-completion-channel.ts).
 */
const completionWeight = (sim: number): number =>
  PARAMS.completeShapeMin > -1 ? Math.min(0.5, PARAMS.completePrior * Math.exp(PARAMS.completionShapeSlope * (sim - PARAMS.completeShapeMin))) : PARAMS.completePrior;

/**
 * Word completion: the neighbour is the start/end of a very frequent
 * two-character word and this character is not. A cheap bound first (unigram
 * gain of the completed word over the two characters it replaces): only
 * completions that may reach the suggestion score are scored with the word model.
 */
function completionCandidates(site: Site, run: HanRun, t: CorrectorTables, cands: readonly Cand[]): Cand[] {
  const { a, b, cur } = run;
  const { i, ch, cf } = site;
  const { lm, clm, freq } = t;
  const extra: Cand[] = [];
  const lpCh = lm.logP(ch) ?? lm.unknownLogP;
  const floor = PARAMS.suggestCompleteScore - PARAMS.completeSlack - Math.log(PARAMS.completePrior) - (cf < PARAMS.lmAllCharFreq && !t.domainChars.has(ch) && clm ? PARAMS.completeLmSlack : 0);
  const add = (l: { c: string; f: number }[] | undefined, nb: string): void => {
    if (!l) return;
    const base = lpCh + (lm.logP(nb) ?? lm.unknownLogP) + lm.logTotal;
    for (const x of l) {
      if (Math.log(x.f) - base < floor) break; // sorted by frequency
      if (x.c === ch || listed(cands, x.c) || listed(extra, x.c)) continue;
      const sim = t.shapes.similarity(ch, x.c) ?? -1;
      if (PARAMS.completeShapeMin > -1 && sim < PARAMS.completeShapeMin) continue;
      extra.push({ truth: x.c, weight: completionWeight(sim), source: 'complete' });
    }
  };
  if (i > a && (freq.get(cur[i - 1] + ch) ?? 0) === 0) add(t.complete.get(cur[i - 1] + '?'), cur[i - 1]);
  if (i + 1 < b && (freq.get(ch + cur[i + 1]) ?? 0) === 0) add(t.complete.get('?' + cur[i + 1]), cur[i + 1]);
  if (t.genreComplete.size && clm) {
    // pairs the genre prints often: the character model weighs them
    const addGenre = (key: string): void => {
      for (const x of t.genreFor(ch, key)) if (!listed(cands, x.truth) && !listed(extra, x.truth)) extra.push(x);
    };
    // (only beside a neighbour the genre corpus never prints the character with)
    if (i > a && (freq.get(cur[i - 1] + ch) ?? 0) === 0 && clm.pairCount(cur, i - 1) === 0) addGenre(cur[i - 1] + '?');
    if (i + 1 < b && (freq.get(ch + cur[i + 1]) ?? 0) === 0 && clm.pairCount(cur, i) === 0) addGenre('?' + cur[i + 1]);
  }
  return extra;
}
