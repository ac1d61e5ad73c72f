// Precision / recall of the OCR character corrector on fixtures.
// For each fixture of the chosen split (default "tune"): normalise input.ocr.txt
// with the layout stages, run the corrector, align the normalised text with
// gold.txt character by character, and count Han substitution errors fixed,
// wrong changes, and suggestions.
// Usage: npx tsx scripts/correct-report.ts [--split tune] [--list] [--bench] [--synthetic [--evidence]] [--covered-rate]
// (--covered-rate: misreadings among the characters inside a known corrupted form, and among those only a covering
// known word keeps from being examined, against all Han characters: the source of PARAMS.corruptPriorShift and
// PARAMS.coveredPriorShift; tune split only; with --list the covered-only misreadings are listed)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StageEdit } from '../pipeline/tracked-text.ts';
import { align, judgeEdit, normalise } from './lib/correction-alignment.ts';
import { textFixtureDirs } from './lib/text-fixtures.ts';
import { createCorrector, loadDictionaries } from '../pipeline/correct/index.ts';
import { PARAMS } from '../pipeline/correct/params.ts';
import { correctorTables } from '../pipeline/correct/tables.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'tune';
const list = args.includes('--list') && split !== 'holdout';
const HAN = /\p{Script=Han}/u;

const fixtureDirs = (): string[] => textFixtureDirs(root, split);


const dicts = loadDictionaries();
let t0 = performance.now();
const corrector = createCorrector(dicts);
const setupMs = performance.now() - t0;

const tot = { errors: 0, fixed: 0, wrong: 0, edits: 0, sugg: 0, suggRight: 0, unaligned: 0, goldAlarms: 0, goldChars: 0 };
const byRule = new Map<string, { right: number; wrong: number }>();
for (const dir of fixtureDirs()) {
  const name = dir.slice(root.length + 1);
  const text = normalise(readFileSync(join(dir, 'input.ocr.txt'), 'utf8'));
  const gold = readFileSync(join(dir, 'gold.txt'), 'utf8');
  const { sub, errors } = align(text, gold);
  const r = corrector.correctDocument({ text });
  let fixed = 0, wrong = 0, unaligned = 0;
  const judge = (e: StageEdit) => judgeEdit(e, text, sub);
  const show = (e: StageEdit): string => `${text.slice(Math.max(0, e.start - 6), e.start)}[${text.slice(e.start, e.end)}→${e.replacement}]${text.slice(e.end, e.end + 6)}`;
  for (const e of r.edits) {
    const j = judge(e);
    const rule = e.meta.type === 'correction' ? e.meta.rule : '?';
    const br = byRule.get(rule) ?? { right: 0, wrong: 0 };
    byRule.set(rule, br);
    if (args.includes('--calib')) console.log(`CAL ${j} ${e.meta.type === 'correction' ? e.meta.rule + ' ' + (e.meta.note ?? '') : ''}`);
    if (j === 'right') { fixed += e.end - e.start; br.right++; }
    else if (j === 'wrong') { wrong++; br.wrong++; if (list) console.log('  WRONG', show(e), e.meta.type === 'correction' ? `${e.meta.rule} ${e.meta.confidence} ${e.meta.note ?? ''}` : ''); }
    else { unaligned++; if (list) console.log('  ?', show(e)); }
  }
  let suggRight = 0;
  for (const s of r.suggestions) {
    const j = judge(s);
    if (j === 'right') suggRight++;
    if (list) console.log(`  sugg ${j}`, show(s), s.meta.type === 'correction' ? `${s.meta.rule} ${s.meta.note ?? ''}` : '');
  }
  if (list) {
    const fixedPos = new Set<number>();
    for (const e of r.edits) if (judge(e) === 'right') for (let q = e.start; q < e.end; q++) fixedPos.add(q);
    for (const p of errors) if (!fixedPos.has(p)) console.log('  MISSED', `${text.slice(Math.max(0, p - 6), p)}[${text[p]}→${sub[p]}]${text.slice(p + 1, p + 7)}`);
  }
  // false alarms: every edit the corrector makes on the clean gold text is wrong
  const onGold = corrector.correctDocument({ text: gold }).edits;
  if (list) for (const e of onGold) console.log('  FALSE ALARM ON GOLD', `${gold.slice(Math.max(0, e.start - 6), e.start)}[${gold.slice(e.start, e.end)}→${e.replacement}]${gold.slice(e.end, e.end + 6)}`);
  tot.goldAlarms += onGold.length;
  tot.goldChars += gold.length;
  console.log(`${name}: han errors ${errors.length}, fixed ${fixed}, wrong ${wrong}, unaligned ${unaligned}, suggestions ${r.suggestions.length} (${suggRight} right), edits on clean gold ${onGold.length}`);
  tot.errors += errors.length; tot.fixed += fixed; tot.wrong += wrong; tot.edits += r.edits.length; tot.sugg += r.suggestions.length; tot.suggRight += suggRight; tot.unaligned += unaligned;
}
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) + '%' : '-');
console.log(`TOTAL (${split}): errors ${tot.errors}, fixed ${tot.fixed} (${pct(tot.fixed, tot.errors)}), wrong ${tot.wrong}, precision ${pct(tot.fixed, tot.fixed + tot.wrong)}, suggestions ${tot.sugg} (${tot.suggRight} right)`);
console.log(`  edits on the clean gold texts: ${tot.goldAlarms} in ${tot.goldChars.toLocaleString()} chars`);
for (const [rule, v] of [...byRule].sort()) console.log(`  ${rule}: ${v.right} right, ${v.wrong} wrong`);
console.log(`setup ${setupMs.toFixed(0)} ms (dictionary ${dicts.version})`);

if (args.includes('--synthetic') && split === 'tune') {
  // synthetic damage is a tuning tool: only ever on the tune split's gold texts
  // inject look-alike errors (glyph / observed tables, seeded) into the clean gold
  // texts and count how many the corrector restores and how many changes are wrong
  const byTruth = new Map<string, string[]>();
  for (const c of dicts.confusions) {
    if (c.source === 'manual' || c.weight < 0.75) continue;
    const l = byTruth.get(c.truth) ?? [];
    if (!l.includes(c.ocr)) l.push(c.ocr);
    byTruth.set(c.truth, l);
  }
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let injected = 0, restored = 0, wrongS = 0;
  for (const dir of fixtureDirs()) {
    const gold = readFileSync(join(dir, 'gold.txt'), 'utf8');
    const chars = [...gold];
    if (chars.length !== gold.length) continue; // keep UTF-16 offsets simple
    const truthAt = new Map<number, string>();
    for (let i = 0; i < chars.length; i++) {
      const l = byTruth.get(chars[i]);
      if (!l || rnd() > 0.02) continue;
      truthAt.set(i, chars[i]);
      chars[i] = l[Math.floor(rnd() * l.length)];
    }
    const text = chars.join('');
    injected += truthAt.size;
    for (const e of corrector.correct({ text }).edits) {
      for (let q = e.start; q < e.end; q++) {
        const want = truthAt.get(q) ?? gold[q];
        if (e.replacement[q - e.start] === want && truthAt.has(q)) restored++;
        else if (e.replacement[q - e.start] !== want) wrongS++;
      }
    }
  }
  console.log(`synthetic look-alike errors: injected ${injected}, restored ${restored} (${pct(restored, injected)}), wrong changes ${wrongS}, precision ${pct(restored, restored + wrongS)}`);

  // OCR-statistics damage: each character is misread with its observed error
  // rate (count/source_count from ocr-observed.tsv, at the observed rate (pairs seen twice or more: ~2% of Han
  // characters are damaged), as the observed substitution. Approximates an
  // engine's error profile; several seeds.
  const obsFile = join(root, 'dictionaries/confusions/ocr-observed.tsv');
  const obs = new Map<string, { ocr: string; p: number }[]>();
  for (const line of readFileSync(obsFile, 'utf8').split('\n').slice(1)) {
    const [t, o, c, sc] = line.split('\t');
    if (!o || t === o) continue;
    const l = obs.get(t) ?? [];
    l.push({ ocr: o, p: Number(c) / Math.max(1, Number(sc)) });
    obs.set(t, l);
  }
  const scale = Number(process.env.SYN_SCALE ?? 1);
  let inj2 = 0, rest2 = 0, wrong2 = 0, han2 = 0;
  const wrongList: string[] = [];
  const synMissed: string[] = [];
  for (const s0 of [1, 2, 3]) {
    seed = 777 * s0;
    for (const dir of fixtureDirs()) {
      const gold = readFileSync(join(dir, 'gold.txt'), 'utf8');
      const chars = [...gold];
      if (chars.length !== gold.length) continue;
      const truthAt = new Map<number, string>();
      for (let i = 0; i < chars.length; i++) {
        if (!HAN.test(chars[i])) continue;
        han2++;
        const l = obs.get(chars[i]);
        if (!l) continue;
        let r = rnd();
        for (const x of l) {
          r -= x.p * scale;
          if (r < 0) {
            truthAt.set(i, chars[i]);
            chars[i] = x.ocr;
            break;
          }
        }
      }
      const text = chars.join('');
      inj2 += truthAt.size;
      // --evidence: simulated OCR confidences (damaged characters U(0.3, 0.8),
      // clean ones U(0.7, 1) with 5% U(0.3, 0.7)) — an assumed profile, not measured
      const conf = args.includes('--evidence') ? chars.map((_, q) => (truthAt.has(q) ? 0.3 + 0.5 * rnd() : rnd() < 0.05 ? 0.3 + 0.4 * rnd() : 0.7 + 0.3 * rnd())) : null;
      const r2 = corrector.correct({ text, evidenceAt: conf ? (q) => ({ confidence: conf[q] }) : undefined });
      if (list && s0 === 1) {
        const hit = new Set<number>();
        for (const e of r2.edits) for (let q = e.start; q < e.end; q++) hit.add(q);
        for (const [q, t] of truthAt) if (!hit.has(q)) synMissed.push(`${text.slice(Math.max(0, q - 5), q)}[${text[q]}→${t}]${text.slice(q + 1, q + 6)}${r2.suggestions.some((x) => x.start <= q && q < x.end) ? ' (suggested)' : ''}`.replace(/\n/g, '⏎'));
      }
      for (const e of r2.edits) {
        for (let q = e.start; q < e.end; q++) {
          const want = truthAt.get(q) ?? gold[q];
          if (e.replacement[q - e.start] === want && truthAt.has(q)) rest2++;
          else if (e.replacement[q - e.start] !== want) {
            wrong2++;
            if (list) wrongList.push(`${text.slice(Math.max(0, e.start - 5), e.start)}[${text.slice(e.start, e.end)}→${e.replacement}]${text.slice(e.end, e.end + 5)} ${e.meta.type === 'correction' ? e.meta.rule + ' ' + (e.meta.note ?? '') : ''}`.replace(/\n/g, '⏎'));
          }
        }
      }
    }
  }
  for (const w of wrongList) console.log('  SYN WRONG', w);
  for (const w of synMissed) console.log('  SYN MISSED', w);
  console.log(`synthetic OCR-statistics errors (3 seeds): ${han2} Han chars, injected ${inj2}, restored ${rest2} (${pct(rest2, inj2)}), wrong changes ${wrong2}, precision ${pct(rest2, rest2 + wrong2)}`);
}

if (args.includes('--bench')) {
  const texts = fixtureDirs().map((d) => normalise(readFileSync(join(d, 'input.ocr.txt'), 'utf8')));
  let big = '';
  while (big.length < 2_000_000) big += texts.join('\n') + '\n';
  corrector.correct({ text: big.slice(0, 100_000) });
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  corrector.correct({ text: big });
  const s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  console.log(`speed: ${Math.round(big.length / s).toLocaleString()} chars/s wall, ${Math.round(big.length / cpuS).toLocaleString()} chars per CPU-second, on ${big.length.toLocaleString()} chars`);
}

if (args.includes('--covered-rate') && split === 'tune') {
  // the two kinds of site of real-word-sites.ts' realWordSiteKind(), not rare (text fixtures carry no OCR confidence): covered by a
  // known word and in no corrupted form; inside a known corrupted form; neither attested by the genre corpus
  const t = correctorTables(dicts);
  const n = { han: 0, misread: 0, covered: 0, coveredMisread: 0, corrupt: 0, corruptMisread: 0 };
  for (const dir of fixtureDirs()) {
    const text = normalise(readFileSync(join(dir, 'input.ocr.txt'), 'utf8'));
    const { sub, errors } = align(text, readFileSync(join(dir, 'gold.txt'), 'utf8'));
    const wrong = new Set(errors);
    for (let i = 0; i < text.length; ) {
      if (!HAN.test(text[i])) { i++; continue; }
      let j = i;
      while (j < text.length && HAN.test(text[j])) j++;
      const cov = t.coveredRun(text, i, j);
      for (let q = i; q < j; q++) {
        if (sub[q] === null) continue;
        n.han++; n.misread += +wrong.has(q);
        // (the stage skips what the genre corpus attests)
        if (PARAMS.skipAttested && t.clm?.attested(text, q)) continue;
        const only = j - i >= 2 && !!(cov[q - i] & 1) && !(cov[q - i] & 2) && t.charFreqByCode[text.charCodeAt(q)] >= PARAMS.rareCharFreq;
        if (j - i >= 2 && cov[q - i] & 2 && t.charFreqByCode[text.charCodeAt(q)] >= PARAMS.rareCharFreq) { n.corrupt++; n.corruptMisread += +wrong.has(q); }
        if (only) { n.covered++; n.coveredMisread += +wrong.has(q); if (wrong.has(q) && list) console.log(`  COVERED MISREAD ${text.slice(Math.max(0, q - 5), q)}[${text[q]}→${sub[q]}]${text.slice(q + 1, q + 6)}`.replace(/\n/g, '⏎')); }
      }
      i = j;
    }
  }
  const logit = (p: number) => Math.log(p / (1 - p));
  const shift = logit(n.coveredMisread / n.covered) - logit(n.misread / n.han);
  console.log(`covered-only characters: ${n.coveredMisread} misread of ${n.covered}; all aligned Han: ${n.misread} of ${n.han}; ln odds shift ${shift.toFixed(3)}`);
  const corruptShift = logit(n.corruptMisread / n.corrupt) - logit(n.misread / n.han);
  console.log(`characters (not rare) inside a known corrupted form: ${n.corruptMisread} misread of ${n.corrupt}; ln odds shift ${corruptShift.toFixed(3)}`);
}
