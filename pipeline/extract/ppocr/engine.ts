/**
 * The PP-OCR engine: a pool of `workers` threads (each with its own det + rec
 * sessions, created once and reused for every page), started on first need.
 * A page goes to the least busy thread; the extractor caps pages in flight.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { OcrEngine, OcrPage } from '../ocr.ts';
import type { DetectOptions } from './detect.ts';
import type { WorkerConfig, WorkerReply } from './worker.ts';

export interface PpocrConfig {
  workers?: number;
  /** intraOpNumThreads per session (README.md: 1 measured best). */
  threads?: number;
  detect?: DetectOptions;
  batchSize?: number;
  /** Line-crop width scale (1 = as printed; README.md: narrower is faster and reads worse). */
  widthScale?: number;
}

interface Slot {
  worker: Worker;
  busy: number;
}
type Pending = { resolve: (p: OcrPage) => void; reject: (e: Error) => void; slot: Slot };

/** The worker module: TypeScript under tsx/vitest (registered in the thread), JavaScript in dist/. */
function spawn(config: WorkerConfig): Worker {
  const url = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: config });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(url.href)}))`;
  return new Worker(boot, { eval: true, workerData: config });
}

export class PpocrEngine implements OcrEngine {
  readonly name = 'ppocr' as const;
  readonly workers: number;
  private readonly config: WorkerConfig;
  private slots: Promise<Slot[]> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly spawned: Worker[] = [];

  constructor(config: PpocrConfig = {}) {
    this.workers = Math.max(1, config.workers ?? availableParallelism());
    this.config = { threads: Math.max(1, config.threads ?? 1), page: { detect: config.detect, batchSize: config.batchSize, widthScale: config.widthScale } };
  }

  get started(): boolean {
    return this.slots !== null;
  }

  private start(): Promise<Slot[]> {
    this.slots ??= Promise.all(Array.from({ length: this.workers }, () => this.startOne()));
    return this.slots;
  }

  private startOne(): Promise<Slot> {
    return new Promise((resolve, reject) => {
      const slot: Slot = { worker: spawn(this.config), busy: 0 };
      this.spawned.push(slot.worker);
      slot.worker.on('message', (m: WorkerReply) => {
        if ('ready' in m) return resolve(slot);
        if ('failed' in m) return reject(new Error(`PP-OCR models could not be loaded: ${m.failed}`));
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        p.slot.busy--;
        if (m.page) p.resolve(m.page);
        else p.reject(new Error(m.error ?? 'PP-OCR worker gave no page'));
      });
      slot.worker.on('error', (e) => {
        reject(e);
        this.failAll(slot, e);
      });
      slot.worker.on('exit', (code) => this.failAll(slot, new Error(`PP-OCR worker exited (code ${code})`)));
    });
  }

  private failAll(slot: Slot, e: Error): void {
    for (const [id, p] of this.pending) {
      if (p.slot !== slot) continue;
      this.pending.delete(id);
      p.reject(e);
    }
  }

  async recognize(image: Buffer): Promise<OcrPage> {
    const slots = await this.start();
    const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    const copy = new Uint8Array(image); // transferred to the thread, the caller's buffer stays intact
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      slot.busy++;
      slot.worker.postMessage({ id, pgm: copy }, [copy.buffer]);
    });
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = null;
    await slots?.catch(() => undefined);
    await Promise.all(this.spawned.splice(0).map((w) => w.terminate()));
  }
}
