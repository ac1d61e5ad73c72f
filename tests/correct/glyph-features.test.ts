/**
 * Glyph shape features let the corrector ask how alike any two characters
 * look, beyond the few closest look-alikes the tables list.
 */
import { describe, expect, it } from 'vitest';
import { loadDictionaries } from '../../pipeline/correct/index.ts';
import { decodeFeatures, ShapeModel } from '../../pipeline/correct/glyph-features.ts';

const dicts = loadDictionaries();
const shapes = new ShapeModel(dicts.glyphFeatures);

describe('glyph shape features', () => {
  it('cover the common characters and GB 2312', () => {
    expect(shapes.size).toBeGreaterThan(8000);
    for (const ch of '政治巡察整改已己巳冶忭') expect(dicts.glyphFeatures.has(ch)).toBe(true);
  });

  it('score a character as identical to itself and symmetric', () => {
    expect(shapes.similarity('整', '整')).toBeCloseTo(1, 5);
    expect(shapes.similarity('治', '冶')).toBeCloseTo(shapes.similarity('冶', '治')!, 10);
  });

  // OCR misreadings seen in notices, each against an unrelated character
  it.each([
    ['已', '巳', '党'],
    ['治', '冶', '县'],
    ['深', '屎', '强'],
    ['流', '庞', '全'],
    ['均', '灼', '将'],
    ['熟', '孰', '够'],
    ['责', '贵', '问'],
  ])('rank the look-alike %s/%s above %s', (truth, ocr, other) => {
    expect(shapes.similarity(ocr, truth)!).toBeGreaterThan(shapes.similarity(ocr, other)! + 0.05);
  });

  it('know nothing about characters outside the table', () => {
    expect(shapes.similarity('整', 'A')).toBeNull();
  });

  it.each([['AAAA'], ['not base64!'], ['']])('reject features %j', (b64) => {
    expect(decodeFeatures(b64)).toBeNull();
  });
});
