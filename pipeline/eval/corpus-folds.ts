/**
 * Clean text the models have not seen: the genre corpus split into folds. Each
 * fold's files are checked against dictionaries whose corpus lacks them (a
 * dictionary folder of symlinks to everything else), so the character model
 * cannot vouch for a sentence by having been trained on it. Every change the
 * pipeline makes to such a file is a false correction.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface CorpusFold {
  /** corpus files checked in this fold (absolute paths) */
  held: string[];
  /** a dictionary folder whose corpus holds every other file */
  dictionaryDir: string;
}

/** The corpus files of `dictDir`, dealt in name order into `k` folds. */
export function foldFiles(files: readonly string[], k: number): string[][] {
  const folds: string[][] = Array.from({ length: k }, () => []);
  [...files].sort().forEach((f, i) => folds[i % k].push(f));
  return folds;
}

/** Builds the folds' dictionary folders under one temp folder; `dispose` removes it. */
export function corpusFolds(dictDir: string, k = 2): { folds: CorpusFold[]; dispose(): void } {
  const dir = resolve(dictDir);
  const corpus = readdirSync(join(dir, 'corpus')).filter((f) => f.endsWith('.txt'));
  const root = mkdtempSync(join(tmpdir(), 'notice-corpus-folds-'));
  const folds = foldFiles(corpus, k).map((held, n) => {
    const d = join(root, `fold-${n}`);
    mkdirSync(join(d, 'corpus'), { recursive: true });
    for (const entry of readdirSync(dir)) if (entry !== 'corpus') symlinkSync(join(dir, entry), join(d, entry));
    const heldSet = new Set(held);
    for (const f of corpus) if (!heldSet.has(f)) symlinkSync(join(dir, 'corpus', f), join(d, 'corpus', f));
    return { held: held.map((f) => join(dir, 'corpus', f)), dictionaryDir: d };
  });
  return { folds, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
