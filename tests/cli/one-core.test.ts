/**
 * The CLI on one core (bin/notice.mjs): it starts itself again with V8's helper threads off,
 * and that second process is invisible to the user — same output and exit code, signals passed
 * on, gone when the first one is. Needs taskset (util-linux) and Linux's /proc.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SAMPLE = 'fixtures/sample/hengyang/input.ocr.txt';
const SCAN = 'fixtures/pdf/scan-n06-jiangchuan-university.pdf';
const canPin = spawnSync('taskset', ['-c', '0', 'true']).status === 0 && existsSync('/proc/self/task');
const tmp = () => mkdtempSync(join(tmpdir(), 'notice-one-core-'));

function run(argv: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('taskset', ['-c', '0', process.execPath, 'bin/notice.mjs', ...argv], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const alive = (pid: number) => existsSync(`/proc/${pid}`);

/** the pid and command line of the first child of pid (waits for it) */
async function childOf(pid: number): Promise<{ pid: number; cmdline: string[] }> {
  for (let k = 0; k < 200; k++) {
    const kids = existsSync(`/proc/${pid}`) ? readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim() : '';
    if (kids) {
      const child = Number(kids.split(' ')[0]);
      return { pid: child, cmdline: readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0') };
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no child of ${pid}`);
}

async function until(test: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (test()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return test();
}

/** `taskset -c 0 node bin/notice.mjs convert SCAN` (taskset execs node in place: its pid is the CLI's) */
function startScan(out: string): ChildProcess {
  return spawn('taskset', ['-c', '0', process.execPath, 'bin/notice.mjs', 'convert', SCAN, '--out', out, '--quiet', '--jobs', '1'], { stdio: 'ignore' });
}

describe.skipIf(!canPin)('notice on one core', () => {
  it('gives the same document and exit code as with the helper threads kept', () => {
    const [a, b] = [tmp(), tmp()];
    const once = run(['convert', SAMPLE, '--out', a, '--quiet']);
    const kept = run(['convert', SAMPLE, '--out', b, '--quiet'], { NOTICE_V8_THREADS: 'keep' });
    expect(once.status).toBe(0);
    expect(kept.status).toBe(0);
    const doc = (dir: string) => JSON.parse(readFileSync(join(dir, 'input.ocr.json'), 'utf8')) as { text: string; corrections: unknown[] };
    expect(doc(a).text).toBe(doc(b).text);
    expect(doc(a).corrections).toEqual(doc(b).corrections);
  }, 60_000);

  it('reports a bad input once, with the CLI exit code', () => {
    const r = run(['convert', '/nonexistent/notice.txt', '--out', tmp(), '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr.match(/nonexistent\/notice\.txt/g)).toHaveLength(1);
  }, 30_000);

  it('runs the work in a child with --single-threaded, which ends when the CLI is killed', async () => {
    const cli = startScan(tmp());
    const child = await childOf(cli.pid!);
    expect(child.cmdline).toContain('--single-threaded');
    cli.kill('SIGKILL');
    expect(await until(() => !alive(child.pid), 10_000)).toBe(true);
  }, 30_000);

  it('passes SIGTERM on and ends by it', async () => {
    const cli = startScan(tmp());
    const child = await childOf(cli.pid!);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => cli.on('exit', (_code, signal) => resolve(signal)));
    cli.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    expect(await until(() => !alive(child.pid), 10_000)).toBe(true);
  }, 30_000);

  it('keeps the helper threads when told to (NOTICE_V8_THREADS=keep): no second process for them', async () => {
    // (the start-up snapshot, off here, starts a second process of its own: tests/cli/snapshot.test.ts)
    const env = { ...process.env, NOTICE_V8_THREADS: 'keep', NOTICE_SNAPSHOT: 'off' };
    const cli = spawn('taskset', ['-c', '0', process.execPath, 'bin/notice.mjs', 'convert', SCAN, '--out', tmp(), '--quiet'], { stdio: 'ignore', env });
    await new Promise((r) => setTimeout(r, 1500));
    const kids = readFileSync(`/proc/${cli.pid}/task/${cli.pid}/children`, 'utf8').trim();
    cli.kill('SIGKILL');
    expect(kids).toBe('');
  }, 30_000);
});
