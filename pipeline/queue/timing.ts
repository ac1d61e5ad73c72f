/** Small waiting helpers for the submitter's loop. */

/** Rejects when p has not settled in ms (p itself goes on). */
export const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/**
 * sleep(ms) that wake() ends early; a wake while nobody sleeps is kept for the next
 * sleep, so a job finishing while the loop is busy still refills the window at once.
 */
export function wakeableSleep(): { sleep(ms: number): Promise<void>; wake(): void } {
  let woken = false;
  let wakeUp = (): void => {};
  return {
    wake() {
      woken = true;
      wakeUp();
    },
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const t = setTimeout(resolve, ms);
        wakeUp = () => {
          clearTimeout(t);
          resolve();
        };
        if (woken) wakeUp();
        woken = false;
      }),
  };
}
