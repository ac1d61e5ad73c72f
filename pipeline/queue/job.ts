/**
 * What travels through Redis. A job carries everything a worker on another machine
 * needs to convert exactly as `convert` would here: the input's bytes, the name
 * recorded in the output, and every output-changing option. Its id is a hash of
 * all of that plus the versions, so a re-submit finds the queued or finished job
 * instead of adding a second one.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { PIPELINE_VERSION } from '../version.ts';

export const MB = 1024 * 1024;
/** default cap on an input's size (bytes before base64) */
export const DEFAULT_MAX_INPUT_BYTES = 64 * MB;
/** default cap on a result's size (the JSON and .txt together, UTF-8 bytes) */
export const DEFAULT_MAX_RESULT_BYTES = 128 * MB;

/** One queue per pipeline version: workers of another release never take its jobs. */
export const queueNameFor = (version: string = PIPELINE_VERSION): string => `notice-convert-${version.replace(/[^\w.-]/g, '_')}`;

export const UserDictionary = z.object({
  /** file name: the kind is read from it and it goes into the dictionary version hash */
  basename: z.string().min(1).regex(/^[^/\\]+$/),
  /** name of the folder it was in (a *.txt in a `corpus` folder is a corpus file) */
  folder: z.string(),
  content: z.string(),
});
export type UserDictionary = z.infer<typeof UserDictionary>;

export const JobOptions = z.object({
  ocr: z.enum(['auto', 'always', 'never']),
  engine: z.enum(['ppocr', 'tesseract']),
  userDictionaries: z.array(UserDictionary),
  /** this input's reviewer decisions (already filtered by its sha256), ids sorted */
  decisions: z.object({ rejected: z.array(z.string()), accepted: z.array(z.string()) }).nullable(),
});
export type JobOptions = z.infer<typeof JobOptions>;

export const JobData = z.object({
  /** the name recorded in source.file and in error messages (the submitter's path) */
  name: z.string(),
  /** e.g. ".pdf"; the worker's temporary copy gets it */
  extension: z.string().regex(/^(\.[^/\\]*)?$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.string(),
  options: JobOptions,
  pipelineVersion: z.string(),
  dictionaryVersion: z.string(),
});
export type JobData = z.infer<typeof JobData>;

export const JobResult = z.object({
  json: z.string(),
  txt: z.string(),
  stats: z.object({ warnings: z.number(), corrections: z.number(), problems: z.number(), pages: z.number() }),
});
export type JobResult = z.infer<typeof JobResult>;

/** BullMQ ids may not contain ':' and must not look like integers. */
export function jobIdOf(d: Omit<JobData, 'bytes'>): string {
  const key = JSON.stringify([d.sha256, d.name, d.extension, d.options, d.pipelineVersion, d.dictionaryVersion]);
  return `n${createHash('sha256').update(key).digest('hex')}`;
}

/** A failed job's reason as the worker wrote it: "CODE: message" for a NoticeError. */
export function parseFailedReason(reason: string, name: string): { code: string; message: string } {
  const m = /^([A-Z][A-Z_]+): ([\s\S]*)$/.exec(reason);
  return m ? { code: m[1], message: m[2] } : { code: 'INTERNAL', message: `${name}: ${reason}` };
}
