/**
 * One noisy-channel decoder over a paragraph (internal to pipeline/correct).
 *
 * 1. Lattice: every unprotected Han character is a site; its readings are the
 *    printed character and its candidates (candidates.ts, OCR alternatives).
 *    A reading survives when its own log-odds over the printed character
 *    (reading-score.ts) exceeds ln(minPosterior) — the pruning of the lattice.
 * 2. Sites closer than the models' context interact: each such cluster is
 *    decoded jointly by a beam over its sites, every partial reading scored as
 *    a whole by the language models plus the channel.
 * 3. The posterior of each reading of a cluster is its softmax share (the
 *    printed reading has log-odds 0); a site's posterior for a character is
 *    the summed share of the readings that put it there.
 */
import type { CandidateIndex } from './candidates.ts';
import { CONTEXT, DocumentPairs, logOdds, readingFeatures, singleLogOdds, type ReadingModels, type Substitution, type Weights } from './reading-score.ts';

export interface DecoderParams {
  /** a reading with a smaller posterior on its own leaves the lattice */
  minPosterior: number;
  /** readings kept per site */
  perSite: number;
  /** partial readings kept per cluster */
  beam: number;
}

export const DECODER_DEFAULTS: DecoderParams = { minPosterior: 0.01, perSite: 3, beam: 12 };

export interface DecoderContext {
  models: ReadingModels;
  candidates: CandidateIndex;
  weights: Weights;
  /** largest word-model term a reading is expected to gain (decoder-weights.json): the cascade's bound */
  wordBound: number;
  params?: DecoderParams;
  /** the document's printed text as a cache model */
  document?: DocumentPairs;
  /** protected position (offset inside the line) */
  isProtected?: (i: number) => boolean;
  /** the OCR engine's alternatives at a position: log-likelihood ratio against the printed character */
  alternatives?: (i: number) => { ch: string; llr: number }[];
}

export interface SiteReading {
  /** offset of the site inside the line */
  at: number;
  printed: string;
  /** readings other than the printed character, most probable first, with posteriors */
  readings: { ch: string; posterior: number }[];
  /** posterior of the printed character */
  printedPosterior: number;
}

const HAN = /\p{Script=Han}/u;

interface Site {
  at: number;
  options: { ch: string; z: number; llr: number }[];
}

function latticeSites(line: string, ctx: DecoderContext, p: DecoderParams): Site[] {
  const sites: Site[] = [];
  const floor = Math.log(p.minPosterior);
  for (let i = 0; i < line.length; i++) {
    const o = line[i]!;
    if (!HAN.test(o) || ctx.isProtected?.(i)) continue;
    const alts = new Map((ctx.alternatives?.(i) ?? []).filter((a) => a.ch !== o && a.ch.length === 1).map((a) => [a.ch, a.llr]));
    const cands = new Set([...ctx.candidates.of(o), ...alts.keys()]);
    const list = [...cands];
    const llrs = list.map((ch) => alts.get(ch) ?? 0);
    const zs = singleLogOdds(ctx.models, ctx.weights, line, i, list, llrs, ctx.document, floor, ctx.wordBound);
    const options: Site['options'] = [];
    list.forEach((ch, k) => {
      if (zs[k]! > floor) options.push({ ch, z: zs[k]!, llr: llrs[k]! });
    });
    if (!options.length) continue;
    options.sort((a, b) => b.z - a.z);
    sites.push({ at: i, options: options.slice(0, p.perSite) });
  }
  return sites;
}

function clusters(sites: Site[]): Site[][] {
  const out: Site[][] = [];
  for (const s of sites) {
    const last = out[out.length - 1];
    if (last && s.at - last[last.length - 1]!.at <= CONTEXT) last.push(s);
    else out.push([s]);
  }
  return out;
}

interface Hypothesis {
  subs: Substitution[];
  llr: number;
  z: number;
}

function decodeCluster(line: string, cluster: Site[], ctx: DecoderContext, p: DecoderParams): SiteReading[] {
  let beam: Hypothesis[] = [{ subs: [], llr: 0, z: 0 }];
  for (const site of cluster) {
    const next: Hypothesis[] = [...beam];
    for (const h of beam)
      for (const opt of site.options) {
        const subs = [...h.subs, { at: site.at, to: opt.ch }];
        const llr = h.llr + opt.llr;
        const z = subs.length === 1 ? opt.z : logOdds(ctx.weights, readingFeatures(ctx.models, line, subs, ctx.document)) + llr;
        next.push({ subs, llr, z });
      }
    next.sort((a, b) => b.z - a.z);
    beam = next.slice(0, p.beam);
    if (!beam.some((h) => !h.subs.length)) beam.push({ subs: [], llr: 0, z: 0 });
  }
  const zMax = Math.max(...beam.map((h) => h.z));
  const weights = beam.map((h) => Math.exp(h.z - zMax));
  const total = weights.reduce((a, b) => a + b, 0);
  return cluster.map((site) => {
    const mass = new Map<string, number>();
    let printedPosterior = 0;
    beam.forEach((h, k) => {
      const sub = h.subs.find((s) => s.at === site.at);
      const w = weights[k]! / total;
      if (sub) mass.set(sub.to, (mass.get(sub.to) ?? 0) + w);
      else printedPosterior += w;
    });
    const readings = [...mass].map(([ch, posterior]) => ({ ch, posterior })).sort((a, b) => b.posterior - a.posterior);
    return { at: site.at, printed: line[site.at]!, readings, printedPosterior };
  });
}

/** Posterior readings of every site of one line (paragraph) that has a surviving alternative. */
export function decodeLine(line: string, ctx: DecoderContext): SiteReading[] {
  const p = ctx.params ?? DECODER_DEFAULTS;
  return clusters(latticeSites(line, ctx, p)).flatMap((c) => decodeCluster(line, c, ctx, p));
}
