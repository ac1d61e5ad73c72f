import { describe, expect, it } from 'vitest';
import { findEnumerationMarkers } from '../../pipeline/segment/enumerations.ts';
import { findLabelMidLine, matchItem, matchLabel, matchQuestion, matchSection, matchSubsection } from '../../pipeline/segment/markers.ts';

describe('section markers', () => {
  it.each([
    ['一、组织整改落实情况', 1, '一、', false],
    ['十、其他', 10, '十、', false],
    ['十二、附则', 12, '十二、', false],
    ['一 、组织整改落实情况', 1, '一 、', true],
    ['二，集中整改', 2, '二，', true],
    ['三.下一步工作打算', 3, '三.', true],
  ])('%s → %i', (s, n, marker, damaged) => {
    expect(matchSection(s)).toMatchObject({ number: n, marker, damaged });
  });
  it.each(['一是强化组织领导', '十三届县委第四轮巡察', '问题1.', '（一）反馈问题', '二十条措施'])('%s is not a section', (s) => {
    const m = matchSection(s);
    // "一是…" matches "一" only with punctuation, so no match at all here
    expect(m).toBeNull();
  });
});

describe('subsection markers', () => {
  it.each([
    ['（一）反馈问题', 1, false],
    ['(二)政治巡察定位不够精准', 2, true],
    ['〈三）巡察后半篇文章', 3, true],
    ['〔二〕关于组织建设方面', 2, true],
    ['（ 四 ）巡察机构履职', 4, true],
    ['（十一）其他', 11, false],
  ])('%s → %i', (s, n, damaged) => {
    expect(matchSubsection(s)).toMatchObject({ number: n, damaged });
  });
  it.each(['（1）小项', '（含市委提级巡察）', '一、标题'])('%s is not a subsection', (s) => {
    expect(matchSubsection(s)).toBeNull();
  });
});

describe('problem markers 问题N', () => {
  it.each([
    ['问题1.学习贯彻', 1, '问题1.', false, 4],
    ['问题3．推动巡察', 3, '问题3．', false, 4],
    ['问题 2县委巡察工作', 2, '问题 2', true, 4],
    ['问题12. 人才库建设', 12, '问题12.', false, 6],
    ['问题4、聚焦', 4, '问题4、', true, 4],
  ])('%s → %i', (s, n, marker, damaged, len) => {
    expect(matchQuestion(s)).toMatchObject({ number: n, marker, damaged, length: len });
  });
  it.each(['问题线索及时向县委汇报', '问题清单中县委书记'])('%s is not a problem marker', (s) => {
    expect(matchQuestion(s)).toBeNull();
  });
});

describe('numbered items', () => {
  it.each([
    ['1.持续深化整改', 1, false],
    ['2．强化成果运用', 2, false],
    ['3、健全长效机制', 3, false],
    ['3. 强化制度建设', 3, false],
    ['2深化成果运用', 2, true],
  ])('%s → %i', (s, n, damaged) => {
    expect(matchItem(s)).toMatchObject({ number: n, damaged });
  });
  it.each(['2024年3月购置', '1.5亿元资金', '30个单位', '195名干部', '7天内'])('%s is not an item', (s) => {
    expect(matchItem(s)).toBeNull();
  });
});

describe('progress labels', () => {
  it.each([
    ['整改进展情况：一是', '整改进展情况', 7, false],
    ['整改情况：已完成', '整改情况', 5, false],
    ['整改措施及成效：', '整改措施及成效', 8, false],
    ['整改落实情况:一是', '整改落实情况', 7, true],
    ['整改进展： 已整改', '整改进展', 6, false],
    ['整改进展情况一是', '整改进展情况', 6, true],
    ['整政进展情况：一是', '整政进展情况', 7, true],
    ['〔整改情况，开展专项整治', '整改情况', 6, true],
    ['整改情况, 开展专项整治', '整改情况', 6, true],
  ])('%s → %s', (s, label, end, damaged) => {
    expect(matchLabel(s)).toMatchObject({ label, start: 0, end, damaged });
  });
  it.each(['整改情况分别向巡察工作领导小组汇报', '整改进展情况的通报', '整改工作有关要求', '一是整改进展情况：', '整改，情况'])('%s has no label at start', (s) => {
    expect(matchLabel(s)).toBeNull();
  });
  it('finds a label after a sentence end inside a line', () => {
    const s = '没有落实到位。整改进展情况：已全部落实。';
    expect(findLabelMidLine(s)).toMatchObject({ label: '整改进展情况', start: 7, end: 14 });
    expect(findLabelMidLine('了解整改进展情况，听取整改情况汇报')).toBeNull();
  });
});

describe('enumerations', () => {
  const table: [string, [number, string][]][] = [
    ['一是强化领导。二是落实措施。三是坚持导向。', [[1, '一是'], [2, '二是'], [3, '三是']]],
    ['有差距。一 是县委常委会。二是对省委。', [[1, '一 是'], [2, '二是']]],
    ['情况 a 三见各巡察组', []],
    ['一是汇报。二是汇总 a 三见各巡察组', [[1, '一是'], [2, '二是'], [3, '三见']]],
    ['统一是前提，唯一是', []],
    ['二是落实整改措施', [[2, '二是']]],
    ['一是甲；三是丙', [[1, '一是']]],
  ];
  it.each(table)('%s', (s, want) => {
    expect(findEnumerationMarkers(s).map((h) => [h.ordinal, h.marker])).toEqual(want);
  });
});
