/**
 * The worker's side of one job, a plain async function: check versions, write the
 * input to a private temporary folder (workers share no filesystem with the
 * submitter), convert with the pipeline for the job's dictionaries, and return
 * the rendered outputs exactly as `convert` writes them.
 */
import type { EngineName } from '../extract/ocr.ts';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentStats, renderOutputs } from '../batch/outputs.ts';
import type { Pipeline } from '../convert.ts';
import { NoticeError } from '../errors.ts';
import type { NoticeDocument } from '../schema.ts';
import { PIPELINE_VERSION } from '../version.ts';
import { JobData, type JobResult, type UserDictionary } from './job.ts';

export interface JobContext {
  /** the pipeline for a set of user dictionaries (created once per set, then reused) */
  pipelineFor(dictionaries: UserDictionary[], engine: EngineName, dir: () => Promise<string>): Promise<Pipeline>;
  maxResultBytes: number;
}

/** Paths of the worker's temporary copies are replaced by the submitter's name in every message. */
const relabel = (text: string, tmpPath: string, name: string): string => text.split(tmpPath).join(name);

function relabelDocument(doc: NoticeDocument, tmpPath: string, name: string): NoticeDocument {
  if (!doc.warnings.some((w) => w.message.includes(tmpPath))) return doc;
  return { ...doc, warnings: doc.warnings.map((w) => ({ ...w, message: relabel(w.message, tmpPath, name) })) };
}

export async function convertJob(raw: unknown, ctx: JobContext): Promise<JobResult> {
  const parsed = JobData.safeParse(raw);
  if (!parsed.success) throw new NoticeError('BAD_JOB', `job data does not match this worker's schema: ${parsed.error.issues[0]?.message}`);
  const data = parsed.data;
  if (data.pipelineVersion !== PIPELINE_VERSION) {
    throw new NoticeError('VERSION_MISMATCH', `job made for pipeline ${data.pipelineVersion}, this worker runs ${PIPELINE_VERSION}`, { file: data.name });
  }
  const dir = await mkdtemp(join(tmpdir(), 'notice-job-'));
  try {
    const pipeline = await ctx.pipelineFor(data.options.userDictionaries, data.options.engine, async () => {
      await mkdir(join(dir, 'dicts'));
      return join(dir, 'dicts');
    });
    if (pipeline.dictionaryVersion !== data.dictionaryVersion) {
      throw new NoticeError('VERSION_MISMATCH', `job made with dictionaries ${data.dictionaryVersion}, this worker has ${pipeline.dictionaryVersion}`, { file: data.name });
    }
    const input = join(dir, `input${data.extension}`);
    await writeFile(input, Buffer.from(data.bytes, 'base64'));
    const d = data.options.decisions;
    let doc: NoticeDocument;
    try {
      doc = await pipeline.convertFile(input, {
        ocr: data.options.ocr,
        name: data.name,
        ...(d ? { decisions: { rejected: new Set(d.rejected), accepted: new Set(d.accepted) } } : {}),
      });
    } catch (e) {
      if (e instanceof NoticeError) throw new NoticeError(e.code, relabel(e.message, input, data.name), { cause: e });
      throw e;
    }
    const result = { ...renderOutputs(relabelDocument(doc, input, data.name)), stats: documentStats(doc) };
    const size = Buffer.byteLength(result.json) + Buffer.byteLength(result.txt);
    if (size > ctx.maxResultBytes) {
      throw new NoticeError('RESULT_TOO_LARGE', `result is ${size} bytes, over the queue's cap of ${ctx.maxResultBytes}`, { file: data.name });
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
