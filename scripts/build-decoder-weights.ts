// Estimates the decoder's weights (dictionaries/decoder-weights.json) on
// held-out corpus text, never on fixtures.
//
// Split of dictionaries/corpus/ (files sorted by name): file k with k % 5 === 4
// is the fit split, k % 5 === 2 the calibration split, the rest trains the
// genre character model used here (so the model meets the held-out text for
// the first time, as it would a user's notice).
//
// Fit: in each fit document, Han positions are sampled (rate SAMPLE); half of
// them are misread by the OCR confusion statistics (ocr-observed.tsv:
// truth -> ocr drawn by count). At every sampled position the candidates of
// the printed character (candidates.ts) compete with it, and a conditional
// logit (printed reading = log-odds 0) is fitted by Newton's method to pick
// the truth. The prior odds of a misreading are then moved from the fit's
// corruption rate to the rate the statistics show (Σ count / Σ source_count).
//
// Calibration: the calibration documents are misread at that rate and run
// through the decoder; printed: for changes with posterior >= c, the share
// right, and the share of misreadings fixed.
//
// Usage: npx tsx scripts/build-decoder-weights.ts [--sample 0.1] [--seed 1] [--calibration-lines 400]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDictionaries } from '../pipeline/correct/dictionaries.ts';
import { CharLM } from '../pipeline/correct/char-lm.ts';
import { parseJiebaDict } from '../pipeline/correct/lm.ts';
import { ShapeModel } from '../pipeline/correct/glyph-features.ts';
import { CandidateIndex } from '../pipeline/correct/candidates.ts';
import { loadWordLM } from '../pipeline/correct/word-lm.ts';
import { DocumentPairs, FEATURES, readingFeatures, type ReadingModels, type Weights } from '../pipeline/correct/reading-score.ts';
import { decodeLine } from '../pipeline/correct/decoder.ts';
import { DECODER_WEIGHTS_FILE, type DecoderWeightsFile } from '../pipeline/correct/decoder-weights.ts';
import { flag } from './lib/flag.ts';
import { rng } from './lib/rng.ts';

const root = join(import.meta.dirname, '..');
const SAMPLE = Number(flag('sample', '0.1'));
const random = rng(Number(flag('seed', '1')));
const calibrationLines = Number(flag('calibration-lines', '400'));
const HAN = /\p{Script=Han}/u;

const dicts = loadDictionaries();
const corpusDir = join(root, 'dictionaries/corpus');
const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
const read = (f: string): string[] => readFileSync(join(corpusDir, f), 'utf8').split(/\r?\n/).filter((l) => l.trim());
const split = (r: number): string[] => files.filter((_, k) => k % 5 === r);
const trainText = files.filter((_, k) => k % 5 !== 4 && k % 5 !== 2).map((f) => read(f).join('\n')).join('\n');

const jiebaFreq = new Map<string, number>();
const jiebaChar = new Map<string, number>();
parseJiebaDict(dicts.jiebaText, jiebaFreq, jiebaChar);
const shapes = new ShapeModel(dicts.glyphFeatures);
const models: ReadingModels = { word: loadWordLM(join(root, 'dictionaries/word-lm')), char: new CharLM(trainText, jiebaChar), shapes };
const candidates = new CandidateIndex(dicts.confusions, dicts.glyphFeatures, dicts.charfreq ?? jiebaChar);

// OCR statistics: truth -> [ocr, count]; the misreading rate
const misread = new Map<string, { ocr: string; count: number }[]>();
const sourceCount = new Map<string, number>();
for (const line of readFileSync(join(root, 'dictionaries/confusions/ocr-observed.tsv'), 'utf8').split('\n').slice(1)) {
  const [truth, ocr, count, source] = line.split('\t');
  if (!truth || !ocr) continue;
  if (!misread.has(truth)) misread.set(truth, []);
  misread.get(truth)!.push({ ocr, count: Number(count) });
  sourceCount.set(truth, Number(source));
}
let totalMisread = 0;
for (const l of misread.values()) for (const x of l) totalMisread += x.count;
const epsilon = totalMisread / [...sourceCount.values()].reduce((a, b) => a + b, 0);

/** A misreading of truth the decoder can undo (truth is a candidate of it), drawn by count. */
function drawMisreading(truth: string): string | null {
  const list = (misread.get(truth) ?? []).filter((x) => candidates.of(x.ocr).includes(truth));
  const total = list.reduce((a, x) => a + x.count, 0);
  let r = random() * total;
  for (const x of list) if ((r -= x.count) < 0) return x.ocr;
  return null;
}

/** Misread a document: each Han position chosen with probability `rate`, misread when possible. */
function corrupt(lines: string[], rate: number, pick: number): { printed: string[]; truth: string[]; sampled: [number, number, boolean][] } {
  const printed: string[] = [];
  const sampled: [number, number, boolean][] = [];
  lines.forEach((line, li) => {
    const chars = [...line];
    let out = '';
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (!HAN.test(ch) || random() >= pick) {
        out += ch;
        continue;
      }
      const o = random() < rate ? drawMisreading(ch) : null;
      sampled.push([li, i, o !== null]);
      out += o ?? ch;
    }
    void chars;
    printed.push(out);
  });
  return { printed, truth: lines, sampled };
}

// ---- fit ----
interface Case {
  options: number[][];
  truth: number; // -1: the printed reading
}
const cases: Case[] = [];
let corrupted = 0;
for (const f of split(4)) {
  const { printed, truth, sampled } = corrupt(read(f), 0.5, SAMPLE);
  const doc = new DocumentPairs(printed.join('\n'));
  for (const [li, i, isErr] of sampled) {
    const line = printed[li]!;
    const cands = candidates.of(line[i]!);
    const options = cands.map((t) => {
      const feat = readingFeatures(models, line, [{ at: i, to: t }], doc);
      return FEATURES.map((k) => feat[k]);
    });
    const t = isErr ? cands.indexOf(truth[li]![i]!) : -1;
    if (isErr) corrupted++;
    cases.push({ options, truth: t });
  }
}
const D = FEATURES.length;

function loglik(w: number[]): number {
  let ll = 0;
  for (const c of cases) {
    const z = c.options.map((x) => x.reduce((a, v, k) => a + v * w[k]!, 0));
    const m = Math.max(0, ...z);
    const tot = Math.exp(-m) + z.reduce((a, v) => a + Math.exp(v - m), 0);
    ll += (c.truth < 0 ? 0 : z[c.truth]!) - m - Math.log(tot);
  }
  return ll;
}

/** Conditional-logit fit by Newton's method over the features in `active` (the others stay 0). */
function fit(active: boolean[]): number[] {
  const idx = FEATURES.map((_, k) => k).filter((k) => active[k]);
  let w = new Array<number>(D).fill(0);
  w[FEATURES.indexOf('changes')] = -3;
  for (let iter = 0; iter < 50; iter++) {
    const g = new Array<number>(D).fill(0);
    const H = Array.from({ length: D }, () => new Array<number>(D).fill(0));
    for (const c of cases) {
      const z = c.options.map((x) => x.reduce((a, v, k) => a + v * w[k]!, 0));
      const m = Math.max(0, ...z);
      const e = z.map((v) => Math.exp(v - m));
      const tot = Math.exp(-m) + e.reduce((a, b) => a + b, 0);
      const p = e.map((v) => v / tot);
      const mean = new Array<number>(D).fill(0);
      c.options.forEach((x, j) => x.forEach((v, k) => (mean[k]! += p[j]! * v)));
      const xt = c.truth < 0 ? new Array<number>(D).fill(0) : c.options[c.truth]!;
      for (const a of idx) {
        g[a]! += xt[a]! - mean[a]!;
        for (const b of idx) {
          let second = 0;
          c.options.forEach((x, j) => (second += p[j]! * x[a]! * x[b]!));
          H[a]![b]! += second - mean[a]! * mean[b]!;
        }
      }
    }
    const step = solve(
      idx.map((a) => idx.map((b) => H[a]![b]! + (a === b ? 1e-3 : 0))),
      idx.map((a) => g[a]!),
    );
    // damped Newton: halve the step until the likelihood does not fall
    const before = loglik(w);
    let t = 1;
    let next = w;
    for (let h = 0; h < 30; h++, t /= 2) {
      next = w.map((v, k) => v + (idx.includes(k) ? t * step[idx.indexOf(k)]! : 0));
      if (loglik(next) >= before) break;
    }
    w = next;
    if (t * Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  console.log(`fit over ${idx.map((k) => FEATURES[k]).join(', ')}: log-likelihood ${loglik(w).toFixed(1)}`);
  return w;
}
const active = FEATURES.map(() => true);
let w = fit(active);
// a negative weight says a feature only echoes another (shape is near-constant
// among look-alike candidates, so it trades off against the prior): drop it and refit
for (let k = 0; k < D; k++)
  if (w[k]! < 0 && FEATURES[k] !== 'changes') {
    console.log(`${FEATURES[k]}: estimated ${w[k]!.toFixed(3)} < 0, dropped`);
    active[k] = false;
    w = fit(active);
  }
const r = corrupted / cases.length;
const prior = Math.log(epsilon / (1 - epsilon)) - Math.log(r / (1 - r));
const weights = Object.fromEntries(FEATURES.map((k, j) => [k, Number((w[j]! + (k === 'changes' ? prior : 0)).toFixed(4))])) as Weights;
// the cascade's bound: the word-model term of the true readings, 99th percentile
const wordTerms = cases.filter((c) => c.truth >= 0).map((c) => Math.max(0, weights.word * c.options[c.truth]![0]!)).sort((a, b) => a - b);
const wordBound = Number(wordTerms[Math.floor(0.99 * (wordTerms.length - 1))]!.toFixed(3));
console.log(`fit: ${cases.length} positions (${corrupted} misread) in ${split(4).length} files; misreading rate ${epsilon.toFixed(4)}; word bound ${wordBound}`);
console.log('weights', weights);

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r2 = c + 1; r2 < n; r2++) if (Math.abs(M[r2]![c]!) > Math.abs(M[piv]![c]!)) piv = r2;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    for (let r2 = 0; r2 < n; r2++) {
      if (r2 === c) continue;
      const f = M[r2]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r2]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}

// ---- calibration ----
const thresholds = [0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.99];
const right = new Array<number>(thresholds.length).fill(0);
const made = new Array<number>(thresholds.length).fill(0);
let errors = 0;
let lines = 0;
for (const f of split(2)) {
  if (lines >= calibrationLines) break;
  const src = read(f).slice(0, calibrationLines - lines);
  lines += src.length;
  const { printed, truth, sampled } = corrupt(src, epsilon, 1);
  errors += sampled.filter((s) => s[2]).length;
  const doc = new DocumentPairs(printed.join('\n'));
  printed.forEach((line, li) => {
    for (const site of decodeLine(line, { models, candidates, weights, wordBound, document: doc })) {
      const best = site.readings[0];
      if (!best) continue;
      thresholds.forEach((c, k) => {
        if (best.posterior < c) return;
        made[k]!++;
        if (truth[li]![site.at] === best.ch) right[k]!++;
      });
    }
  });
}
const calibration = thresholds.map((c, k) => ({ atLeast: c, changes: made[k]!, right: right[k]!, share: made[k] ? Number((right[k]! / made[k]!).toFixed(3)) : null, fixedShare: Number((right[k]! / Math.max(1, errors)).toFixed(3)) }));
console.log(`calibration: ${lines} lines, ${errors} misreadings`);
console.table(calibration);

const out: DecoderWeightsFile = {
  note: 'written by scripts/build-decoder-weights.ts; do not edit by hand',
  weights,
  misreadingRate: Number(epsilon.toFixed(5)),
  wordBound,
  fit: { files: split(4), positions: cases.length, misread: corrupted, sample: SAMPLE },
  calibration,
};
writeFileSync(join(root, 'dictionaries', DECODER_WEIGHTS_FILE), JSON.stringify(out, null, 2) + '\n');
