/**
 * The Markdown tables `npm run eval` prints: accuracy per fixture with a summary
 * per split (unseen rows in their own table, summed per engine, never mixed into
 * the tune figures), one-for-one Han misreadings and confidence calibration per
 * fixture, and the clean-text check.
 */
import { DEFAULT_ENGINE, ENGINE_NAMES, type EngineName } from '../extract/ocr.ts';
import { addBins, type Bin } from './calibration.ts';
import type { Split } from './fixtures.ts';
import type { HanScore } from './han.ts';
import type { StructureScore } from './structure.ts';

export interface Row {
  id: string;
  split: Split;
  engine: string;
  /** scanned inputs: the OCR engine the pipeline read them with */
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
  han: HanScore;
  changeBins: Bin[];
  suggestionBins: Bin[];
  /** lone changes held as suggestions (lone-change.ts), and how many of them are right */
  lone: { n: number; right: number };
  wrongExamples: string[];
  punctWrongExamples: string[];
}

export interface CleanRow {
  id: string;
  split: Split;
  characterChanges: number;
  punctuationChanges: number;
  suggestions: number;
  /** lone changes held as suggestions (lone-change.ts): each would have been a false change */
  lone: number;
  /** the changes, for the verbose listing (corpus folds only: tune data) */
  examples?: string[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const share = (a: number, b: number) => (b ? pct(a / b) : '–');
const sumOf = <T>(rs: T[], f: (r: T) => number) => rs.reduce((a, r) => a + f(r), 0);
const binCells = (bins: Bin[]) => bins.map((b) => `${b.right}/${b.n}${b.n ? ` (${pct(b.right / b.n)})` : ''}`);

const ACCURACY_HEAD = [
  '| fixture | split | OCR | chars | raw CER | CER before char. correction | final CER | errors raw → final | all errors removed | char. errors before → after corrector | removed by corrector | char. changes right / wrong | precision | suggestions | punct. right / wrong | problems found | sections | title/issuer/date | GB/T fields |',
  '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
];

function accuracyLine(r: Row): string {
  const s = r.structure;
  return `| ${r.id} | ${r.split} | ${r.engine} | ${r.chars} | ${pct(r.rawCer)} | ${pct(r.beforeCer)} | ${pct(r.finalCer)} | ${r.errorsRaw} → ${r.errorsAfter} | ${share(r.errorsRaw - r.errorsAfter, r.errorsRaw)} | ${r.errorsBefore} → ${r.errorsAfter} | ${share(r.errorsBefore - r.errorsAfter, r.errorsBefore)} | ${r.right} / ${r.wrong} | ${share(r.right, r.right + r.wrong)} | ${r.suggestions} | ${r.punctRight} / ${r.punctWrong} | ${s ? `${s.problemsFound}/${s.problemsGold}` : '–'} | ${s ? `${s.sectionsFound}/${s.sectionsGold}` : '–'} | ${s ? [s.titleOk, s.issuerOk, s.dateOk].map((b) => (b ? '✓' : '✗')).join('') : '–'} | ${s?.gbt ? `${s.gbt.right}/${s.gbt.scored}` : '–'} |`;
}

function accuracySummary(label: string, rs: Row[]): string {
  const sum = (f: (r: Row) => number) => sumOf(rs, f);
  const [chars, er, eb, ea, right, wrong] = [sum((r) => r.chars), sum((r) => r.errorsRaw), sum((r) => r.errorsBefore), sum((r) => r.errorsAfter), sum((r) => r.right), sum((r) => r.wrong)];
  return `| **${label}** | | | ${chars} | ${pct(er / chars)} | ${pct(eb / chars)} | ${pct(ea / chars)} | ${er} → ${ea} | ${share(er - ea, er)} | ${eb} → ${ea} | ${share(eb - ea, eb)} | ${right} / ${wrong} | ${share(right, right + wrong)} | ${sum((r) => r.suggestions)} | ${sum((r) => r.punctRight)} / ${sum((r) => r.punctWrong)} | ${sum((r) => r.structure?.problemsFound ?? 0)}/${sum((r) => r.structure?.problemsGold ?? 0)} | | | ${sum((r) => r.structure?.gbt?.right ?? 0)}/${sum((r) => r.structure?.gbt?.scored ?? 0)} |`;
}

/** Summary groups: tune and holdout as a whole; unseen per engine (the same notices read by each engine). */
export function groups(rows: Row[]): { label: string; split: Split; rows: Row[] }[] {
  const out: { label: string; split: Split; rows: Row[] }[] = [];
  // tune / holdout totals count each scanned PDF once, read by the default engine; each engine's scanned rows get their own line
  for (const split of ['tune', 'holdout'] as const) {
    const rs = rows.filter((r) => r.split === split && (r.ocrEngine ?? DEFAULT_ENGINE) === DEFAULT_ENGINE);
    if (rs.length) out.push({ label: `all ${split}`, split, rows: rs });
  }
  // tune and holdout scans only: unseen scans are summed with the unseen rows, per engine
  for (const engine of ENGINE_NAMES) {
    const rs = rows.filter((r) => r.ocrEngine === engine && r.split !== 'unseen');
    if (rs.length) out.push({ label: `all scanned, ${engine}`, split: rs[0].split, rows: rs });
  }
  const unseen = rows.filter((r) => r.split === 'unseen');
  for (const engine of [...new Set(unseen.map((r) => r.engine))]) out.push({ label: `all unseen [${engine}]`, split: 'unseen', rows: unseen.filter((r) => r.engine === engine) });
  return out;
}

const LEVELS_HEAD = (what: string, bins: Bin[]) => bins.map((b) => `${what} ≥ ${b.level} right/n`).join(' | ');

function hanLine(label: string, split: string, rs: Row[]): string {
  const h = (f: (x: HanScore) => number) => sumOf(rs, (r) => f(r.han));
  const changes = rs.reduce((a, r) => addBins(a, r.changeBins), [] as Bin[]);
  const sugg = rs.reduce((a, r) => addBins(a, r.suggestionBins), [] as Bin[]);
  const m = h((x) => x.misreadings);
  return `| ${label} | ${split} | ${m} | ${h((x) => x.fixed)} (${share(h((x) => x.fixed), m)}) | ${h((x) => x.missed)} | ${h((x) => x.broken)} | ${binCells(changes).join(' | ')} | ${binCells(sugg).join(' | ')} |`;
}

function cleanLine(label: string, cs: CleanRow[]): string {
  const changed = cs.filter((c) => c.characterChanges + c.punctuationChanges > 0);
  return `| ${label} | ${cs.length} | ${changed.length} | ${sumOf(cs, (c) => c.characterChanges)} | ${sumOf(cs, (c) => c.punctuationChanges)} | ${sumOf(cs, (c) => c.suggestions)} | ${sumOf(cs, (c) => c.lone)} | ${changed.map((c) => `${c.id} (${c.characterChanges}+${c.punctuationChanges})`).join(', ') || '–'} |`;
}

export function formatReport(rows: Row[], clean: CleanRow[], corpus: CleanRow[] = []): string {
  const known = rows.filter((r) => r.split !== 'unseen');
  const unseen = rows.filter((r) => r.split === 'unseen');
  const gs = groups(rows);
  const out = [...ACCURACY_HEAD, ...known.map(accuracyLine), ...gs.filter((g) => g.split !== 'unseen').map((g) => accuracySummary(g.label, g.rows))];
  if (unseen.length) {
    out.push('', '**Unseen notices** (never tuned on; not part of the tune or holdout figures):', '', ...ACCURACY_HEAD, ...unseen.map(accuracyLine), ...gs.filter((g) => g.split === 'unseen').map((g) => accuracySummary(g.label, g.rows)));
  }
  const bins = rows[0]?.changeBins ?? [];
  out.push(
    '',
    '**One-for-one Han misreadings and calibration** (misreading: raw OCR has one Han character, a different one, for one gold Han character; broken: a Han character the OCR had right and the output has not; calibration: of the character changes / suggestions with confidence ≥ c, how many are, or would have been, right):',
    '',
    `| fixture | split | Han misreadings | fixed | missed | newly broken | ${LEVELS_HEAD('changes', bins)} | ${LEVELS_HEAD('suggestions', bins)} |`,
    `|---|---|---:|---:|---:|---:|${bins.map(() => '---:|').join('')}${bins.map(() => '---:|').join('')}`,
    ...rows.map((r) => hanLine(r.id, r.split, [r])),
    ...gs.map((g) => hanLine(`**${g.label}**`, '', g.rows)),
  );
  out.push('', '**Clean text** (each gold.txt through the pipeline; every change made to correct text is a false correction):', '', '| split | gold texts | texts changed | character changes | punctuation changes | suggestions | of them lone changes | texts with changes |', '|---|---:|---:|---:|---:|---:|---:|---|');
  for (const split of ['tune', 'holdout', 'unseen'] as const) {
    const cs = clean.filter((c) => c.split === split);
    if (!cs.length) continue;
    out.push(cleanLine(split, cs));
  }
  if (corpus.length) out.push(cleanLine('genre corpus, 2 folds (models without the fold)', corpus));
  out.push('', '**Lone changes** (the only change in a document with no other repair, held as a suggestion: lone-change.ts; PARAMS.loneChange counts them on tune OCR texts, tune gold texts and the corpus folds):', '');
  for (const split of ['tune', 'holdout', 'unseen'] as const) {
    const rs = rows.filter((r) => r.split === split);
    const cs = clean.filter((c) => c.split === split);
    if (rs.length || cs.length) out.push(`- ${split}: OCR inputs ${sumOf(rs, (r) => r.lone.right)} right of ${sumOf(rs, (r) => r.lone.n)}; gold texts ${sumOf(cs, (c) => c.lone)} (each a false change)`);
  }
  if (corpus.length) out.push(`- genre corpus folds: ${sumOf(corpus, (c) => c.lone)} (each a false change)`);
  return out.join('\n');
}
