/** startWorker (pipeline/queue/worker.ts) against a real redis-server, with a scripted pipeline. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue, QueueEvents, type Job } from 'bullmq';
import { describe, expect, it, vi } from 'vitest';
import { jobFor } from '../../pipeline/queue/job-input.ts';
import { queueNameFor, type JobData } from '../../pipeline/queue/job.ts';
import { redisOptionsFromUrl } from '../../pipeline/queue/redis-connection.ts';
import { startWorker, type RunningWorker, type WorkerOptions } from '../../pipeline/queue/worker.ts';
import { DICTIONARY_VERSION, stub, stubDocument } from './queue-stub.ts';
import { freePort, until } from '../queue/redis-harness.ts';
import { redisSuite } from './redis-suite.ts';
import { freshDir } from './temp-dir.ts';

vi.mock('../../pipeline/convert.ts', async () => (await import('./queue-stub.ts')).stubConvertModule);

const { have, url: redisUrl, open } = redisSuite();

let queueCount = 0;
/** a fresh queue, its events, and a worker on it */
async function setup(over: Partial<WorkerOptions> = {}) {
  const name = `worker-test-${++queueCount}`;
  const connection = { ...redisOptionsFromUrl(redisUrl()), maxRetriesPerRequest: null };
  const queue = new Queue<JobData>(name, { connection });
  const events = new QueueEvents(name, { connection });
  const jobs: { jobId: string; name: string; status: string; error?: string; seconds: number }[] = [];
  const worker = startWorker({ redis: redisUrl(), queue: name, onJob: (e) => jobs.push(e), ...over });
  open.push(queue, events, worker);
  await Promise.all([worker.ready, events.waitUntilReady()]);
  const dir = await freshDir('worker');
  const add = async (file: string, content: string, attempts = 1) => {
    await writeFile(join(dir, file), content);
    const { id, data } = await jobFor(join(dir, file), `in/${file}`, { ocr: 'auto', engine: 'ppocr', userDictionaries: [], dictionaryVersion: DICTIONARY_VERSION, maxInputBytes: 1 << 20 });
    return queue.add('convert', data, { jobId: id, attempts });
  };
  const settled = (job: Job) => job.waitUntilFinished(events, 30_000);
  return { queue, worker, jobs, add, settled };
}

describe('startWorker', () => {
  it('converts a queued input and returns convert\'s outputs for it; reports the job', async () => {
    const { add, settled, jobs } = await setup();
    const job = await add('a.txt', '正文');
    const doc = stubDocument('正文', 'in/a.txt');
    await expect(settled(job)).resolves.toEqual({ json: `${JSON.stringify(doc, null, 2)}\n`, txt: '正文\n', stats: { warnings: 0, corrections: 0, problems: 2, pages: 1 } });
    expect(jobs).toEqual([{ jobId: job.id, name: 'in/a.txt', status: 'converted', seconds: expect.any(Number) }]);
    expect(jobs[0].seconds).toBeGreaterThan(0);
  });

  it('reports the seconds a job took: at least the conversion\'s own wait, at most the time from queueing to its end', async () => {
    const { add, settled, jobs } = await setup();
    const t0 = performance.now();
    await settled(await add('s.txt', 'slow')); // the stub converts it in 150 ms
    const outside = (performance.now() - t0) / 1000;
    expect(jobs[0].seconds).toBeGreaterThanOrEqual(0.14);
    expect(jobs[0].seconds).toBeLessThanOrEqual(outside);
  });

  it('fails a job without data once, as BAD_JOB, and reports it', async () => {
    const { queue, settled, jobs } = await setup();
    const job = await queue.add('convert', null as unknown as JobData, { attempts: 3 });
    await expect(settled(job)).rejects.toThrow(/^BAD_JOB: job data does not match/);
    expect((await queue.getJob(job.id!))?.attemptsMade).toBe(1);
    expect(jobs).toMatchObject([{ jobId: job.id, name: 'undefined', status: 'failed', error: expect.stringMatching(/^BAD_JOB: /) }]);
  });

  it('fails a NoticeError once, as "CODE: message", even when attempts are left', async () => {
    const { add, settled, jobs, queue } = await setup();
    const job = await add('c.pdf', 'fail:PDF_CORRUPT', 3);
    await expect(settled(job)).rejects.toThrow('PDF_CORRUPT: in/c.pdf: scripted failure');
    const after = await queue.getJob(job.id!);
    expect(after?.attemptsMade).toBe(1);
    expect(after?.failedReason).toBe('PDF_CORRUPT: in/c.pdf: scripted failure');
    expect(jobs).toEqual([{ jobId: job.id, name: 'in/c.pdf', status: 'failed', error: 'PDF_CORRUPT: in/c.pdf: scripted failure', seconds: expect.any(Number) }]);
  });

  it('retries an unexpected error while attempts are left', async () => {
    const { add, settled, jobs } = await setup();
    const job = await add('f.txt', 'flaky', 2);
    await expect(settled(job)).resolves.toMatchObject({ txt: 'FLAKY\n' });
    expect(jobs.map((j) => [j.status, j.error])).toEqual([['failed', 'worker ran out of memory'], ['converted', undefined]]);
  });

  it.each([
    [undefined, 1],
    [2, 2],
  ])('with concurrency %s converts that many jobs at once, with as many OCR workers', async (concurrency, expected) => {
    stub.created.length = 0;
    const { add, settled } = await setup(concurrency ? { concurrency } : {});
    stub.maxRunning = 0;
    const jobs = await Promise.all(['1', '2', '3'].map((n) => add(`s${n}.txt`, `slow ${n}`)));
    await Promise.all(jobs.map(settled));
    expect(stub.maxRunning).toBe(expected);
    expect(stub.created.map((o) => o.workers)).toEqual([expected]); // the bundled pipeline, loaded before the first job
  });

  it('is named in the job record when given a name; takes the queue of this pipeline version by default', async () => {
    const { add, settled, queue } = await setup({ name: 'gpu-box-1' });
    const job = await add('n.txt', '名');
    await settled(job);
    expect((await queue.getJob(job.id!))?.processedBy).toBe('gpu-box-1');
    const plain = startWorker({ redis: redisUrl() });
    open.push(plain);
    expect(plain.queue).toBe(queueNameFor());
    await plain.ready;
  });

  it('reports connection errors through onError while it keeps trying to connect', async () => {
    const errors: Error[] = [];
    const w = startWorker({ redis: `redis://127.0.0.1:${await freePort()}`, queue: 'nobody-listens', onError: (e) => errors.push(e) });
    await until(() => errors.length > 0, 'a connection error');
    expect(errors[0].message).toMatch(/ECONNREFUSED/);
    void w.close().catch(() => {}); // nothing to finish; closing a never-connected worker need not return
  });

  it('after close takes no more jobs', async () => {
    const { add, worker, queue, jobs } = await setup();
    await worker.close();
    const job = await add('late.txt', '迟');
    await new Promise((r) => setTimeout(r, 300));
    expect(await queue.getJobState(job.id!)).toBe('waiting');
    expect(jobs).toEqual([]);
  });
});
