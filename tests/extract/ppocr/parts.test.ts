/** PP-OCR's pure parts: PGM parsing, CTC decoding, region finding, reading order, page assembly. */
import { describe, expect, it } from 'vitest';
import { toPgm } from '../../../pipeline/extract/ocr.ts';
import { decodeCtc } from '../../../pipeline/extract/ppocr/ctc.ts';
import { DEFAULT_DETECT, regions } from '../../../pipeline/extract/ppocr/detect.ts';
import { parsePgm, resampleRows, writeGreyCrop } from '../../../pipeline/extract/ppocr/gray.ts';
import { assemblePage, readingOrder } from '../../../pipeline/extract/ppocr/page.ts';
import type { RecognizedLine } from '../../../pipeline/extract/ppocr/recognize.ts';

describe('parsePgm', () => {
  it('reads back what toPgm wrote', () => {
    const gray = Uint8Array.from({ length: 12 }, (_, i) => i * 20);
    const img = parsePgm(toPgm(gray, 4, 3));
    expect([img.width, img.height, [...img.gray]]).toEqual([4, 3, [...gray]]);
  });
  it.each([
    ['P2 ascii', Buffer.from('P2\n2 1\n255\n0 0\n')],
    ['16-bit', Buffer.from('P5\n2 1\n65535\n\0\0\0\0')],
    ['short pixel data', Buffer.from('P5\n4 4\n255\n\0\0')],
  ])('refuses %s', (_, bytes) => {
    expect(() => parsePgm(bytes)).toThrow(/PGM/);
  });
});

describe('resampleRows / writeGreyCrop', () => {
  const img = { gray: Uint8Array.from({ length: 16 }, (_, i) => i * 16), width: 4, height: 4 };
  const rows = (box: { x: number; y: number; width: number; height: number }, w: number, h: number) => {
    const out: number[][] = [];
    resampleRows(img, box, w, h, (_, values) => out.push(Array.from(values)));
    return out;
  };
  it.each([
    ['the whole image at its size: the same pixels', { x: 0, y: 0, width: 4, height: 4 }, 4, 4, [[0, 16, 32, 48], [64, 80, 96, 112], [128, 144, 160, 176], [192, 208, 224, 240]]],
    ['halved: the mean of each 2×2 block', { x: 0, y: 0, width: 4, height: 4 }, 2, 2, [[40, 72], [168, 200]]],
    ['a crop at its size', { x: 1, y: 2, width: 2, height: 1 }, 2, 1, [[144, 160]]],
    ['doubled: interpolated, the last column reading past the box into the page', { x: 0, y: 0, width: 2, height: 1 }, 4, 1, [[0, 4, 12, 20]]],
  ])('%s', (_, box, w, h, want) => {
    expect(rows(box, w, h)).toEqual(want);
  });
  it('writes a grey crop into three equal planes at [-1, 1], leaving the padding', () => {
    const plane = 2 * 3;
    const input = new Float32Array(3 * plane).fill(9);
    writeGreyCrop({ gray: Uint8Array.of(0, 255, 255, 0), width: 2, height: 2 }, { x: 0, y: 0, width: 2, height: 2 }, 2, 2, input, 0, 3, plane);
    const first = [-1, 1, 9, 1, -1, 9];
    expect(Array.from(input)).toEqual([...first, ...first, ...first]);
  });
});

describe('decodeCtc', () => {
  const dict = ['', '甲', '乙', '丙', ' '];
  /** Frames given as [class, probability]; the rest of each row's mass goes to class 3 (丙). */
  const probs = (frames: [number, number][]) => {
    const p = new Float32Array(frames.length * dict.length);
    frames.forEach(([k, v], t) => {
      p[t * dict.length + k] = v;
      if (k !== 3) p[t * dict.length + 3] = 1 - v;
    });
    return p;
  };
  it('collapses repeats, drops blanks, keeps a repeat split by a blank', () => {
    const out = decodeCtc(probs([[1, 0.9], [1, 0.8], [0, 0.9], [1, 0.7], [2, 0.6], [0, 0.99]]), 0, 6, dict.length, dict);
    expect(out.map((c) => [c.char, c.firstFrame, c.lastFrame])).toEqual([['甲', 0, 1], ['甲', 3, 3], ['乙', 4, 4]]);
    expect(out[0].confidence).toBeCloseTo(0.9, 5);
  });
  it('emits each frame\'s most probable class on random softmax rows, peaked or flat (seeded)', () => {
    const classes = 40;
    const wide = [''].concat(Array.from({ length: classes - 1 }, (_, k) => String.fromCharCode(0x4e00 + k)));
    let s = 12345;
    const rand = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let trial = 0; trial < 200; trial++) {
      const frames = 1 + (trial % 17);
      const p = new Float32Array(frames * classes);
      const best: number[] = [];
      for (let t = 0; t < frames; t++) {
        const peak = trial % 3 === 0 ? 1 : 12 * rand(); // flat rows (no class above 0.5) and peaked ones
        const row = Array.from({ length: classes }, () => Math.exp(peak * rand() * (rand() < 0.1 ? 4 : 1)));
        const sum = row.reduce((a, b) => a + b, 0);
        row.forEach((v, k) => (p[t * classes + k] = v / sum));
        best.push(row.indexOf(Math.max(...row)));
      }
      const want = best.map((k, t) => (k !== 0 && k !== best[t - 1] ? wide[k] : '')).join('');
      expect(decodeCtc(p, 0, frames, classes, wide).map((c) => c.char).join('')).toBe(want);
    }
  });
  it('alternatives are the other classes at the emitting frames, best first, without blank or space', () => {
    const [c] = decodeCtc(probs([[2, 0.6]]), 0, 1, dict.length, dict);
    expect(c.char).toBe('乙');
    expect(c.alternatives).toEqual([{ text: '丙', confidence: expect.closeTo(0.4, 5) }]);
  });
});

describe('regions', () => {
  it('finds each blob above the threshold, drops specks, and unclips', () => {
    const w = 40;
    const h = 20;
    const prob = new Float32Array(w * h);
    for (let y = 5; y < 10; y++) for (let x = 2; x < 30; x++) prob[y * w + x] = 0.9; // a 28×5 line
    prob[15 * w + 35] = 0.9; // a 1-pixel speck
    const found = regions(prob, w, h, DEFAULT_DETECT);
    expect(found).toHaveLength(1);
    const d = (28 * 5 * 1.5) / (2 * (28 + 5));
    expect(found[0].x).toBeCloseTo(2 - d, 5);
    expect(found[0].width).toBeCloseTo(28 + 2 * d, 5);
    expect(found[0].score).toBeCloseTo(0.9, 5);
  });
});

describe('reading order and page text', () => {
  const box = (x: number, y: number, width = 100, height = 40) => ({ x, y, width, height, score: 1 });
  it('rows top to bottom, boxes on a row left to right', () => {
    const rows = readingOrder([box(300, 105), box(10, 200), box(10, 100), box(10, 300, 30, 30)]);
    expect(rows.map((r) => r.map((b) => [b.x, b.y]))).toEqual([[[10, 100], [300, 105]], [[10, 200]], [[10, 300]]]);
  });
  it('a box far taller than the lines (seal remains over a date) joins a row without widening it onto the next line', () => {
    // the date (y 1089, h 49), seal remains over it (y 1101, h 126), the 附注 line below (y 1155), two more lines
    const rows = readingOrder([box(1073, 1089, 285, 49), box(922, 1101, 247, 126), box(338, 1155, 295, 49), box(300, 900, 400, 46), box(300, 960, 400, 46)]);
    expect(rows.map((r) => r.map((b) => b.y))).toEqual([[900], [960], [1101, 1089], [1155]]);
  });
  it('one line per row, a space between boxes of a row, offsets and bboxes per character, empty lines kept out', () => {
    const line = (text: string, x: number, confidence = 0.9): RecognizedLine => ({
      box: { x, y: 0, width: 10 * text.length, height: 10 },
      chars: [...text].map((char, i) => ({ char, confidence, firstFrame: i, lastFrame: i, alternatives: char === '丶' ? [{ text: '、', confidence: 0.3 }] : [], bbox: { x: x + 10 * i, y: 0, width: 10, height: 10 } })),
    });
    const page = assemblePage([[line('整改', 0), line('丶完成', 100, 0.2)], [line(' ', 0)], [line('通报', 0)]]);
    expect(page.text).toBe('整改 丶完成\n通报\n');
    expect(page.symbols.map((s) => page.text.slice(s.start, s.end)).join('')).toBe('整改丶完成通报');
    expect(page.symbols[2]).toMatchObject({ start: 3, confidence: 0.2, alternatives: [{ text: '、' }], bbox: { x: 100 } });
    expect(page.confidence).toBeCloseTo((0.9 * 4 + 0.2 * 3) / 7, 5);
    expect(page.words).toBe(3);
  });
});
