import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GoldStructure, scoreStructure } from '../../pipeline/eval/structure.ts';
import { NoticeDocument, type Notice } from '../../pipeline/schema.ts';
import { expectDocumentInvariants } from '../helpers/invariants.ts';
import { runCli } from '../helpers/io.ts';

const SAMPLE = 'fixtures/sample/hengyang/input.ocr.txt';
const BAD = 'fixtures/pdf/bad';
const tmp = () => mkdtempSync(join(tmpdir(), 'notice-cli-'));
const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const GOLD = GoldStructure.parse(readJson('fixtures/sample/hengyang/gold.structure.json'));

/** Section, subsection and problem numbers as a tree: the shape of a notice. */
const shape = (sections: Notice['sections'] | GoldStructure['sections']) =>
  sections.map((s) => ({ n: s.number, problems: s.problems.map((p) => p.number), subsections: s.subsections.map((x) => ({ n: x.number, problems: x.problems.map((p) => p.number) })) }));

/** Every file below dir, relative. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('notice convert (text input)', () => {
  let out: string;
  beforeAll(async () => {
    out = tmp();
    const r = await runCli(['convert', SAMPLE, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('writes <name>.json and <name>.txt', () => {
    expect(listFiles(out).sort()).toEqual(['input.ocr.json', 'input.ocr.txt', 'run-report.json']);
    const doc = NoticeDocument.parse(readJson(join(out, 'input.ocr.json')));
    expectDocumentInvariants(doc);
    expect(readFileSync(join(out, 'input.ocr.txt'), 'utf8')).toBe(doc.text);
    expect(doc.original).toBe(readFileSync(SAMPLE, 'utf8'));
  });

  it('segments the sample as its gold structure: same tree, every problem\'s statement and progress within tolerance', () => {
    const doc = NoticeDocument.parse(readJson(join(out, 'input.ocr.json')));
    expect(shape(doc.notice.sections)).toEqual(shape(GOLD.sections));
    const score = scoreStructure(doc.notice, GOLD);
    expect(score.problemsMissed).toEqual([]);
    expect(score).toMatchObject({ problemsFound: 14, sectionsFound: 2, subsectionsFound: 5, titleOk: true, issuerOk: true });
    expect(doc.notice.problemCount).toBe(score.problemsGold);
  });

  it('records why it converted and in which version', () => {
    const report = readJson(join(out, 'run-report.json'));
    const doc = NoticeDocument.parse(readJson(join(out, 'input.ocr.json')));
    expect(report.files).toEqual([
      { status: 'converted', input: SAMPLE, output: join(out, 'input.ocr.json'), problems: 14, warnings: doc.warnings.length, corrections: doc.corrections.length, pages: 1 },
    ]);
    expect(report.pipelineVersion).toBe(doc.pipelineVersion);
    expect(report.dictionaryVersion).toBe(doc.dictionaryVersion);
  });

  it('skips an up-to-date output on re-run, redoes it with --force, byte-identical', async () => {
    const before = readFileSync(join(out, 'input.ocr.json'));
    const again = await runCli(['convert', SAMPLE, '--out', out]);
    expect(again.code).toBe(0);
    expect(readJson(join(out, 'run-report.json')).files[0].status).toBe('skipped');
    const forced = await runCli(['convert', SAMPLE, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readJson(join(out, 'run-report.json')).files[0].status).toBe('converted');
    expect(readFileSync(join(out, 'input.ocr.json')).equals(before)).toBe(true);
  });
});

describe('notice convert (batch of good and bad inputs)', () => {
  it('isolates each failure with its reason, exits non-zero, and still writes every good file', async () => {
    const inDir = tmp();
    const out = tmp();
    mkdirSync(join(inDir, 'a'));
    mkdirSync(join(inDir, 'b'));
    copyFileSync(SAMPLE, join(inDir, 'a', 'notice.txt'));
    copyFileSync('fixtures/notices/n01-lanxi-county/input.ocr.txt', join(inDir, 'b', 'notice.txt'));
    for (const f of ['empty.txt', 'binary.txt', 'gb18030.txt', 'not-a-notice.txt', 'truncated.pdf', 'not-an-image.png', 'zero-pages.pdf', 'encrypted.pdf']) {
      copyFileSync(join(BAD, f), join(inDir, f));
    }
    const r = await runCli(['convert', inDir, '--out', out]);
    expect(r.code).toBe(1);
    const byName = Object.fromEntries(readJson(join(out, 'run-report.json')).files.map((f: any) => [f.input.split('/').pop(), f]));
    expect(byName['empty.txt']).toMatchObject({ status: 'failed', error: { code: 'EMPTY_FILE' } });
    expect(byName['binary.txt']).toMatchObject({ status: 'failed', error: { code: 'BINARY_FILE' } });
    expect(byName['truncated.pdf']).toMatchObject({ status: 'failed', error: { code: 'PDF_CORRUPT' } });
    expect(byName['not-an-image.png']).toMatchObject({ status: 'failed', error: { code: 'IMAGE_CORRUPT' } });
    expect(byName['zero-pages.pdf']).toMatchObject({ status: 'failed', error: { code: 'PDF_NO_PAGES' } });
    expect(byName['encrypted.pdf']).toMatchObject({ status: 'failed', error: { code: 'PDF_ENCRYPTED' } });
    for (const f of ['empty.txt', 'binary.txt', 'truncated.pdf']) expect(byName[f].error.message).toContain(f);
    expect(byName['gb18030.txt'].status).toBe('converted');
    expect(byName['not-a-notice.txt'].status).toBe('converted');
    // two notice.txt in different folders do not collide
    expect(existsSync(join(out, 'a', 'notice.json'))).toBe(true);
    expect(existsSync(join(out, 'b', 'notice.json'))).toBe(true);
    // the summary names every failure; no stack trace reaches the user
    expect(r.stderr).toMatch(/EMPTY_FILE/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // nothing half-written: no temp files, every JSON parses and validates
    const files = listFiles(out);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const f of files.filter((f) => f.endsWith('.json') && f !== 'run-report.json')) {
      expect(NoticeDocument.safeParse(readJson(join(out, f))).success, f).toBe(true);
    }
  });

  it('decodes GB18030 text and warns when a text is not a notice', async () => {
    const out = tmp();
    await runCli(['convert', join(BAD, 'gb18030.txt'), join(BAD, 'not-a-notice.txt'), '--out', out]);
    const gb = NoticeDocument.parse(readJson(join(out, 'gb18030.json')));
    expect(gb.source.encoding).toBe('gb18030');
    expect(gb.text).toContain('巡察');
    const prose = NoticeDocument.parse(readJson(join(out, 'not-a-notice.json')));
    expect(prose.warnings.map((w) => w.code)).toContain('no-structure');
    expect(prose.text.length).toBeGreaterThan(0);
  });

  it('reports a missing input clearly', async () => {
    const r = await runCli(['convert', 'no/such/file.txt', '--out', tmp()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no/such/file.txt');
  });

  it('rejects bad usage with exit code 64', async () => {
    expect((await runCli(['convert', SAMPLE])).code).toBe(64);
    expect((await runCli(['convert', SAMPLE, '--out', tmp(), '--ocr', 'sometimes'])).code).toBe(64);
    expect((await runCli(['frobnicate'])).code).toBe(64);
  });
});

describe('notice convert (a broken user dictionary)', () => {
  it('stops with the dictionary file and line named, writing no output, instead of failing every input alike', async () => {
    const inDir = tmp();
    const out = tmp();
    copyFileSync(SAMPLE, join(inDir, 'one.txt'));
    copyFileSync('fixtures/notices/n01-lanxi-county/input.ocr.txt', join(inDir, 'two.txt'));
    const dict = join(tmp(), 'my-lexicon.tsv');
    writeFileSync(dict, 'term\tweight\tnote\n巡察整改\tmany\t\n');
    const r = await runCli(['convert', inDir, '--out', out, '--dict', dict]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('my-lexicon.tsv');
    expect(r.stderr).toMatch(/DICTIONARY_INVALID|line 2/);
    expect(listFiles(out)).toEqual([]);
  });
});

describe('streaming', () => {
  it('--jsonl writes one document per line; "-" reads stdin', async () => {
    const text = readFileSync(SAMPLE, 'utf8');
    const r = await runCli(['convert', '-', '--jsonl', '--quiet'], text);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const doc = NoticeDocument.parse(JSON.parse(lines[0]));
    expect(doc.source.file).toBe('-');
    expect(doc.original).toBe(text);
  });

  it('notice schema prints the JSON Schema of the output', async () => {
    const r = await runCli(['schema']);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toContain('2020-12');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['original', 'text', 'corrections', 'notice']));
    expect(readFileSync('schema/notice.schema.json', 'utf8')).toBe(`${JSON.stringify(schema, null, 2)}\n`);
  });
});

describe('interruption', () => {
  // Atomicity itself is proven deterministically in tests/guarantees/atomic-write.test.ts;
  // here the whole process is killed (SIGKILL, no cleanup at all) once some outputs exist.
  it('after kill -9 mid-run every output left is whole, and a re-run redoes exactly the unfinished inputs', async () => {
    const inDir = tmp();
    const out = tmp();
    const texts = readdirSync('fixtures/notices').slice(0, 6).map((id) => readFileSync(join('fixtures/notices', id, 'input.ocr.txt'), 'utf8'));
    const N = 12;
    for (let i = 0; i < N; i++) writeFileSync(join(inDir, `n${String(i).padStart(2, '0')}.txt`), texts[i % texts.length]);
    const outputs = () => (existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'run-report.json') : []);
    const child = spawn(process.execPath, ['bin/notice.mjs', 'convert', inDir, '--out', out, '--quiet', '--jobs', '1'], { stdio: 'ignore' });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
      const poll = setInterval(() => {
        if (outputs().length >= 3) child.kill('SIGKILL');
      }, 20);
      child.on('exit', (_code, sig) => {
        clearInterval(poll);
        resolve(sig);
      });
    });
    expect(signal, 'the child finished before it could be killed').toBe('SIGKILL');
    const done = outputs();
    expect(done.length).toBeGreaterThanOrEqual(3);
    expect(done.length).toBeLessThan(N);
    for (const f of done) expect(NoticeDocument.safeParse(readJson(join(out, f))).success, f).toBe(true);
    const r = await runCli(['convert', inDir, '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const byName = Object.fromEntries(readJson(join(out, 'run-report.json')).files.map((f: any) => [`${f.input.split('/').pop().replace(/\.txt$/, '')}.json`, f.status]));
    for (const f of Object.keys(byName)) expect(byName[f], f).toBe(done.includes(f) ? 'skipped' : 'converted');
    expect(outputs()).toHaveLength(N);
  });
});
