/**
 * Text conversions start from the corrector's start-up snapshot (bin/notice.mjs,
 * pipeline/cli/snapshot-blob.ts): which runs do, that the first one builds the blob into the
 * cache folder, that a run from it writes the same documents as one without it, and that a
 * blob that cannot start is dropped while the run still succeeds. The CLI runs from dist/
 * (built by `npm ci`); with dist/ older than the sources there is no snapshot to test.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertsWithBundledDictionaries } from '../../pipeline/cli/snapshot-blob.ts';

const SAMPLE = 'fixtures/sample/hengyang/input.ocr.txt';
const SCAN = 'fixtures/pdf/scan-n06-jiangchuan-university.pdf';
const tmp = (what: string) => mkdtempSync(join(tmpdir(), `notice-snapshot-${what}-`));

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : e.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
  }
  return t;
}
const built = existsSync('dist/cli/main.js') && statSync('dist/cli/main.js').mtimeMs >= newest('pipeline') && existsSync('dist/correct/corrector-snapshot.cjs');

describe('which conversions start from the snapshot', () => {
  const texts = tmp('texts');
  writeFileSync(join(texts, 'a.txt'), '关于开展专项检查的通知\n');
  mkdirSync(join(texts, 'sub'));
  writeFileSync(join(texts, 'sub', 'b.TXT'), '整改情况\n');
  const mixed = tmp('mixed');
  writeFileSync(join(mixed, 'a.txt'), '通知\n');
  copyFileSync(SCAN, join(mixed, 'scan.pdf'));

  it.each([
    ['a text file', ['convert', SAMPLE, '--out', 'o'], true],
    ['a folder of text files (walked as the batch walks it)', ['convert', texts, '-o', 'o', '--quiet'], true],
    ['text from stdin', ['convert', '-', '--jsonl'], true],
    ['a scanned PDF', ['convert', SCAN, '--out', 'o'], true],
    ['a text file and a PDF', ['convert', SAMPLE, SCAN, '--out', 'o'], true],
    ['a folder that holds a PDF', ['convert', mixed, '--out', 'o'], true],
    ['a user dictionary (the snapshot holds the bundled ones)', ['convert', SAMPLE, '--dict', 'my-lexicon.tsv', '--out', 'o'], false],
    ['a file that does not exist (the command reports it)', ['convert', '/nonexistent/a.txt', '--out', 'o'], false],
    ['an unknown option (the command reports it)', ['convert', SAMPLE, '--colour', '--out', 'o'], false],
    ['help', ['convert', '--help'], false],
    ['another command', ['review', 'out.json'], false],
  ])('%s: %s', async (_what, argv, expected) => {
    expect(await convertsWithBundledDictionaries(argv)).toBe(expected);
  });
});

describe.skipIf(!built)('a text conversion from the snapshot', () => {
  const cache = tmp('cache');
  const run = (out: string, env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, ['bin/notice.mjs', 'convert', SAMPLE, '--out', out, '--quiet'], { encoding: 'utf8', env: { ...process.env, NOTICE_CACHE_DIR: cache, ...env } });
  const doc = (dir: string) => JSON.parse(readFileSync(join(dir, 'input.ocr.json'), 'utf8')) as { text: string; corrections: unknown[]; structure: unknown };
  const blobs = () => readdirSync(join(cache, 'snapshot')).filter((n) => n.endsWith('.blob'));

  it('builds the blob on the first run and writes the same document as a run without it', () => {
    const [first, again, without] = [tmp('out'), tmp('out'), tmp('out')];
    expect(run(first).status).toBe(0);
    expect(blobs()).toHaveLength(1);
    expect(readdirSync(join(cache, 'snapshot')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(run(again).status).toBe(0);
    expect(run(without, { NOTICE_SNAPSHOT: 'off' }).status).toBe(0);
    for (const dir of [first, again]) {
      expect(doc(dir).text).toBe(doc(without).text);
      expect(doc(dir).corrections).toEqual(doc(without).corrections);
      expect(doc(dir).structure).toEqual(doc(without).structure);
    }
  }, 120_000);

  it('drops a blob that cannot start and converts all the same', () => {
    if (!existsSync(join(cache, 'snapshot')) || blobs().length === 0) expect(run(tmp('out')).status).toBe(0);
    const [blob] = blobs();
    writeFileSync(join(cache, 'snapshot', blob), 'not a snapshot');
    const out = tmp('out');
    const r = run(out);
    expect(r.status).toBe(0);
    expect(blobs()).toEqual([]);
    expect(doc(out).text.length).toBeGreaterThan(1000);
  }, 120_000);
});
