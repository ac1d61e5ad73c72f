/**
 * Reading a prepared page: the orientation check. When the clean-up's choice is doubtful (the
 * layout rule turned the page upside down, or the reading is too poor to keep), the page is
 * read a half turn the other way too and the reading with more expected correct characters is
 * kept; a page poor both ways is withheld with a warning naming file and page.
 * The recogniser here reads a page well only when its marker pixel (dark) comes first, i.e.
 * when the image is the right way up — a half turn moves the marker to the end.
 */
import { describe, expect, it } from 'vitest';
import type { OcrPage } from '../../pipeline/extract/ocr.ts';
import { parsePgm } from '../../pipeline/extract/ppocr/gray.ts';
import type { PreparedPage } from '../../pipeline/extract/prepare-page.ts';
import { pageConfidenceFloor, readPage } from '../../pipeline/extract/read-page.ts';

const W = 8;
const H = 4;
/** A page image with the marker first (upright) or last (upside down). */
function image(upright: boolean) {
  const gray = new Uint8Array(W * H).fill(255);
  gray[upright ? 0 : W * H - 1] = 0;
  return { gray, width: W, height: H };
}
function reading(chars: number, confidence: number): OcrPage {
  const text = '字'.repeat(chars) + '\n';
  const symbols = Array.from({ length: chars }, (_, i) => ({ start: i, end: i + 1, confidence, bbox: { x: i, y: 0, width: 1, height: 1 } }));
  return { text, symbols, confidence, words: 1 };
}
/** Reads the right way up well (40 characters at 0.99), the wrong way poorly (3 at 0.4); counts its calls. */
function recogniser(poorBothWays = false) {
  const r = {
    name: 'ppocr' as const,
    calls: 0,
    async recognize(pgm: Buffer): Promise<OcrPage> {
      r.calls++;
      const upright = parsePgm(pgm).gray[0] === 0;
      return upright && !poorBothWays ? reading(40, 0.99) : reading(3, 0.4);
    },
  };
  return r;
}
function prepared(upright: boolean, rotation: PreparedPage['rotation']): PreparedPage {
  return { blank: false, image: image(upright), note: 'test page', rotation, skew: 0, seals: [], masthead: null, mastheadBox: null };
}
const ctx = { file: 'scan.pdf', page: 2, reason: 'no text layer' };

describe('readPage: orientation check', () => {
  it.each([
    { what: 'upright, not turned: read once, kept', upright: true, rotation: 0, calls: 1, rotationOut: 0, chars: 40 },
    { what: 'turned by the layout rule and right: read both ways, kept', upright: true, rotation: 180, calls: 2, rotationOut: 180, chars: 40 },
    { what: 'turned by the layout rule and wrong: turned back', upright: false, rotation: 180, calls: 2, rotationOut: 0, chars: 40 },
    { what: 'sideways turned to 270 and wrong: 90', upright: false, rotation: 270, calls: 2, rotationOut: 90, chars: 40 },
    { what: 'missed upside-down page (poor reading): turned', upright: false, rotation: 0, calls: 2, rotationOut: 180, chars: 40 },
  ] as const)('$what', async ({ upright, rotation, calls, rotationOut, chars }) => {
    const engine = recogniser();
    const { page, warnings } = await readPage(prepared(upright, rotation), engine, ctx);
    expect(engine.calls).toBe(calls);
    expect(page.rotation).toBe(rotationOut);
    expect(page.text).toBe('字'.repeat(chars) + '\n');
    expect(warnings).toEqual([]);
    if (calls === 2) expect(page.reason).toMatch(/orientation checked by reading both ways/);
  });

  it('a page poor both ways is withheld with a warning naming file and page', async () => {
    const engine = recogniser(true);
    const { page, warnings } = await readPage(prepared(true, 0), engine, ctx);
    expect(engine.calls).toBe(2);
    expect(page.text).toBe('');
    expect(warnings).toEqual([expect.objectContaining({ code: 'LOW_CONFIDENCE_PAGE', page: 2, message: expect.stringMatching(/^scan\.pdf, page 2: OCR confidence 0\.40 is below/) })]);
  });

  it('each engine has its own confidence floor (scales differ)', () => {
    expect(pageConfidenceFloor('tesseract')).toBe(0.35);
    expect(pageConfidenceFloor('ppocr')).toBeGreaterThan(0.47); // above every tune garbage page
    expect(pageConfidenceFloor('ppocr')).toBeLessThan(0.989); // below every tune good page
  });
});
