#!/usr/bin/env node
// Entry point. Runs the compiled CLI from dist/ (built by `npm ci` / `npm run build`)
// when it is newer than every source file; otherwise loads the TypeScript sources
// through tsx, so a developer's edits are never shadowed by a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = join(root, 'dist', 'cli', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

let main;
if (!process.env.NOTICE_FROM_SOURCE && existsSync(compiled) && statSync(compiled).mtimeMs >= newestSource(join(root, 'pipeline'))) {
  ({ main } = await import(compiled));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../pipeline/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
