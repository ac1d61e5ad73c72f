/**
 * npm run eval — accuracy on every fixture with gold: CER before and after
 * correction, errors fixed, changes right and wrong, structure found, one-for-one
 * Han misreadings fixed / missed / newly broken, calibration of confidence, and
 * a clean-text check (each gold.txt through the pipeline should get no change), and
 * the genre corpus as clean text in two folds, each against models trained without it.
 * Tune, holdout and unseen fixtures are reported apart; holdout and unseen are never tuned on.
 *   npx tsx scripts/eval.ts [--no-scans] [--no-clean] [--split S ...] [--json FILE] [--verbose [--verbose-holdout] [--verbose-unseen]]
 *   (--split limits the run to those splits, e.g. --split unseen)
 *   (--verbose lists wrong changes of the tune fixtures only; holdout / unseen ones need their own flag)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline, type Pipeline } from '../pipeline/convert.ts';
import { DEFAULT_ENGINE, type EngineName } from '../pipeline/extract/ocr.ts';
import { calibrate, judgeSuggestions } from '../pipeline/eval/calibration.ts';
import { LONE_CHANGE_NOTE } from '../pipeline/correct/lone-change.ts';
import { corpusFolds } from '../pipeline/eval/corpus-folds.ts';
import { evalFixtures, goldTexts, type EvalFixture, type Split } from '../pipeline/eval/fixtures.ts';
import { scoreHanMisreadings } from '../pipeline/eval/han.ts';
import { beforeCorrection, cer, editDistance, isCharacterCorrection, judgeCorrections, scoreCorrections, strip } from '../pipeline/eval/metrics.ts';
import { formatReport, type CleanRow, type Row } from '../pipeline/eval/report.ts';
import { GoldStructure, scoreStructure } from '../pipeline/eval/structure.ts';
import type { NoticeDocument } from '../pipeline/schema.ts';

const USAGE = 'usage: npm run eval -- [--no-scans] [--no-clean] [--split tune|holdout|unseen ...] [--json FILE] [--verbose [--verbose-holdout] [--verbose-unseen]]';
function options() {
  try {
    return parseArgs({
      allowNegative: true,
      options: {
        scans: { type: 'boolean', default: true },
        clean: { type: 'boolean', default: true },
        split: { type: 'string', multiple: true },
        json: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        'verbose-holdout': { type: 'boolean', default: false },
        'verbose-unseen': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}
const { values } = options();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const wanted = (split: string) => !values.split || values.split.includes(split);

async function evaluate(pipelineFor: (engine: EngineName) => Pipeline, fx: EvalFixture): Promise<Row> {
  const gold = readFileSync(join(fx.dir, 'gold.txt'), 'utf8');
  const doc = await pipelineFor(fx.ocrEngine ?? DEFAULT_ENGINE).convertFile(fx.input, { name: fx.input });
  const goldStripped = strip(gold).text;
  const pre = beforeCorrection(doc);
  const fixes = scoreCorrections(doc, gold, isCharacterCorrection);
  const punct = scoreCorrections(doc, gold, (c) => c.kind === 'punctuation');
  const structurePath = join(fx.dir, 'gold.structure.json');
  const structure = existsSync(structurePath) ? scoreStructure(doc.notice, GoldStructure.parse(JSON.parse(readFileSync(structurePath, 'utf8')))) : null;
  const changes = judgeCorrections(doc, gold, isCharacterCorrection).map(({ correction, right }) => ({ confidence: correction.confidence, right }));
  return {
    id: fx.id,
    split: fx.split,
    engine: fx.engine,
    ...(fx.ocrEngine ? { ocrEngine: fx.ocrEngine } : {}),
    chars: goldStripped.length,
    rawCer: cer(doc.original, gold),
    beforeCer: cer(pre, gold),
    finalCer: cer(doc.text, gold),
    errorsRaw: editDistance(strip(doc.original).text, goldStripped),
    errorsBefore: editDistance(strip(pre).text, goldStripped),
    errorsAfter: editDistance(strip(doc.text).text, goldStripped),
    right: fixes.right,
    wrong: fixes.wrong,
    suggestions: doc.suggestions.length,
    punctRight: punct.right,
    punctWrong: punct.wrong,
    structure,
    han: scoreHanMisreadings(doc.original, doc.text, gold),
    changeBins: calibrate(changes),
    suggestionBins: calibrate(judgeSuggestions(doc, gold)),
    lone: loneChanges(doc, gold),
    wrongExamples: fixes.wrongExamples,
    punctWrongExamples: punct.wrongExamples,
  };
}

const isLone = (s: NoticeDocument['suggestions'][number]): boolean => !!s.note?.includes(LONE_CHANGE_NOTE);

/** The lone changes held as suggestions, and how many would have been right. */
function loneChanges(doc: NoticeDocument, gold: string): { n: number; right: number } {
  const judged = judgeSuggestions({ text: doc.text, suggestions: doc.suggestions.filter(isLone) }, gold);
  return { n: judged.length, right: judged.filter((j) => j.right).length };
}

/** What the pipeline changed in a correct text (every change a false correction); `examples` only when asked. */
function cleanRow(id: string, split: Split, text: string, doc: NoticeDocument, withExamples = false): CleanRow {
  const changes = doc.corrections.filter((c) => c.kind !== 'script');
  return {
    id,
    split,
    characterChanges: changes.filter(isCharacterCorrection).length,
    punctuationChanges: changes.filter((c) => c.kind === 'punctuation').length,
    suggestions: doc.suggestions.length,
    lone: doc.suggestions.filter(isLone).length,
    ...(withExamples ? { examples: changes.map((c) => `${c.before}→${c.after} (${c.rule}, ${c.confidence}): ${text.slice(Math.max(0, c.original.start - 6), c.original.end + 6).replace(/\n/g, '⏎')}`) } : {}),
  };
}

/** Correct text in, no change out: every correction made to a gold text is a false one. */
function cleanCheck(pipeline: Pipeline): CleanRow[] {
  return goldTexts('.').filter((g) => wanted(g.split)).map(({ id, split, gold }) => cleanRow(id, split, gold, pipeline.convertText(gold, { file: `${id}/gold.txt` })));
}

/** The genre corpus as clean text the models never saw: each fold against dictionaries without it (tune data: its changes are listed). */
async function cleanCorpusCheck(): Promise<CleanRow[]> {
  const { folds, dispose } = corpusFolds('dictionaries');
  const rows: CleanRow[] = [];
  try {
    for (const { held, dictionaryDir } of folds) {
      const pipeline = createPipeline({ dictionaryDir, workers: 1 });
      try {
        for (const file of held) {
          const text = readFileSync(file, 'utf8');
          rows.push(cleanRow(basename(file), 'tune', text, pipeline.convertText(text, { file: basename(file) }), true));
        }
      } finally {
        await pipeline.close();
      }
    }
  } finally {
    dispose();
  }
  return rows;
}

async function main(): Promise<void> {
  // one pipeline per OCR engine, made when first needed
  const pipelines = new Map<EngineName, Pipeline>();
  const pipelineFor = (engine: EngineName): Pipeline => {
    if (!pipelines.has(engine)) pipelines.set(engine, createPipeline({ workers: 2, engine }));
    return pipelines.get(engine)!;
  };
  const rows: Row[] = [];
  let clean: CleanRow[] = [];
  let corpus: CleanRow[] = [];
  try {
    for (const fx of evalFixtures('.', { scans: values.scans }).filter((f) => wanted(f.split))) rows.push(await evaluate(pipelineFor, fx));
    if (values.clean) clean = cleanCheck(pipelineFor(DEFAULT_ENGINE));
    if (values.clean && wanted('tune')) corpus = await cleanCorpusCheck();
  } finally {
    await Promise.all([...pipelines.values()].map((p) => p.close()));
  }
  console.log(formatReport(rows, clean, corpus));
  if (values.verbose) {
    // holdout / unseen discipline: their wrong changes are printed only when asked for by name
    const shown = rows.filter((x) => x.split === 'tune' || (x.split === 'holdout' && values['verbose-holdout']) || (x.split === 'unseen' && values['verbose-unseen']));
    for (const r of shown) {
      if (r.wrongExamples.length) console.log(`\n${r.id} wrong changes:\n  ${r.wrongExamples.join('\n  ')}`);
      if (r.punctWrongExamples.length) console.log(`\n${r.id} wrong punctuation changes:\n  ${r.punctWrongExamples.join('\n  ')}`);
      if (r.han.missedExamples.length) console.log(`\n${r.id} Han misreadings missed:\n  ${r.han.missedExamples.join('\n  ')}`);
      if (r.han.brokenExamples.length) console.log(`\n${r.id} Han characters newly broken:\n  ${r.han.brokenExamples.join('\n  ')}`);
      if (r.structure?.gbt?.wrong.length) console.log(`\n${r.id} GB/T fields wrong: ${r.structure.gbt.wrong.join('; ')}`);
      if (r.structure?.problemsMissed.length) console.log(`\n${r.id} problems missed: ${r.structure.problemsMissed.join(', ')}`);
    }
    for (const c of corpus) if (c.examples?.length) console.log(`\ncorpus ${c.id} false corrections:\n  ${c.examples.join('\n  ')}`);
  }
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ rows, clean, corpus }, null, 2)}\n`);
}

await main();
