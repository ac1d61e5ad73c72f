/**
 * `startWorker`: a BullMQ worker that converts queued inputs. Deterministic failures
 * (a NoticeError: corrupt PDF, version mismatch, result too large) become
 * UnrecoverableError "CODE: message" and fail once; anything else is retried with
 * backoff (attempts are set by the submitter). A worker that dies stops renewing
 * its job's lock; after `lockDurationMs` another worker's stalled-job check
 * (every `stalledIntervalMs`) puts the job back on the queue.
 */
import { DEFAULT_ENGINE } from '../extract/ocr.ts';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { NoticeError } from '../errors.ts';
import { convertJob } from './convert-job.ts';
import { DEFAULT_MAX_RESULT_BYTES, queueNameFor, type JobData, type JobResult } from './job.ts';
import { pipelineCache } from './pipelines.ts';
import { redisOptionsFromUrl } from './redis-connection.ts';

export interface WorkerOptions {
  redis: string;
  /** jobs converted at once (and OCR workers) in this process (default 1) */
  concurrency?: number;
  /** default: one queue per pipeline version, see queueNameFor */
  queue?: string;
  /** shown in BullMQ's job records (processedBy) and worker list */
  name?: string;
  maxResultBytes?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  maxStalledCount?: number;
  /** dictionaries folder (default: the package's) */
  dictionaryDir?: string;
  /** connection and other worker errors (ioredis reconnects by itself) */
  onError?: (e: Error) => void;
  onJob?: (e: { jobId: string; name: string; status: 'converted' | 'failed'; error?: string; seconds: number }) => void;
}

export interface RunningWorker {
  readonly queue: string;
  /** resolves when the worker is connected and its pipeline loaded */
  ready: Promise<void>;
  /** finishes the running jobs, then disconnects */
  close(): Promise<void>;
}

export function startWorker(opts: WorkerOptions): RunningWorker {
  const concurrency = opts.concurrency ?? 1;
  const queue = opts.queue ?? queueNameFor();
  const cache = pipelineCache({ workers: concurrency, dictionaryDir: opts.dictionaryDir });
  const ctx = { pipelineFor: cache.pipelineFor, maxResultBytes: opts.maxResultBytes ?? DEFAULT_MAX_RESULT_BYTES };
  const processor = async (job: Job<JobData, JobResult>): Promise<JobResult> => {
    const t0 = performance.now();
    const seconds = () => (performance.now() - t0) / 1000;
    try {
      const result = await convertJob(job.data, ctx);
      opts.onJob?.({ jobId: job.id!, name: job.data.name, status: 'converted', seconds: seconds() });
      return result;
    } catch (e) {
      const error = e instanceof NoticeError ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e);
      opts.onJob?.({ jobId: job.id!, name: String(job.data?.name), status: 'failed', error, seconds: seconds() });
      throw e instanceof NoticeError ? new UnrecoverableError(error) : e;
    }
  };
  // load the bundled dictionaries before taking the first job
  const warm = cache.pipelineFor([], DEFAULT_ENGINE, async () => '').then(() => undefined);
  const worker = new Worker<JobData, JobResult>(queue, processor, {
    connection: { ...redisOptionsFromUrl(opts.redis), maxRetriesPerRequest: null },
    concurrency,
    autorun: false,
    ...(opts.name ? { name: opts.name } : {}),
    lockDuration: opts.lockDurationMs ?? 30_000,
    stalledInterval: opts.stalledIntervalMs ?? 30_000,
    maxStalledCount: opts.maxStalledCount ?? 2,
  });
  worker.on('error', (e) => opts.onError?.(e));
  const ready = warm.then(async () => {
    void worker.run();
    await worker.waitUntilReady();
  });
  return {
    queue,
    ready,
    async close() {
      await warm.catch(() => {});
      await worker.close();
      await cache.close();
    },
  };
}
