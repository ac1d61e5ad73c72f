/**
 * One submitInputs scenario for the in-process queue tests: input files in a fresh
 * folder, a queue of its own on the file's redis-server (tests/mutation/redis-suite.ts),
 * an in-process worker (started now or later) and the events the submit reports.
 * The test file mocks the pipeline with tests/mutation/queue-stub.ts.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { BatchInput } from '../../pipeline/batch/collect-inputs.ts';
import type { BatchEvent } from '../../pipeline/batch/run-batch.ts';
import { redisOptionsFromUrl } from '../../pipeline/queue/redis-connection.ts';
import { submitInputs, type SubmitOptions } from '../../pipeline/queue/submit.ts';
import { startWorker } from '../../pipeline/queue/worker.ts';
import type { redisSuite } from './redis-suite.ts';
import { freshDir } from './temp-dir.ts';

let n = 0;
export function submitSetup(suite: Pick<ReturnType<typeof redisSuite>, 'url' | 'open'>) {
  return async (files: Record<string, string>, worker = true) => {
    const queue = `submit-test-${++n}`;
    const dir = await freshDir('submit');
    const inputs: BatchInput[] = [];
    for (const [file, content] of Object.entries(files)) {
      await writeFile(join(dir, file), content);
      inputs.push({ path: join(dir, file), outName: file.replace(/\.\w+$/, ''), name: `in/${file}` });
    }
    const startW = async () => {
      const w = startWorker({ redis: suite.url(), queue });
      suite.open.push(w);
      await w.ready;
    };
    if (worker) await startW();
    const events: BatchEvent[] = [];
    const out = join(dir, 'out');
    const submit = (over: Partial<SubmitOptions> = {}, list = inputs) =>
      submitInputs(list, { redis: suite.url(), out, queue, pollMs: 100, onEvent: (e) => events.push(e), ...over });
    const q = new Queue(queue, { connection: { ...redisOptionsFromUrl(suite.url()), maxRetriesPerRequest: null } });
    suite.open.push(q);
    return { dir, out, inputs, events, submit, queue: q, startWorker: startW };
  };
}

export const statuses = (r: { results: { input: string; status: string }[] }) => r.results.map((x) => [x.input, x.status]);
