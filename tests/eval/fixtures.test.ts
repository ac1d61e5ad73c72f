import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineOfInput, evalFixtures, goldTexts } from '../../pipeline/eval/fixtures.ts';
import { groups, type Row } from '../../pipeline/eval/report.ts';

describe('unseen evaluation rows', () => {
  it.each([
    ['input.tesseract-psm3.ocr.txt', 'tesseract-psm3'],
    ['input.tesseract.js-best_int.ocr.txt', 'tesseract.js-best_int'],
    ['input.ppocr.ocr.txt', 'ppocr'],
    ['input.ocr.txt', null],
    ['gold.txt', null],
  ])('%s is the input of engine %s', (file, engine) => {
    expect(engineOfInput(file)).toBe(engine);
  });

  it('every fixtures/unseen input is its own unseen row, and nothing else is unseen', () => {
    const rows = evalFixtures('.', { scans: false });
    const inputs = readdirSync('fixtures/unseen').flatMap((id) => readdirSync(`fixtures/unseen/${id}`).filter((f) => engineOfInput(f)).map((f) => `fixtures/unseen/${id}/${f}`));
    const unseen = rows.filter((r) => r.split === 'unseen');
    expect(inputs.length).toBeGreaterThanOrEqual(16); // four notices × four engines
    expect(unseen.map((r) => r.input).sort()).toEqual(inputs.sort());
    expect(rows.filter((r) => r.split !== 'unseen').some((r) => r.input.includes('fixtures/unseen'))).toBe(false);
    expect(goldTexts('.').filter((g) => g.split === 'unseen').map((g) => g.id)).toEqual(readdirSync('fixtures/unseen').sort());
  });

  it('summaries keep unseen rows apart from tune and holdout, per engine', () => {
    const row = (id: string, split: Row['split'], engine: string, ocrEngine?: Row['ocrEngine']) => ({ id, split, engine, ...(ocrEngine ? { ocrEngine } : {}) }) as Row;
    const rows = [
      row('a', 'tune', 'x'),
      row('b', 'holdout', 'x'),
      row('s ppocr', 'tune', 'scanned PDF → ppocr', 'ppocr'),
      row('s tess', 'tune', 'scanned PDF → tesseract', 'tesseract'),
      row('h tess', 'holdout', 'scanned PDF → tesseract', 'tesseract'),
      row('u1 [p3]', 'unseen', 'p3'),
      row('u1 [p6]', 'unseen', 'p6'),
      row('u2 [p3]', 'unseen', 'p3'),
      row('u1 [scan] ppocr', 'unseen', 'scanned PDF → ppocr', 'ppocr'),
    ];
    const gs = groups(rows);
    expect(gs.map((g) => [g.label, g.split, g.rows.map((r) => r.id)])).toEqual([
      ['all tune', 'tune', ['a', 's ppocr']],
      ['all holdout', 'holdout', ['b']],
      ['all scanned, ppocr', 'tune', ['s ppocr']],
      ['all scanned, tesseract', 'tune', ['s tess', 'h tess']],
      ['all unseen [p3]', 'unseen', ['u1 [p3]', 'u2 [p3]']],
      ['all unseen [p6]', 'unseen', ['u1 [p6]']],
      ['all unseen [scanned PDF → ppocr]', 'unseen', ['u1 [scan] ppocr']],
    ]);
  });
});
