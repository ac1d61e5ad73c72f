/**
 * Is a page upside down? PP-OCR's text-line direction classifier (0° / 180°) run on
 * a sample of the page's detected lines. For page clean-up before OCR: call it on a
 * page whose lines run horizontally (sideways pages are a separate question).
 * Its det + cls sessions are created once per thread, on first call.
 */
import type { Box, GrayImage } from './gray.ts';
import { writeGreyCrop } from './gray.ts';
import { detectLines } from './detect.ts';
import type { Session } from './models.ts';
import { createSession, run } from './models.ts';

export interface Orientation {
  rotation: 0 | 180;
  /** Mean classifier probability of the chosen direction over the sampled lines, 0.5..1; 0 when no line was found. */
  confidence: number;
  /** Lines the verdict rests on. */
  lines: number;
}

const CLS_HEIGHT = 48;
const CLS_WIDTH = 192;
/** Lines sampled (the widest ones; more add time, not certainty, on a page of prose). */
export const SAMPLE_LINES = 12;

let sessions: Promise<{ det: Session; cls: Session }> | null = null;
function load(): Promise<{ det: Session; cls: Session }> {
  sessions ??= Promise.all([createSession('det'), createSession('cls')]).then(([det, cls]) => ({ det, cls }));
  return sessions;
}

export async function detectUpsideDown(gray: Uint8Array, width: number, height: number): Promise<Orientation> {
  const { det, cls } = await load();
  const img: GrayImage = { gray, width, height };
  const boxes = (await detectLines(det, img)).filter((b) => b.width >= 2 * b.height);
  const sample = boxes.sort((a, b) => b.width - a.width).slice(0, SAMPLE_LINES).map(window);
  if (sample.length === 0) return { rotation: 0, confidence: 0, lines: 0 };
  const plane = CLS_HEIGHT * CLS_WIDTH;
  const input = new Float32Array(sample.length * 3 * plane);
  sample.forEach((box, n) => {
    const w = Math.min(CLS_WIDTH, Math.max(1, Math.round((CLS_HEIGHT * box.width) / box.height)));
    writeGreyCrop(img, box, w, CLS_HEIGHT, input, n * 3 * plane, CLS_WIDTH, plane);
  });
  const out = await run(cls, input, [sample.length, 3, CLS_HEIGHT, CLS_WIDTH]);
  let p180 = 0;
  for (let n = 0; n < sample.length; n++) p180 += out.data[n * 2 + 1];
  p180 /= sample.length;
  return p180 > 0.5 ? { rotation: 180, confidence: p180, lines: sample.length } : { rotation: 0, confidence: 1 - p180, lines: sample.length };
}

/** The middle part of a line with the classifier's 4:1 shape, so its characters are not squeezed. */
function window(b: Box): Box {
  const w = Math.min(b.width, Math.round((b.height * CLS_WIDTH) / CLS_HEIGHT));
  return { x: b.x + Math.floor((b.width - w) / 2), y: b.y, width: w, height: b.height };
}
