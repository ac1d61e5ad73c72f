/** The submitter's waiting helpers (pipeline/queue/timing.ts). */
import { describe, expect, it } from 'vitest';
import { wakeableSleep, withTimeout } from '../../pipeline/queue/timing.ts';

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const elapsed = async (p: Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await p;
  return performance.now() - t0;
};

describe('withTimeout', () => {
  it('gives the answer when it comes in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000)).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error('refused')), 1000)).rejects.toThrow('refused');
  });

  it('rejects after the time with a message saying how long it waited', async () => {
    const never = new Promise<never>(() => {});
    const ms = await elapsed(expect(withTimeout(never, 60)).rejects.toThrow('no answer in 60 ms'));
    expect(ms).toBeGreaterThanOrEqual(55);
  });

  it('does not keep the process alive for the rest of the timeout once answered (a finished submit exits)', async () => {
    const before = timers();
    await withTimeout(Promise.resolve(1), 60_000);
    expect(timers()).toBe(before);
  });
});

describe('wakeableSleep', () => {
  it.each([
    ['sleeps the time when nobody wakes it', false, 80, 1e9],
    ['ends at once when woken while sleeping', true, 0, 60],
  ])('%s', async (_what, wakeDuring, min, max) => {
    const { sleep, wake } = wakeableSleep();
    const p = sleep(80);
    if (wakeDuring) setTimeout(wake, 5);
    const ms = await elapsed(p);
    expect(ms).toBeGreaterThanOrEqual(min - 5);
    expect(ms).toBeLessThan(max);
  });

  it('keeps a wake that came while nobody slept for the next sleep only', async () => {
    const { sleep, wake } = wakeableSleep();
    wake();
    expect(await elapsed(sleep(5000))).toBeLessThan(1000);
    expect(await elapsed(sleep(80))).toBeGreaterThanOrEqual(75);
  });
});
