import { describe, expect, it } from 'vitest';
import { addBins, calibrate, judgeSuggestions } from '../../pipeline/eval/calibration.ts';
import type { Correction } from '../../pipeline/schema.ts';

describe('calibration bins', () => {
  const items = [
    { confidence: 0.97, right: true },
    { confidence: 0.95, right: true },
    { confidence: 0.92, right: false },
    { confidence: 0.75, right: true },
    { confidence: 0.6, right: false },
    { confidence: 0.3, right: true },
  ];
  // [level, changes at confidence >= level, right among them]
  const cases: [number, number, number][] = [
    [0.5, 5, 3],
    [0.7, 4, 3],
    [0.9, 3, 2],
    [0.95, 2, 2],
  ];
  it.each(cases)('confidence ≥ %s: %i changes, %i right', (level, n, right) => {
    expect(calibrate(items).find((b) => b.level === level)).toEqual({ level, n, right });
  });
  it('no changes: empty bins, not a division by zero', () => {
    expect(calibrate([]).every((b) => b.n === 0 && b.right === 0)).toBe(true);
  });
  it('bins of several fixtures add up', () => {
    const sum = addBins(addBins([], calibrate(items)), calibrate(items.slice(0, 2)));
    expect(sum.map((b) => [b.n, b.right])).toEqual([[7, 5], [6, 5], [5, 4], [4, 4]]);
  });
});

const suggestion = (text: string, start: number, end: number, after: string, confidence = 0.6): Correction => ({
  id: `s${start}`,
  kind: 'character',
  before: text.slice(start, end),
  after,
  original: { start, end },
  text: { start, end },
  rule: 'test',
  confidence,
});

describe('suggestions judged against gold', () => {
  // [what, output text, suggestion start, end, after, gold, would have been right]
  const cases: [string, string, number, number, string, string, boolean][] = [
    ['the right character', '机关于部', 2, 3, '干', '机关干部', true],
    ['a wrong look-alike', '机关于部', 2, 3, '千', '机关干部', false],
    ['changing a correct character', '机关干部', 2, 3, '于', '机关干部', false],
    ['two characters at once, both right', '诚旭谈话', 0, 2, '诫勉', '诫勉谈话', true],
    ['two characters at once, one wrong', '诚旭谈话', 0, 2, '诫旭', '诫勉谈话', false],
    ['deleting an extra character', '巡察察组', 2, 3, '', '巡察组', true],
    ['deleting a needed character', '巡察组', 2, 3, '', '巡察组', false],
    ['inserting a lost character', '巡组', 1, 1, '察', '巡察组', true],
    ['inserting a wrong character', '巡组', 1, 1, '查', '巡察组', false],
    ['across a line break (whitespace ignored)', '机关于\n部', 2, 3, '干', '机关干部', true],
  ];
  it.each(cases)('%s', (_what, text, start, end, after, gold, right) => {
    expect(judgeSuggestions({ text, suggestions: [suggestion(text, start, end, after)] }, gold)).toEqual([{ confidence: 0.6, right }]);
  });
});
