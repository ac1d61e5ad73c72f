/** The queue when Redis is not there at start, and when it restarts (losing every key) mid-run. */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type RunningWorker } from '../../pipeline/queue/worker.ts';
import { copyTextNotices, listFiles, outputsOf } from './inputs.ts';
import { needsSystem, SYSTEM } from '../helpers/system.ts';
import { freePort, runNotice, startRedis, until, type RedisServer } from './redis-harness.ts';

const root = mkdtempSync(join(tmpdir(), 'notice-queue-redis-'));
const at = (...p: string[]) => join(root, ...p);

describe('notice submit and an unreachable Redis', () => {
  it('exits non-zero with a clear error naming the URL, and writes nothing', async () => {
    copyTextNotices(at('few'), 2);
    const url = `redis://127.0.0.1:${await freePort()}`;
    const submit = runNotice(['submit', 'few', '--redis', url, '--out', 'out-none'], root);
    expect(await submit.done).toBe(1);
    expect(submit.output()).toMatch(new RegExp(`notice submit: cannot reach Redis at ${url}/? after \\d+ attempts`));
    expect(existsSync(at('out-none'))).toBe(false);
  });

  it('the worker too', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const worker = runNotice(['worker', '--redis', url], root);
    expect(await worker.done).toBe(1);
    expect(worker.output()).toContain(`cannot reach Redis at ${url}`);
  });
});

describe('a Redis restart in the middle of a submit', () => {
  const have = needsSystem(SYSTEM.redisServer);
  let redis: RedisServer;
  let worker: RunningWorker;
  beforeAll(async () => {
    if (!have) return;
    copyTextNotices(at('in'), 9);
    redis = await startRedis();
    const convert = runNotice(['convert', 'in', '--out', 'ref', '-q'], root);
    worker = startWorker({ redis: redis.url, lockDurationMs: 5000, stalledIntervalMs: 2000, maxStalledCount: 3 });
    await Promise.all([convert.done, worker.ready]);
  }, 400_000);
  afterAll(async () => {
    await worker?.close();
    await redis?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('jobs lost with the restart are added again: exit 0, every output byte-identical to convert, nothing half-written', async () => {
    const submit = runNotice(['submit', 'in', '--redis', redis.url, '--out', 'out'], root);
    await until(() => existsSync(at('out')) && readdirSync(at('out')).some((f) => f.endsWith('.json')), 'the first output');
    await redis.restart();
    expect(await submit.done, submit.output()).toBe(0);
    const out = outputsOf(at('out'), 'out');
    const ref = outputsOf(at('ref'), 'ref');
    expect(out).toEqual(ref);
    expect(listFiles(at('out')).some((f) => f.includes('.tmp'))).toBe(false);
  }, 400_000);
});
