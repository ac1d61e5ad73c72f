/**
 * CPU seconds per thread of a child process, read from Linux's /proc/<pid>/task/<tid>/stat while
 * it runs (bench only: where a one-core run's time goes). A thread's figure is its last reading,
 * taken every `everyMs`, so a thread that ends between two readings loses at most that much.
 * Threads are grouped by what they are, in the process of the tree that took the most CPU (the
 * CLI's own, or the child it started): its main thread, libvips' workers (named so),
 * the other threads Node names "node" — the busiest of those is the OCR worker when one
 * runs; the rest are V8's helper threads (background compilation, concurrent marking and
 * scavenging) and libuv's pool; everything else (other processes, other names) is `rest`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ThreadCpu {
  wallSeconds: number;
  main: number;
  busiestOther: number;
  otherNode: number;
  libvips: number;
  rest: number;
}

/** utime + stime (fields 14 and 15 of stat, after the parenthesised name) in clock ticks */
function ticksOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

interface Thread {
  pid: number;
  tid: number;
  name: string;
  ticks: number;
}

/** every thread of pid and of its descendants (bin/notice.mjs may start itself again: the work is then in its child) */
function readThreads(pid: number, into: Map<string, Thread>): void {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return; // exited
  }
  for (const tid of tids) {
    try {
      const at = `/proc/${pid}/task/${tid}`;
      const name = readFileSync(`${at}/comm`, 'utf8').trim();
      into.set(`${pid}:${tid}`, { pid, tid: Number(tid), name, ticks: ticksOf(readFileSync(`${at}/stat`, 'utf8')) });
      for (const kid of readFileSync(`${at}/children`, 'utf8').trim().split(' ').filter(Boolean)) readThreads(Number(kid), into);
    } catch {
      // the thread ended between listing and reading: its last reading stands
    }
  }
}

/** Runs argv[0] with argv[1..] (which must exec the measured program in place, as taskset does) and groups its threads' CPU. */
export async function threadCpu(argv: string[], everyMs = 50): Promise<ThreadCpu> {
  const started = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), { stdio: 'ignore' });
  const seen = new Map<string, Thread>();
  const timer = setInterval(() => readThreads(child.pid!, seen), everyMs);
  const code: number | null = await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`${argv.join(' ')} exited with ${code}`);
  const hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  // the process that did the work: the one whose threads took the most CPU
  const perProcess = new Map<number, number>();
  for (const t of seen.values()) perProcess.set(t.pid, (perProcess.get(t.pid) ?? 0) + t.ticks);
  const worker = [...perProcess].sort((x, y) => y[1] - x[1])[0]?.[0];
  const out: ThreadCpu = { wallSeconds: (performance.now() - started) / 1000, main: 0, busiestOther: 0, otherNode: 0, libvips: 0, rest: 0 };
  for (const { pid, tid, name, ticks } of seen.values()) {
    const s = ticks / hz;
    if (pid !== worker) out.rest += s;
    else if (tid === pid) out.main += s;
    else if (name.startsWith('libvips')) out.libvips += s;
    else if (name === 'node') {
      out.otherNode += s;
      out.busiestOther = Math.max(out.busiestOther, s);
    } else out.rest += s;
  }
  out.otherNode -= out.busiestOther;
  return out;
}
