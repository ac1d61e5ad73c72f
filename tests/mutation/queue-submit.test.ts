/** submitInputs (pipeline/queue/submit.ts) with an in-process worker, a real redis-server and a scripted pipeline. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { jobFor } from '../../pipeline/queue/job-input.ts';
import { submitInputs } from '../../pipeline/queue/submit.ts';
import { freePort } from '../queue/redis-harness.ts';
import { DICTIONARY_VERSION, stub, stubDocument } from './queue-stub.ts';
import { redisSuite } from './redis-suite.ts';
import { statuses, submitSetup } from './submit-setup.ts';
import { freshDir } from './temp-dir.ts';

vi.mock('../../pipeline/convert.ts', async () => (await import('./queue-stub.ts')).stubConvertModule);
vi.mock('../../pipeline/correct/index.ts', async () => (await import('./queue-stub.ts')).stubCorrectModule);

const suite = redisSuite();

const setup = submitSetup(suite);

describe('submitInputs', () => {
  it('writes every output as convert would, reports each file, and leaves nothing in Redis', async () => {
    const s = await setup({ 'a.txt': '正文', 'b.txt': '有warn的正文' });
    const r = await s.submit();
    expect(r.dictionaryVersion).toBe(DICTIONARY_VERSION);
    expect(r.results).toEqual([
      { input: 'in/a.txt', output: join(s.out, 'a.json'), status: 'converted', warnings: 0, corrections: 0, problems: 2, pages: 1, seconds: expect.any(Number) },
      { input: 'in/b.txt', output: join(s.out, 'b.json'), status: 'converted', warnings: 1, corrections: 0, problems: 8, pages: 1, seconds: expect.any(Number) },
    ]);
    expect(await readFile(join(s.out, 'a.json'), 'utf8')).toBe(`${JSON.stringify(stubDocument('正文', 'in/a.txt'), null, 2)}\n`);
    expect(await readFile(join(s.out, 'a.txt'), 'utf8')).toBe('正文\n');
    expect((await readdir(s.out)).sort()).toEqual(['a.json', 'a.txt', 'b.json', 'b.txt']);
    expect(s.events.map((e) => e.type)).toEqual(['start', 'file-start', 'file-start', 'file-done', 'file-done', 'end']);
    expect(s.events[0]).toEqual({ type: 'start', total: 2 });
    expect(await s.queue.getJobCounts('wait', 'active', 'completed', 'failed', 'delayed')).toEqual({ wait: 0, active: 0, completed: 0, failed: 0, delayed: 0 });
  });

  it('skips up-to-date outputs on a re-run, and converts them again with force', async () => {
    const s = await setup({ 'a.txt': '正文' });
    await s.submit();
    stub.conversions.length = 0;
    expect(statuses(await s.submit())).toEqual([['in/a.txt', 'skipped']]);
    expect(stub.conversions).toEqual([]);
    expect(statuses(await s.submit({ force: true }))).toEqual([['in/a.txt', 'converted']]);
    expect(stub.conversions).toEqual(['in/a.txt']);
  });

  it('reports a failed input with its code and message; the others still arrive', async () => {
    const s = await setup({ 'bad.pdf': 'fail:PDF_CORRUPT', 'good.txt': '好' });
    const r = await s.submit();
    expect(r.results[0]).toMatchObject({ input: 'in/bad.pdf', output: null, status: 'failed', error: { code: 'PDF_CORRUPT', message: 'in/bad.pdf: scripted failure' } });
    expect(r.results[1]).toMatchObject({ input: 'in/good.txt', status: 'converted' });
  });

  it('reports an input whose outputs cannot be written as failed, naming it, and removes its job', async () => {
    const s = await setup({ 'a.txt': '正文' });
    const out = join(s.dir, 'a.txt'); // a file, so no folder can be made there
    const r = await s.submit({ out });
    expect(r.results).toMatchObject([{ input: 'in/a.txt', output: null, status: 'failed', error: { code: 'INTERNAL' } }]);
    expect(r.results[0].error!.message).toMatch(new RegExp(`^in/a\\.txt: E(EXIST|NOTDIR)\\b.*${out.replace(/[.]/g, '\\.')}`));
    expect(await s.queue.getJobCounts('wait', 'active', 'completed', 'failed', 'delayed')).toEqual({ wait: 0, active: 0, completed: 0, failed: 0, delayed: 0 });
  });

  it('refuses an input over --max-input-mb without queueing it', async () => {
    const s = await setup({ 'big.txt': '大'.repeat(100), 'small.txt': '小' });
    const r = await s.submit({ maxInputBytes: 100 });
    expect(r.results[0]).toMatchObject({ status: 'failed', error: { code: 'INPUT_TOO_LARGE' } });
    expect(r.results[1]).toMatchObject({ status: 'converted' });
  });

  it('queues the same input given twice once, and writes both results', async () => {
    const s = await setup({ 'a.txt': '同一个' });
    stub.conversions.length = 0;
    const r = await s.submit({}, [s.inputs[0], { ...s.inputs[0], outName: 'again' }]);
    expect(statuses(r)).toEqual([['in/a.txt', 'converted'], ['in/a.txt', 'converted']]);
    expect(stub.conversions).toEqual(['in/a.txt']);
    expect(await readFile(join(s.out, 'again.json'), 'utf8')).toBe(await readFile(join(s.out, 'a.json'), 'utf8'));
  });

  it('keeps at most `window` jobs outstanding: with 1, each input starts after the last one is done', async () => {
    const s = await setup({ 'a.txt': '一', 'b.txt': '二', 'c.txt': '三' });
    await s.submit({ window: 1 });
    expect(s.events.map((e) => e.type)).toEqual(['start', 'file-start', 'file-done', 'file-start', 'file-done', 'file-start', 'file-done', 'end']);
  });

  it('uses a result left by an earlier run, and retries a failure left by one', async () => {
    const s = await setup({ 'done.txt': '已完成', 'failed.txt': 'flaky 失败过' });
    const settings = { ocr: 'auto' as const, engine: 'ppocr' as const, userDictionaries: [], dictionaryVersion: DICTIONARY_VERSION, maxInputBytes: 1 << 20 };
    for (const i of s.inputs) {
      const { id, data } = await jobFor(i.path, i.name!, settings);
      await s.queue.add('convert', data, { jobId: id, attempts: 1 }); // the flaky one fails on its only attempt
    }
    const until = Date.now() + 20_000;
    while ((await s.queue.getJobCounts('completed', 'failed')).failed + (await s.queue.getJobCounts('completed')).completed < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    stub.conversions.length = 0;
    const r = await s.submit();
    expect(statuses(r)).toEqual([['in/done.txt', 'converted'], ['in/failed.txt', 'converted']]);
    expect(stub.conversions).toEqual(['in/failed.txt']);
  });

  it('adds again a job that vanished from Redis (a restart without persistence)', async () => {
    const s = await setup({ 'a.txt': '消失' }, false);
    const run = s.submit();
    const until = Date.now() + 20_000;
    while ((await s.queue.getJobCounts('wait')).wait < 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await s.queue.obliterate({ force: true });
    await s.startWorker();
    expect(statuses(await run)).toEqual([['in/a.txt', 'converted']]);
  });

  it('stops with QUEUE_UNREACHABLE when nothing answers at the URL, its probe waiting no longer than redisTimeoutMs', async () => {
    const dir = await freshDir('submit');
    const url = `redis://127.0.0.1:${await freePort()}`;
    // the probe's first wait (250 ms) would end past 100 ms: one attempt
    await expect(submitInputs([{ path: join(dir, 'a.txt'), outName: 'a' }], { redis: url, out: join(dir, 'out'), redisTimeoutMs: 100 })).rejects.toMatchObject({
      code: 'QUEUE_UNREACHABLE',
      message: expect.stringMatching(/after 1 attempt \(/),
    });
    await expect(readdir(dir)).resolves.toEqual([]);
  });
});
