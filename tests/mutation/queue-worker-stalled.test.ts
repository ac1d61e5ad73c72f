/**
 * What startWorker's lock and stalled-job options do, in this process: a job whose
 * worker died (its lock is not renewed; here a bare BullMQ worker that takes the job
 * and never processes it) is put back and converted, or failed (by the next worker to
 * take it, BullMQ 5.81) once it has stalled more than maxStalledCount times; a live worker holds its job's lock for lockDurationMs.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { jobFor } from '../../pipeline/queue/job-input.ts';
import type { JobData } from '../../pipeline/queue/job.ts';
import { redisOptionsFromUrl } from '../../pipeline/queue/redis-connection.ts';
import { startWorker, type WorkerOptions } from '../../pipeline/queue/worker.ts';
import { until } from '../queue/redis-harness.ts';
import { DICTIONARY_VERSION, stub, stubDocument } from './queue-stub.ts';
import { redisSuite } from './redis-suite.ts';
import { freshDir } from './temp-dir.ts';

vi.mock('../../pipeline/convert.ts', async () => (await import('./queue-stub.ts')).stubConvertModule);

const { url: redisUrl, open } = redisSuite();

let queueCount = 0;
async function setup() {
  const name = `stalled-test-${++queueCount}`;
  const connection = { ...redisOptionsFromUrl(redisUrl()), maxRetriesPerRequest: null };
  const queue = new Queue<JobData>(name, { connection });
  const events = new QueueEvents(name, { connection });
  // a worker that takes a job with a 500 ms lock and then dies: it never renews the lock
  const dead = new Worker<JobData>(name, undefined, { connection, lockDuration: 500, autorun: false });
  open.push(queue, events, dead);
  await events.waitUntilReady();
  const dir = await freshDir('stalled');
  const add = async (file: string, content: string) => {
    await writeFile(join(dir, file), content);
    const { id, data } = await jobFor(join(dir, file), `in/${file}`, { ocr: 'auto', engine: 'ppocr', userDictionaries: [], dictionaryVersion: DICTIONARY_VERSION, maxInputBytes: 1 << 20 });
    return queue.add('convert', data, { jobId: id, attempts: 1 });
  };
  /** the dead worker takes the next waiting job */
  const takeAndDie = async (id: string) => {
    await until(async () => (await queue.getJobState(id)) === 'waiting', `${id} waiting`, 30_000);
    const job = await dead.getNextJob('dead-worker');
    expect(job?.id).toBe(id);
  };
  const jobs: { name: string; status: string }[] = [];
  const start = async (over: Partial<WorkerOptions>) => {
    const w = startWorker({ redis: redisUrl(), queue: name, onJob: (e) => jobs.push(e), ...over });
    open.push(w);
    await w.ready;
    return w;
  };
  return { name, queue, events, add, takeAndDie, start, jobs };
}

describe('startWorker with a dead worker\'s job', () => {
  it('puts back a job whose worker died (lock lapsed) and converts it', async () => {
    const s = await setup();
    const job = await s.add('a.txt', '正文');
    await s.takeAndDie(job.id!);
    await s.start({ stalledIntervalMs: 200 });
    await expect(job.waitUntilFinished(s.events, 30_000)).resolves.toMatchObject({ json: `${JSON.stringify(stubDocument('正文', 'in/a.txt'), null, 2)}\n` });
    expect((await s.queue.getJob(job.id!))?.stalledCounter).toBe(1);
    expect(s.jobs).toMatchObject([{ name: 'in/a.txt', status: 'converted' }]);
  });

  it('fails a job that stalled more than maxStalledCount times, without converting it', async () => {
    const s = await setup();
    const busy = await s.add('busy.txt', 'hold'); // keeps the live worker (concurrency 1) from taking the stalled job
    await s.start({ stalledIntervalMs: 200, maxStalledCount: 1 });
    await until(() => stub.held.length > 0, 'the live worker busy', 30_000);
    const job = await s.add('a.txt', '正文');
    await s.takeAndDie(job.id!); // stalls once: put back (1 is allowed)
    await s.takeAndDie(job.id!); // twice: more than allowed, so the next worker to take it fails it
    await until(async () => (await s.queue.getJobState(job.id!)) === 'waiting', 'the job put back', 30_000);
    stub.release();
    await expect(job.waitUntilFinished(s.events, 30_000)).rejects.toThrow('job stalled more than allowable limit');
    await busy.waitUntilFinished(s.events, 30_000);
    expect(s.jobs).toMatchObject([{ name: 'in/busy.txt', status: 'converted' }]); // the stalled job never reached a conversion
  });

  it('holds a job\'s lock for lockDurationMs while converting it (the time a dead worker\'s job waits before it is retaken)', async () => {
    const s = await setup();
    await s.start({ lockDurationMs: 4000 });
    const job = await s.add('h.txt', 'hold');
    await until(() => stub.held.length > 0, 'the conversion under way', 30_000);
    const client = new Redis(redisUrl());
    open.push({ close: async () => void client.disconnect() });
    const ttl = await client.pttl(`bull:${s.name}:${job.id}:lock`); // BullMQ's lock key of the job
    stub.release();
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(4000);
    await job.waitUntilFinished(s.events, 30_000);
  });
});
