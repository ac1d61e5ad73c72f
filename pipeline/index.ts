/**
 * Library entry point.
 *
 *   import { convertText, createPipeline } from 'notice-pipeline';
 *   const doc = convertText(ocrText);              // bundled dictionaries, created once
 *   const p = createPipeline({ workers: 2 });      // PDFs and images too; engine: 'ppocr' (default) | 'tesseract'
 *   try { const doc = await p.convertFile('scan.pdf'); } finally { await p.close(); }
 *
 *   const w = startWorker({ redis: 'redis://127.0.0.1:6379' });   // queue worker; await w.close()
 *   const { results } = await submitInputs(await collectInputs(['scans/']), { redis, out: 'out' });
 */
export { convertText, createPipeline, type Pipeline, type PipelineOptions, type ConvertFileOptions } from './convert.ts';
export { NoticeError, isNoticeError, type NoticeErrorCode } from './errors.ts';
export { noticeJsonSchema } from './json-schema.ts';
export * from './schema.ts';
export { applyChanges } from './tracked-text.ts';
export { assignUniqueNames, collectInputs, type BatchInput } from './batch/collect-inputs.ts';
export type { FileResult } from './batch/run-batch.ts';
export { startWorker, type RunningWorker, type WorkerOptions } from './queue/worker.ts';
export { submitInputs, type SubmitOptions } from './queue/submit.ts';
