/**
 * A PP-OCR worker thread: creates its model sessions once, then reads one page per
 * message ({ id, pgm } → { id, page } or { id, error }). onnxruntime-node runs a model
 * synchronously on the calling thread, so parallel pages need one thread each.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parsePgm } from './gray.ts';
import { createSession } from './models.ts';
import type { PageOptions } from './page.ts';
import { readPage } from './page.ts';

export interface WorkerConfig {
  threads: number;
  page: PageOptions;
}
export type WorkerRequest = { id: number; pgm: Uint8Array };
export type WorkerReply = { id: number; page?: import('../ocr.ts').OcrPage; error?: string } | { ready: true } | { failed: string };

const port = parentPort;
if (!port) throw new Error('ppocr/worker.ts runs as a worker thread');
const config = workerData as WorkerConfig;

try {
  const [det, rec] = await Promise.all([createSession('det', { threads: config.threads }), createSession('rec', { threads: config.threads })]);
  port.on('message', async (req: WorkerRequest) => {
    try {
      const pgm = Buffer.from(req.pgm.buffer, req.pgm.byteOffset, req.pgm.byteLength);
      const page = await readPage({ det, rec }, parsePgm(pgm), config.page);
      port.postMessage({ id: req.id, page } satisfies WorkerReply);
    } catch (e) {
      port.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
    }
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
} catch (e) {
  port.postMessage({ failed: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
}
