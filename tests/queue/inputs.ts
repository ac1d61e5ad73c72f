/** Input folders for the queue tests, and comparison of two output folders. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireSystem, SYSTEM } from '../helpers/system.ts';

const NOTICES = 'fixtures/notices';

/** n text notices from the fixtures, named t01.txt … */
export function copyTextNotices(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  const names = readdirSync(NOTICES).sort().slice(0, n);
  if (names.length < n) throw new Error(`only ${names.length} fixture notices`);
  names.forEach((name, i) => copyFileSync(join(NOTICES, name, 'input.ocr.txt'), join(dir, `t${String(i + 1).padStart(2, '0')}.txt`)));
}

/** The first page of a scanned fixture as a one-page image-only PDF (qpdf from Debian). */
export function oneScannedPage(to: string): void {
  requireSystem(SYSTEM.qpdf);
  const r = spawnSync('qpdf', ['--empty', '--pages', 'fixtures/pdf/scan-n06-jiangchuan-university.pdf', '1', '--', to], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`qpdf failed (${r.error?.message ?? r.stderr}): the queue tests need Debian's qpdf`);
}

export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

/** Every output file's bytes; run-report.json with its folder name taken out of the paths. */
export function outputsOf(dir: string, folderName: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of listFiles(dir)) {
    const text = readFileSync(join(dir, f), 'utf8');
    files[f] = f === 'run-report.json' ? text.split(`"${folderName}/`).join('"OUT/') : text;
  }
  return files;
}
