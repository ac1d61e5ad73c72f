/**
 * The submitter's side of a job: read an input (refusing one over the cap before
 * reading it), hash it, and bundle the output-changing options convert would use.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import type { DecisionLookup } from '../decision-filter.ts';
import { NoticeError } from '../errors.ts';
import { PIPELINE_VERSION } from '../version.ts';
import { jobIdOf, MB, type JobData, type JobOptions, type UserDictionary } from './job.ts';

export interface JobSettings {
  ocr: JobOptions['ocr'];
  engine: JobOptions['engine'];
  userDictionaries: UserDictionary[];
  decisions?: DecisionLookup;
  dictionaryVersion: string;
  maxInputBytes: number;
}

export async function readUserDictionaries(files: readonly string[]): Promise<UserDictionary[]> {
  return Promise.all(
    files.map(async (f) => ({ basename: basename(f), folder: basename(dirname(f)), content: await readFile(f, 'utf8') })),
  );
}

export async function jobFor(path: string, name: string, s: JobSettings): Promise<{ id: string; data: JobData }> {
  const size = (await stat(path).catch((cause) => {
    throw new NoticeError('NOT_FOUND', 'no such file', { file: name, cause });
  })).size;
  if (size > s.maxInputBytes) {
    throw new NoticeError('INPUT_TOO_LARGE', `${(size / MB).toFixed(1)} MB is over the queue's input cap of ${(s.maxInputBytes / MB).toFixed(1)} MB (--max-input-mb)`, { file: name });
  }
  const bytes = await readFile(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const d = s.decisions?.(sha256);
  const options: JobOptions = {
    ocr: s.ocr,
    engine: s.engine,
    userDictionaries: s.userDictionaries,
    decisions: d ? { rejected: [...d.rejected].sort(), accepted: [...d.accepted].sort() } : null,
  };
  const meta = { name, extension: extname(path), sha256, options, pipelineVersion: PIPELINE_VERSION, dictionaryVersion: s.dictionaryVersion };
  return { id: jobIdOf(meta), data: { ...meta, bytes: bytes.toString('base64') } };
}
