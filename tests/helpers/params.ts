import { PARAMS } from '../../pipeline/correct/params.ts';

/** Runs `run` with some of the corrector's parameters set, then puts them back (also when it throws). */
export function withParams<T>(overrides: Partial<typeof PARAMS>, run: () => T): T {
  const saved = Object.fromEntries(Object.keys(overrides).map((k) => [k, PARAMS[k as keyof typeof PARAMS]]));
  Object.assign(PARAMS, overrides);
  try {
    return run();
  } finally {
    Object.assign(PARAMS, saved);
  }
}
