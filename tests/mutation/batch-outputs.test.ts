/**
 * What a finished input leaves in --out (pipeline/batch/outputs.ts): the two files, the
 * up-to-date test a re-run relies on, run-report.json and the exit code. Real files.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchExitCode, documentStats, upToDate, writeOutputs, writeRunReport, type Expected } from '../../pipeline/batch/outputs.ts';
import type { FileResult } from '../../pipeline/batch/run-batch.ts';
import { hashFile } from '../../pipeline/io/hash-file.ts';
import type { NoticeDocument } from '../../pipeline/schema.ts';
import { PIPELINE_VERSION } from '../../pipeline/version.ts';
import { freshDir } from './temp-dir.ts';

const result = (over: Partial<FileResult>): FileResult => ({ input: 'a.txt', output: 'out/a.json', status: 'converted', warnings: 0, corrections: 0, problems: 0, pages: 1, seconds: 1.5, ...over });

describe('batchExitCode', () => {
  it.each<[string, Partial<FileResult>[], boolean, number]>([
    ['all converted or skipped', [{}, { status: 'skipped' }], false, 0],
    ['all converted or skipped, --strict', [{}, { status: 'skipped' }], true, 0],
    ['a failed input', [{}, { status: 'failed', output: null }], false, 1],
    ['a failed input wins over warnings with --strict', [{ warnings: 2 }, { status: 'failed', output: null }], true, 1],
    ['warnings without --strict', [{ warnings: 1 }], false, 0],
    ['warnings with --strict', [{}, { warnings: 1 }], true, 2],
    ['an empty batch', [], true, 0],
  ])('%s: %i', (_label, results, strict, code) => {
    expect(batchExitCode(results.map(result), strict)).toBe(code);
  });
});

describe('documentStats', () => {
  it('counts warnings, corrections, problems and pages of a document', () => {
    const doc = { warnings: [{}, {}], corrections: [{}, {}, {}], notice: { problemCount: 4 }, source: { pages: [{}] } } as unknown as NoticeDocument;
    expect(documentStats(doc)).toEqual({ warnings: 2, corrections: 3, problems: 4, pages: 1 });
  });
});

describe('writeOutputs and writeRunReport', () => {
  it('write the text and the JSON under their names (in subfolders too), and leave no temp file', async () => {
    const out = await freshDir('outputs');
    await writeOutputs(out, 'q1/notice', { json: '{"a":1}\n', txt: '正文\n' });
    expect(await readFile(join(out, 'q1/notice.json'), 'utf8')).toBe('{"a":1}\n');
    expect(await readFile(join(out, 'q1/notice.txt'), 'utf8')).toBe('正文\n');
    expect((await readdir(join(out, 'q1'))).sort()).toEqual(['notice.json', 'notice.txt']);
  });

  it('run-report.json: versions and every result without its seconds, two-space JSON with a final newline', async () => {
    const out = await freshDir('outputs');
    const results = [result({}), result({ input: 'b.pdf', status: 'failed', output: null, error: { code: 'PDF_CORRUPT', message: 'b.pdf: bad' } })];
    await writeRunReport(out, 'dict-7', results);
    const text = await readFile(join(out, 'run-report.json'), 'utf8');
    const files = results.map(({ seconds: _s, ...r }) => r);
    expect(text).toBe(`${JSON.stringify({ pipelineVersion: PIPELINE_VERSION, dictionaryVersion: 'dict-7', files }, null, 2)}\n`);
    expect(await readdir(out)).toEqual(['run-report.json']);
  });
});

describe('upToDate', () => {
  const expected: Expected = { dictionaryVersion: 'dict-1', runOptions: () => ({ ocr: 'auto', engine: 'ppocr', decisions: null }) };
  async function previous(doc: Record<string, unknown> | string) {
    const dir = await freshDir('uptodate');
    const input = join(dir, 'in.pdf');
    await writeFile(input, 'input bytes');
    const sha256 = await hashFile(input);
    const json = join(dir, 'in.json');
    const base = { pipelineVersion: PIPELINE_VERSION, dictionaryVersion: 'dict-1', source: { kind: 'pdf', sha256 }, options: { ocr: 'auto', engine: 'ppocr', decisions: null } };
    await writeFile(json, typeof doc === 'string' ? doc : JSON.stringify({ ...base, ...doc, source: { ...base.source, ...(doc.source as object) } }));
    return { json, input };
  }

  it.each<[string, Record<string, unknown> | string, boolean]>([
    ['made from these bytes with the same versions and options', {}, true],
    ['another pipeline version', { pipelineVersion: '0.0.1' }, false],
    ['other dictionaries', { dictionaryVersion: 'dict-0' }, false],
    ['other input bytes', { source: { sha256: '0'.repeat(64) } }, false],
    ['a scan read in another OCR mode', { options: { ocr: 'always', engine: 'ppocr', decisions: null } }, false],
    ['a scan read by another engine', { options: { ocr: 'auto', engine: 'tesseract', decisions: null } }, false],
    ['a text input whatever its OCR mode and engine', { source: { kind: 'text' }, options: { ocr: 'always', engine: 'tesseract', decisions: null } }, true],
    ['other reviewer decisions', { options: { ocr: 'auto', engine: 'ppocr', decisions: 'abcd' } }, false],
    ['a text output without recorded options, when no decisions apply', { source: { kind: 'text' }, options: undefined }, true],
    ['a scan output without recorded options', { options: undefined }, false],
    ['a truncated output', '{"pipelineVersion":', false],
  ])('%s: %s', async (_label, doc, fresh) => {
    const { json, input } = await previous(doc);
    expect(await upToDate(json, input, expected)).toBe(fresh);
  });

  it('is false when there is no output yet, and when decisions now apply to a text output made without', async () => {
    const { json, input } = await previous({ source: { kind: 'text' } });
    expect(await upToDate(join(json, '..', 'missing.json'), input, expected)).toBe(false);
    const withDecisions: Expected = { ...expected, runOptions: () => ({ ocr: 'auto', engine: 'ppocr', decisions: 'abcd' }) };
    expect(await upToDate(json, input, withDecisions)).toBe(false);
  });

  it('asks for the options of this input\'s hash', async () => {
    const { json, input } = await previous({});
    const asked: string[] = [];
    await upToDate(json, input, { ...expected, runOptions: (sha) => (asked.push(sha), expected.runOptions(sha)) });
    expect(asked).toEqual([await hashFile(input)]);
  });
});
