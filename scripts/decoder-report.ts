// The noisy-channel decoder alone (no rules, no punctuation stages) on the
// fixtures' normalised OCR text: one-for-one Han misreadings fixed, changes
// right / wrong at posterior >= --apply, and changes made on the gold text.
// Holdout fixtures are reported as totals only (never tuned on); fixtures/unseen
// is not read.
//
// Usage: npx tsx scripts/decoder-report.ts [--apply 0.97] [--split tune|holdout|all] [--real-word-calibration]
//
// --real-word-calibration: the real-word stage (pipeline/correct/real-word-sites.ts) on the genre corpus's
// calibration split (files k % 5 === 2, as scripts/build-decoder-weights.ts; the character model trained
// without splits 2 and 4). Clean text: the best look-alike log-odds at every character only a covering
// word keeps from being examined (each above a bar is a false alarm). Real-word errors: a sampled
// character misread by the OCR statistics (ocr-observed.tsv) so that the misreading is itself covered;
// counted caught when its truth is the best reading above the bar (both: when both language models prefer it, as the stage applies). Printed per posterior bar, with
// PARAMS.coveredPriorShift as the prior: false alarms per covered character, errors caught, and the
// share of changes right at the tune fixtures' rate of misreadings at that kind of site (--covered-rate), and its lower
// bound from the one-sided 95 % Poisson limit on the false alarms (0 false alarms in a few thousand characters bound little).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDictionaries } from '../pipeline/correct/dictionaries.ts';
import { decoderModels } from '../pipeline/correct/models.ts';
import { decodeLine } from '../pipeline/correct/decoder.ts';
import { DocumentPairs } from '../pipeline/correct/reading-score.ts';
import { protectedMask } from '../pipeline/correct/protect.ts';
import { align, normalise } from './lib/correction-alignment.ts';
import { flag } from './lib/flag.ts';
import { rng } from './lib/rng.ts';
import { CharLM } from '../pipeline/correct/char-lm.ts';
import { jiebaCharFrequencies } from '../pipeline/correct/word-frequencies.ts';
import { PARAMS } from '../pipeline/correct/params.ts';
import { modelsAgree, realWordLogOdds, realWordSiteKind } from '../pipeline/correct/real-word-sites.ts';
import { correctorTables, type CorrectorTables } from '../pipeline/correct/tables.ts';

const root = join(import.meta.dirname, '..');
const apply = Number(flag('apply', '0.97'));
const which = flag('split', 'tune');
const dicts = loadDictionaries();
const m = decoderModels(dicts);
if (process.argv.includes('--real-word-calibration')) {
  realWordCalibration();
  process.exit(0);
}

const dirs = ['fixtures/sample', 'fixtures/notices'].flatMap((d) => readdirSync(join(root, d)).map((id) => join(root, d, id)));
const rows: { id: string; split: string; errors: number; fixed: number; wrong: number; onGold: number; chars: number; ms: number }[] = [];
for (const dir of dirs) {
  if (!existsSync(join(dir, 'input.ocr.txt'))) continue;
  const meta = existsSync(join(dir, 'meta.json')) ? JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) : { split: 'tune' };
  const split: string = meta.split ?? 'tune';
  if (which !== 'all' && split !== which) continue;
  const text = normalise(readFileSync(join(dir, 'input.ocr.txt'), 'utf8'));
  const gold = readFileSync(join(dir, 'gold.txt'), 'utf8');
  const { sub, errors } = align(text, gold);
  const run = (t: string): { at: number; ch: string }[] => {
    const mask = protectedMask(t, dicts.protectedTerms, dicts.protectedPatterns);
    const doc = new DocumentPairs(t);
    const out: { at: number; ch: string }[] = [];
    let off = 0;
    for (const line of t.split('\n')) {
      const base = off;
      for (const s of decodeLine(line, { ...m, document: doc, isProtected: (i) => mask[base + i] === 1 }))
        if (s.readings[0] && s.readings[0].posterior >= apply) out.push({ at: base + s.at, ch: s.readings[0].ch });
      off += line.length + 1;
    }
    return out;
  };
  // CPU time of this process (the machine may be shared): user + system
  const t0 = process.cpuUsage();
  const changes = run(text);
  const cpu = process.cpuUsage(t0);
  const ms = (cpu.user + cpu.system) / 1000;
  let fixed = 0;
  let wrong = 0;
  const wrongs: string[] = [];
  for (const c of changes) {
    const want = sub[c.at] === '=' ? text[c.at] : sub[c.at];
    if (want === c.ch) fixed++;
    else {
      wrong++;
      if (split === 'tune') wrongs.push(`${text.slice(c.at - 3, c.at)}[${text[c.at]}→${c.ch}]${text.slice(c.at + 1, c.at + 4)} (gold ${want})`);
    }
  }
  const onGold = run(gold).length;
  const id = dir.split('/').pop()!;
  rows.push({ id, split, errors: errors.length, fixed, wrong, onGold, chars: text.length, ms });
  if (split === 'tune') console.log(`${id}: ${errors.length} Han misreadings, fixed ${fixed}, wrong ${wrong}, on gold ${onGold}${wrongs.length ? '\n  ' + wrongs.join('\n  ') : ''}`);
}
for (const split of ['tune', 'holdout']) {
  const r = rows.filter((x) => x.split === split);
  if (!r.length) continue;
  const s = (k: 'errors' | 'fixed' | 'wrong' | 'onGold' | 'chars' | 'ms'): number => r.reduce((a, x) => a + x[k], 0);
  console.log(
    `${split}: ${r.length} fixtures, ${s('errors')} one-for-one Han misreadings, fixed ${s('fixed')} (${((100 * s('fixed')) / s('errors')).toFixed(1)}%), wrong changes ${s('wrong')}, precision ${((100 * s('fixed')) / Math.max(1, s('fixed') + s('wrong'))).toFixed(1)}%, changes on gold ${s('onGold')}, ${Math.round(s('chars') / (s('ms') / 1000))} chars/s of CPU`,
  );
}

/** The real-word stage's sites of a line: [run start, run end, position, prior shift] for every Han run of 2+ characters. */
function realWordSitesOf(line: string, t: CorrectorTables, clm: CharLM): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  const HAN = /\p{Script=Han}/u;
  for (let i = 0; i < line.length; ) {
    if (!HAN.test(line[i]!)) { i++; continue; }
    let j = i;
    while (j < line.length && HAN.test(line[j]!)) j++;
    const cov = j - i >= 2 ? t.coveredRun(line, i, j) : null;
    for (let q = i; cov && q < j; q++) {
      const kind = realWordSiteKind(cov[q - i]!, t.charFreqByCode[line.charCodeAt(q)]!);
      // (the stage skips what the genre corpus attests, as every examined site)
      if (kind && !(PARAMS.skipAttested && clm.attested(line, q))) out.push([i, j, q, kind.prior]);
    }
    i = j;
  }
  return out;
}

/** OCR statistics: truth -> misreadings with counts (ocr-observed.tsv). */
function observedMisreadings(): Map<string, { ocr: string; count: number }[]> {
  const misread = new Map<string, { ocr: string; count: number }[]>();
  for (const line of readFileSync(join(root, 'dictionaries/confusions/ocr-observed.tsv'), 'utf8').split('\n').slice(1)) {
    const [truth, ocr, count] = line.split('\t');
    if (!truth || !ocr || truth === ocr) continue;
    if (!misread.has(truth)) misread.set(truth, []);
    misread.get(truth)!.push({ ocr, count: Number(count) });
  }
  return misread;
}

function draw(list: { ocr: string; count: number }[], random: () => number): string {
  let r = random() * list.reduce((a, x) => a + x.count, 0);
  for (const x of list) if ((r -= x.count) < 0) return x.ocr;
  return list[list.length - 1]!.ocr;
}

/** Log-odds with the site's prior: the best at every clean site, the truth's at every real-word error (-Infinity: not the best); by prior. */
function calibrationScores(lines: string[], t: CorrectorTables, cm: ReturnType<typeof decoderModels>): { clean: [number, number][]; errors: [number, number][] } {
  const random = rng(1);
  const misread = observedMisreadings();
  const clean: [number, number][] = [];
  const errors: [number, number][] = [];
  for (const line of lines) {
    // (the stage's cache model is the paragraph as printed)
    const doc = new DocumentPairs(line);
    for (const [a, b, q, prior] of realWordSitesOf(line, t, cm.models.char!)) {
      const best = realWordLogOdds(line, a, b, q, cm, t, doc, -30)[0];
      clean.push([prior, best && modelsAgree(line, q, best.truth, cm, doc) ? prior + best.z : -Infinity]);
    }
    for (let q = 0; q < line.length; q++) {
      const list = (misread.get(line[q]!) ?? []).filter((x) => cm.candidates.of(x.ocr).includes(line[q]!));
      if (!list.length || random() >= 0.2) continue;
      const printed = line.slice(0, q) + draw(list, random) + line.slice(q + 1);
      const site = realWordSitesOf(printed, t, cm.models.char!).find((x) => x[2] === q);
      if (!site) continue;
      const printedDoc = new DocumentPairs(printed);
      const best = realWordLogOdds(printed, site[0], site[1], q, cm, t, printedDoc, -30)[0];
      errors.push([site[3], best?.truth === line[q] && modelsAgree(printed, q, best.truth, cm, printedDoc) ? site[3] + best.z : -Infinity]);
    }
  }
  return { clean, errors };
}

function realWordCalibration(): void {
  // both kinds of site are measured, the covered-only one too (off in the corrector: this is why)
  PARAMS.realWordCoveredSites = true;
  const dir = join(root, 'dictionaries/corpus');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const read = (f: string): string[] => readFileSync(join(dir, f), 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const train = files.filter((_, k) => k % 5 !== 4 && k % 5 !== 2).map((f) => read(f).join('\n')).join('\n');
  const cm = decoderModels(dicts, new CharLM(train, jiebaCharFrequencies(dicts.jiebaText)));
  const t = correctorTables(dicts);
  const { clean, errors } = calibrationScores(files.filter((_, k) => k % 5 === 2).flatMap(read), t, cm);
  // the tune fixtures' rates of misreadings at the two kinds of site (correct-report.ts --covered-rate)
  for (const [name, prior, rate] of [['covered only', PARAMS.coveredPriorShift, 12 / 16089], ['corrupted form', PARAMS.corruptPriorShift, 137 / 1613]] as const) {
    const c = clean.filter((x) => x[0] === prior).map((x) => x[1]);
    const e = errors.filter((x) => x[0] === prior).map((x) => x[1]);
    console.log(`${name}: ${c.length} clean characters, ${e.length} real-word errors; prior shift ${prior}`);
    for (const bar of [0.3, 0.5, 0.7, 0.9, 0.97, 0.99, 0.995, 0.999]) {
      const z = Math.log(bar / (1 - bar));
      const fa = c.filter((x) => x >= z).length;
      const tp = e.filter((x) => x >= z).length;
      const share = shareRight(rate, tp / Math.max(1, e.length), fa / Math.max(1, c.length));
      const low = shareRight(rate, tp / Math.max(1, e.length), poissonUpper95(fa) / Math.max(1, c.length));
      console.log(`  posterior >= ${bar}: false alarms ${fa} (${((1e4 * fa) / Math.max(1, c.length)).toFixed(2)} per 10,000), errors caught ${tp} (${((100 * tp) / Math.max(1, e.length)).toFixed(1)}%), share right at the tune rate ${(100 * share).toFixed(1)}% (at least ${(100 * low).toFixed(1)}% with 95 % confidence in the false-alarm rate)`);
    }
  }
}

/** Share of changes right: misreadings at `rate`, a share `caught` of them caught, a share `falseAlarms` of clean characters changed. */
function shareRight(rate: number, caught: number, falseAlarms: number): number {
  return (rate * caught) / Math.max(1e-12, rate * caught + (1 - rate) * falseAlarms);
}

/** One-sided 95 % upper limit of a Poisson mean after observing k events (exact for k ≤ 10, then the normal approximation). */
function poissonUpper95(k: number): number {
  const exact = [2.996, 4.744, 6.296, 7.754, 9.154, 10.513, 11.842, 13.148, 14.435, 15.705, 16.962];
  return k < exact.length ? exact[k]! : k + 1.645 * Math.sqrt(k) + 1.5;
}
