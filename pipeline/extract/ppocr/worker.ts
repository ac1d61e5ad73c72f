/**
 * A PP-OCR worker thread: creates its model sessions once, then reads one page at a time
 * ({ id, pgm, claim } → { id, page } or { id, error }). onnxruntime-node runs a model
 * synchronously on the calling thread, so parallel pages need one thread each.
 *
 * Every page is posted to every thread of the pool (engine.ts); a thread that is free takes
 * the oldest page no other thread has claimed (`claim`, one shared Int32: 0 free, else the
 * claiming thread's number) and skips the rest, so the first free thread reads the next page
 * without waiting for the main thread, whose event loop may be busy (the corrector's build).
 * A thread with no page left helps read the line batches of pages still being read
 * (line-sharing.ts).
 */
import { BroadcastChannel, parentPort, workerData } from 'node:worker_threads';
import { LineSharing } from './line-sharing.ts';
import { parsePgm } from './gray.ts';
import { createSession } from './models.ts';
import type { PageOptions } from './page.ts';
import { readPage } from './page.ts';

export interface WorkerConfig {
  threads: number;
  page: PageOptions;
  /** this thread's number in its pool, from 1 (what it writes into a page's claim) */
  number: number;
  /** the pool's BroadcastChannel for shared line batches (line-sharing.ts); '' for a pool of one */
  channel: string;
}
/** `pgm` and `claim` are views of SharedArrayBuffers: the same page reaches every thread of the pool */
export type WorkerRequest = { id: number; pgm: Uint8Array; claim: Int32Array };
export type WorkerReply = { id: number; page?: import('../ocr.ts').OcrPage; error?: string } | { ready: true } | { failed: string };

const port = parentPort;
if (!port) throw new Error('ppocr/worker.ts runs as a worker thread');
const config = workerData as WorkerConfig;

try {
  const [det, rec] = await Promise.all([createSession('det', { threads: config.threads }), createSession('rec', { threads: config.threads })]);
  const sharing = config.channel ? new LineSharing(new BroadcastChannel(config.channel), config.number, rec, config.page) : null;
  const waiting: WorkerRequest[] = [];
  let reading = false;
  const readOne = async (req: WorkerRequest): Promise<void> => {
    try {
      const page = await readPage({ det, rec }, parsePgm(req.pgm), config.page, sharing ? (img, boxes) => sharing.read(req.id, req.pgm, img, boxes) : undefined);
      port.postMessage({ id: req.id, page } satisfies WorkerReply);
    } catch (e) {
      port.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
    }
  };
  /** Pages in the order posted, each claimed here only when this thread is free; with none left, another thread's lines. */
  const readWaiting = async (): Promise<void> => {
    reading = true;
    for (;;) {
      const req = waiting.shift();
      if (req) {
        if (Atomics.compareExchange(req.claim, 0, 0, config.number) === 0) await readOne(req);
      } else if (!(await sharing?.helpOne())) break;
    }
    reading = false;
  };
  if (sharing)
    sharing.onOffer = () => {
      if (!reading) void readWaiting();
    };
  port.on('message', (req: WorkerRequest) => {
    waiting.push(req);
    if (!reading) void readWaiting();
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
} catch (e) {
  port.postMessage({ failed: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
}
