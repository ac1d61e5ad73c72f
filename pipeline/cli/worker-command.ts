/** `notice worker --redis URL [--concurrency N]`: convert queued jobs until SIGTERM/SIGINT. */
import { parseArgs } from 'node:util';
import { MB } from '../queue/job.ts';
import { probeRedis, redactUrl } from '../queue/redis-connection.ts';
import { startWorker } from '../queue/worker.ts';
import { UsageError } from './usage-error.ts';

export const workerHelp = `Usage: notice worker --redis URL [options]

Takes conversion jobs from the Redis queue that "notice submit" fills and converts
them with the pipeline loaded once. SIGTERM or SIGINT: finishes the running jobs,
then exits 0. A killed worker's job is taken over by another after the lock expires.

Options:
      --redis URL          redis://[user:password@]host:port[/db] (required)
  -c, --concurrency N      jobs converted at once (default: 1)
      --queue NAME         queue name (default: one per pipeline version)
      --name NAME          this worker's name in job records (default: host and pid)
      --max-result-mb N    fail jobs whose outputs exceed N MB (default: 128)
      --lock-ms N          job lock duration; a dead worker's job is retaken after it (default: 30000)
      --stalled-ms N       how often to look for stalled jobs (default: 30000)
      --max-stalled N      times a job may lose its worker before it fails (default: 2)
  -q, --quiet              no line per job
`;

const int = (v: string | undefined, flag: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer (got "${v}")`);
  return n;
};

export async function workerCommand(argv: string[], io: { stderr: NodeJS.WriteStream; stdout: NodeJS.WriteStream }): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      redis: { type: 'string' },
      concurrency: { type: 'string', short: 'c' },
      queue: { type: 'string' },
      name: { type: 'string' },
      'max-result-mb': { type: 'string' },
      'lock-ms': { type: 'string' },
      'stalled-ms': { type: 'string' },
      'max-stalled': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(workerHelp);
    return 0;
  }
  if (!values.redis) throw new UsageError('worker needs --redis URL');
  const maxResultMb = int(values['max-result-mb'], '--max-result-mb');
  await probeRedis(values.redis);
  const log = (line: string) => io.stderr.write(`${new Date().toISOString()} ${line}\n`);
  let lastError = '';
  const worker = startWorker({
    redis: values.redis,
    concurrency: int(values.concurrency, '--concurrency') ?? 1,
    queue: values.queue,
    name: values.name,
    ...(maxResultMb ? { maxResultBytes: maxResultMb * MB } : {}),
    lockDurationMs: int(values['lock-ms'], '--lock-ms'),
    stalledIntervalMs: int(values['stalled-ms'], '--stalled-ms'),
    maxStalledCount: int(values['max-stalled'], '--max-stalled'),
    onJob: values.quiet ? undefined : (e) => log(`${e.status} ${e.name} ${e.jobId} ${e.seconds.toFixed(2)}s${e.error ? ` ${e.error}` : ''}`),
    onError: (e) => {
      if (e.message !== lastError) log(`queue error: ${(lastError = e.message)}`); // once per distinct error, not per retry
    },
  });
  const stop = new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  await worker.ready.catch(async (e: unknown) => {
    await worker.close().catch(() => {}); // e.g. an invalid dictionary: release the connection, then report
    throw e;
  });
  log(`ready: queue ${worker.queue} at ${redactUrl(values.redis)}`);
  log(`${await stop}: finishing running jobs`);
  await worker.close();
  log('stopped');
  return 0;
}
