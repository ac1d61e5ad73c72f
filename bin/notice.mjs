#!/usr/bin/env node
// Entry point. Runs the compiled CLI from dist/ (built by `npm ci` / `npm run build`)
// when it is newer than every source file; otherwise loads the TypeScript sources
// through tsx, so a developer's edits are never shadowed by a stale build.
//
// On a machine (or an affinity mask) with one core, V8's helper threads — background
// compilation, concurrent marking — can only take time from the work: an 8-page scan on one
// core took 14.7 s instead of 15.3 s with them off (README, "Speed"). Their switch
// (--single-threaded) exists only on node's command line, and Node 20 has no exec(), so there the
// CLI starts itself once more with it: this process then only waits, passes SIGTERM and SIGHUP
// on (SIGINT from a terminal reaches both), and exits as the child did; the child ends when
// this process does (its IPC channel closes). NOTICE_V8_THREADS=keep turns this off.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SINGLE = '--single-threaded';
const RESTARTED = 'restarted'; // NOTICE_V8_THREADS of the child: it knows its IPC channel is this process
if (availableParallelism() === 1 && !process.execArgv.includes(SINGLE) && !['keep', RESTARTED].includes(process.env.NOTICE_V8_THREADS ?? '')) {
  const child = spawn(process.execPath, [SINGLE, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NOTICE_V8_THREADS: RESTARTED },
  });
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  process.on('SIGINT', () => {}); // the terminal sent it to the child too: the child decides
  const [code, signal] = await new Promise((resolve) => child.on('exit', (c, s) => resolve([c, s])));
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
  process.exit(code ?? 1);
}
if (process.env.NOTICE_V8_THREADS === RESTARTED && process.channel) {
  process.channel.unref();
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

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
