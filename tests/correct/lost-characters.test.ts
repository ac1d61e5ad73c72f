/**
 * A character OCR dropped inside a long domain term comes back, and only there:
 * the shortened form must be no word, never printed in clean notices, and the
 * genre model must like the insertion.
 */
import { describe, expect, it } from 'vitest';
import { createCorrector, loadDictionaries } from '../../pipeline/correct/index.ts';
import { buildLostCharacterIndex, restoreLostCharacters } from '../../pipeline/correct/lost-characters.ts';

const corrector = createCorrector(loadDictionaries());
const lost = (text: string): string[] =>
  corrector
    .correctDocument({ text })
    .edits.filter((e) => e.meta.type === 'correction' && e.meta.rule === 'lexicon:lost-character')
    .map((e) => `${e.replacement}@${e.start}`);

describe('lost characters in domain terms', () => {
  it.each([
    ['a character lost inside 民主生活会', '县政府班子成员在民主活会上没有报告个人事项。', ['生@10']],
    ['lost beside a neighbour the document pass repairs (店 → 活)', '巡察整改专题民主生店会召开不及时。班子成员在民主店会上没有报告。', ['生@24']],
    ['a short term is never completed (谈函询 is how 约谈函询 reads)', '采取约谈函询方式处置问题线索。', []],
    ['the full term stays', '召开专题民主生活会。', []],
  ])('%s', (_name, text, expected) => {
    expect(lost(text)).toEqual(expected);
  });

  it('leave out forms that are words, shared by two terms, or printed in clean text', () => {
    const idx = buildLostCharacterIndex(['民主生活会', '组织生活会', '巡察整改工作'], (v) => v === '巡察整工作', '召开巡察整改作会议。');
    expect(idx.variants.get('民主活会')).toEqual({ term: '民主生活会', at: 2 });
    expect(idx.variants.has('巡察整工作')).toBe(false); // a word
    expect(idx.variants.has('巡察整改作')).toBe(false); // printed in the corpus
    expect(idx.variants.has('民生活会')).toBe(true);
  });

  it('do not split a protected term, and need the genre model', () => {
    const idx = buildLostCharacterIndex(['民主生活会'], () => false, '');
    const text = '召开民主活会。';
    expect(restoreLostCharacters(text, idx, () => false, () => 10, 6).map((e) => e.start)).toEqual([4]);
    expect(restoreLostCharacters(text, idx, (i) => i === 4, () => 10, 6)).toEqual([]);
    expect(restoreLostCharacters(text, idx, () => false, () => 5, 6)).toEqual([]);
  });

  it.each([
    ['printed once', '召开民主活会。', [4]],
    ['printed twice: the document\'s wording', '召开民主活会。\n民主活会后整改。', []],
    ['printed twice, the term also printed: still the wording', '召开民主活会。\n民主生活会上。\n民主活会后整改。', []],
    ['printed once, the term also printed', '召开民主活会。\n民主生活会上。', [4]],
  ])('a shortened form %s', (_name, text, starts) => {
    const idx = buildLostCharacterIndex(['民主生活会'], () => false, '');
    expect(restoreLostCharacters(text, idx, () => false, () => 10, 6).map((e) => e.start)).toEqual(starts);
  });
});
