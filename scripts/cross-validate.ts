// Cross-validation of the character corrector on text its genre model has never seen.
//
// fixtures/cross-validation/<part>-NN/ holds a file of the genre corpus
// (dictionaries/corpus/<part>-NN.txt) rendered and OCR'd like the notices
// (fonts, engines and damage vary; regenerate with
// `npx tsx scripts/fixtures/make-ocr-fixtures.ts --root fixtures/cross-validation`).
// Each is corrected with the character model trained WITHOUT its corpus part, so
// the model meets the text for the first time, as it would a user's notice.
// Reports Han character errors fixed, wrong changes, and edits made on the clean
// text. A tuning tool: parameter sets can be compared in one run.
//
// Usage: npx tsx scripts/cross-validate.ts ['[{}, {"combineBonus":0.5}]'] [--list]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCorrector, loadDictionaries, PARAMS } from '../pipeline/correct/index.ts';
import { align, judgeEdit, normalise } from './lib/correction-alignment.ts';

const root = join(import.meta.dirname, '..');
const cvDir = join(root, 'fixtures/cross-validation');
const corpusDir = join(root, 'dictionaries/corpus');
const args = process.argv.slice(2);
const list = args.includes('--list');
const sets: Record<string, unknown>[] = JSON.parse(args.find((a) => a.startsWith('[')) ?? '[{}]');

/** The corpus text as loadDictionaries joins it, without the files of one part. */
function corpusWithout(part: string): string {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt') && !f.startsWith(`${part}-`))
    .sort()
    .map((f) => readFileSync(join(corpusDir, f), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).join('\n'))
    .join('\n');
}

const docs = readdirSync(cvDir)
  .filter((id) => existsSync(join(cvDir, id, 'input.ocr.txt')))
  .sort()
  .map((id) => {
    const text = normalise(readFileSync(join(cvDir, id, 'input.ocr.txt'), 'utf8'));
    const gold = readFileSync(join(cvDir, id, 'gold.txt'), 'utf8');
    return { id, part: id.replace(/-\d+$/, ''), text, gold, ...align(text, gold) };
  });

const dicts = loadDictionaries();
const base = { ...PARAMS };
for (const set of sets) {
  Object.assign(PARAMS, base, set);
  const byPart = new Map<string, ReturnType<typeof createCorrector>>();
  let errors = 0;
  let fixed = 0;
  let wrong = 0;
  let alarms = 0;
  const wrongs: string[] = [];
  for (const d of docs) {
    let c = byPart.get(d.part);
    if (!c) byPart.set(d.part, (c = createCorrector({ ...dicts, corpusText: corpusWithout(d.part) })));
    for (const e of c.correctDocument({ text: d.text }).edits) {
      const verdict = judgeEdit(e, d.text, d.sub);
      if (verdict === 'right') fixed += e.end - e.start;
      else if (verdict === 'wrong') {
        wrong++;
        const rule = e.meta.type === 'correction' ? `${e.meta.rule} ${e.meta.note ?? ''}` : '';
        wrongs.push(`  ${d.id} ${d.text.slice(Math.max(0, e.start - 5), e.start)}[${d.text.slice(e.start, e.end)}→${e.replacement}]${d.text.slice(e.end, e.end + 5)} ${rule}`);
      }
    }
    alarms += c.correctDocument({ text: d.gold }).edits.length;
    errors += d.errors.length;
  }
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
  console.log(`${JSON.stringify(set)}: ${docs.length} documents, Han errors ${errors}, fixed ${fixed} (${pct(fixed, errors)}), wrong ${wrong}, precision ${pct(fixed, fixed + wrong)}, edits on the clean texts ${alarms}`);
  if (list && wrongs.length) console.log(wrongs.join('\n'));
}
Object.assign(PARAMS, base);
