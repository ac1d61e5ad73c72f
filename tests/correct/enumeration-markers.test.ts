/**
 * Enumeration markers 一是…二是…三是… damaged by OCR are repaired from their
 * sequence, and only there: ordinary sentence starts (这是, 于是) and a list
 * without intact markers around the damage stay as printed.
 */
import { describe, expect, it } from 'vitest';
import { createCorrector, loadDictionaries } from '../../pipeline/correct/index.ts';

const corrector = createCorrector(loadDictionaries());
const markers = (text: string): string[] =>
  corrector
    .correct({ text })
    .edits.filter((e) => e.meta.type === 'correction' && e.meta.rule === 'rule:enumeration-sequence')
    .map((e) => `${text.slice(e.start, e.end)}→${e.replacement}`);

describe('enumeration markers repaired from their sequence', () => {
  it.each([
    ['a garbled third marker at the end of the list', '一是加强理论学习。二是完善工作制度。万是强化日常监督。', ['万→三']],
    ['a misread numeral between two intact ones', '一是加强学习。二是完善制度。二是强化监督。四是严肃问责。', ['二→三']],
    ['after a progress label whose colon was lost', '整改进展情况一是建立台账。二是开展督查。万是联合有关部门开展治理。', ['万→三']],
  ])('%s', (_name, text, want) => {
    expect(markers(text)).toEqual(want);
  });
  it.each([
    ['an ordinary sentence start (这是)', '一是加强学习。二是完善制度。这是我们的重要经验。'],
    ['an ordinary sentence start (于是)', '一是加强学习。二是完善制度。于是全面推开。'],
    ['a repeated numeral with nothing after it to confirm', '一是加强学习。二是完善制度。三是强化监督。三是严肃问责。'],
    ['too few intact markers to know the sequence', '二是完善制度。万是强化监督。'],
  ])('leaves alone: %s', (_name, text) => {
    expect(markers(text)).toEqual([]);
  });
});
