/**
 * One page through PP-OCR: detect line boxes → reading order → recognise → OcrPage
 * (text with one '\n'-terminated line per text line, like tesseract's; boxes on the
 * same row are joined by a space; every character carries offsets, bbox, probability
 * and alternatives). Lines read with low confidence are kept, never dropped.
 */
import type { OcrPage, OcrSymbol } from '../ocr.ts';
import type { DetectedBox, DetectOptions } from './detect.ts';
import { detectLines } from './detect.ts';
import type { GrayImage } from './gray.ts';
import type { Session } from './models.ts';
import type { RecognizedLine } from './recognize.ts';
import { recognizeLines } from './recognize.ts';

export interface PpocrSessions {
  det: Session;
  rec: Session;
}
export interface PageOptions {
  detect?: DetectOptions;
  /** Lines per recogniser run (README.md: measured 1 / 6 / 12). */
  batchSize?: number;
  /** Horizontal scale of line crops at 48 px height (README.md: measured 1 / 0.85 / 0.7 / 0.55). */
  widthScale?: number;
}
export const DEFAULT_BATCH = 1; // measured: batch 1 costs half the CPU of 6 at equal CER (scripts/bench-ppocr-params.ts, README)

/** Reads a page's line boxes, in their order (recognizeLines unless the threads share the lines: line-sharing.ts). */
export type LineReader = (img: GrayImage, boxes: DetectedBox[]) => Promise<RecognizedLine[]>;

export async function readPage(sessions: PpocrSessions, img: GrayImage, options: PageOptions = {}, readLines?: LineReader): Promise<OcrPage> {
  const boxes = await detectLines(sessions.det, img, options.detect);
  const rows = readingOrder(boxes);
  const flat = rows.flat();
  const lines = await (readLines ?? ((im, b) => recognizeLines(sessions.rec, im, b, options.batchSize ?? DEFAULT_BATCH, options.widthScale)))(img, flat);
  let k = 0;
  return assemblePage(rows.map((row) => row.map(() => lines[k++])));
}

/** A box this many times the page's median box height is not a text line (seal remains, a stain, a figure). */
const TALL_BOX = 1.8;

/**
 * Rows top to bottom (boxes overlapping vertically by at least half the lower height share a row), left to right
 * within a row. A box much taller than the page's lines (TALL_BOX) that joins a row does not widen it, so the
 * remains of a red seal over a date do not pull the line below onto the date's row.
 */
export function readingOrder<T extends DetectedBox>(boxes: T[]): T[][] {
  const sorted = [...boxes].sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2));
  const heights = boxes.map((b) => b.height).sort((a, b) => a - b);
  const tall = heights.length >= 3 ? TALL_BOX * heights[Math.floor(heights.length / 2)] : Infinity;
  const rows: { top: number; bottom: number; boxes: T[] }[] = [];
  for (const b of sorted) {
    const row = rows[rows.length - 1];
    const overlap = row ? Math.min(row.bottom, b.y + b.height) - Math.max(row.top, b.y) : 0;
    if (row && overlap >= 0.5 * Math.min(b.height, row.bottom - row.top)) {
      row.boxes.push(b);
      if (b.height > tall) continue;
      row.top = Math.min(row.top, b.y);
      row.bottom = Math.max(row.bottom, b.y + b.height);
    } else rows.push({ top: b.y, bottom: b.y + b.height, boxes: [b] });
  }
  return rows.map((r) => r.boxes.sort((a, b) => a.x - b.x));
}

export function assemblePage(rows: RecognizedLine[][]): OcrPage {
  let text = '';
  const symbols: OcrSymbol[] = [];
  let confSum = 0;
  let words = 0;
  for (const row of rows) {
    let line = '';
    for (const segment of row) {
      const chars = trimSpaces(segment.chars);
      if (chars.length === 0) continue;
      if (line.length) line += ' ';
      words++;
      for (const c of chars) {
        if (c.char === ' ') {
          if (!line.endsWith(' ')) line += ' ';
          continue;
        }
        const start = text.length + line.length;
        line += c.char;
        confSum += c.confidence;
        const s: OcrSymbol = { start, end: start + c.char.length, confidence: c.confidence, bbox: c.bbox };
        if (c.alternatives.length) s.alternatives = c.alternatives;
        symbols.push(s);
      }
    }
    if (line.length) text += line + '\n';
  }
  return { text, symbols, confidence: symbols.length ? confSum / symbols.length : 0, words };
}

function trimSpaces<T extends { char: string }>(chars: T[]): T[] {
  let a = 0;
  let b = chars.length;
  while (a < b && chars[a].char === ' ') a++;
  while (b > a && chars[b - 1].char === ' ') b--;
  return chars.slice(a, b);
}
