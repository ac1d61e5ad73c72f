/**
 * The library API as a user's program meets it: createPipeline → convertFile (real OCR
 * workers) → close. After close nothing may keep the process alive: the child program
 * below never calls process.exit; an unref'd timer reports what still holds the event
 * loop if the process has not ended on its own 5 s after close. The control program
 * reads the same scan with the OCR engine the pipeline uses (createExtractor, one worker,
 * no corrector to build) and never closes it: one live worker is enough to hold a process
 * open. Its timer fires 1.5 s after the reading (a process held by nothing but a finished
 * reading ends at once, so 1.5 s still tells a held process from one that ends).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { textImagePng } from '../extract/inputs.ts';
import { needsSystem, SYSTEM } from '../helpers/system.ts';

const dir = mkdtempSync(join(tmpdir(), 'notice-library-'));
const SCAN = join(dir, 'scan.png'); // two lines of notice text: real OCR, kept small
const fonts = needsSystem(SYSTEM.wqyZenHei);
beforeAll(async () => fonts && writeFileSync(SCAN, await textImagePng(['关于巡察整改进展情况的通报', '各单位要认真落实整改责任。'], { dpi: 200 })));

const src = (path: string) => pathToFileURL(resolve(path)).href;
const program = (closeIt: boolean) =>
  closeIt
    ? `
  import { createPipeline, NoticeDocument } from '${src('pipeline/index.ts')}';
  const p = createPipeline({ workers: 2 });
  const doc = await p.convertFile('${SCAN}');
  console.log(JSON.stringify({ valid: NoticeDocument.safeParse(doc).success, kind: doc.source.kind, method: doc.source.pages[0].method, chars: doc.text.length }));
  await p.close();
  setTimeout(() => { console.log('STILL ALIVE ' + JSON.stringify(process.getActiveResourcesInfo())); process.exit(3); }, 5000).unref();
`
    : `
  import { createExtractor } from '${src('pipeline/extract/index.ts')}';
  const x = createExtractor({ workers: 1 });
  const r = await x.extract('${SCAN}', { ocr: 'auto' });
  console.log(JSON.stringify({ method: r.pages[0].method }));
  setTimeout(() => { console.log('STILL ALIVE ' + JSON.stringify(process.getActiveResourcesInfo())); process.exit(3); }, 1500).unref();
`;

function runProgram(closeIt: boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const file = join(dir, `program-${closeIt ? 'close' : 'leak'}.mjs`);
    writeFileSync(file, program(closeIt));
    const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      done({ code, stdout, stderr });
    });
  });
}

describe('library API: createPipeline, convertFile, close', () => {
  it('converts a scan with OCR workers, and after close() the process ends by itself', async () => {
    const [closed, leaked] = await Promise.all([runProgram(true), runProgram(false)]);
    expect(closed.code, closed.stdout + closed.stderr).toBe(0);
    const [line, ...rest] = closed.stdout.trim().split('\n');
    expect(JSON.parse(line)).toMatchObject({ valid: true, kind: 'image', method: 'ocr' });
    expect(JSON.parse(line).chars).toBeGreaterThan(15);
    expect(rest).toEqual([]);
    // control: the same OCR engine left open still holds its process, so the check above
    // can tell a pipeline that terminates its workers from one that does not
    expect(leaked.code, leaked.stdout + leaked.stderr).toBe(3);
    expect(JSON.parse(leaked.stdout.split('\n')[0])).toEqual({ method: 'ocr' });
    expect(leaked.stdout).toContain('STILL ALIVE');
  }, 160_000);
});
