/**
 * Completion readings (pipeline/correct/completion-readings.ts): a character that forms no word
 * with either neighbour, read as a character completing a frequent word with one. Made-up
 * sentences: a misreading no confusion table lists (骏 for 弱) is corrected where the language
 * models are decisive, a reading short of that replaces a weaker suggestion, correct text the word
 * lists do not know (偏慢, 食材, 巡河) is left alone, and the channel's prior is the site's rate
 * shared by shape.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { completionPriors, completionSite } from '../../pipeline/correct/completion-readings.ts';
import { createCorrector, loadDictionaries, type Corrector } from '../../pipeline/correct/index.ts';
import { PARAMS } from '../../pipeline/correct/params.ts';
import { correctorTables, type CorrectorTables } from '../../pipeline/correct/tables.ts';
import { rng } from '../../scripts/lib/rng.ts';
import { withParams } from '../helpers/params.ts';

describe('completionPriors', () => {
  const seeded = rng(20261206);
  const cases = Array.from({ length: 50 }, () => Array.from({ length: 1 + Math.floor(seeded() * 40) }, () => seeded() * 2 - 1));

  it('shares the rate among the candidates: their prior probabilities add up to it (50 seeded sets)', () => {
    for (const sims of cases) {
      const odds = completionPriors(sims, 0.02, 10).reduce((acc, z) => acc + Math.exp(z), 0);
      expect(odds / (1 + odds)).toBeCloseTo(0.02, 9);
    }
  });

  it('gives a more similar candidate a larger prior, and equal shares without a shape slope', () => {
    for (const sims of cases) {
      const p = completionPriors(sims, 0.02, 10);
      for (let k = 1; k < sims.length; k++) expect(Math.sign(p[k]! - p[0]!)).toBe(Math.sign(sims[k]! - sims[0]!));
      const flat = completionPriors(sims, 0.02, 0);
      for (const z of flat) expect(z).toBeCloseTo(flat[0]!, 12);
    }
  });
});

describe('completion readings in the corrector', () => {
  let tables: CorrectorTables;
  let corrector: Corrector;
  beforeAll(() => {
    const dicts = loadDictionaries();
    tables = correctorTables(dicts);
    corrector = createCorrector(dicts);
  }, 60_000);

  const completionChanges = (text: string) =>
    corrector
      .correct({ text })
      .edits.filter((e) => e.meta.type === 'correction' && e.meta.rule === 'real-word:completion')
      .map((e) => `${text.slice(e.start, e.end)}→${e.replacement}`);

  it.each([
    ['村级集体经济基础薄骏，发展后劲不足。'],
    ['工作机制不够健全，监督管理存在薄骏环节。'],
    ['要针对薄骏环节逐项制定整改方案，补齐短板。'],
  ])('reads a misreading no look-alike table lists (%s: 骏 for 弱)', (text) => {
    expect(completionChanges(text)).toEqual(['骏→弱']);
    withParams({ completionReadings: false }, () => expect(completionChanges(text)).toEqual([]));
  });

  it.each([
    ['对工作进度偏慢的单位进行约谈，加快工作进度。'],
    ['学校食堂大宗食材实行集中采购。'],
    ['全年开展巡河巡林一千余人次。'],
    ['对发现的问题立行立改，举一反三。'],
    ['坚持应谈尽谈，做到全覆盖。'],
    ['推动一企一策精准帮扶。'],
  ])('leaves correct text alone (%s)', (text) => {
    expect(corrector.correct({ text }).edits).toEqual([]);
  });

  it.each([
    ['对巡察反馈尚未完成整改的问题持续跟宏督办，确保全部整改到位。', '宏→实', '宏→踪'],
    ['教育局党委坚决扫起巡察整改政治责任。', '扫→规', '扫→扛'],
  ])('puts a reading short of the apply bar in place of a weaker suggestion, never applied (%s)', (text, lookAlike, completion) => {
    const suggested = () => corrector.correctDocument({ text }).suggestions.map((e) => `${text.slice(e.start, e.end)}→${e.replacement}`);
    expect(corrector.correctDocument({ text }).edits).toEqual([]);
    expect(suggested()).toEqual([completion]);
    withParams({ completionSuggest: PARAMS.corruptApply }, () => expect(suggested()).toEqual([lookAlike]));
  });

  it('adds no suggestion where no other stage suggested one', () => {
    // 茖实: no stage suggests a reading of 茖, though 落实 completes the word
    const text = '制定局党委茖实全面从严治党主体责任清单。';
    expect(corrector.correctDocument({ text }).suggestions).toEqual([]);
    // and wherever a completion reading is suggested, the other stages had suggested a reading of that character
    for (const t of ['制定局党委葛实全面从严治党主体责任清单。', '制定局党委蓉实全面从严治党主体责任清单。', '对巡察反馈尚未完成整改的问题持续跟宏督办，确保全部整改到位。']) {
      const readings = corrector.correctDocument({ text: t }).suggestions.filter((e) => e.meta.type === 'correction' && e.meta.note?.includes('posterior'));
      expect(readings.length).toBeGreaterThan(0);
      const before = withParams({ completionReadings: false }, () => corrector.correctDocument({ text: t }).suggestions.map((e) => e.start));
      for (const e of readings) expect(before).toContain(e.start);
    }
  });

  it('takes no character that forms a known word with a neighbour as a site', () => {
    const s = '监督管理存在薄弱环节';
    expect(completionSite(s, 0, s.length, s.indexOf('弱'), tables)).toBeNull();
    const damaged = '监督管理存在薄骏环节';
    expect(completionSite(damaged, 0, damaged.length, damaged.indexOf('骏'), tables)).toContain('弱');
  });
});
