/**
 * The PP-OCR engine: a pool of `workers` threads (each with its own det + rec
 * sessions, created once and reused for every page), started on first need.
 * Every page is offered to every thread and read by the first one free (worker.ts); the
 * extractor caps pages in flight.
 */
import { availableParallelism } from 'node:os';
import { BroadcastChannel, Worker } from 'node:worker_threads';
import type { SharingMessage } from './line-sharing.ts';
import type { OcrEngine, OcrPage } from '../ocr.ts';
import type { DetectOptions } from './detect.ts';
import type { WorkerConfig, WorkerReply, WorkerRequest } from './worker.ts';

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
  /** from 1: what the thread writes into the claim of a page it reads */
  number: number;
  alive: boolean;
}
type Pending = { resolve: (p: OcrPage) => void; reject: (e: Error) => void; claim: Int32Array };

/** The worker module: TypeScript under tsx/vitest (registered in the thread), JavaScript in dist/. */
function spawn(config: WorkerConfig): Worker {
  const url = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: config });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(url.href)}))`;
  return new Worker(boot, { eval: true, workerData: config });
}

let poolSerial = 0;

export class PpocrEngine implements OcrEngine {
  readonly name = 'ppocr' as const;
  readonly workers: number;
  private readonly config: Omit<WorkerConfig, 'number' | 'channel'>;
  private slots: Promise<Slot[]> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly spawned: Slot[] = [];
  /** the BroadcastChannel name of this pool's shared line batches (line-sharing.ts) */
  private readonly channel = `notice-ppocr-lines-${process.pid}-${poolSerial++}`;

  constructor(config: PpocrConfig = {}) {
    this.workers = Math.max(1, config.workers ?? availableParallelism());
    this.config = { threads: Math.max(1, config.threads ?? 1), page: { detect: config.detect, batchSize: config.batchSize, widthScale: config.widthScale } };
  }

  get started(): boolean {
    return this.slots !== null;
  }

  private start(): Promise<Slot[]> {
    this.slots ??= Promise.all(Array.from({ length: this.workers }, (_, i) => this.startOne(i + 1)));
    return this.slots;
  }

  private startOne(number: number): Promise<Slot> {
    return new Promise((resolve, reject) => {
      const slot: Slot = { worker: spawn({ ...this.config, number, channel: this.workers > 1 ? this.channel : '' }), number, alive: true };
      this.spawned.push(slot);
      slot.worker.on('message', (m: WorkerReply) => {
        if ('ready' in m) return resolve(slot);
        if ('failed' in m) return reject(new Error(`PP-OCR models could not be loaded: ${m.failed}`));
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.page) p.resolve(m.page);
        else p.reject(new Error(m.error ?? 'PP-OCR worker gave no page'));
      });
      slot.worker.on('error', (e) => {
        reject(e);
        this.lose(slot, e);
      });
      slot.worker.on('exit', (code) => this.lose(slot, new Error(`PP-OCR worker exited (code ${code})`)));
    });
  }

  /** A thread is gone: the pages it claimed fail; unclaimed ones too when no thread is left to take them. */
  private lose(slot: Slot, e: Error): void {
    if (!slot.alive) return;
    slot.alive = false;
    // a page whose lines it was helping to read gets them from its owner instead
    const peers = new BroadcastChannel(this.channel);
    peers.postMessage({ kind: 'gone', number: slot.number } satisfies SharingMessage);
    peers.close();
    const noneLeft = !this.spawned.some((s) => s.alive);
    for (const [id, p] of this.pending) {
      const claimedBy = Atomics.load(p.claim, 0);
      if (claimedBy !== slot.number && !(noneLeft && claimedBy === 0)) continue;
      this.pending.delete(id);
      p.reject(e);
    }
  }

  /** The page goes to every live thread; the first one free reads it (worker.ts). */
  async recognize(image: Buffer): Promise<OcrPage> {
    const live = (await this.start()).filter((s) => s.alive);
    if (!live.length) throw new Error('PP-OCR worker exited');
    const id = this.nextId++;
    const pgm = new Uint8Array(new SharedArrayBuffer(image.byteLength)); // the caller's buffer stays intact
    pgm.set(image);
    const claim = new Int32Array(new SharedArrayBuffer(4));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, claim });
      for (const s of live) s.worker.postMessage({ id, pgm, claim } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = null;
    await slots?.catch(() => undefined);
    await Promise.all(this.spawned.splice(0).map((s) => s.worker.terminate()));
  }
}
