/**
 * The noisy-channel decoder on tables of cases: real-word errors (机关于部
 * contains 关于) among them, clean text left alone, protected positions never
 * touched, and seeded invariants of its posteriors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDictionaries } from '../../pipeline/correct/dictionaries.ts';
import { decoderModels } from '../../pipeline/correct/models.ts';
import { decodeLine, type DecoderContext } from '../../pipeline/correct/decoder.ts';
import { DocumentPairs } from '../../pipeline/correct/reading-score.ts';
import { rng } from '../../scripts/lib/rng.ts';

const dicts = loadDictionaries();
const m = decoderModels(dicts);
const ctx = (line: string, extra: Partial<DecoderContext> = {}): DecoderContext => ({ ...m, document: new DocumentPairs(line), ...extra });
/** The decoder's best reading at each site whose best is not the printed character (posterior ≥ p). */
const changes = (line: string, p = 0.9, extra: Partial<DecoderContext> = {}): string[] =>
  decodeLine(line, ctx(line, extra))
    .filter((s) => s.readings[0] && s.readings[0].posterior >= p)
    .map((s) => `${s.printed}→${s.readings[0]!.ch}`);

describe('decoder', () => {
  it.each([
    ['全体党员于部要提高政治站位', '于→干', 0.9],
    ['认真落实整改借施，确保取得实效', '借→措', 0.9],
    ['及时叶开专题会议研究部署整改工作', '叶→召', 0.9],
    // 职务 is a word too: the better reading, not a certain one
    ['严格履行监督职黄，压实主体责任', '黄→责', 0.5],
    // a real-word error (关于 is a word): a candidate, and alone in one line only a suggestion
    ['市直机关于部作风建设存在突出问题', '于→干', 0.3],
  ])('reads %s with %s (posterior ≥ %s)', (line, change, p) => {
    expect(changes(line, p)).toEqual([change]);
  });

  it('takes a term the document prints elsewhere as evidence (机关于部 among 干部 ×4)', () => {
    const line = '市直机关于部作风建设存在突出问题';
    const doc = new DocumentPairs([line, '干部队伍建设', '年轻干部培养', '干部选拔任用', '基层干部'].join('\n'));
    expect(changes(line, 0.9, { document: doc })).toEqual(['于→干']);
  });

  it.each([
    ['市直机关干部作风建设存在突出问题'],
    ['下属单位和直属单位都要开展自查自纠'],
    ['第三巡察组对县委办公室开展了常规巡察'],
    ['截至目前，已完成整改任务四十二项'],
  ])('leaves the clean line %s alone', (line) => {
    expect(changes(line, 0.5)).toEqual([]);
  });

  it('never reads one numeral as another', () => {
    const numerals = '〇零一二三四五六七八九十百千万亿两';
    for (const ch of '一二三五七十') expect(m.candidates.of(ch).filter((c) => numerals.includes(c))).toEqual([]);
    const site = decodeLine('对近五年发展情况进行了全面梳理', ctx('对近五年发展情况进行了全面梳理')).find((s) => s.printed === '五');
    expect(site?.readings.filter((r) => numerals.includes(r.ch)) ?? []).toEqual([]);
  });

  it('never touches a protected position', () => {
    const line = '市直机关于部作风建设';
    const at = line.indexOf('于');
    expect(decodeLine(line, ctx(line, { isProtected: (i) => i === at })).some((s) => s.at === at)).toBe(false);
  });

  it('takes the OCR engine alternative as a candidate', () => {
    const line = '要进一步加强对下级党组织的指寻';
    const at = line.indexOf('寻');
    const site = decodeLine(line, ctx(line, { alternatives: (i) => (i === at ? [{ ch: '导', llr: 1 }] : []) })).find((s) => s.at === at);
    expect(site?.readings[0]?.ch).toBe('导');
  });

  it('keeps posteriors a distribution over each site (seeded corpus lines, misread at random)', () => {
    const random = rng(11);
    const corpus = readFileSync(join(dicts.dir, 'corpus', 'zhengwu-03.txt'), 'utf8').split('\n').filter((l) => l.length > 10).slice(0, 12);
    for (const clean of corpus) {
      const chars = [...clean];
      for (let k = 0; k < 2; k++) {
        const i = Math.floor(random() * chars.length);
        const alts = m.candidates.of(chars[i]!);
        if (alts.length) chars[i] = alts[Math.floor(random() * alts.length)]!;
      }
      const line = chars.join('');
      for (const s of decodeLine(line, ctx(line))) {
        expect(s.printed).toBe(line[s.at]);
        expect(s.readings.every((r) => r.ch !== s.printed && r.posterior > 0)).toBe(true);
        const total = s.printedPosterior + s.readings.reduce((a, r) => a + r.posterior, 0);
        expect(total).toBeCloseTo(1, 6);
        for (let k = 1; k < s.readings.length; k++) expect(s.readings[k]!.posterior).toBeLessThanOrEqual(s.readings[k - 1]!.posterior);
      }
    }
  });
});
