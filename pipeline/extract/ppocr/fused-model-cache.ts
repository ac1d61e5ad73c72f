/**
 * The rewritten PP-OCR graphs (fuse-graph.ts) kept on disk, so that a process loads them instead
 * of rewriting the shipped models again (~0.25 s of one core per worker, cold).
 *
 * A cached file is named by a hash of the shipped model and of the rewrite's own code files, so a
 * new model package or a changed rewrite never meets a stale graph; it is written to a temporary
 * name and renamed (never half-written), and a cache that cannot be written is simply not used.
 * The KEPT newest graphs of each model stay: a checkout that runs both the sources (tsx: .ts code)
 * and the build (dist: .js code) has two code hashes, and keeping one made each switch rewrite.
 * Location: NOTICE_CACHE_DIR, else node_modules/.cache/notice-pipeline (the usual place for a
 * package's derived files); NOTICE_CACHE_DIR="" turns the cache off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir as noticeCacheDir } from '../../io/cache-dir.ts';
import { fuseGraph } from './fuse-graph.ts';

/** The modules whose code decides the rewritten bytes (same extension as this module: .ts or .js). */
const REWRITE_CODE = ['fuse-graph', 'onnx-graph', 'protobuf-wire'];

let codeHash: string | null = null;
function rewriteCodeHash(): string {
  if (codeHash) return codeHash;
  const here = fileURLToPath(import.meta.url);
  const h = createHash('sha1');
  for (const name of REWRITE_CODE) h.update(readFileSync(join(here, '..', `${name}${extname(here)}`)));
  codeHash = h.digest('hex').slice(0, 16);
  return codeHash;
}

/** The cache folder, or null when turned off (or the models are not inside a node_modules). */
export function cacheDir(modelDir: string): string | null {
  return noticeCacheDir(modelDir, 'ppocr');
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    /* not there, or the folder is not ours to change */
  }
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function tryRead(file: string): Uint8Array | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** Graphs kept per model (the sources' and the build's). */
const KEPT = 2;

/** Write `bytes` as `file` atomically, dropping all but the KEPT newest graphs of the same model; false when the folder is not writable. */
function tryWrite(dir: string, file: string, bytes: Uint8Array, prefix: string): boolean {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
    const others = readdirSync(dir)
      .filter((f) => f.startsWith(prefix) && !f.endsWith('.tmp') && join(dir, f) !== file)
      .map((f) => ({ f, t: mtimeOf(join(dir, f)) }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of others.slice(KEPT - 1)) removeQuietly(join(dir, f));
    return true;
  } catch {
    removeQuietly(tmp);
    return false;
  }
}

export interface CachedGraph {
  bytes: Uint8Array;
  /** 'hit': read from the cache; 'written': rewritten now and stored; 'uncached': rewritten now, not stored. */
  how: 'hit' | 'written' | 'uncached';
  /** Forget this entry (the caller found the cached bytes unusable). */
  drop(): void;
}

/** The rewritten graph of `shipped` (model `name`), from the cache when it holds this model and this rewrite. */
export function fusedGraph(name: string, shipped: Uint8Array, dir: string | null): CachedGraph {
  if (!dir) return { bytes: fuseGraph(shipped).bytes, how: 'uncached', drop: () => {} };
  const key = createHash('sha1').update(shipped).digest('hex').slice(0, 16);
  const prefix = `${name}-`;
  const file = join(dir, `${prefix}${key}-${rewriteCodeHash()}.onnx`);
  const drop = () => removeQuietly(file);
  const cached = tryRead(file);
  if (cached) return { bytes: cached, how: 'hit', drop };
  const bytes = fuseGraph(shipped).bytes;
  return { bytes, how: tryWrite(dir, file, bytes, prefix) ? 'written' : 'uncached', drop };
}
