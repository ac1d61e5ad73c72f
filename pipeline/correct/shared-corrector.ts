/**
 * One corrector per set of dictionary files in a process. Building one (reading and
 * validating the files, parsing jieba's word list, the indexes and the genre model)
 * costs one to two seconds; a program that creates several pipelines over the same
 * dictionaries — a library user, the queue worker, the CLI's commands run in one
 * process — builds it once. The key is every file's path, size and modification
 * time (the dictionary files, the model files of the folder, jieba's list), so a
 * file edited between two pipelines is read again.
 *
 * A process started from the corrector's start-up snapshot (snapshot-entry.ts) finds the
 * corrector already built, with the signature of the files it was built from: it is
 * taken when those files are still the same, else the files are read as without it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileStamps } from '../io/file-stamps.ts';
import { DEFAULT_DICT_DIR, dictionaryFiles, dictionaryVersion, jiebaPath, loadDictionaries, MODEL_FILES } from './dictionaries.ts';
import { createCorrector } from './index.ts';
import type { Corrector } from './types.ts';

/** Correctors kept (most recent last): enough for a default and a user-dictionary pipeline side by side. */
const KEPT = 2;
const kept = new Map<string, Corrector>();

export function sharedCorrector(opts: { dir?: string; userFiles?: string[] } = {}): Corrector {
  const key = dictionarySignature(opts.dir ?? DEFAULT_DICT_DIR, opts.userFiles ?? []);
  const known = key === null ? undefined : (kept.get(key) ?? fromSnapshot(key));
  if (known) {
    kept.delete(key!);
    kept.set(key!, known);
    return known;
  }
  const corrector = createCorrector(loadDictionaries({ ...opts, knownVersion: key === null ? undefined : versions.get(key) }));
  if (key !== null) {
    kept.set(key, corrector);
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  }
  return corrector;
}

const versions = new Map<string, string>();

/**
 * The version of the corrector sharedCorrector(opts) gives, without building it when it is not
 * built yet (the files are hashed, not parsed): a pipeline knows its version before its first document.
 */
export function sharedDictionaryVersion(opts: { dir?: string; userFiles?: string[] } = {}): string {
  const key = dictionarySignature(opts.dir ?? DEFAULT_DICT_DIR, opts.userFiles ?? []);
  const known = key === null ? undefined : (kept.get(key)?.dictionaryVersion ?? versions.get(key) ?? fromSnapshot(key)?.dictionaryVersion);
  if (known) return known;
  const version = dictionaryVersion(opts);
  if (key !== null) versions.set(key, version);
  return version;
}

/** What a start-up snapshot holds: a built corrector and the signature of the files it read. */
export interface SnapshotCorrector {
  signature: string;
  corrector: Corrector;
}
export const SNAPSHOT_CORRECTOR = Symbol.for('notice-pipeline.snapshot-corrector');

function fromSnapshot(key: string): Corrector | undefined {
  const held = (globalThis as { [SNAPSHOT_CORRECTOR]?: SnapshotCorrector })[SNAPSHOT_CORRECTOR];
  return held?.signature === key ? held.corrector : undefined;
}

/** path, size and mtime of every file the dictionaries are read from; null when one cannot be listed (loading then reports it) */
export function dictionarySignature(dir: string, userFiles: readonly string[]): string | null {
  try {
    const models = MODEL_FILES.map((f) => join(dir, f)).filter((f) => existsSync(f));
    return fileStamps([...dictionaryFiles(dir, userFiles), ...models, jiebaPath()]);
  } catch {
    return null;
  }
}
