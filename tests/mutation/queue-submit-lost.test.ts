/**
 * submitInputs when Redis stops answering mid-run (the server paused with SIGSTOP: it
 * keeps its connections and answers nothing, as a hung host would). The submit must
 * end on its own, each file reported failed by name with why, once, nothing written.
 */
import { readdir } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import type { BatchEvent } from '../../pipeline/batch/run-batch.ts';
import { formatSummary } from '../../pipeline/batch/summary.ts';
import { jobFor } from '../../pipeline/queue/job-input.ts';
import { until } from '../queue/redis-harness.ts';
import { DICTIONARY_VERSION, stub } from './queue-stub.ts';
import { redisSuite } from './redis-suite.ts';
import { statuses, submitSetup } from './submit-setup.ts';

vi.mock('../../pipeline/convert.ts', async () => (await import('./queue-stub.ts')).stubConvertModule);
vi.mock('../../pipeline/correct/index.ts', async () => (await import('./queue-stub.ts')).stubCorrectModule);

const suite = redisSuite();
const setup = submitSetup(suite);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('submitInputs when Redis stops answering', () => {
  it('gives up once Redis has not answered for redisTimeoutMs: every outstanding and every not yet queued file fails as QUEUE_UNREACHABLE, by name', async () => {
    const s = await setup({ 'a.txt': '一', 'b.txt': '二' }, false); // no worker: a stays queued
    const redis = suite.server();
    // the first failure reported lets the server go on, so the submit can close its connections
    const onEvent = (e: BatchEvent) => (s.events.push(e), e.type === 'file-done' && redis.resume());
    const run = s.submit({ window: 1, redisTimeoutMs: 500, onEvent });
    await until(async () => (await s.queue.getJobCounts('wait')).wait === 1, 'a queued');
    redis.pause();
    const r = await run;
    expect(r.results.map((x) => [x.input, x.status, x.output, x.error?.code])).toEqual([
      ['in/a.txt', 'failed', null, 'QUEUE_UNREACHABLE'],
      ['in/b.txt', 'failed', null, 'QUEUE_UNREACHABLE'],
    ]);
    for (const [i, x] of r.results.entries()) {
      const m = new RegExp(`^in/${'ab'[i]}\\.txt: lost contact with Redis at ${escape(suite.url())} for (\\d+) s \\(no answer in 500 ms\\)$`).exec(x.error!.message);
      expect(m, x.error!.message).not.toBeNull();
      // seconds, rounded: at least the 500 ms waited, and not milliseconds
      expect(Number(m![1])).toBeGreaterThanOrEqual(1);
      expect(Number(m![1])).toBeLessThan(600);
    }
    expect(s.events.filter((e) => e.type === 'file-done')).toHaveLength(2);
    expect(s.events.at(-1)).toEqual({ type: 'end', results: r.results });
    expect(await readdir(s.dir)).toEqual(['a.txt', 'b.txt']); // no output folder
  });

  it('fails a file it could not queue within redisTimeoutMs as QUEUE_UNREACHABLE, naming the file and the URL', async () => {
    const s = await setup({ 'a.txt': '一' }, false);
    const redis = suite.server();
    const onEvent = (e: BatchEvent) => {
      s.events.push(e);
      if (e.type === 'file-start') redis.pause(); // before the job is added
      if (e.type === 'file-done') redis.resume();
    };
    const r = await s.submit({ redisTimeoutMs: 300, onEvent });
    expect(r.results).toEqual([
      {
        input: 'in/a.txt', output: null, status: 'failed', warnings: 0, corrections: 0, problems: 0, pages: 0, seconds: expect.any(Number),
        error: { code: 'QUEUE_UNREACHABLE', message: `in/a.txt: could not enqueue at ${suite.url()}: no answer in 300 ms` },
      },
    ]);
    expect(await readdir(s.dir)).toEqual(['a.txt']);
  });

  it('reports an input whose enqueue timed out once, as QUEUE_UNREACHABLE, though Redis registers its job later in the run; a re-run takes that job\'s result', async () => {
    const s = await setup({ 'a.txt': '一', 'b.txt': 'hold 二' }); // b's conversion waits for stub.release(): the run cannot end before
    const redis = suite.server();
    const onEvent = (e: BatchEvent) => {
      s.events.push(e);
      if (e.type === 'file-start' && e.input === 'in/a.txt') redis.pause(); // a's add is sent to a server that answers nothing
      if (e.type === 'file-done' && e.result.input === 'in/a.txt') redis.resume(); // after its timeout: now Redis takes the add
    };
    stub.conversions.length = 0;
    const run = s.submit({ redisTimeoutMs: 300, onEvent });
    const settings = { ocr: 'auto' as const, engine: 'ppocr' as const, userDictionaries: [], dictionaryVersion: DICTIONARY_VERSION, maxInputBytes: 1 << 20 };
    const { id } = await jobFor(s.inputs[0].path, s.inputs[0].name!, settings);
    // a's job is in Redis (queued, or already taken by the worker), and b is being converted
    await until(async () => stub.conversions.includes('in/a.txt') || (await s.queue.getJobState(id)) !== 'unknown', "a's late job", 20_000);
    await until(() => stub.held.length === 1, 'b under way', 20_000);
    stub.release();
    const r = await run;
    expect(r.results.map((x) => [x.input, x.status, x.output, x.error?.code])).toEqual([
      ['in/a.txt', 'failed', null, 'QUEUE_UNREACHABLE'],
      ['in/b.txt', 'converted', expect.stringMatching(/b\.json$/), undefined],
    ]);
    expect(r.results[0].error!.message).toBe(`in/a.txt: could not enqueue at ${suite.url()}: no answer in 300 ms`);
    expect(s.events.map((e) => (e.type === 'file-done' ? `done ${e.result.input} ${e.result.status}` : e.type))).toEqual([
      'start', 'file-start', 'done in/a.txt failed', 'file-start', 'done in/b.txt converted', 'end',
    ]);
    expect(s.events.at(-1)).toEqual({ type: 'end', results: r.results });
    expect(formatSummary(r.results).split('\n').at(-1)).toBe('1 converted, 0 up to date, 0 with warnings, 1 failed');
    expect((await readdir(s.out)).sort()).toEqual(['b.json', 'b.txt']); // nothing written for the input reported failed
    // the operator runs it again: a's job, left in Redis, gives its result without a second conversion
    expect(statuses(await s.submit())).toEqual([['in/a.txt', 'converted'], ['in/b.txt', 'skipped']]);
    expect(stub.conversions.filter((n) => n === 'in/a.txt')).toHaveLength(1);
    expect(await s.queue.getJobCounts('wait', 'active', 'completed', 'failed', 'delayed')).toEqual({ wait: 0, active: 0, completed: 0, failed: 0, delayed: 0 });
  });
});
