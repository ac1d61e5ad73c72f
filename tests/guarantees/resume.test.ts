/**
 * The resume promise: a re-run redoes an input exactly when something that changes
 * its output changed — its content, the pipeline version, the dictionaries, the OCR
 * mode (for inputs that are not text), the reviewer decisions for it — and only then.
 * One real pipeline per option set; each row is a re-run and the statuses it must give.
 */
import { appendFileSync, copyFileSync, cpSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch, type BatchOptions } from '../../pipeline/batch/run-batch.ts';
import { createPipeline, type Pipeline } from '../../pipeline/convert.ts';
import { loadDictionaries } from '../../pipeline/correct/index.ts';
import { toLookup } from '../../pipeline/review/decisions.ts';
import type { NoticeDocument } from '../../pipeline/schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'notice-resume-'));
const out = join(dir, 'out');
const TEXT = join(dir, 'a.txt');
const PDF = join(dir, 'b.pdf');
const inputs = [
  { path: TEXT, outName: 'a' },
  { path: PDF, outName: 'b' },
];
const readDoc = (name: string): NoticeDocument => JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8'));
const editDoc = (name: string, edit: (d: Record<string, unknown>) => void) => {
  const d = readDoc(name) as unknown as Record<string, unknown>;
  edit(d);
  writeFileSync(join(out, `${name}.json`), JSON.stringify(d));
};

async function run(p: Pipeline, opts: Partial<BatchOptions> = {}): Promise<string[]> {
  const results = await runBatch(p, inputs, { out, jobs: 1, force: false, ocr: 'auto', ...opts });
  return results.map((r) => r.status);
}

let plain: Pipeline;
beforeAll(() => {
  copyFileSync('fixtures/sample/hengyang/input.ocr.txt', TEXT);
  copyFileSync('fixtures/pdf/born-digital.pdf', PDF);
  plain = createPipeline({ workers: 1 });
});
afterAll(() => plain.close());

describe('resume: redo exactly what changed', () => {
  // Rows run in order on the same output folder; `change` prepares the re-run.
  const rows: [string, () => void, Partial<BatchOptions>, string[]][] = [
    ['first run converts everything', () => {}, {}, ['converted', 'converted']],
    ['nothing changed: everything skipped', () => {}, {}, ['skipped', 'skipped']],
    ['a touched but unchanged input is skipped (content, not mtime)', () => utimesSync(TEXT, new Date(), new Date(2030, 0, 1)), {}, ['skipped', 'skipped']],
    ['the text input\'s content changed: only it is redone', () => appendFileSync(TEXT, '特此通报。\n'), {}, ['converted', 'skipped']],
    ['OCR mode changed: the PDF is redone, the text (read the same in every mode) is not', () => {}, { ocr: 'never' }, ['skipped', 'converted']],
    ['same OCR mode again: skipped', () => {}, { ocr: 'never' }, ['skipped', 'skipped']],
    ['back to the default OCR mode: the PDF is redone', () => {}, {}, ['skipped', 'converted']],
    ['an output from another pipeline version is redone', () => editDoc('a', (d) => (d.pipelineVersion = '0.0.1')), {}, ['converted', 'skipped']],
    ['an output made with other dictionaries is redone', () => editDoc('b', (d) => (d.dictionaryVersion = '000000000000')), {}, ['skipped', 'converted']],
    ['an output whose options were not recorded is redone when they matter', () => editDoc('b', (d) => delete d.options), {}, ['skipped', 'converted']],
    ['an unreadable (e.g. truncated) output is redone', () => writeFileSync(join(out, 'a.json'), '{"pipelineVer'), {}, ['converted', 'skipped']],
    ['--force redoes everything', () => {}, { force: true }, ['converted', 'converted']],
  ];
  it.each(rows)('%s', async (_name, change, opts, statuses) => {
    change();
    expect(await run(plain, opts)).toEqual(statuses);
  });

  it('records the output-changing options in each output', () => {
    expect(readDoc('a').options).toEqual({ ocr: 'auto', decisions: null, engine: 'ppocr' });
    expect(readDoc('b').options).toEqual({ ocr: 'auto', decisions: null, engine: 'ppocr' });
  });
});

describe('resume: OCR engine', () => {
  it('redoes the PDF (not the text) when the engine changes, then skips it while it stays the same', async () => {
    const other = createPipeline({ workers: 1, engine: 'tesseract' });
    try {
      expect(await run(other)).toEqual(['skipped', 'converted']);
      expect(readDoc('b').options?.engine).toBe('tesseract');
      expect(await run(other)).toEqual(['skipped', 'skipped']);
    } finally {
      await other.close();
    }
    expect(await run(plain)).toEqual(['skipped', 'converted']);
  });
});

describe('resume: reviewer decisions', () => {
  it('redoes only the input whose decisions changed, then skips it while they stay the same', async () => {
    const a = readDoc('a');
    expect(a.suggestions.length).toBeGreaterThan(0);
    const accept = a.suggestions[0];
    const decision = { id: accept.id, decision: 'accept' as const, before: accept.before, after: accept.after, rule: accept.rule, context: { left: '', right: '' } };
    const lookup = toLookup(new Map([[a.source.sha256, new Map([[accept.id, decision]])]]));
    const reviewed = createPipeline({ workers: 1, decisions: lookup });
    try {
      expect(await run(reviewed)).toEqual(['converted', 'skipped']);
      const applied = readDoc('a');
      expect(applied.options?.decisions).toMatch(/^[0-9a-f]{16}$/);
      expect(applied.corrections).toContainEqual(expect.objectContaining({ original: accept.original, after: accept.after, note: 'accepted by reviewer' }));
      expect(applied.suggestions.map((s) => s.id)).not.toContain(accept.id);
      expect(await run(reviewed)).toEqual(['skipped', 'skipped']);
    } finally {
      await reviewed.close();
    }
    // the decisions withdrawn: the reviewed input is redone without them
    expect(await run(plain)).toEqual(['converted', 'skipped']);
    expect(readDoc('a').options?.decisions).toBeNull();
  });
});

describe('resume: bundled dictionaries', () => {
  it('dictionaryVersion (compared on resume) changes when a bundled dictionary file changes', () => {
    const copy = join(dir, 'dictionaries');
    cpSync('dictionaries', copy, { recursive: true });
    appendFileSync(join(copy, 'lexicon.tsv'), '巡察整改台账\t100\t\n');
    expect(loadDictionaries({ dir: copy }).version).not.toBe(plain.dictionaryVersion);
  });
});
