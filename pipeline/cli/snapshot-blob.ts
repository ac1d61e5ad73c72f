/**
 * The corrector's start-up snapshot (correct/snapshot-entry.ts), for the launcher
 * (bin/notice.mjs): which runs start from it, and the blob for this node and these node
 * flags, found in the cache folder or built there (~6 s, once per node version, flag set,
 * build and set of dictionary files).
 *
 * Conversions with the bundled dictionaries start from it, of text and of scans alike. Measured (README,
 * "Speed"): a one-line text conversion starts in ~1.0 s instead of ~1.8 s; an 8-page scan on one core takes
 * ~0.6 s less (12.7–12.9 s against 13.3–13.6 s). Node keeps the whole blob (~140 MB) in memory while the
 * process runs: the 8-page scan peaks at ~1.0 GB instead of ~0.84 GB (under the 1.2 GB the scanned path is
 * held to, since the PP-OCR sessions run without onnxruntime's memory pattern).
 *
 * A blob is named by hashes of the node version and flags (a blob only starts a node built and
 * flagged as the one that made it) and of the bundle and every dictionary file's path, size and
 * time; it is written under a temporary name, started once as a check, then renamed, so no
 * half-written or unstartable blob is ever used; while one process builds it, others start
 * without it. Anything that fails leaves the normal start.
 * NOTICE_SNAPSHOT=off turns it off; NOTICE_CACHE_DIR moves the cache ("" turns caches off).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { collectInputs } from '../batch/collect-inputs.ts';
import { cacheDir } from '../io/cache-dir.ts';
import { fileStamps } from '../io/file-stamps.ts';
import { CONVERT_OPTIONS } from './convert-options.ts';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = join(DIST, 'correct', 'corrector-snapshot.cjs');
const DICTIONARIES = join(DIST, '..', 'dictionaries');
/** the CLI build the bundle must not be older than (both come from `npm run build`) */
const CLI = join(DIST, 'cli', 'main.js');
const BUILD_TIMEOUT_MS = 180_000;

/** The blob a `notice <argv>` run started with node `flags` should start from, or null. */
export async function snapshotBlobFor(argv: readonly string[], flags: readonly string[]): Promise<string | null> {
  if (process.env.NOTICE_SNAPSHOT === 'off' || !(await convertsWithBundledDictionaries(argv))) return null;
  return snapshotBlob(flags);
}

/** `convert` of inputs that exist (named, in folders, or "-"), with the bundled dictionaries only. */
export async function convertsWithBundledDictionaries(argv: readonly string[]): Promise<boolean> {
  if (argv[0] !== 'convert') return false;
  let parsed;
  try {
    parsed = parseArgs({ args: argv.slice(1), options: CONVERT_OPTIONS, allowPositionals: true });
  } catch {
    return false; // the command reports it
  }
  const { values, positionals } = parsed;
  if (values.help || values.dict.length > 0 || positionals.length === 0) return false;
  const files = positionals.filter((p) => p !== '-');
  if (files.length === 0) return true;
  const inputs = await collectInputs(files).catch(() => null);
  return inputs !== null && inputs.length > 0;
}

/** The blob for node `flags`: the cached one, else one built now; null when none can be had. */
export function snapshotBlob(flags: readonly string[]): string | null {
  try {
    if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < statSync(CLI).mtimeMs) return null;
    const jieba = join(dirname(createRequire(import.meta.url).resolve('@node-rs/jieba/package.json')), 'dict.txt');
    const dir = cacheDir(jieba, 'snapshot');
    if (!dir) return null;
    const flagKey = digest([process.version, process.arch, ...flags].join('\0')).slice(0, 8);
    const key = digest(readFileSync(BUNDLE), fileStamps(filesUnder([DICTIONARIES, jieba]))).slice(0, 16);
    const blob = join(dir, `corrector-${flagKey}-${key}.blob`);
    if (existsSync(blob)) return blob;
    return beingBuilt(blob) ? null : buildBlob(blob, flags, flagKey);
  } catch {
    return null;
  }
}

/** another process is building this blob (its temporary file is younger than a build may take): this run starts without */
function beingBuilt(blob: string): boolean {
  const dir = dirname(blob);
  const prefix = `${blob.slice(dir.length + 1)}.`;
  try {
    return readdirSync(dir).some((n) => n.startsWith(prefix) && n.endsWith('.tmp') && Date.now() - statSync(join(dir, n)).mtimeMs < BUILD_TIMEOUT_MS);
  } catch {
    return false; // no folder yet
  }
}

function buildBlob(blob: string, flags: readonly string[], flagKey: string): string | null {
  const dir = dirname(blob);
  mkdirSync(dir, { recursive: true });
  const tmp = `${blob}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, ''); // marks the build for other processes until node writes the blob over it
    const built = spawnSync(process.execPath, [...flags, '--snapshot-blob', tmp, '--build-snapshot', BUNDLE], { stdio: 'ignore', timeout: BUILD_TIMEOUT_MS });
    if (built.status !== 0) return null;
    const check = spawnSync(process.execPath, [...flags, '--snapshot-blob', tmp], { stdio: 'ignore', timeout: BUILD_TIMEOUT_MS, env: { ...process.env, NOTICE_SNAPSHOT_CHECK: '1' } });
    if (check.status !== 0) return null;
    renameSync(tmp, blob);
  } finally {
    rmSync(tmp, { force: true });
  }
  // blobs of these flags from older builds or dictionaries are stale
  for (const name of readdirSync(dir)) if (name.startsWith(`corrector-${flagKey}-`) && name.endsWith('.blob') && join(dir, name) !== blob) rmSync(join(dir, name), { force: true });
  return blob;
}

/** every file under `roots` (files or folders), sorted */
function filesUnder(roots: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (p: string): void => {
    if (statSync(p).isDirectory()) for (const name of readdirSync(p)) visit(join(p, name));
    else files.push(p);
  };
  roots.forEach(visit);
  return files.sort();
}

function digest(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}
