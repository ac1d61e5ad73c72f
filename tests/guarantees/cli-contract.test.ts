/**
 * What `notice convert` promises an operator: the same input gives the same bytes in
 * any process, with any number of jobs; --strict turns warnings into exit code 2; a
 * reviewer's --decisions are applied (accepted suggestions in, rejected corrections
 * out) and, while they stay the same, a re-run skips the input.
 * One pair of conversions (beforeAll) serves every test: a child process with two jobs
 * and OCR workers at once, and this test process with one. The byte-identity check
 * compares them, and the --decisions test starts from their output of the sample.
 * The scan is the top of fixtures/pdf/page.png (title and first lines), a real scan at
 * a quarter of the page's OCR time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { NoticeDocument } from '../../pipeline/schema.ts';
import { runCli } from '../helpers/io.ts';

const SAMPLE = 'fixtures/sample/hengyang/input.ocr.txt';
const CLEAN = 'fixtures/pdf/born-digital.pdf';
const WARNED = 'fixtures/pdf/bad/not-a-notice.txt';
const tmp = () => mkdtempSync(join(tmpdir(), 'notice-contract-'));
const readDoc = (p: string) => NoticeDocument.parse(JSON.parse(readFileSync(p, 'utf8')));

const convertArgs = (out: string, scan: string, jobs: number) => ['convert', SAMPLE, CLEAN, scan, '--out', out, '--jobs', String(jobs), '--quiet'];

function convertInChild(out: string, scan: string, jobs: number): Promise<number | null> {
  const child = spawn(process.execPath, ['bin/notice.mjs', ...convertArgs(out, scan, jobs)], { stdio: 'ignore', env: { ...process.env, NOTICE_FROM_SOURCE: '1' } });
  return new Promise((resolve) => child.on('exit', resolve));
}

const [a, b] = [tmp(), tmp()];
let codes: (number | null)[] = [];
beforeAll(async () => {
  const scan = join(tmp(), 'page.png');
  const { width } = await sharp('fixtures/pdf/page.png').metadata();
  writeFileSync(scan, await sharp('fixtures/pdf/page.png').extract({ left: 0, top: 0, width: width!, height: 600 }).png().toBuffer());
  codes = await Promise.all([convertInChild(a, scan, 2), runCli(convertArgs(b, scan, 1)).then((r) => r.code)]);
}, 240_000);

describe('separate processes', () => {
  it('write byte-identical outputs for the same inputs (text, PDF text layer, OCR), with two jobs at once or one', () => {
    expect(codes).toEqual([0, 0]);
    const files = readdirSync(a).sort();
    expect(files).toEqual(['born-digital.json', 'born-digital.txt', 'input.ocr.json', 'input.ocr.txt', 'page.json', 'page.txt', 'run-report.json']);
    expect(readdirSync(b).sort()).toEqual(files);
    for (const f of files.filter((f) => f !== 'run-report.json')) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    // the run report differs only by the output folder it names
    expect(readFileSync(join(a, 'run-report.json'), 'utf8').replaceAll(a, '<out>')).toBe(readFileSync(join(b, 'run-report.json'), 'utf8').replaceAll(b, '<out>'));
    expect(readDoc(join(a, 'page.json')).source.pages[0].method).toBe('ocr');
    expect(readDoc(join(a, 'page.json')).text).toContain('巡视整改');
  });
});

// (a warned input without --strict exits 0: tests/cli/convert.test.ts, the sample has warnings)
describe('--strict', () => {
  // the input without warnings: the clean PDF's text as a text file (no PDF to open again)
  const clean = () => {
    const file = join(tmp(), 'clean.txt');
    writeFileSync(file, readFileSync(join(a, 'born-digital.txt')));
    return file;
  };
  it.each([
    ['a warned input, --strict: exit 2', () => WARNED, 2],
    ['an input without warnings, --strict: exit 0', clean, 0],
  ])('%s', async (_name, input, code) => {
    const r = await runCli(['convert', input(), '--strict', '--jsonl', '--quiet']);
    expect(r.code, r.stderr).toBe(code);
    const doc = NoticeDocument.parse(JSON.parse(r.stdout));
    expect(doc.warnings.length > 0).toBe(code === 2);
  });
});

describe('--decisions', () => {
  it('applies accepted suggestions, withholds rejected corrections, and skips the input on a re-run with the same decisions', async () => {
    const out = tmp();
    const before = readDoc(join(a, 'input.ocr.json')); // the sample converted without decisions, by beforeAll
    const accept = before.suggestions[0];
    const reject = before.corrections.find((c) => c.kind === 'character')!;
    expect(accept && reject).toBeTruthy();
    const entry = (c: typeof accept, decision: 'accept' | 'reject') => ({ id: c.id, decision, before: c.before, after: c.after, rule: c.rule, context: { left: '', right: '' } });
    const file = join(out, 'decisions.json');
    writeFileSync(file, JSON.stringify({ version: 1, documents: [{ file: SAMPLE, sha256: before.source.sha256, decisions: [entry(accept, 'accept'), entry(reject, 'reject')] }] }));

    expect((await runCli(['convert', SAMPLE, '--out', out, '--decisions', file, '--quiet'])).code).toBe(0);
    const after = readDoc(join(out, 'input.ocr.json'));
    const applied = after.corrections.find((c) => c.original.start === accept.original.start && c.after === accept.after);
    expect(applied).toMatchObject({ note: 'accepted by reviewer', confidence: 1 });
    expect(after.text.slice(applied!.text.start, applied!.text.end)).toBe(accept.after);
    expect(after.suggestions.map((s) => s.id)).not.toContain(accept.id);
    expect(after.corrections.map((c) => c.id)).not.toContain(reject.id);
    const kept = after.original.slice(reject.original.start, reject.original.end);
    expect(after.text).toContain(kept);
    expect(after.corrections.length).toBe(before.corrections.length); // one in, one out

    expect((await runCli(['convert', SAMPLE, '--out', out, '--decisions', file, '--quiet'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8')).files[0].status).toBe('skipped');
  }, 120_000);
});
