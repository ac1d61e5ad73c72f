import { describe, expect, it } from 'vitest';
import { align } from '../../pipeline/eval/align.ts';
import { scoreHanMisreadings } from '../../pipeline/eval/han.ts';

describe('one-for-one Han misreadings', () => {
  // [what, raw OCR, output, gold, misreadings, fixed, missed, newly broken]
  const cases: [string, string, string, string, number, number, number, number][] = [
    ['a real-word misreading restored', '机关于部', '机关干部', '机关干部', 1, 1, 0, 0],
    ['a real-word misreading left alone', '机关于部', '机关于部', '机关干部', 1, 0, 1, 0],
    ['changed to another wrong character is still missed', '空碗村', '空腕村', '空壳村', 1, 0, 1, 0],
    ['two adjacent misreadings, one fixed', '诚旭谈话', '诫旭谈话', '诫勉谈话', 2, 1, 1, 0],
    ['whitespace in the OCR text is ignored', '机 关 于 部', '机关干部', '机关干部', 1, 1, 0, 0],
    ['a right character changed is newly broken', '机关干部', '机关千部', '机关干部', 0, 0, 0, 1],
    ['a right character deleted is newly broken', '巡察组', '巡组', '巡察组', 0, 0, 0, 1],
    ['a digit read as a letter is not a Han misreading', '2O24年', '2024年', '2024年', 0, 0, 0, 0],
    ['a Han read as punctuation is not one-for-one Han', '一，三', '一二三', '一二三', 0, 0, 0, 0],
    ['one Han read as two is not one-for-one', '信口西', '信画', '信函', 0, 0, 0, 0],
    ['an extra character inserted by OCR is not a misreading', '整改改情况', '整改情况', '整改情况', 0, 0, 0, 0],
    ['clean text: nothing to count', '整改情况', '整改情况', '整改情况', 0, 0, 0, 0],
  ];
  it.each(cases)('%s', (_what, raw, output, gold, misreadings, fixed, missed, broken) => {
    expect(scoreHanMisreadings(raw, output, gold)).toMatchObject({ misreadings, fixed, missed, broken });
  });

  it('names what was missed and what was broken', () => {
    const s = scoreHanMisreadings('机关于部和巡察组', '机关于部和巡祭组', '机关干部和巡察组');
    expect(s.missedExamples).toEqual(['于→干 (机关干部和巡; output 于)']);
    expect(s.brokenExamples).toEqual(['察→祭 (部和巡察组)']);
  });
});

describe('alignment', () => {
  it('pairs equal-length changed hunks one for one and leaves the rest unaligned', () => {
    const a = align('甲乙丙丁', '甲乙X丁戊');
    expect(Array.from(a.hypAt)).toEqual([0, 1, 2, 3, -1]);
    expect(Array.from(a.same)).toEqual([1, 1, 0, 1, 0]);
    const b = align('甲乙乙丁', '甲丙丁');
    expect(b.hypAt[0]).toBe(0);
    expect(b.hypAt[2]).toBe(3);
    expect(b.hypAt[1]).toBe(-1); // two characters for one: not paired
  });
});
