/**
 * Queue overhead: the same 1,000 short text notices through `notice convert --jobs 2`
 * and through `notice submit` with 1 and then 2 local `notice worker` processes
 * (started and ready before the clock starts), on a redis-server this script starts
 * on a free loopback port and stops. Wall seconds of the convert / submit process,
 * each including its own start-up (convert loads the whole pipeline, submit only
 * hashes the dictionaries: the workers loaded theirs before), so each is also timed
 * on one input and the ratio of the batch part (total - one-input run) is given too.
 * convert runs before and after the submits; their mean is the reference. Reports,
 * never fails.
 *
 *   npx tsx scripts/bench-queue.ts [--n 1000]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runNotice, startRedis } from '../tests/queue/redis-harness.ts';

const args = process.argv.slice(2);
const n = Number(args[args.indexOf('--n') + 1]) || 1000;
const tmp = mkdtempSync(join(tmpdir(), 'bench-queue-'));
const BIN = resolve('bin/notice.mjs');

/** n short notices: the fixtures' first paragraphs, each with its own number so no two are alike. */
function writeInputs(dir: string): number {
  mkdirSync(dir);
  const sources = readdirSync('fixtures/notices').sort().map((d) => readFileSync(join('fixtures/notices', d, 'input.ocr.txt'), 'utf8'));
  let chars = 0;
  for (let i = 0; i < n; i++) {
    const lines = sources[i % sources.length].split('\n');
    const text = `${lines.slice(0, 6).join('\n')}\n（第${i + 1}号）\n`;
    chars += text.length;
    writeFileSync(join(dir, `n${String(i).padStart(4, '0')}.txt`), text);
  }
  return chars;
}

function wall(argv: string[]): Promise<number> {
  const t0 = performance.now();
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [BIN, ...argv], { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (c) => (err += c));
    p.on('exit', (code) => (code === 0 ? done((performance.now() - t0) / 1000) : fail(new Error(`${argv[0]} exited ${code}: ${err.slice(-400)}`))));
  });
}

async function main(): Promise<void> {
  const chars = writeInputs(join(tmp, 'in'));
  mkdirSync(join(tmp, 'one'));
  writeFileSync(join(tmp, 'one', 'n.txt'), readFileSync(join(tmp, 'in', 'n0000.txt')));
  console.log(`bench-queue: ${n} short text notices (${Math.round(chars / n)} chars each on average)`);
  const row = (what: string, secs: number, oneInput: number, ref?: { total: number; batch: number }) =>
    console.log(`  ${what.padEnd(28)} ${secs.toFixed(1).padStart(6)} s   one input ${oneInput.toFixed(1).padStart(5)} s` +
      (ref ? `   ${(secs / ref.total).toFixed(2)}x convert, batch part ${((secs - oneInput) / ref.batch).toFixed(2)}x` : ''));
  const convertOne = await wall(['convert', 'one', '--out', 'out-one', '--jobs', '2', '-q', '--force']);
  const convertRuns = [await wall(['convert', 'in', '--out', 'out-convert', '--jobs', '2', '-q'])];
  const redis = await startRedis();
  const workers = [];
  const submits: { count: number; secs: number; one: number; same: boolean }[] = [];
  try {
    for (const count of [1, 2]) {
      while (workers.length < count) workers.push(runNotice(['worker', '--redis', redis.url, '--quiet'], tmp));
      await Promise.all(workers.map((w) => w.waitFor('ready:')));
      const one = await wall(['submit', 'one', '--redis', redis.url, '--out', `out-one-${count}`, '-q']);
      const secs = await wall(['submit', 'in', '--redis', redis.url, '--out', `out-submit-${count}`, '-q']);
      const same = readdirSync(join(tmp, 'out-convert')).every((f) => f === 'run-report.json' || readFileSync(join(tmp, 'out-convert', f)).equals(readFileSync(join(tmp, `out-submit-${count}`, f))));
      submits.push({ count, secs, one, same });
    }
  } finally {
    await Promise.allSettled(workers.map((w) => w.kill('SIGTERM')));
    await redis.stop();
  }
  convertRuns.push(await wall(['convert', 'in', '--out', 'out-convert-2', '--jobs', '2', '-q']));
  const total = (convertRuns[0] + convertRuns[1]) / 2;
  const ref = { total, batch: total - convertOne };
  row(`notice convert --jobs 2`, total, convertOne);
  console.log(`  (convert runs: ${convertRuns.map((x) => x.toFixed(1)).join(' s, ')} s)`);
  for (const r of submits) row(`notice submit, ${r.count} worker${r.count > 1 ? 's' : ''}${r.same ? '' : ' (OUTPUTS DIFFER)'}`, r.secs, r.one, ref);
  rmSync(tmp, { recursive: true, force: true });
}

await main();
