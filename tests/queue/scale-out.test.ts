/**
 * The queue with real parts: a redis-server, `notice worker` processes and
 * `notice submit`, against `notice convert` of the same inputs.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisOptionsFromUrl } from '../../pipeline/queue/redis-connection.ts';
import { queueNameFor } from '../../pipeline/queue/job.ts';
import { startWorker, type RunningWorker } from '../../pipeline/queue/worker.ts';
import { copyTextNotices, listFiles, oneScannedPage, outputsOf } from './inputs.ts';
import { needsSystem, SYSTEM } from '../helpers/system.ts';
import { runNotice, startRedis, startWorkerProcess, until, type ChildCli, type RedisServer } from './redis-harness.ts';

const root = mkdtempSync(join(tmpdir(), 'notice-queue-'));
const at = (...p: string[]) => join(root, ...p);
let redis: RedisServer;
/** convert's outputs for the folder `in` (its poison/ outputs left out) */
let reference: Record<string, string>;
const workers: ChildCli[] = [];
const inProcess: RunningWorker[] = [];
const queues: Queue[] = [];
const openQueue = (name = queueNameFor()) => {
  const q = new Queue(name, { connection: { ...redisOptionsFromUrl(redis.url), maxRetriesPerRequest: null } });
  queues.push(q);
  return q;
};
const convertedLines = (w: ChildCli, file: string) => w.output().split('\n').filter((l) => l.includes(`converted ${file} `)).length;

const have = needsSystem(SYSTEM.redisServer, SYSTEM.qpdf);
beforeAll(async () => {
  if (!have) return;
  // 10 inputs: a one-page scan (first, so a worker is busy with OCR when the other finishes), a born-digital PDF, 8 text notices
  copyTextNotices(at('in'), 8);
  oneScannedPage(at('in', 'a-scan.pdf'));
  copyFileSync('fixtures/pdf/born-digital.pdf', at('in', 'b-born-digital.pdf'));
  mkdirSync(at('poison'));
  copyFileSync('fixtures/pdf/bad/truncated.pdf', at('poison', 'corrupt.pdf'));
  copyFileSync(at('in', 't01.txt'), at('poison', 'good.txt'));
  redis = await startRedis();
  const convert = runNotice(['convert', 'in', 'poison', '--out', 'ref', '--jobs', '2', '-q'], root);
  workers.push(startWorkerProcess(redis.url, 'w1'), startWorkerProcess(redis.url, 'w2'));
  await Promise.all([convert.done, ...workers.map((w) => w.waitFor('ready:'))]);
  reference = Object.fromEntries(Object.entries(outputsOf(at('ref'), 'ref')).filter(([f]) => !/^(corrupt|good)\./.test(f)));
}, 400_000); // worker start-up (dictionaries) took up to 90 s on a loaded 2-core machine

afterAll(async () => {
  await Promise.allSettled(queues.map((q) => q.close()));
  await Promise.allSettled(inProcess.map((w) => w.close()));
  await Promise.allSettled(workers.map((w) => w.kill('SIGTERM')));
  await redis?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('notice submit with notice worker processes', () => {
  it('two workers share a batch; one killed with SIGKILL mid-job, a third takes over: every output once, byte-identical to convert', async () => {
    const submit = runNotice(['submit', 'in', '--redis', redis.url, '--out', 'out'], root);
    await until(() => existsSync(at('out')) && readdirSync(at('out')).some((f) => f.endsWith('.json')), 'the first output');
    const queue = openQueue();
    let victim: ChildCli | undefined;
    let victimJob = '';
    await until(async () => {
      const active = await queue.getActive();
      const i = workers.findIndex((_, k) => active.some((j) => j.processedBy === `w${k + 1}`));
      if (i < 0) return false;
      victim = workers[i];
      victimJob = active.find((j) => j.processedBy === `w${i + 1}`)!.data.name;
      return true;
    }, 'a worker busy with a job');
    expect(await victim!.kill('SIGKILL')).toBe(null);
    workers.push(startWorkerProcess(redis.url, 'w3'));

    expect(await submit.done, submit.output()).toBe(0);
    const out = outputsOf(at('out'), 'out');
    expect(Object.keys(out).sort()).toEqual(Object.keys(reference).sort());
    for (const f of Object.keys(out).filter((f) => f !== 'run-report.json')) expect(out[f], f).toBe(reference[f]);
    const report = JSON.parse(out['run-report.json']);
    expect(report.files).toHaveLength(10);
    expect(report.files.every((f: { status: string }) => f.status === 'converted')).toBe(true);
    expect(listFiles(at('out')).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(new Set(report.files.map((f: { input: string }) => f.input)).size).toBe(10);
    // the killed worker's job was finished by another (BullMQ delivers at least once: under heavy
    // load a live worker's late lock renewal can also hand its job to a second worker; the output is still written once)
    const survivors = workers.filter((w) => w !== victim);
    expect(survivors.some((w) => convertedLines(w, victimJob) > 0), victimJob).toBe(true);
    for (const name of readdirSync(at('in'))) expect(workers.some((w) => convertedLines(w, `in/${name}`) > 0), name).toBe(true);
    expect(await queue.getJobCounts('wait', 'active', 'completed', 'failed', 'delayed')).toEqual({ wait: 0, active: 0, completed: 0, failed: 0, delayed: 0 });
  }, 400_000);

  it('a re-run converts nothing: every output is up to date', async () => {
    const again = runNotice(['submit', 'in', '--redis', redis.url, '--out', 'out'], root);
    expect(await again.done).toBe(0);
    expect(again.output()).toContain('0 converted, 10 up to date');
  });

  it('a corrupt PDF fails once with its code and the same message as convert; the good input still arrives', async () => {
    const submit = runNotice(['submit', 'poison', '--redis', redis.url, '--out', 'out-poison'], root);
    expect(await submit.done).toBe(1);
    const report = JSON.parse(readFileSync(at('out-poison', 'run-report.json'), 'utf8'));
    const refReport = JSON.parse(readFileSync(at('ref', 'run-report.json'), 'utf8'));
    const corrupt = report.files.find((f: { input: string }) => f.input === 'poison/corrupt.pdf');
    expect(corrupt.status).toBe('failed');
    expect(corrupt.error).toEqual(refReport.files.find((f: { input: string }) => f.input === 'poison/corrupt.pdf').error);
    expect(corrupt.error.code).toBe('PDF_CORRUPT');
    expect(readFileSync(at('out-poison', 'good.json'), 'utf8')).toBe(readFileSync(at('ref', 'good.json'), 'utf8'));
    const attempts = workers.reduce((n, w) => n + w.output().split('\n').filter((l) => l.includes('failed poison/corrupt.pdf')).length, 0);
    expect(attempts).toBe(1);
  });

  it('a submit killed while its jobs wait, then run again, adds no second job; a library worker converts each once', async () => {
    const queue = 'interrupted';
    const first = runNotice(['submit', 'in', '--redis', redis.url, '--out', 'out-int', '--queue', queue, '--force'], root);
    const q = openQueue(queue);
    await until(async () => (await q.getJobCounts('wait')).wait === 10, 'ten waiting jobs');
    await first.kill('SIGKILL');
    const second = runNotice(['submit', 'in', '--redis', redis.url, '--out', 'out-int', '--queue', queue, '--force'], root);
    const converted: string[] = [];
    const w = startWorker({ redis: redis.url, queue, onJob: (e) => e.status === 'converted' && converted.push(e.name) });
    inProcess.push(w);
    expect(await second.done, second.output()).toBe(0);
    expect(converted.sort()).toEqual(readdirSync(at('in')).map((f) => `in/${f}`).sort());
    const out = outputsOf(at('out-int'), 'out-int');
    for (const f of Object.keys(out).filter((f) => f !== 'run-report.json')) expect(out[f], f).toBe(reference[f]);
    expect(Object.keys(out).sort()).toEqual(Object.keys(reference).sort());
  }, 400_000);
});
