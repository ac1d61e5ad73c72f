/**
 * Real processes for the queue tests: a redis-server from Debian on a free loopback
 * port (no persistence, in a temp folder), `notice worker` and `notice submit` as
 * child processes. Everything started here is stopped by the tests' afterAll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { requireSystem, SYSTEM } from '../helpers/system.ts';

const BIN = resolve('bin/notice.mjs');


export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

const exited = (p: ChildProcess): Promise<number | null> =>
  p.exitCode !== null || p.signalCode !== null ? Promise.resolve(p.exitCode) : new Promise((r) => p.once('exit', (code) => r(code)));

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
  /** stop and start again on the same port: with no persistence, every key is gone */
  restart(): Promise<void>;
  /** SIGSTOP: the server keeps its connections and answers nothing, as a hung host would */
  pause(): void;
  /** SIGCONT after pause(): the commands sent meanwhile are answered */
  resume(): void;
}

export async function startRedis(): Promise<RedisServer> {
  requireSystem(SYSTEM.redisServer);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'notice-redis-'));
  let proc: ChildProcess;
  const launch = async (): Promise<void> => {
    proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    await new Promise<void>((ready, fail) => {
      proc.stdout!.on('data', (c: Buffer) => {
        log += c;
        if (log.includes('Ready to accept connections')) ready();
      });
      proc.once('exit', (code) => fail(new Error(`redis-server exited (${code}) before it was ready:\n${log}`)));
    });
  };
  const stop = async (): Promise<void> => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
    await exited(proc);
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    stop,
    restart: async () => (await stop(), await launch()),
    pause: () => void proc.kill('SIGSTOP'),
    resume: () => void proc.kill('SIGCONT'),
  };
}

export interface ChildCli {
  proc: ChildProcess;
  output(): string;
  /** resolves with the exit code */
  done: Promise<number | null>;
  /** resolves when a line of output contains the text */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export function runNotice(args: string[], cwd = process.cwd()): ChildCli {
  const proc = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const onData = (c: Buffer) => {
    out += c;
    for (const w of waiters.filter((x) => out.includes(x.text))) w.resolve();
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const done = exited(proc);
  return {
    proc,
    output: () => out,
    done,
    waitFor: (text, timeoutMs = 300_000) =>
      new Promise((ok, fail) => {
        if (out.includes(text)) return ok();
        const t = setTimeout(() => fail(new Error(`timed out waiting for "${text}" in:\n${out}`)), timeoutMs);
        waiters.push({ text, resolve: () => (clearTimeout(t), ok()) });
        void done.then(() => !out.includes(text) && fail(new Error(`exited before "${text}":\n${out}`)));
      }),
    kill: async (signal) => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return done;
    },
  };
}

/**
 * A dead worker's job is retaken within about 7 s. Not shorter: on a loaded 2-core
 * machine a live worker's lock renewal was seen late by more than 2 s, and its job
 * counted as stalled.
 */
export const TAKEOVER = ['--lock-ms', '5000', '--stalled-ms', '2000', '--max-stalled', '3'];

export const startWorkerProcess = (url: string, name: string, extra: string[] = []): ChildCli =>
  runNotice(['worker', '--redis', url, '--name', name, ...TAKEOVER, ...extra]);

export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 300_000): Promise<void> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
