/**
 * Line recognition with the PP-OCRv4 CTC model: each line box is cut from the page,
 * scaled to 48 px high (width by aspect ratio), normalised to [-1, 1], and run in
 * batches of similar widths (zero-padded to the widest); every output frame covers
 * 8 input pixels, which places each character back on the page.
 */
import type { Box, GrayImage } from './gray.ts';
import { writeGreyCrop } from './gray.ts';
import type { DecodedChar } from './ctc.ts';
import { decodeCtc } from './ctc.ts';
import type { Session } from './models.ts';
import { REC_CLASSES, recDictionary, run } from './models.ts';

export const REC_HEIGHT = 48;
/** Narrowest input width (PaddleOCR's rec_image_shape 3×48×320). */
const MIN_WIDTH = 320;
const FRAME_PIXELS = 8;

export interface RecognizedChar extends DecodedChar {
  /** The character's extent on the page, in page pixels. */
  bbox: Box;
}
export interface RecognizedLine {
  box: Box;
  chars: RecognizedChar[];
}

/** The lines' crop widths and the batches they run in (narrowest first, `batchSize` a run). */
export interface LinePlan {
  widths: number[];
  batches: number[][];
}

/**
 * `widthScale` < 1 narrows each line crop after scaling it to 48 px high (characters
 * squeezed horizontally): the model's cost is linear in width (README.md, measured).
 */
export function planLines(boxes: Box[], batchSize: number, widthScale = 1): LinePlan {
  const widths = boxes.map((b) => Math.max(1, Math.round((widthScale * REC_HEIGHT * b.width) / Math.max(1, b.height))));
  const order = boxes.map((_, i) => i).sort((a, b) => widths[a] - widths[b]);
  const batches: number[][] = [];
  for (let s = 0; s < order.length; s += batchSize) batches.push(order.slice(s, s + batchSize));
  return { widths, batches };
}

/** One batch of the plan through the recogniser: its lines, in the batch's order. */
export async function recognizeBatch(session: Session, img: GrayImage, boxes: Box[], plan: LinePlan, batchIndex: number): Promise<RecognizedLine[]> {
  const dict = recDictionary();
  const batch = plan.batches[batchIndex];
  const { widths } = plan;
  const W = Math.max(MIN_WIDTH, Math.ceil(Math.max(...batch.map((i) => widths[i])) / FRAME_PIXELS) * FRAME_PIXELS);
  const plane = REC_HEIGHT * W;
  const input = new Float32Array(batch.length * 3 * plane);
  batch.forEach((i, n) => writeGreyCrop(img, boxes[i], widths[i], REC_HEIGHT, input, n * 3 * plane, W, plane));
  const out = await run(session, input, [batch.length, 3, REC_HEIGHT, W]);
  const [, frames, classes] = out.dims;
  if (classes !== REC_CLASSES) throw new Error(`the recogniser gave ${classes} classes, expected ${REC_CLASSES}`);
  return batch.map((i, n) => {
    const decoded = decodeCtc(out.data, n * frames * classes, frames, classes, dict);
    return { box: boxes[i], chars: placeChars(decoded, boxes[i], boxes[i].width / widths[i], W / frames) };
  });
}

/** Every line of the plan, in the order of `boxes`. */
export async function recognizeLines(session: Session, img: GrayImage, boxes: Box[], batchSize: number, widthScale = 1): Promise<RecognizedLine[]> {
  const plan = planLines(boxes, batchSize, widthScale);
  const lines: RecognizedLine[] = new Array(boxes.length);
  for (let b = 0; b < plan.batches.length; b++) {
    const read = await recognizeBatch(session, img, boxes, plan, b);
    plan.batches[b].forEach((i, n) => (lines[i] = read[n]));
  }
  return lines;
}

/** Each character spans from halfway to its left neighbour to halfway to its right one (frame centres in page pixels). */
function placeChars(chars: DecodedChar[], box: Box, pageScale: number, framePixels: number): RecognizedChar[] {
  const centre = chars.map((c) => box.x + ((c.firstFrame + c.lastFrame + 1) / 2) * framePixels * pageScale);
  const pitch = chars.length > 1 ? (centre[chars.length - 1] - centre[0]) / (chars.length - 1) : box.height;
  return chars.map((c, i) => {
    const left = i > 0 ? (centre[i - 1] + centre[i]) / 2 : centre[i] - pitch / 2;
    const right = i < chars.length - 1 ? (centre[i] + centre[i + 1]) / 2 : centre[i] + pitch / 2;
    const x0 = Math.max(box.x, Math.round(left));
    const x1 = Math.min(box.x + box.width, Math.round(right));
    return { ...c, bbox: { x: x0, y: box.y, width: Math.max(1, x1 - x0), height: box.height } };
  });
}
