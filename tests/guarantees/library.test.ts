/**
 * The library API as a user's program meets it: createPipeline → convertFile (real OCR
 * workers) → close. After close nothing may keep the process alive: the child program
 * below never calls process.exit; an unref'd timer reports what still holds the event
 * loop if the process has not ended on its own 5 s after close. The control program
 * (no close) runs one OCR worker, not two: one live worker is enough to hold it open;
 * its timer fires 1.5 s after the conversion (a process held by nothing but a finished
 * conversion ends at once, so 1.5 s still tells a held process from one that ends).
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

const program = (closeIt: boolean) => `
  import { createPipeline, NoticeDocument } from '${pathToFileURL(resolve('pipeline/index.ts')).href}';
  const p = createPipeline({ workers: ${closeIt ? 2 : 1} });
  const doc = await p.convertFile('${SCAN}');
  console.log(JSON.stringify({ valid: NoticeDocument.safeParse(doc).success, kind: doc.source.kind, method: doc.source.pages[0].method, chars: doc.text.length }));
  ${closeIt ? 'await p.close();' : ''}
  setTimeout(() => { console.log('STILL ALIVE ' + JSON.stringify(process.getActiveResourcesInfo())); process.exit(3); }, ${closeIt ? 5000 : 1500}).unref();
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
    // control: the same program without close() is still held open by the OCR workers,
    // so the check above can tell a pipeline that terminates its workers from one that does not
    expect(leaked.code, leaked.stdout + leaked.stderr).toBe(3);
    expect(leaked.stdout).toContain('STILL ALIVE');
  }, 160_000);
});
