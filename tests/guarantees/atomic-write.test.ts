/**
 * The atomic-write promise: a write that dies half-way leaves the previous output
 * whole, never a truncated file. The fault is forced by the kernel, deterministically:
 * the child CLI runs under a file-size limit (`ulimit -f`), so writing the large JSON
 * fails with EFBIG after exactly that many bytes, wherever in the code the write is.
 * A plain `writeFile` over the target would leave the first bytes of the new JSON there.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../pipeline/batch/run-batch.ts';
import { createPipeline } from '../../pipeline/convert.ts';
import { NoticeDocument } from '../../pipeline/schema.ts';

const LIMIT_KIB = 200;
const dir = mkdtempSync(join(tmpdir(), 'notice-atomic-'));
const out = join(dir, 'out');
const BIG = join(dir, 'big.txt');
const SMALL = join(dir, 'small.txt');
const reportOf = () => JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8')) as { files: { input: string; status: string; error?: { message: string } }[] };
const statusOf = (input: string) => reportOf().files.find((f) => f.input === input);

function convertUnderFileSizeLimit(): { status: number | null; stderr: string } {
  const cli = `exec "${process.execPath}" bin/notice.mjs convert "${BIG}" "${SMALL}" --out "${out}" --jobs 1 --quiet`;
  // the sources under test (not a build in dist/). tsx's transform cache may be written under
  // the limit too: tsx ignores a failed cache write and re-transforms a cache file it cannot parse
  const r = spawnSync('bash', ['-c', `ulimit -f ${LIMIT_KIB} && ${cli}`], { encoding: 'utf8', env: { ...process.env, NOTICE_FROM_SOURCE: '1' } });
  return { status: r.status, stderr: r.stderr };
}

describe('atomic writes under a forced write failure', () => {
  const pipeline = createPipeline({ workers: 1 });
  const inputs = [{ path: BIG, outName: 'big' }, { path: SMALL, outName: 'small' }];
  const batch = () => runBatch(pipeline, inputs, { out, jobs: 1, force: false, ocr: 'auto' });
  afterAll(() => pipeline.close());
  let previous: Buffer;
  beforeAll(async () => {
    copyFileSync('fixtures/sample/hengyang/input.ocr.txt', BIG);
    copyFileSync('fixtures/pdf/bad/not-a-notice.txt', SMALL);
    expect((await runBatch(pipeline, inputs.slice(0, 1), { out, jobs: 1, force: false, ocr: 'auto' }))[0].status).toBe('converted');
    previous = readFileSync(join(out, 'big.json'));
    // the fault must fall inside the JSON write: the previous output is larger than the limit
    expect(previous.length).toBeGreaterThan(LIMIT_KIB * 1024 * 1.2);
    appendFileSync(BIG, '特此通报。\n'); // changed input: the re-run must rewrite big.json
  }, 120_000);

  it('keeps the previous output byte for byte, leaves no temp file, and the batch goes on', () => {
    const r = convertUnderFileSizeLimit();
    expect(r.status, r.stderr).toBe(1);
    expect(statusOf(BIG)).toMatchObject({ status: 'failed', error: { message: expect.stringMatching(/EFBIG|too large/) } });
    expect(statusOf(SMALL)?.status).toBe('converted');
    expect(readFileSync(join(out, 'big.json')).equals(previous)).toBe(true);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const f of readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'run-report.json')) {
      expect(NoticeDocument.safeParse(JSON.parse(readFileSync(join(out, f), 'utf8'))).success, f).toBe(true);
    }
    expect(statSync(join(out, 'small.json')).size).toBeLessThan(LIMIT_KIB * 1024);
  }, 120_000);

  it('a re-run without the limit redoes the failed input only', async () => {
    expect((await batch()).map((f) => f.status)).toEqual(['converted', 'skipped']);
    const doc = NoticeDocument.parse(JSON.parse(readFileSync(join(out, 'big.json'), 'utf8')));
    expect(doc.original).toBe(readFileSync(BIG, 'utf8'));
  }, 120_000);
});
