// The noisy-channel decoder alone (no rules, no punctuation stages) on the
// fixtures' normalised OCR text: one-for-one Han misreadings fixed, changes
// right / wrong at posterior >= --apply, and changes made on the gold text.
// Holdout fixtures are reported as totals only (never tuned on); fixtures/unseen
// is not read.
//
// Usage: npx tsx scripts/decoder-report.ts [--apply 0.97] [--split tune|holdout|all]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDictionaries } from '../pipeline/correct/dictionaries.ts';
import { decoderModels } from '../pipeline/correct/models.ts';
import { decodeLine } from '../pipeline/correct/decoder.ts';
import { DocumentPairs } from '../pipeline/correct/reading-score.ts';
import { protectedMask } from '../pipeline/correct/protect.ts';
import { align, normalise } from './lib/correction-alignment.ts';
import { flag } from './lib/flag.ts';

const root = join(import.meta.dirname, '..');
const apply = Number(flag('apply', '0.97'));
const which = flag('split', 'tune');
const dicts = loadDictionaries();
const m = decoderModels(dicts);

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
