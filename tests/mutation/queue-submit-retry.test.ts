/**
 * How submitInputs queues a job: an unexpected failure (a worker out of memory) is
 * retried, by default up to 3 attempts with exponential backoff from 1 s; a job left
 * behind (a submit that died before consuming it) is dropped from Redis after a day.
 */
import { describe, expect, it, vi } from 'vitest';
import { until } from '../queue/redis-harness.ts';
import { stub } from './queue-stub.ts';
import { redisSuite } from './redis-suite.ts';
import { statuses, submitSetup } from './submit-setup.ts';

vi.mock('../../pipeline/convert.ts', async () => (await import('./queue-stub.ts')).stubConvertModule);
vi.mock('../../pipeline/correct/index.ts', async () => (await import('./queue-stub.ts')).stubCorrectModule);

const suite = redisSuite();
const setup = submitSetup(suite);

describe('submitInputs queues each job', () => {
  it('so that an unexpected failure is tried again: a flaky input arrives converted', async () => {
    const s = await setup({ 'f.txt': 'flaky 第一次失败' });
    stub.conversions.length = 0;
    expect(statuses(await s.submit())).toEqual([['in/f.txt', 'converted']]);
    expect(stub.conversions).toEqual(['in/f.txt', 'in/f.txt']);
  });

  it('with at most `attempts` conversions: with 1, the flaky input fails with the worker\'s error', async () => {
    const s = await setup({ 'g.txt': 'flaky 只试一次' });
    const r = await s.submit({ attempts: 1 });
    expect(r.results).toMatchObject([{ input: 'in/g.txt', status: 'failed', error: { code: 'INTERNAL', message: 'in/g.txt: worker ran out of memory' } }]);
  });

  it('and reports the seconds a file took: at least its conversion, at most the whole run', async () => {
    const s = await setup({ 's.txt': 'slow' }); // the stub converts it in 150 ms
    const t0 = performance.now();
    const r = await s.submit();
    const run = (performance.now() - t0) / 1000;
    expect(r.results[0].seconds).toBeGreaterThanOrEqual(0.14);
    expect(r.results[0].seconds).toBeLessThanOrEqual(run);
  });

  it('with 3 attempts, exponential backoff from 1 s, and a day in Redis when nobody consumes it', async () => {
    const s = await setup({ 'a.txt': '留下' }, false); // no worker: the job stays queued
    const redis = suite.server();
    const run = s.submit({ window: 1, redisTimeoutMs: 500, onEvent: (e) => e.type === 'file-done' && redis.resume() });
    await until(async () => (await s.queue.getJobCounts('wait')).wait === 1, 'a queued');
    redis.pause(); // the submit gives up and leaves the job behind
    await run;
    const [job] = await s.queue.getJobs(['wait']);
    expect(job.name).toBe('convert');
    expect(job.opts).toMatchObject({ attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 86_400 } });
  });
});
