/**
 * Stand-ins for the heavy parts of a queue worker and submitter in the in-process
 * queue tests: createPipeline (OCR workers, seconds of dictionary loading) and
 * loadDictionaries. The stub pipeline reads its input as text: "fail:CODE" throws that
 * NoticeError, "flaky" throws a plain error on its first attempt, "slow" takes 150 ms,
 * "hold" waits until the test calls stub.release();
 * anything else becomes a one-page document (a scan for a .pdf, recording the OCR mode
 * and engine; the decisions' fingerprint either way). Used through vi.mock in each file.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ConvertFileOptions, Pipeline, PipelineOptions } from '../../pipeline/convert.ts';
import { decisionsFingerprint } from '../../pipeline/decision-filter.ts';
import { NoticeError, type NoticeErrorCode } from '../../pipeline/errors.ts';
import type { NoticeDocument } from '../../pipeline/schema.ts';
import { PIPELINE_VERSION } from '../../pipeline/version.ts';

export const DICTIONARY_VERSION = 'dict-test';

export const stub = {
  created: [] as PipelineOptions[],
  conversions: [] as string[],
  running: 0,
  maxRunning: 0,
  flakySeen: new Set<string>(),
  held: [] as (() => void)[],
  /** ends every "hold" conversion under way */
  release(): void {
    for (const r of stub.held.splice(0)) r();
  },
};

/** How a stub document was made: a scan records the OCR mode and engine asked for. */
interface StubRun {
  kind?: 'text' | 'pdf';
  ocr?: string;
  engine?: string;
  decisions?: string | null;
}

export function stubDocument(content: string, name: string, run: StubRun = {}): NoticeDocument {
  return {
    pipelineVersion: PIPELINE_VERSION,
    dictionaryVersion: DICTIONARY_VERSION,
    source: { file: name, kind: run.kind ?? 'text', sha256: createHash('sha256').update(content).digest('hex'), pages: [{ number: 1 }] },
    options: { ocr: run.ocr ?? 'auto', decisions: run.decisions ?? null, ...(run.engine ? { engine: run.engine } : {}) },
    text: content.toUpperCase(),
    warnings: content.includes('warn') ? [{ code: 'W', message: `${name}: warned` }] : [],
    corrections: [],
    notice: { problemCount: content.length },
  } as unknown as NoticeDocument;
}

export function createStubPipeline(options: PipelineOptions): Pipeline {
  stub.created.push(options);
  return {
    dictionaryVersion: DICTIONARY_VERSION,
    runOptions: (_sha, ocr) => ({ ocr, decisions: null }),
    convertText: () => {
      throw new Error('not used by the queue');
    },
    async convertFile(path: string, opts?: ConvertFileOptions) {
      const content = await readFile(path, 'utf8');
      const name = opts?.name ?? path;
      stub.conversions.push(name);
      stub.running++;
      stub.maxRunning = Math.max(stub.maxRunning, stub.running);
      try {
        if (content.startsWith('hold')) await new Promise<void>((r) => stub.held.push(r));
        else await new Promise((r) => setTimeout(r, content.startsWith('slow') ? 150 : 5));
        const code = /^fail:(\w+)/.exec(content)?.[1];
        if (code) throw new NoticeError(code as NoticeErrorCode, 'scripted failure', { file: path });
        if (content.startsWith('flaky') && !stub.flakySeen.has(name)) {
          stub.flakySeen.add(name);
          throw new Error('worker ran out of memory');
        }
        const decisions = decisionsFingerprint(opts?.decisions);
        if (extname(path) !== '.pdf') return stubDocument(content, name, { decisions });
        return stubDocument(content, name, { kind: 'pdf', ocr: opts?.ocr ?? 'auto', engine: options.engine ?? 'ppocr', decisions });
      } finally {
        stub.running--;
      }
    },
    close: async () => {},
  };
}

/** What the submit/worker tests put in place of pipeline/convert.ts and pipeline/correct/index.ts (vi.mock factories). */
export const stubConvertModule = { createPipeline: createStubPipeline };
export const stubCorrectModule = { loadDictionaries: () => ({ version: DICTIONARY_VERSION }) };
