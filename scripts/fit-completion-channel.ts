// The channel of the completion readings (pipeline/correct/completion-readings.ts), from the tune
// fixtures' OCR text against gold (never holdout or unseen):
//   completionRate        the share of completion sites (completionSite(): a Han character that forms no
//                         known two-character word with either neighbour, trigrams not attested) whose
//                         character is a one-for-one misreading of a truth among its completion readings
//   completionShapeSlope  the slope β of a conditional logit P(truth | site) ∝ exp(β · glyph similarity of
//                         printed and candidate) over those sites' candidates, by maximum likelihood
// Sites are counted where the stage meets them: on the layout-normalised OCR text after every other step
// of the corrector (run with completionReadings off), whose misreadings are what is left for it.
//
// Usage: npx tsx scripts/fit-completion-channel.ts
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { completionSite } from '../pipeline/correct/completion-readings.ts';
import { createCorrector, loadDictionaries, PARAMS } from '../pipeline/correct/index.ts';
import { correctorTables } from '../pipeline/correct/tables.ts';
import { TrackedText } from '../pipeline/tracked-text.ts';
import { align, normalise } from './lib/correction-alignment.ts';
import { textFixtureDirs } from './lib/text-fixtures.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const HAN = /\p{Script=Han}/u;
const dicts = loadDictionaries();
const t = correctorTables(dicts);
PARAMS.completionReadings = false;
const corrector = createCorrector(dicts);

let sites = 0;
/** per misread site: the candidates' similarities to the printed character and the truth's index among them */
const cases: { sims: number[]; truth: number }[] = [];
for (const dir of textFixtureDirs(root, 'tune')) {
  const ocr = normalise(readFileSync(join(dir, 'input.ocr.txt'), 'utf8'));
  const corrected = new TrackedText(ocr);
  corrected.apply(corrector.correctDocument({ text: ocr }).edits);
  const text = corrected.text;
  const { sub } = align(text, readFileSync(join(dir, 'gold.txt'), 'utf8'));
  for (let a = 0; a < text.length; ) {
    let b = a;
    while (b < text.length && HAN.test(text[b]!)) b++;
    for (let i = a; i < b && b - a >= 2; i++) {
      const cands = completionSite(text, a, b, i, t);
      if (!cands) continue;
      sites++;
      const truth = sub[i];
      const k = truth && truth !== '=' ? cands.indexOf(truth) : -1;
      if (k >= 0) cases.push({ sims: cands.map((c) => t.shapes.similarity(text[i]!, c) ?? -1), truth: k });
    }
    a = b + 1;
  }
}

function logLikelihood(beta: number): number {
  let ll = 0;
  for (const { sims, truth } of cases) {
    const top = Math.max(...sims.map((x) => beta * x));
    ll += beta * sims[truth]! - top - Math.log(sims.reduce((acc, x) => acc + Math.exp(beta * x - top), 0));
  }
  return ll;
}
let best = { beta: 0, ll: logLikelihood(0) };
for (let beta = 0.5; beta <= 30; beta += 0.5) {
  const ll = logLikelihood(beta);
  if (ll > best.ll) best = { beta, ll };
}
console.log(`completion sites ${sites}, misread with a completion truth ${cases.length}: completionRate ${(cases.length / sites).toFixed(4)}`);
console.log(`completionShapeSlope ${best.beta} (log-likelihood ${best.ll.toFixed(1)} against ${logLikelihood(0).toFixed(1)} without shape)`);
