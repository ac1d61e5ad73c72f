/**
 * Library entry point.
 *
 *   import { convertText, createPipeline } from 'notice-pipeline';
 *   const doc = convertText(ocrText);              // bundled dictionaries, created once
 *   const p = createPipeline({ workers: 2 });      // PDFs and images too; engine: 'ppocr' (default) | 'tesseract'
 *   try { const doc = await p.convertFile('scan.pdf'); } finally { await p.close(); }
 */
export { convertText, createPipeline, type Pipeline, type PipelineOptions, type ConvertFileOptions } from './convert.ts';
export { NoticeError, isNoticeError, type NoticeErrorCode } from './errors.ts';
export { noticeJsonSchema } from './json-schema.ts';
export * from './schema.ts';
export { applyChanges } from './tracked-text.ts';
