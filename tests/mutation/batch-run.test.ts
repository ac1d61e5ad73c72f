/**
 * runBatch with a scripted pipeline: the scheduler, resume, failure isolation and
 * outputs are what is tested here; the real pipeline behind it is tested end to end
 * by the CLI tests. Inputs, hashes and output files are real.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BatchInput } from '../../pipeline/batch/collect-inputs.ts';
import { runBatch, type BatchEvent, type BatchOptions } from '../../pipeline/batch/run-batch.ts';
import type { ConvertFileOptions, Pipeline } from '../../pipeline/convert.ts';
import { NoticeError } from '../../pipeline/errors.ts';
import { hashFile } from '../../pipeline/io/hash-file.ts';
import type { NoticeDocument } from '../../pipeline/schema.ts';
import { PIPELINE_VERSION } from '../../pipeline/version.ts';
import { freshDir } from './temp-dir.ts';

interface Script {
  dictionaryVersion?: string;
  /** throw this for an input whose content is exactly the key */
  failures?: Record<string, unknown>;
  delayMs?: number;
}

function scriptedPipeline(script: Script = {}) {
  const calls: { path: string; opts: ConvertFileOptions | undefined }[] = [];
  let running = 0;
  let maxRunning = 0;
  const pipeline: Pipeline = {
    dictionaryVersion: script.dictionaryVersion ?? 'dict-1',
    runOptions: (_sha, ocr) => ({ ocr, decisions: null }),
    convertText: () => {
      throw new Error('not used by runBatch');
    },
    async convertFile(path, opts) {
      calls.push({ path, opts });
      running++;
      maxRunning = Math.max(maxRunning, running);
      try {
        await new Promise((r) => setTimeout(r, script.delayMs ?? 5));
        const content = await readFile(path, 'utf8');
        if (script.failures && content in script.failures) throw script.failures[content];
        const lines = content.split('\n');
        return {
          pipelineVersion: PIPELINE_VERSION,
          dictionaryVersion: pipeline.dictionaryVersion,
          source: { file: opts?.name ?? path, kind: 'text', sha256: await hashFile(path), pages: lines.map((_, i) => ({ number: i + 1 })) },
          text: content.toUpperCase(),
          warnings: content.includes('warn') ? [{ code: 'w', message: 'w' }] : [],
          corrections: [...content].filter((c) => c === '!').map(() => ({})),
          notice: { problemCount: lines.length * 2 },
        } as unknown as NoticeDocument;
      } finally {
        running--;
      }
    },
    close: async () => {},
  };
  return { pipeline, calls, maxRunning: () => maxRunning };
}

async function inputs(dir: string, contents: Record<string, string>): Promise<BatchInput[]> {
  const out: BatchInput[] = [];
  for (const [name, text] of Object.entries(contents)) {
    await writeFile(join(dir, `${name}.txt`), text);
    out.push({ path: join(dir, `${name}.txt`), outName: `sub/${name}` });
  }
  return out;
}

const opts = (out: string | null, over: Partial<BatchOptions> = {}): BatchOptions => ({ out, jobs: 2, force: false, ocr: 'auto', ...over });

describe('runBatch outputs', () => {
  it('converts every input and writes its JSON and text under --out, reporting the counts', async () => {
    const dir = await freshDir('batch');
    const out = join(dir, 'out');
    const items = await inputs(dir, { a: 'one!\ntwo!', b: 'warn' });
    const p = scriptedPipeline();
    const results = await runBatch(p.pipeline, items, opts(out, { ocr: 'always', jobs: 1 }));
    expect(results.map(({ seconds, ...r }) => r)).toEqual([
      { input: items[0].path, output: join(out, 'sub/a.json'), status: 'converted', warnings: 0, corrections: 2, problems: 4, pages: 2 },
      { input: items[1].path, output: join(out, 'sub/b.json'), status: 'converted', warnings: 1, corrections: 0, problems: 2, pages: 1 },
    ]);
    expect(await readFile(join(out, 'sub/a.txt'), 'utf8')).toBe('ONE!\nTWO!\n');
    const json = await readFile(join(out, 'sub/a.json'), 'utf8');
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json).text).toBe('ONE!\nTWO!');
    expect(p.calls.map((c) => c.opts)).toEqual([
      { ocr: 'always', name: items[0].path },
      { ocr: 'always', name: items[1].path },
    ]);
    expect((await readdir(join(out, 'sub'))).sort()).toEqual(['a.json', 'a.txt', 'b.json', 'b.txt']);
  });

  it('uses the display name of an input for the result and the recorded file name', async () => {
    const dir = await freshDir('batch');
    const [item] = await inputs(dir, { a: 'x' });
    const p = scriptedPipeline();
    const [r] = await runBatch(p.pipeline, [{ ...item, name: '<stdin>' }], opts(join(dir, 'out')));
    expect(r.input).toBe('<stdin>');
    expect(p.calls[0].opts?.name).toBe('<stdin>');
  });

  it('without --out writes nothing, hands each document over, and never skips', async () => {
    const dir = await freshDir('batch');
    const items = await inputs(dir, { a: 'x', b: 'y' });
    const p = scriptedPipeline();
    const docs: NoticeDocument[] = [];
    for (let run = 0; run < 2; run++) {
      const results = await runBatch(p.pipeline, items, opts(null, { onDocument: (d) => docs.push(d) }));
      expect(results.map((r) => [r.status, r.output])).toEqual([['converted', null], ['converted', null]]);
    }
    expect(docs.map((d) => d.text).sort()).toEqual(['X', 'X', 'Y', 'Y']); // --jobs 2: documents arrive as they finish
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('reports the time each file took, in seconds', async () => {
    const dir = await freshDir('batch');
    const items = await inputs(dir, { a: 'x' });
    const [r] = await runBatch(scriptedPipeline({ delayMs: 60 }).pipeline, items, opts(join(dir, 'out')));
    expect(r.seconds).toBeGreaterThanOrEqual(0.05);
    expect(r.seconds).toBeLessThan(30);
  });
});

describe('runBatch resume', () => {
  it('skips an input whose output matches its content, the pipeline version and the dictionaries, and only then', async () => {
    const dir = await freshDir('batch');
    const out = join(dir, 'out');
    const items = await inputs(dir, { a: 'alpha', b: 'beta', c: 'gamma', d: 'delta', e: 'epsilon' });
    await runBatch(scriptedPipeline().pipeline, items, opts(out));

    await writeFile(items[1].path, 'beta, edited'); // content changed
    const cJson = join(out, 'sub/c.json');
    const c = JSON.parse(await readFile(cJson, 'utf8'));
    await writeFile(cJson, JSON.stringify({ ...c, pipelineVersion: '0.0.1' })); // made by another version
    const dJson = join(out, 'sub/d.json');
    await writeFile(dJson, (await readFile(dJson, 'utf8')).slice(0, 40)); // truncated output
    const eJson = join(out, 'sub/e.json');
    const e = JSON.parse(await readFile(eJson, 'utf8'));
    await writeFile(eJson, JSON.stringify({ ...e, dictionaryVersion: 'dict-0' })); // older dictionaries

    const again = scriptedPipeline();
    const results = await runBatch(again.pipeline, items, opts(out));
    expect(results.map((r) => r.status)).toEqual(['skipped', 'converted', 'converted', 'converted', 'converted']);
    expect(again.calls.map((x) => x.path).sort()).toEqual(items.slice(1).map((i) => i.path).sort());
    expect(results[0]).toMatchObject({ output: join(out, 'sub/a.json'), pages: 0, corrections: 0 });
    expect(JSON.parse(await readFile(join(out, 'sub/b.json'), 'utf8')).text).toBe('BETA, EDITED');
  });

  it('redoes everything when the dictionaries change, or with --force', async () => {
    const dir = await freshDir('batch');
    const out = join(dir, 'out');
    const items = await inputs(dir, { a: 'alpha', b: 'beta' });
    await runBatch(scriptedPipeline().pipeline, items, opts(out));
    const newDict = await runBatch(scriptedPipeline({ dictionaryVersion: 'dict-2' }).pipeline, items, opts(out));
    expect(newDict.map((r) => r.status)).toEqual(['converted', 'converted']);
    const forced = await runBatch(scriptedPipeline({ dictionaryVersion: 'dict-2' }).pipeline, items, opts(out, { force: true }));
    expect(forced.map((r) => r.status)).toEqual(['converted', 'converted']);
    const resumed = await runBatch(scriptedPipeline({ dictionaryVersion: 'dict-2' }).pipeline, items, opts(out));
    expect(resumed.map((r) => r.status)).toEqual(['skipped', 'skipped']);
  });
});

describe('runBatch failures', () => {
  it('turns each failure into a result with its reason, writes nothing for it, and goes on', async () => {
    const dir = await freshDir('batch');
    const out = join(dir, 'out');
    const items = await inputs(dir, { a: 'bad pdf', b: 'crash', c: 'thrown string', d: 'fine' });
    const p = scriptedPipeline({
      failures: {
        'bad pdf': new NoticeError('PDF_CORRUPT', 'the PDF is damaged', { file: 'a.txt' }),
        crash: new TypeError('x is undefined'),
        'thrown string': 'just a string',
      },
    });
    const results = await runBatch(p.pipeline, items, opts(out, { jobs: 1 }));
    expect(results.map((r) => [r.status, r.output, r.error])).toEqual([
      ['failed', null, { code: 'PDF_CORRUPT', message: 'a.txt: the PDF is damaged' }],
      ['failed', null, { code: 'INTERNAL', message: `${items[1].path}: x is undefined` }],
      ['failed', null, { code: 'INTERNAL', message: `${items[2].path}: just a string` }],
      ['converted', join(out, 'sub/d.json'), undefined],
    ]);
    expect((await readdir(join(out, 'sub'))).sort()).toEqual(['d.json', 'd.txt']);
  });
});

describe('runBatch scheduling', () => {
  it.each([
    [1, 5, 1],
    [3, 5, 3],
    [8, 3, 3],
    [0, 4, 1],
  ])('with --jobs %i on %i inputs runs at most %i at once, results in input order', async (jobs, n, expected) => {
    const dir = await freshDir('batch');
    const contents = Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, `text ${i}`]));
    const items = await inputs(dir, contents);
    const p = scriptedPipeline({ delayMs: 30 });
    const events: BatchEvent[] = [];
    const results = await runBatch(p.pipeline, items, opts(null, { jobs, onEvent: (e) => events.push(e) }));
    expect(p.maxRunning()).toBe(expected);
    expect(results.map((r) => r.input)).toEqual(items.map((i) => i.path));
    expect(events[0]).toEqual({ type: 'start', total: n });
    expect(events.at(-1)).toEqual({ type: 'end', results });
    const starts = events.filter((e) => e.type === 'file-start').map((e) => (e as { input: string }).input);
    const done = events.filter((e) => e.type === 'file-done').map((e) => (e as { result: { input: string } }).result.input);
    expect(starts.sort()).toEqual(items.map((i) => i.path).sort());
    expect(done.sort()).toEqual(items.map((i) => i.path).sort());
    expect(p.calls).toHaveLength(n);
  });

  it('announces an empty batch and ends it without converting', async () => {
    const p = scriptedPipeline();
    const events: BatchEvent[] = [];
    expect(await runBatch(p.pipeline, [], opts(null, { onEvent: (e) => events.push(e) }))).toEqual([]);
    expect(events).toEqual([{ type: 'start', total: 0 }, { type: 'end', results: [] }]);
    expect(p.calls).toEqual([]);
  });
});
