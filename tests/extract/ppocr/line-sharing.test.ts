/**
 * Threads sharing a page's line batches (line-sharing.ts): whoever reads which batch, the
 * page's lines are the ones one thread alone reads; a batch a helper could not read, or
 * claimed by a helper that is gone, is read by the page's owner. Real models on a real page
 * (fixtures/pdf/page.png); the "threads" are LineSharing objects on BroadcastChannels of one
 * name, which deliver to each other as across threads.
 */
import { readFileSync } from 'node:fs';
import { BroadcastChannel } from 'node:worker_threads';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPgm } from '../../../pipeline/extract/ocr.ts';
import { detectLines } from '../../../pipeline/extract/ppocr/detect.ts';
import type { GrayImage } from '../../../pipeline/extract/ppocr/gray.ts';
import { parsePgm } from '../../../pipeline/extract/ppocr/gray.ts';
import type { SharingMessage } from '../../../pipeline/extract/ppocr/line-sharing.ts';
import { LineSharing } from '../../../pipeline/extract/ppocr/line-sharing.ts';
import type { Session } from '../../../pipeline/extract/ppocr/models.ts';
import { createSession } from '../../../pipeline/extract/ppocr/models.ts';
import { readingOrder } from '../../../pipeline/extract/ppocr/page.ts';
import type { RecognizedLine } from '../../../pipeline/extract/ppocr/recognize.ts';
import { recognizeLines } from '../../../pipeline/extract/ppocr/recognize.ts';
import type { Box } from '../../../pipeline/extract/ppocr/gray.ts';

let rec: Session;
let pgm: Uint8Array;
let img: GrayImage;
let boxes: Box[];
let alone: RecognizedLine[];
const channels: BroadcastChannel[] = [];
let serial = 0;

/** `n` sharing objects on one fresh channel name, numbered from 1. */
function pool(n: number): { sharing: LineSharing[]; name: string } {
  const name = `line-sharing-test-${process.pid}-${serial++}`;
  const sharing = Array.from({ length: n }, (_, i) => {
    const c = new BroadcastChannel(name);
    channels.push(c);
    return new LineSharing(c, i + 1, rec, {});
  });
  return { sharing, name };
}

/** A thread that only claims the widest batch of each offer (as `number`) and then says what `then` sends. */
function claimingThread(name: string, number: number, then: (m: Extract<SharingMessage, { kind: 'offer' }>, batch: number) => SharingMessage[]): void {
  const c = new BroadcastChannel(name);
  channels.push(c);
  c.onmessage = (event) => {
    const m = (event as { data: SharingMessage }).data;
    if (m.kind !== 'offer') return;
    const b = m.claims.length - 1;
    expect(Atomics.compareExchange(m.claims, b, 0, number)).toBe(0);
    for (const out of then(m, b)) c.postMessage(out);
  };
}

/** Resolves at the next offer the helper hears. */
const nextOffer = (helper: LineSharing) => new Promise<void>((resolve) => (helper.onOffer = resolve));

beforeAll(async () => {
  const det = await createSession('det');
  rec = await createSession('rec');
  const { data, info } = await sharp(readFileSync('fixtures/pdf/page.png')).greyscale().raw().toBuffer({ resolveWithObject: true });
  const bytes = toPgm(new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), info.width, info.height);
  pgm = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  pgm.set(bytes);
  img = parsePgm(pgm);
  boxes = readingOrder(await detectLines(det, img)).flat();
  alone = await recognizeLines(rec, img, boxes, 1);
}, 300_000);
afterAll(() => {
  for (const c of channels) c.close();
});

describe('LineSharing', () => {
  it('the page has lines enough to share (else the cases below test nothing)', () => {
    expect(boxes.length).toBeGreaterThan(10);
  });

  it('owner and helper each read some batches, and the lines equal one thread reading alone', async () => {
    const { sharing: [owner, helper] } = pool(2);
    let helped = 0;
    const helping = nextOffer(helper).then(async () => {
      while (await helper.helpOne()) helped++;
    });
    const lines = await owner.read(1, pgm, img, boxes);
    await helping;
    expect(helped).toBeGreaterThan(0);
    expect(helped).toBeLessThan(boxes.length);
    expect(lines).toEqual(alone);
  }, 120_000);

  it('a helper with no offer has nothing to do', async () => {
    const { sharing: [, helper] } = pool(2);
    expect(await helper.helpOne()).toBe(false);
  });

  it('a batch claimed by a thread that is gone is read by the owner', async () => {
    const { sharing: [owner], name } = pool(1);
    claimingThread(name, 7, () => [{ kind: 'gone', number: 7 }]);
    expect(await owner.read(2, pgm, img, boxes)).toEqual(alone);
  }, 120_000);

  it('a batch its helper could not read (lines null) is read by the owner', async () => {
    const { sharing: [owner], name } = pool(1);
    claimingThread(name, 9, (m, batch) => [{ kind: 'lines', page: m.page, to: m.from, batch, lines: null }]);
    expect(await owner.read(3, pgm, img, boxes)).toEqual(alone);
  }, 120_000);

  it("a helper's lines of another page or for another owner are not taken", async () => {
    const { sharing: [owner], name } = pool(1);
    const wrong: RecognizedLine[] = [{ box: { x: 0, y: 0, width: 1, height: 1 }, chars: [] }];
    claimingThread(name, 5, (m, batch) => [
      { kind: 'lines', page: m.page + 100, to: m.from, batch, lines: wrong },
      { kind: 'lines', page: m.page, to: m.from + 1, batch, lines: wrong },
      { kind: 'gone', number: 5 },
    ]);
    expect(await owner.read(4, pgm, img, boxes)).toEqual(alone);
  }, 120_000);
});
