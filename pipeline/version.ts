import { readFileSync } from 'node:fs';

/** The package version, read once: it goes into every output so a re-run can tell stale outputs. */
export const PIPELINE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
