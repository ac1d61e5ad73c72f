/**
 * Document-level evidence through the real corrector (real dictionaries, genre
 * model): one glyph misread the same way in several places (or corrected in
 * some of them by the paragraph pass), and a term the
 * document prints many times seen once through a look-alike. Names that repeat
 * with the same neighbour, common characters and single occurrences stay.
 */
import { describe, expect, it } from 'vitest';
import { documentNames } from '../../pipeline/correct/document-names.ts';
import { createCorrector, loadDictionaries } from '../../pipeline/correct/index.ts';

const corrector = createCorrector(loadDictionaries());
const documentChanges = (text: string): string[] =>
  corrector
    .correctDocument({ text })
    .edits.filter((e) => e.meta.type === 'correction' && e.meta.rule.startsWith('document:'))
    .map((e) => `${text.slice(e.start, e.end)}→${e.replacement}@${e.start}`);

const COUNTY = '衡阳县委巡察办牵头，衡阳县委组织部配合，衡阳县纪委监委参加，衡阳县各乡镇落实。';

describe('document evidence', () => {
  it.each([
    [
      'one uncommon glyph misread in three places: one reading fits them all (流程, 流程, 交流)',
      '二是强化巡察庞程指导，完善巡察工作手册。\n开展巡察整改工作庞程指引试点工作。\n强化信息双向交庞。二是强化成果运用。',
      ['庞→流@6', '庞→流@29', '庞→流@46'],
    ],
    [
      'a misreading corrected in two paragraphs is corrected where the paragraph alone did not decide (敷改进度 → 整改进度)',
      '发现并督促敷改问题11个。\n把敷改中形成的有效做法固化为制度。\n半月调度一次敷改进度。',
      ['敷→整@38'],
    ],
    [
      'a place name repeats with the same neighbour: not a misreading (鸿川 is not 四川)',
      '中共鸿川交通投资集团有限公司委员会。\n第三巡察组对鸿川交通投资集团开展巡察。\n邮政信箱：鸿川市高新区。',
      [],
    ],
    [
      'a name printed the same way each time, its constant neighbour making no word with the reading (菁潭 is not 菁全)',
      '中共菁潭能源发展集团有限公司委员会。\n市委第四巡察组对菁潭能源发展集团党委进行了巡察。\n结合菁潭实际修订《能源保供应急预案》。\n邮寄地址菁潭市滨江大道206号。',
      [],
    ],
    [
      'a commoner character misread in three contexts, for a look-alike making words in all but one (叶 → 时)',
      '巡察组进驻后及时召开动员会，争取叶间主动。\n对某乡叶将违规发放补贴问题立行立改。\n同叶，严格执行各项制度。',
      ['叶→时@16', '叶→时@25', '叶→时@42'],
    ],
    [
      'a commoner character in three contexts that no look-alike fits stays (撤点, 撤队)',
      '巡察组撤点后7天内完成反馈。\n巡察组撤队后及时移交问题线索。\n第四轮巡察撤点70天后才召开会议。',
      [],
    ],
    ['printed once: no document evidence', '二是强化巡察庞程指导，完善巡察工作手册。', []],
    [
      'a term printed four times, once through a look-alike (衔阳 → 衡阳)',
      `${COUNTY}\n修订完善《衔阳县委巡察整改专项检查办法》。`,
      [`衔→衡@${COUNTY.length + 6}`],
    ],
    [
      'a common character is not taken for the document\'s term (情况及 stays although 情况反 is printed)',
      '巡察情况反馈会。\n巡察情况反馈意见。\n听取情况反馈。\n日常监督情况反馈。\n巡察综合情况及县委第四轮巡察。',
      [],
    ],
    ['a term printed twice only is not enough for two characters', '衡阳县委。衡阳县委。\n衔阳的情况。', []],
  ])('%s', (_name, text, expected) => {
    expect(documentChanges(text)).toEqual(expected);
  });

  it('records rule, confidence and a note a reviewer can read', () => {
    const text = `${COUNTY}\n修订完善《衔阳县委巡察整改专项检查办法》。`;
    const e = corrector.correctDocument({ text }).edits.find((x) => x.meta.type === 'correction' && x.meta.rule === 'document:term');
    expect(e?.meta.type === 'correction' && e.meta.confidence).toBeGreaterThan(0.8);
    expect(e?.meta.type === 'correction' && e.meta.note).toContain('衡阳');
  });
});

describe("the document's own names", () => {
  const allChanges = (text: string) => corrector.correctDocument({ text }).edits.map((e) => `${text.slice(e.start, e.end)}→${e.replacement}`);
  const notice = (name: string, place: string) =>
    [`${name}关于省委巡视整改进展情况的通报`, `省委第二巡视组对${name}开展了常规巡视。`, `通信地址：${place}市滨江路188号${place}大学党委办公室。`, name, ''].join('\n');

  it('an issuer printed twice or more, and the proper name inside it, are not corrected (澜泽 is no 润泽)', () => {
    expect(allChanges(notice('中共澜泽大学委员会', '澜泽'))).toEqual([]);
  });

  it('the rest of the document is corrected as before', () => {
    const text = notice('中共澜泽大学委员会', '澜泽') + '学校党委持续屎化作风建设，取得明显成效。\n';
    expect(allChanges(text)).toEqual(['屎→深']);
  });

  it('a name printed once is no evidence: its words are the corrector\'s as before', () => {
    expect(documentNames('中共澜泽大学委员会关于巡视整改进展情况的通报\n整改工作有序推进。\n')).toEqual([]);
    expect(documentNames(notice('中共澜泽大学委员会', '澜泽'))).toEqual(['中共澜泽大学委员会', '澜泽']);
  });
});
