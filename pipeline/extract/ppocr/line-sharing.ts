/**
 * Line batches of a page shared between the PP-OCR threads of one pool, so that a thread
 * with no page left to read helps the one still reading (the last page of a document, a
 * one-page scan). The thread reading a page offers its recogniser batches on the pool's
 * BroadcastChannel (the page image is a SharedArrayBuffer every thread already holds) and
 * takes them in order itself; a free thread takes them from the other end. Each batch is
 * claimed once through a shared Int32 (0 free, else the claiming thread's number) and read
 * exactly as the owner would read it, so the page comes out the same whoever read which line.
 * A helper that fails or is gone (the engine says `gone`) leaves its batch to the owner.
 */
import type { BroadcastChannel } from 'node:worker_threads';
import type { Box, GrayImage } from './gray.ts';
import { parsePgm } from './gray.ts';
import type { Session } from './models.ts';
import type { PageOptions } from './page.ts';
import { DEFAULT_BATCH } from './page.ts';
import type { LinePlan, RecognizedLine } from './recognize.ts';
import { planLines, recognizeBatch } from './recognize.ts';

export type SharingMessage =
  | { kind: 'offer'; page: number; from: number; pgm: Uint8Array; boxes: Box[]; claims: Int32Array }
  /** `lines` null: the helper could not read the batch, the owner reads it */
  | { kind: 'lines'; page: number; to: number; batch: number; lines: RecognizedLine[] | null }
  | { kind: 'gone'; number: number };

interface Offer {
  page: number;
  from: number;
  pgm: Uint8Array;
  boxes: Box[];
  claims: Int32Array;
  img?: GrayImage;
  plan?: LinePlan;
}

interface OwnPage {
  claims: Int32Array;
  helped: Map<number, RecognizedLine[] | null>;
  lost: Set<number>;
  wake: (() => void) | null;
}

export class LineSharing {
  /** called when another thread offers lines (the worker wakes its loop if idle) */
  onOffer: () => void = () => undefined;
  private readonly offers: Offer[] = [];
  private readonly own = new Map<number, OwnPage>();

  constructor(
    private readonly channel: BroadcastChannel,
    private readonly me: number,
    private readonly rec: Session,
    private readonly options: PageOptions,
  ) {
    channel.onmessage = (event) => this.receive((event as { data: SharingMessage }).data);
  }

  private plan(boxes: Box[]): LinePlan {
    return planLines(boxes, this.options.batchSize ?? DEFAULT_BATCH, this.options.widthScale);
  }

  /** This thread's page `page` (image `pgm`, shared): every line, in the order of `boxes`. */
  async read(page: number, pgm: Uint8Array, img: GrayImage, boxes: Box[]): Promise<RecognizedLine[]> {
    const plan = this.plan(boxes);
    const n = plan.batches.length;
    const claims = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, n)));
    const state: OwnPage = { claims, helped: new Map(), lost: new Set(), wake: null };
    const lines: RecognizedLine[] = new Array(boxes.length);
    const put = (b: number, read: RecognizedLine[]) => plan.batches[b].forEach((i, k) => (lines[i] = read[k]));
    this.own.set(page, state);
    try {
      if (n > 1) this.post({ kind: 'offer', page, from: this.me, pgm, boxes, claims });
      for (let b = 0; b < n; b++) if (Atomics.compareExchange(claims, b, 0, this.me) === 0) put(b, await recognizeBatch(this.rec, img, boxes, plan, b));
      for (let b = 0; b < n; b++) if (Atomics.load(claims, b) !== this.me) put(b, (await this.helped(state, b)) ?? (await recognizeBatch(this.rec, img, boxes, plan, b)));
    } finally {
      this.own.delete(page);
    }
    return lines;
  }

  /** A helper's lines of batch `b`, or null when the owner must read it (the helper failed or is gone). */
  private async helped(state: OwnPage, b: number): Promise<RecognizedLine[] | null> {
    for (;;) {
      if (state.helped.has(b)) return state.helped.get(b)!;
      if (state.lost.has(Atomics.load(state.claims, b))) return null;
      await new Promise<void>((resolve) => (state.wake = resolve));
    }
  }

  /** Reads one free batch of another thread's page; false when no page offers one. */
  async helpOne(): Promise<boolean> {
    while (this.offers.length) {
      const o = this.offers[0];
      let b = o.claims.length - 1;
      while (b >= 0 && Atomics.compareExchange(o.claims, b, 0, this.me) !== 0) b--;
      if (b < 0) {
        this.offers.shift();
        continue;
      }
      o.img ??= parsePgm(o.pgm);
      o.plan ??= this.plan(o.boxes);
      let lines: RecognizedLine[] | null = null;
      try {
        lines = await recognizeBatch(this.rec, o.img, o.boxes, o.plan, b);
      } catch {
        lines = null;
      }
      this.post({ kind: 'lines', page: o.page, to: o.from, batch: b, lines });
      return true;
    }
    return false;
  }

  private post(m: SharingMessage): void {
    this.channel.postMessage(m);
  }

  private receive(m: SharingMessage): void {
    if (m.kind === 'offer') {
      if (m.from === this.me) return;
      // offers whose every batch is taken are done with (their page images stay referenced otherwise)
      for (let i = this.offers.length - 1; i >= 0; i--) if (this.offers[i].claims.every((c) => c !== 0)) this.offers.splice(i, 1);
      this.offers.push({ page: m.page, from: m.from, pgm: m.pgm, boxes: m.boxes, claims: m.claims });
      this.onOffer();
      return;
    }
    const pages = m.kind === 'lines' ? (m.to === this.me ? [this.own.get(m.page)] : []) : [...this.own.values()];
    for (const state of pages) {
      if (!state) continue;
      if (m.kind === 'lines') state.helped.set(m.batch, m.lines);
      else state.lost.add(m.number);
      const wake = state.wake;
      state.wake = null;
      wake?.();
    }
  }
}
