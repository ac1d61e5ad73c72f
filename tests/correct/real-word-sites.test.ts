/**
 * Real-word errors (pipeline/correct/real-word-sites.ts): a misreading that forms
 * a known word is weighed again after the look-alike passes. Made-up sentences:
 * the error is corrected where both language models and the channel are decisive,
 * and a correct real word (十部门, the lexicon's 领学) is left alone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCorrector, loadDictionaries, type Corrector, type Dictionaries } from '../../pipeline/correct/index.ts';
import { PARAMS } from '../../pipeline/correct/params.ts';
import { inLexiconTerm, realWordSiteKind } from '../../pipeline/correct/real-word-sites.ts';
import { withParams } from '../helpers/params.ts';

describe('realWordSiteKind', () => {
  const common = PARAMS.rareCharFreq;
  it.each([
    ['inside a known corrupted form', 2, common, undefined, PARAMS.corruptPriorShift, PARAMS.corruptApply],
    ['covered and inside a corrupted form', 3, common, 0.9, PARAMS.corruptPriorShift, PARAMS.corruptApply],
  ])('a character %s has its own prior and apply bar', (_case, cov, freq, confidence, prior, apply) => {
    expect(realWordSiteKind(cov, freq, confidence)).toEqual({ prior, apply });
  });

  it.each([
    ['covered by no word (the look-alike passes examine it)', 0, common, undefined],
    ['rare', 1, common - 1, undefined],
    ['read with low confidence', 1, common, PARAMS.lowConfidence - 0.01],
  ])('a character %s is not its site', (_case, cov, freq, confidence) => {
    expect(realWordSiteKind(cov, freq, confidence)).toBeNull();
  });

  it('looks at a character covered by a known word only when covered sites are on, with their own prior', () => {
    expect(realWordSiteKind(1, common)).toBeNull();
    const was = PARAMS.realWordCoveredSites;
    PARAMS.realWordCoveredSites = true;
    try {
      expect(realWordSiteKind(1, common)).toEqual({ prior: PARAMS.coveredPriorShift, apply: PARAMS.decoderApply });
    } finally {
      PARAMS.realWordCoveredSites = was;
    }
  });

  it('weighs a misreading at a covered-only character as rarer than at a corrupted form', () => {
    expect(PARAMS.coveredPriorShift).toBeLessThan(0);
    expect(PARAMS.corruptPriorShift).toBeGreaterThan(PARAMS.coveredPriorShift);
  });
});

describe('the corrector on real-word errors', () => {
  let dicts: Dictionaries;
  let corrector: Corrector;
  beforeAll(() => {
    dicts = loadDictionaries();
    corrector = createCorrector(dicts);
  }, 60_000);

  const changesOf = (text: string) => corrector.correct({ text }).edits.map((e) => ({ at: e.start, from: text.slice(e.start, e.end), to: e.replacement }));

  // the printed word that hides the error, the error's place in it, the reading
  it.each([
    ['全县选派三十名年轻十部到基层挂职锻炼。', '十部', 0, '干'],
    ['加强对年轻十部的教育管理监督。', '十部', 0, '干'],
    ['请各单位于本周五前报送整改任务清音', '清音', 1, '单'],
    ['各乡镇要按时报送问题清音和整改台账。', '清音', 1, '单'],
  ])('corrects the real-word error in %s (%s)', (text, word, k, to) => {
    const at = text.indexOf(word) + k;
    expect(changesOf(text)).toEqual([{ at, from: word[k], to }]);
    expect(corrector.correct({ text }).edits[0]?.meta).toMatchObject({ rule: 'real-word:word-model' });
  });

  // (the first reads 更→重 inside a corrupted form just under corruptApply: a bar of 0.9 changes it)
  it.each([
    ['为全市经济社会发展作出新的更大贡献。'],
    ['本次检查由十部门联合开展。'],
    ['每次集中学习由领学人先作发言。'],
    ['全县干部职工参加了专题学习。'],
  ])('leaves the correct text %s unchanged', (text) => {
    expect(changesOf(text)).toEqual([]);
  });

  it('treats a domain lexicon term as printed as evidence the print is right', () => {
    const text = '每次集中学习由领学人先作发言。';
    expect(dicts.lexicon.has('领学')).toBe(true);
    expect(inLexiconTerm(text, text.indexOf('领学') + 1, dicts.lexicon)).toBe(true);
    expect(inLexiconTerm('本次检查由十部门联合开展。', 5, new Map())).toBe(false);
  });

  it('examines those characters only when the stage is on', () => {
    const text = '加强对年轻十部的教育管理监督。';
    withParams({ realWordSites: false }, () => expect(changesOf(text)).toEqual([]));
  });
});
