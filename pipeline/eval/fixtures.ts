/**
 * The evaluation fixtures `npm run eval` runs, with their split:
 *   tune / holdout — fixtures/sample/*, fixtures/notices/* (meta.json `split`), and
 *                    the scanned PDFs of notices in fixtures/pdf[/heavy]/scan-<id>.pdf;
 *   unseen         — fixtures/unseen/<id>/input.<engine>.ocr.txt, one row per engine, and
 *                    fixtures/unseen/<id>/scan.pdf read by each OCR engine
 *                    (never tuned on; see fixtures/README.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_NAMES, type EngineName } from '../extract/ocr.ts';

export const SPLITS = ['tune', 'holdout', 'unseen'] as const;
export type Split = (typeof SPLITS)[number];

export interface EvalFixture {
  /** row name: the folder id, `scan-<id>` for PDFs, `<id> [engine]` for unseen variants */
  id: string;
  /** the notice folder holding gold.txt / gold.structure.json */
  dir: string;
  split: Split;
  engine: string;
  /** the pipeline input (OCR text or PDF) */
  input: string;
  /** scanned inputs are read once with each OCR engine */
  ocrEngine?: EngineName;
}

/** Scanned PDFs whose name does not carry their notice id (fixtures/pdf/README.md). */
const SCANNED_BY_NAME: Record<string, string> = { 'sandwich-bad.pdf': 'n04-hongchuan-soe' };

const readMeta = (dir: string): { split?: string; engine?: string } =>
  existsSync(join(dir, 'meta.json')) ? JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) : {};

function asSplit(s: string | undefined, where: string): Split {
  const split = s ?? 'tune';
  if (!(SPLITS as readonly string[]).includes(split)) throw new Error(`${where}: unknown split ${split}`);
  return split as Split;
}

const folders = (root: string) => (existsSync(root) ? readdirSync(root).sort().map((id) => ({ id, dir: join(root, id) })) : []);

/** The engine name of an unseen-set input file (input.<engine>.ocr.txt), or null. */
export function engineOfInput(file: string): string | null {
  const m = /^input\.(.+)\.ocr\.txt$/.exec(file);
  return m ? m[1] : null;
}

export function evalFixtures(root: string, opts: { scans: boolean }): EvalFixture[] {
  const out: EvalFixture[] = [];
  for (const { id, dir } of [...folders(join(root, 'fixtures/sample')), ...folders(join(root, 'fixtures/notices'))]) {
    if (!existsSync(join(dir, 'gold.txt')) || !existsSync(join(dir, 'input.ocr.txt'))) continue;
    const meta = readMeta(dir);
    out.push({ id, dir, split: asSplit(meta.split, dir), engine: meta.engine ?? '?', input: join(dir, 'input.ocr.txt') });
  }
  for (const [folder, label] of [['fixtures/pdf', 'scan'], ['fixtures/pdf/heavy', 'heavy-scan']]) {
    if (!opts.scans || !existsSync(join(root, folder))) continue;
    for (const f of readdirSync(join(root, folder)).sort()) {
      const m = /^scan-(.+)\.pdf$/.exec(f);
      const notice = m?.[1] ?? (label === 'scan' ? SCANNED_BY_NAME[f] : undefined);
      const dir = notice && join(root, 'fixtures/notices', notice);
      if (!notice || !dir || !existsSync(join(dir, 'gold.txt'))) continue;
      const id = m ? `${label}-${notice}` : f.replace(/\.pdf$/, '');
      for (const ocrEngine of ENGINE_NAMES)
        out.push({ id, dir, split: asSplit(readMeta(dir).split, dir), engine: `scanned PDF → ${ocrEngine}`, input: join(root, folder, f), ocrEngine });
    }
  }
  // Scan cases (fixtures/scans/<case>/input.pdf or input.ocr.txt): pages as scanners deliver them.
  for (const { id, dir } of opts.scans ? folders(join(root, 'fixtures/scans')) : []) {
    const input = ['input.pdf', 'input.ocr.txt'].map((f) => join(dir, f)).find((f) => existsSync(f));
    if (!input || !existsSync(join(dir, 'gold.txt'))) continue;
    const split = asSplit(readMeta(dir).split, dir);
    if (!input.endsWith('.pdf')) out.push({ id: `scan-case-${id}`, dir, split, engine: 'text', input });
    else for (const ocrEngine of ENGINE_NAMES) out.push({ id: `scan-case-${id}`, dir, split, engine: `scanned PDF → ${ocrEngine}`, input, ocrEngine });
  }
  for (const { id, dir } of folders(join(root, 'fixtures/unseen'))) {
    if (!existsSync(join(dir, 'gold.txt'))) continue;
    for (const f of readdirSync(dir).sort()) {
      const engine = engineOfInput(f);
      if (engine) out.push({ id: `${id} [${engine}]`, dir, split: 'unseen', engine, input: join(dir, f) });
    }
    // the same damaged pages as a scanned PDF (make-unseen-fixtures.ts --scan): the whole pipeline, per engine
    const scan = join(dir, 'scan.pdf');
    if (opts.scans && existsSync(scan))
      for (const ocrEngine of ENGINE_NAMES) out.push({ id: `${id} [scan]`, dir, split: 'unseen', engine: `scanned PDF → ${ocrEngine}`, input: scan, ocrEngine });
  }
  return out;
}

/** Every notice folder with a gold.txt, once each (for the clean-text check). */
export function goldTexts(root: string): { id: string; split: Split; gold: string }[] {
  const out: { id: string; split: Split; gold: string }[] = [];
  for (const sub of ['fixtures/sample', 'fixtures/notices', 'fixtures/unseen']) {
    for (const { id, dir } of folders(join(root, sub))) {
      if (!existsSync(join(dir, 'gold.txt'))) continue;
      out.push({ id, split: sub === 'fixtures/unseen' ? 'unseen' : asSplit(readMeta(dir).split, dir), gold: readFileSync(join(dir, 'gold.txt'), 'utf8') });
    }
  }
  return out;
}
