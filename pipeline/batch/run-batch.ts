/**
 * Convert many inputs: each file is isolated (its failure is data, never a crash),
 * outputs are written atomically, finished outputs are skipped on re-run when the
 * input hash, pipeline version, dictionary version and the output-changing options
 * (OCR mode, for inputs that are not text; the reviewer decisions for this input)
 * all match (resume).
 */
import type { ConvertFileOptions, Pipeline } from '../convert.ts';
import { isNoticeError } from '../errors.ts';
import type { NoticeDocument } from '../schema.ts';
import type { BatchInput } from './collect-inputs.ts';
import { documentStats, outputJsonPath, renderOutputs, upToDate, writeOutputs } from './outputs.ts';

export type FileStatus = 'converted' | 'skipped' | 'failed';

export interface FileResult {
  input: string;
  output: string | null;
  status: FileStatus;
  warnings: number;
  corrections: number;
  problems: number;
  pages: number;
  error?: { code: string; message: string };
  seconds: number;
}

export type BatchEvent =
  | { type: 'start'; total: number }
  | { type: 'file-start'; input: string }
  | { type: 'file-done'; result: FileResult }
  | { type: 'end'; results: FileResult[] };

export interface BatchOptions {
  out: string | null;
  jobs: number;
  force: boolean;
  ocr: NonNullable<ConvertFileOptions['ocr']>;
  /** called with each finished document (e.g. --jsonl to stdout) */
  onDocument?: (doc: NoticeDocument) => void;
  onEvent?: (e: BatchEvent) => void;
}

async function convertOne(pipeline: Pipeline, item: BatchInput, opts: BatchOptions): Promise<FileResult> {
  const t0 = performance.now();
  const jsonPath = opts.out ? outputJsonPath(opts.out, item.outName) : null;
  const base = { input: item.name ?? item.path, output: jsonPath, warnings: 0, corrections: 0, problems: 0, pages: 0 };
  const seconds = () => (performance.now() - t0) / 1000;
  try {
    if (jsonPath && !opts.force && (await upToDate(jsonPath, item.path, { dictionaryVersion: pipeline.dictionaryVersion, runOptions: (sha) => pipeline.runOptions(sha, opts.ocr) }))) {
      return { ...base, status: 'skipped', seconds: seconds() };
    }
    const doc = await pipeline.convertFile(item.path, { ocr: opts.ocr, name: item.name ?? item.path });
    if (opts.out) await writeOutputs(opts.out, item.outName, renderOutputs(doc));
    opts.onDocument?.(doc);
    return { ...base, status: 'converted', ...documentStats(doc), seconds: seconds() };
  } catch (e) {
    // the dictionaries are everyone's: a broken one stops the batch rather than failing every file alike
    if (isNoticeError(e) && e.code === 'DICTIONARY_INVALID') throw e;
    const error = isNoticeError(e)
      ? { code: e.code, message: e.message }
      : { code: 'INTERNAL', message: `${item.name ?? item.path}: ${e instanceof Error ? e.message : String(e)}` };
    return { ...base, output: null, status: 'failed', error, seconds: seconds() };
  }
}

export async function runBatch(pipeline: Pipeline, inputs: readonly BatchInput[], opts: BatchOptions): Promise<FileResult[]> {
  opts.onEvent?.({ type: 'start', total: inputs.length });
  const results: FileResult[] = new Array(inputs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length) {
      const i = next++;
      opts.onEvent?.({ type: 'file-start', input: inputs[i].name ?? inputs[i].path });
      results[i] = await convertOne(pipeline, inputs[i], opts);
      opts.onEvent?.({ type: 'file-done', result: results[i] });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.jobs, inputs.length)) }, worker));
  opts.onEvent?.({ type: 'end', results });
  return results;
}
