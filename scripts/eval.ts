/**
 * npm run eval — accuracy on every fixture with gold: CER before and after
 * correction, errors fixed, changes right and wrong, structure found.
 * Tune and holdout fixtures are reported apart; holdout is never tuned on.
 *   npx tsx scripts/eval.ts [--scans] [--json FILE] [--verbose [--verbose-holdout]]
 *   (--verbose lists wrong changes of the tune fixtures only; holdout ones need --verbose-holdout)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline, type Pipeline } from '../pipeline/convert.ts';
import { DEFAULT_ENGINE, ENGINE_NAMES, type EngineName } from '../pipeline/extract/ocr.ts';
import { beforeCorrection, cer, editDistance, isCharacterCorrection, scoreCorrections, strip } from '../pipeline/eval/metrics.ts';
import { GoldStructure, scoreStructure, type StructureScore } from '../pipeline/eval/structure.ts';
import type { NoticeDocument } from '../pipeline/schema.ts';

const USAGE = 'usage: npm run eval -- [--no-scans] [--json FILE] [--verbose [--verbose-holdout]]';
function options() {
  try {
    return parseArgs({
      allowNegative: true,
      options: { scans: { type: 'boolean', default: true }, json: { type: 'string' }, verbose: { type: 'boolean', default: false }, 'verbose-holdout': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
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

interface Fixture {
  id: string;
  dir: string;
  split: string;
  engine: string;
  input: string; // path
  /** Scanned inputs are read once with each OCR engine. */
  ocrEngine?: EngineName;
}

/** Scanned PDFs whose name does not carry their notice id (fixtures/pdf/README.md). */
const SCANNED_BY_NAME: Record<string, string> = { 'sandwich-bad.pdf': 'n04-hongchuan-soe' };

function fixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const root of ['fixtures/sample', 'fixtures/notices']) {
    if (!existsSync(root)) continue;
    for (const id of readdirSync(root).sort()) {
      const dir = join(root, id);
      if (!existsSync(join(dir, 'gold.txt')) || !existsSync(join(dir, 'input.ocr.txt'))) continue;
      const meta = existsSync(join(dir, 'meta.json')) ? JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) : {};
      out.push({ id, dir, split: meta.split ?? 'tune', engine: meta.engine ?? '?', input: join(dir, 'input.ocr.txt') });
    }
  }
  for (const [folder, label] of [['fixtures/pdf', 'scan'], ['fixtures/pdf/heavy', 'heavy-scan']]) {
    if (!values.scans || !existsSync(folder)) continue;
    for (const f of readdirSync(folder).sort()) {
      const m = /^scan-(.+)\.pdf$/.exec(f);
      const byName = label === 'scan' ? SCANNED_BY_NAME[f] : undefined;
      const notice = m?.[1] ?? byName;
      const dir = notice && join('fixtures/notices', notice);
      if (!notice || !dir || !existsSync(join(dir, 'gold.txt'))) continue;
      const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
      const id = m ? `${label}-${notice}` : f.replace(/\.pdf$/, '');
      for (const ocrEngine of ENGINE_NAMES)
        out.push({ id, dir, split: meta.split ?? 'tune', engine: `scanned PDF → ${ocrEngine}`, input: join(folder, f), ocrEngine });
    }
  }
  // Scan cases (fixtures/scans/<case>/input.pdf or input.ocr.txt): pages as scanners deliver them.
  if (values.scans && existsSync('fixtures/scans')) {
    for (const c of readdirSync('fixtures/scans').sort()) {
      const dir = join('fixtures/scans', c);
      const input = ['input.pdf', 'input.ocr.txt'].map((f) => join(dir, f)).find((f) => existsSync(f));
      if (!input || !existsSync(join(dir, 'gold.txt'))) continue;
      const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
      out.push({ id: `scan-case-${c}`, dir, split: meta.split ?? 'tune', engine: input.endsWith('.pdf') ? 'scanned PDF → pipeline OCR' : 'text', input });
    }
  }
  return out;
}

interface Row {
  id: string;
  split: string;
  engine: string;
  ocrEngine?: EngineName;
  chars: number;
  rawCer: number;
  beforeCer: number;
  finalCer: number;
  errorsRaw: number;
  errorsBefore: number;
  errorsAfter: number;
  right: number;
  wrong: number;
  suggestions: number;
  punctRight: number;
  punctWrong: number;
  structure: StructureScore | null;
  wrongExamples: string[];
  punctWrongExamples: string[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const pipelines = new Map<EngineName, Pipeline>();
  const pipelineFor = (engine: EngineName) => {
    if (!pipelines.has(engine)) pipelines.set(engine, createPipeline({ workers: 2, engine }));
    return pipelines.get(engine)!;
  };
  const rows: Row[] = [];
  try {
    for (const fx of fixtures()) {
      const gold = readFileSync(join(fx.dir, 'gold.txt'), 'utf8');
      const doc: NoticeDocument = await pipelineFor(fx.ocrEngine ?? DEFAULT_ENGINE).convertFile(fx.input, { name: fx.input });
      const goldStripped = strip(gold).text;
      const pre = beforeCorrection(doc);
      const fixes = scoreCorrections(doc, gold, isCharacterCorrection);
      const punct = scoreCorrections(doc, gold, (c) => c.kind === 'punctuation');
      const structurePath = join(fx.dir, 'gold.structure.json');
      const structure = existsSync(structurePath)
        ? scoreStructure(doc.notice, GoldStructure.parse(JSON.parse(readFileSync(structurePath, 'utf8'))))
        : null;
      rows.push({
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
        wrongExamples: fixes.wrongExamples,
        punctWrongExamples: punct.wrongExamples,
      });
    }
  } finally {
    await Promise.all([...pipelines.values()].map((p) => p.close()));
  }

  const lines = [
    '| fixture | split | OCR | chars | raw CER | CER before char. correction | final CER | errors raw → final | all errors removed | char. errors before → after corrector | removed by corrector | char. changes right / wrong | precision | suggestions | punct. right / wrong | problems found | sections | title/issuer/date | GB/T fields |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const r of rows) {
    const s = r.structure;
    lines.push(
      `| ${r.id} | ${r.split} | ${r.engine} | ${r.chars} | ${pct(r.rawCer)} | ${pct(r.beforeCer)} | ${pct(r.finalCer)} | ${r.errorsRaw} → ${r.errorsAfter} | ${r.errorsRaw ? pct((r.errorsRaw - r.errorsAfter) / r.errorsRaw) : '–'} | ${r.errorsBefore} → ${r.errorsAfter} | ${r.errorsBefore ? pct((r.errorsBefore - r.errorsAfter) / r.errorsBefore) : '–'} | ${r.right} / ${r.wrong} | ${r.right + r.wrong ? pct(r.right / (r.right + r.wrong)) : '–'} | ${r.suggestions} | ${r.punctRight} / ${r.punctWrong} | ${s ? `${s.problemsFound}/${s.problemsGold}` : '–'} | ${s ? `${s.sectionsFound}/${s.sectionsGold}` : '–'} | ${s ? [s.titleOk, s.issuerOk, s.dateOk].map((b) => (b ? '✓' : '✗')).join('') : '–'} | ${s?.gbt ? `${s.gbt.right}/${s.gbt.scored}` : '–'} |`,
    );
  }
  // Split totals count each scanned input once, as the default engine read it; then scanned inputs per engine.
  const groups: [string, Row[]][] = [
    ...['tune', 'holdout'].map((split): [string, Row[]] => [split, rows.filter((r) => r.split === split && (r.ocrEngine ?? DEFAULT_ENGINE) === DEFAULT_ENGINE)]),
    ...ENGINE_NAMES.map((e): [string, Row[]] => [`scanned, ${e}`, rows.filter((r) => r.ocrEngine === e)]),
  ];
  for (const [split, rs] of groups) {
    if (!rs.length) continue;
    const sum = (f: (r: Row) => number) => rs.reduce((a, r) => a + f(r), 0);
    const er = sum((r) => r.errorsRaw);
    const eb = sum((r) => r.errorsBefore);
    const ea = sum((r) => r.errorsAfter);
    const right = sum((r) => r.right);
    const wrong = sum((r) => r.wrong);
    const pf = sum((r) => r.structure?.problemsFound ?? 0);
    const pg = sum((r) => r.structure?.problemsGold ?? 0);
    const gr = sum((r) => r.structure?.gbt?.right ?? 0);
    const gs = sum((r) => r.structure?.gbt?.scored ?? 0);
    lines.push(
      `| **all ${split}** | | | ${sum((r) => r.chars)} | ${pct(er / sum((r) => r.chars))} | ${pct(eb / sum((r) => r.chars))} | ${pct(ea / sum((r) => r.chars))} | ${er} → ${ea} | ${er ? pct((er - ea) / er) : '–'} | ${eb} → ${ea} | ${eb ? pct((eb - ea) / eb) : '–'} | ${right} / ${wrong} | ${right + wrong ? pct(right / (right + wrong)) : '–'} | ${sum((r) => r.suggestions)} | ${sum((r) => r.punctRight)} / ${sum((r) => r.punctWrong)} | ${pf}/${pg} | | | ${gs ? `${gr}/${gs}` : '–'} |`,
    );
  }
  console.log(lines.join('\n'));
  if (values.verbose) {
    // holdout discipline: a holdout fixture's wrong changes are printed only when asked for by name
    for (const r of rows.filter((x) => x.split !== 'holdout' || values['verbose-holdout'])) {
      if (r.wrongExamples.length) console.log(`\n${r.id} wrong changes:\n  ${r.wrongExamples.join('\n  ')}`);
      if (r.punctWrongExamples.length) console.log(`\n${r.id} wrong punctuation changes:\n  ${r.punctWrongExamples.join('\n  ')}`);
      if (r.structure?.problemsMissed.length) console.log(`\n${r.id} problems missed: ${r.structure.problemsMissed.join(', ')}`);
      if (r.structure?.gbt?.wrong.length) console.log(`\n${r.id} GB/T fields wrong: ${r.structure.gbt.wrong.join('; ')}`);
    }
  }
  if (values.json) writeFileSync(values.json, `${JSON.stringify(rows, null, 2)}\n`);
}

await main();
