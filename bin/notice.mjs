#!/usr/bin/env node
// Entry point. Runs the compiled CLI from dist/ (built by `npm ci` / `npm run build`)
// when it is newer than every source file; otherwise loads the TypeScript sources
// through tsx, so a developer's edits are never shadowed by a stale build.
//
// Two things exist only on node's command line, and Node 20 has no exec(), so for them the
// CLI starts itself once more; this process then only waits, passes SIGTERM and SIGHUP on
// (SIGINT from a terminal reaches both), and exits as the child did; the child ends when this
// process does (its IPC channel closes):
// - on a machine (or an affinity mask) with one core, V8's helper threads — background
//   compilation, concurrent marking — can only take time from the work: an 8-page scan on one
//   core took 14.7 s instead of 15.3 s with them off (README, "Speed"). NOTICE_V8_THREADS=keep
//   keeps them (--single-threaded is not added);
// - a conversion with the bundled dictionaries (text or scans) starts from the corrector's start-up
//   snapshot, built once into the cache folder (pipeline/cli/snapshot-blob.ts): ~1.0 s instead of
//   ~1.8 s to its first document. NOTICE_SNAPSHOT=off turns it off.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SINGLE = '--single-threaded';
const RESTARTED = 'restarted'; // NOTICE_V8_THREADS of the child: it knows its IPC channel is this process
const SNAPSHOT_FAILED = 'snapshot-failed'; // a child from a snapshot whose blob did not load
const SNAPSHOT_LOAD_FAILED = 14; // node's exit code when a startup snapshot does not fit this node (a damaged one aborts)

if (process.env.NOTICE_V8_THREADS === RESTARTED) {
  // first of all: a child whose parent is gone — killed while this process started, so that
  // no channel was set up or it is closed already — must not go on alone
  if (!process.channel || !process.connected) process.kill(process.pid, 'SIGTERM');
  process.channel?.unref();
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = join(root, 'dist', 'cli', 'main.js');
const args = process.argv.slice(2);

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs node with `argv` as this CLI's child and ends as it did; resolves only with SNAPSHOT_FAILED. */
async function runChild(argv) {
  const child = spawn(process.execPath, argv, {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NOTICE_V8_THREADS: RESTARTED },
  });
  let started = !argv.includes('--snapshot-blob');
  child.on('message', (m) => (started ||= m?.snapshotStarted === true));
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, forward);
  const quiet = () => {}; // the terminal sent SIGINT to the child too: the child decides
  process.on('SIGINT', quiet);
  const [code, signal] = await new Promise((resolve) => child.on('exit', (c, s) => resolve([c, s])));
  if (!started && (code === SNAPSHOT_LOAD_FAILED || signal === 'SIGABRT')) {
    // the blob did not load: nothing ran (runSnapshotChild says when it starts), so the run can start without it
    for (const signal of ['SIGTERM', 'SIGHUP']) process.off(signal, forward);
    process.off('SIGINT', quiet);
    return SNAPSHOT_FAILED;
  }
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
  process.exit(code ?? 1);
}

/** the blob this run should start from (pipeline/cli/snapshot-blob.ts), or null — never an error of its own */
async function snapshotBlobFor(argv, flags) {
  try {
    return await (await import(join(root, 'dist', 'cli', 'snapshot-blob.js'))).snapshotBlobFor(argv, flags);
  } catch {
    return null;
  }
}

const fresh = !process.env.NOTICE_FROM_SOURCE && existsSync(compiled) && statSync(compiled).mtimeMs >= newestSource(join(root, 'pipeline'));

if (process.env.NOTICE_V8_THREADS !== RESTARTED) {
  const single = availableParallelism() === 1 && !process.execArgv.includes(SINGLE) && process.env.NOTICE_V8_THREADS !== 'keep';
  const flags = [...(single ? [SINGLE] : []), ...process.execArgv];
  const blob = fresh && args[0] === 'convert' ? await snapshotBlobFor(args, flags) : null;
  if (blob && (await runChild([...flags, '--snapshot-blob', blob, ...args])) === SNAPSHOT_FAILED) rmSync(blob, { force: true });
  if (single) await runChild([...flags, fileURLToPath(import.meta.url), ...args]);
}

let main;
if (fresh) {
  ({ main } = await import(compiled));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../pipeline/cli/main.ts'));
}
process.exitCode = await main(args);
