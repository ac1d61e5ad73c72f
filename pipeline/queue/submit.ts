/**
 * `submitInputs`: convert a batch on the queue and write the outputs here exactly as
 * `convert` would. At most `window` jobs are outstanding (bounded memory here and
 * in Redis). Completion is seen through QueueEvents and, for events missed while a
 * connection was down, a poll of job states; a job that vanished (Redis restarted
 * without persistence) is added again; a failure left from an earlier run is
 * retried, a result left from one is used. Consumed jobs are removed from Redis.
 */
import { Job, Queue, QueueEvents } from 'bullmq';
import type { BatchInput } from '../batch/collect-inputs.ts';
import { outputJsonPath, upToDate, writeOutputs, type Expected } from '../batch/outputs.ts';
import type { BatchEvent, FileResult } from '../batch/run-batch.ts';
import { loadDictionaries } from '../correct/index.ts';
import { decisionsFingerprint, type DecisionLookup } from '../decision-filter.ts';
import { isNoticeError } from '../errors.ts';
import { DEFAULT_ENGINE } from '../extract/ocr.ts';
import { DEFAULT_MAX_INPUT_BYTES, JobResult, parseFailedReason, queueNameFor, type JobData } from './job.ts';
import { jobFor, readUserDictionaries, type JobSettings } from './job-input.ts';
import { probeRedis, redactUrl, redisOptionsFromUrl } from './redis-connection.ts';
import { wakeableSleep, withTimeout } from './timing.ts';

export interface SubmitOptions {
  redis: string;
  out: string;
  force?: boolean;
  ocr?: JobSettings['ocr'];
  /** OCR engine for scanned pages (default ppocr) */
  engine?: JobSettings['engine'];
  userDictionaries?: string[];
  decisions?: DecisionLookup;
  dictionaryDir?: string;
  queue?: string;
  maxInputBytes?: number;
  /** jobs outstanding at once (default 256) */
  window?: number;
  /** how often job states are polled (default 2000 ms) */
  pollMs?: number;
  /** give up when Redis has not answered for this long (default 60 s) */
  redisTimeoutMs?: number;
  /** conversion attempts for a job that fails with an unexpected error (default 3) */
  attempts?: number;
  onEvent?: (e: BatchEvent) => void;
}

interface Pending {
  indices: number[];
  t0: number;
  readded: number;
}

export async function submitInputs(inputs: readonly BatchInput[], opts: SubmitOptions): Promise<{ results: FileResult[]; dictionaryVersion: string }> {
  // the first silence counts against redisTimeoutMs too: the probe never waits past it
  await probeRedis(opts.redis, { withinMs: opts.redisTimeoutMs });
  const dictionaryVersion = loadDictionaries({ dir: opts.dictionaryDir, userFiles: opts.userDictionaries }).version;
  const expected: Expected = {
    dictionaryVersion,
    runOptions: (sha) => ({ ocr: opts.ocr ?? 'auto', decisions: decisionsFingerprint(opts.decisions?.(sha)), engine: opts.engine ?? DEFAULT_ENGINE }),
  };
  const settings: JobSettings = {
    ocr: opts.ocr ?? 'auto',
    engine: opts.engine ?? DEFAULT_ENGINE,
    userDictionaries: await readUserDictionaries(opts.userDictionaries ?? []),
    decisions: opts.decisions,
    dictionaryVersion,
    maxInputBytes: opts.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES,
  };
  const name = opts.queue ?? queueNameFor();
  const connection = { ...redisOptionsFromUrl(opts.redis), maxRetriesPerRequest: null };
  const queue = new Queue<JobData, JobResult>(name, { connection, streams: { events: { maxLen: 1000 } } });
  const events = new QueueEvents(name, { connection });
  queue.on('error', () => {});
  events.on('error', () => {});
  const runStart = Date.now();
  const pollMs = opts.pollMs ?? 2000;
  const redisTimeoutMs = opts.redisTimeoutMs ?? 60_000;
  const { sleep, wake } = wakeableSleep();
  const results: FileResult[] = new Array(inputs.length);
  const pending = new Map<string, Pending>();
  const settling = new Set<string>();
  const label = (i: number) => inputs[i].name ?? inputs[i].path;
  const finish = (i: number, r: FileResult) => {
    results[i] = r;
    opts.onEvent?.({ type: 'file-done', result: r });
  };
  const base = (i: number, t0: number) => ({
    input: label(i), output: outputJsonPath(opts.out, inputs[i].outName), warnings: 0, corrections: 0, problems: 0, pages: 0, seconds: (performance.now() - t0) / 1000,
  });
  const fail = (i: number, t0: number, error: { code: string; message: string }) =>
    finish(i, { ...base(i, t0), output: null, status: 'failed', error });

  /** Queue the job for these inputs and wait for it, unless they were abandoned (already reported) before Redis took it. */
  const add = async (indices: number[], t0: number, abandoned = () => false): Promise<void> => {
    const { id, data } = await jobFor(inputs[indices[0]].path, label(indices[0]), settings);
    const known = pending.get(id);
    if (known && known.indices !== indices) return void known.indices.push(...indices); // the same input twice
    await queue.add('convert', data, {
      jobId: id,
      attempts: opts.attempts ?? 3,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 24 * 3600 },
    });
    if (!known && !abandoned()) pending.set(id, { indices, t0, readded: 0 });
  };
  /** add() within redisTimeoutMs; once that failed, the input is reported failed and abandoned: a job Redis takes later is left to a re-run. */
  const enqueue = async (i: number, t0: number): Promise<void> => {
    let abandoned = false;
    await withTimeout(add([i], t0, () => abandoned), redisTimeoutMs).catch((e: unknown) => {
      abandoned = true;
      throw e;
    });
  };

  const consume = async (id: string, job: Job<JobData, JobResult>, state: string): Promise<void> => {
    const p = pending.get(id)!;
    if (state === 'completed') {
      const r = JobResult.parse(job.returnvalue);
      for (const i of p.indices) {
        try {
          await writeOutputs(opts.out, inputs[i].outName, r);
          finish(i, { ...base(i, p.t0), status: 'converted', ...r.stats });
        } catch (e) {
          fail(i, p.t0, { code: 'INTERNAL', message: `${label(i)}: ${e instanceof Error ? e.message : String(e)}` }); // as convert reports it
        }
      }
    } else {
      const error = parseFailedReason(job.failedReason ?? 'failed', label(p.indices[0]));
      for (const i of p.indices) fail(i, p.t0, error);
    }
    pending.delete(id);
    wake();
    await job.remove().catch(() => {});
  };

  /** Look at one outstanding job and act on what it has become. */
  const settle = async (id: string, known?: string): Promise<void> => {
    if (settling.has(id) || !pending.has(id)) return;
    settling.add(id);
    try {
      const state = known ?? (await queue.getJobState(id));
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return;
      const job = await Job.fromId<JobData, JobResult>(queue, id);
      const p = pending.get(id)!;
      const stale = state === 'failed' && job && (job.finishedOn ?? 0) < runStart && p.readded === 0;
      if (!job || stale) {
        if (job) await job.remove();
        p.readded++;
        await add(p.indices, p.t0);
        return;
      }
      await consume(id, job, state);
    } finally {
      settling.delete(id);
    }
  };
  const settleSafely = (id: string, known?: string) => settle(id, known).catch(() => {}); // the poll retries

  events.on('completed', ({ jobId }) => void settleSafely(jobId));
  events.on('failed', ({ jobId }) => void settleSafely(jobId));

  const window = opts.window ?? 256;
  let next = 0;
  const refill = async (): Promise<void> => {
    while (next < inputs.length && pending.size < window) {
      const i = next++;
      const t0 = performance.now();
      opts.onEvent?.({ type: 'file-start', input: label(i) });
      try {
        if (!opts.force && (await upToDate(outputJsonPath(opts.out, inputs[i].outName), inputs[i].path, expected))) {
          finish(i, { ...base(i, t0), status: 'skipped' });
        } else await enqueue(i, t0);
      } catch (e) {
        fail(i, t0, isNoticeError(e) ? { code: e.code, message: e.message } : { code: 'QUEUE_UNREACHABLE', message: `${label(i)}: could not enqueue at ${redactUrl(opts.redis)}: ${(e as Error).message}` });
      }
    }
  };
  /** Ask Redis for every outstanding job's state; settle the finished and vanished ones. */
  const poll = async (): Promise<void> => {
    const ids = [...pending.keys()];
    const states = await withTimeout(Promise.all(ids.map((id) => queue.getJobState(id))), Math.min(10_000, redisTimeoutMs));
    await Promise.all(ids.map((id, k) => settleSafely(id, states[k])));
  };
  const giveUp = (why: string): void => {
    for (const [, p] of pending) for (const i of p.indices) fail(i, p.t0, { code: 'QUEUE_UNREACHABLE', message: `${label(i)}: ${why}` });
    pending.clear();
    for (; next < inputs.length; next++) fail(next, performance.now(), { code: 'QUEUE_UNREACHABLE', message: `${label(next)}: ${why}` });
  };

  opts.onEvent?.({ type: 'start', total: inputs.length });
  let lastAnswer = Date.now();
  let lastPoll = Date.now();
  try {
    await withTimeout(events.waitUntilReady(), redisTimeoutMs);
    for (;;) {
      await refill();
      if (pending.size === 0 && next >= inputs.length) break;
      await sleep(Math.max(0, lastPoll + pollMs - Date.now()));
      if (Date.now() - lastPoll < pollMs) continue; // woken by a finished job: refill first
      lastPoll = Date.now();
      try {
        await poll();
        lastAnswer = Date.now();
      } catch (e) {
        if (Date.now() - lastAnswer >= redisTimeoutMs) {
          giveUp(`lost contact with Redis at ${redactUrl(opts.redis)} for ${Math.round((Date.now() - lastAnswer) / 1000)} s (${(e as Error).message})`);
        }
      }
    }
  } finally {
    await Promise.allSettled([events.close(), queue.close()]);
  }
  opts.onEvent?.({ type: 'end', results });
  return { results, dictionaryVersion };
}
