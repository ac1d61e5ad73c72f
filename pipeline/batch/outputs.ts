/**
 * What a finished input leaves in --out, shared by `convert` and `submit` so both
 * write the same names and the same bytes: DIR/<name>.txt then DIR/<name>.json
 * (atomically; the .json last, so its presence means both are complete), the
 * up-to-date test for resume, run-report.json and the exit code.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashFile } from '../io/hash-file.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import type { NoticeDocument, RunOptions } from '../schema.ts';
import { PIPELINE_VERSION } from '../version.ts';
import type { FileResult } from './run-batch.ts';
import { paragraphText, serialiseDocument } from './serialise.ts';

/** The two output files of one document, as text. */
export interface RenderedOutputs {
  json: string;
  txt: string;
}

/** The counts a FileResult carries, read off a document. */
export interface DocumentStats {
  warnings: number;
  corrections: number;
  problems: number;
  pages: number;
}

export function renderOutputs(doc: NoticeDocument): RenderedOutputs {
  return { json: serialiseDocument(doc), txt: paragraphText(doc) };
}

export function documentStats(doc: NoticeDocument): DocumentStats {
  return { warnings: doc.warnings.length, corrections: doc.corrections.length, problems: doc.notice.problemCount, pages: doc.source.pages.length };
}

export const outputJsonPath = (out: string, outName: string): string => join(out, `${outName}.json`);

export async function writeOutputs(out: string, outName: string, rendered: RenderedOutputs): Promise<void> {
  await writeFileAtomic(join(out, `${outName}.txt`), rendered.txt);
  await writeFileAtomic(outputJsonPath(out, outName), rendered.json);
}

/** What an up-to-date output must have been made with: versions and the output-changing options for an input's hash. */
export interface Expected {
  dictionaryVersion: string;
  runOptions: (sha256: string) => RunOptions;
}

/**
 * True when jsonPath was made from this input's bytes by this pipeline and dictionary version
 * with the same output-changing options (OCR mode, for inputs that are not text; the reviewer
 * decisions for this input).
 */
export async function upToDate(jsonPath: string, input: string, expected: Expected): Promise<boolean> {
  try {
    const prev = JSON.parse(await readFile(jsonPath, 'utf8')) as Partial<NoticeDocument>;
    if (prev.pipelineVersion !== PIPELINE_VERSION || prev.dictionaryVersion !== expected.dictionaryVersion) return false;
    const sha = await hashFile(input);
    if (prev.source?.sha256 !== sha) return false;
    const want = expected.runOptions(sha);
    if (prev.source.kind !== 'text' && (prev.options?.ocr !== want.ocr || prev.options?.engine !== want.engine)) return false;
    return (prev.options?.decisions ?? null) === want.decisions;
  } catch {
    return false;
  }
}

export async function writeRunReport(out: string, dictionaryVersion: string, results: readonly FileResult[]): Promise<void> {
  const report = {
    pipelineVersion: PIPELINE_VERSION,
    dictionaryVersion,
    files: results.map(({ seconds: _s, ...r }) => r),
  };
  await writeFileAtomic(join(out, 'run-report.json'), `${JSON.stringify(report, null, 2)}\n`);
}

/** 1 when an input failed, 2 with --strict when one has warnings, else 0. */
export function batchExitCode(results: readonly FileResult[], strict: boolean): number {
  const failed = results.some((r) => r.status === 'failed');
  const warned = results.some((r) => r.warnings > 0);
  return failed ? 1 : strict && warned ? 2 : 0;
}
