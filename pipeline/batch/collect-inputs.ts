/**
 * Find the input files of a batch and give each a unique output name inside --out.
 * Folders are walked (sorted, so runs are deterministic); the output name mirrors
 * the path below the folder given, so two `notice.pdf` in different folders never
 * collide, and no name can climb out of --out.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { NoticeError } from '../errors.ts';

export const INPUT_EXTENSIONS = new Set(['.txt', '.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff']);

export interface BatchInput {
  /** path to read */
  path: string;
  /** output path without extension, relative to --out, '/'-separated */
  outName: string;
  /** name shown to the user and recorded in the output (default: path) */
  name?: string;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  // UTF-16 order, the same on every system (libuv lists a folder in the C library's
  // byte order, which differs for characters beyond U+FFFF); names in a folder are unique
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && INPUT_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(p);
  }
  return out;
}

function safeName(rel: string): string {
  const parts = rel.split(sep).filter((p) => p && p !== '.' && p !== '..');
  const last = parts.pop() ?? 'input';
  const stem = last.slice(0, last.length - extname(last).length) || last;
  return [...parts, stem].map((p) => p.replace(/[\u0000-\u001f<>:"|?*\\]/g, '_')).join('/');
}

export async function collectInputs(args: readonly string[]): Promise<BatchInput[]> {
  const inputs: BatchInput[] = [];
  for (const arg of args) {
    const st = await stat(arg).catch((cause) => {
      throw new NoticeError('NOT_FOUND', 'no such file or folder', { file: arg, cause });
    });
    if (st.isDirectory()) {
      for (const p of await walk(arg)) inputs.push({ path: p, outName: safeName(relative(arg, p)) });
    } else {
      inputs.push({ path: arg, outName: safeName(basename(arg)) });
    }
  }
  return inputs;
}

/**
 * Make output names unique across the whole batch (case-insensitively, for file
 * systems that fold case): a later clash gets its extension, then a counter.
 */
export function assignUniqueNames(inputs: BatchInput[]): void {
  const seen = new Set<string>();
  for (const i of inputs) {
    let name = i.outName;
    if (seen.has(name.toLowerCase())) name = `${i.outName}-${extname(i.path).slice(1) || 'in'}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${i.outName}-${n}`;
    seen.add(name.toLowerCase());
    i.outName = name;
  }
}
