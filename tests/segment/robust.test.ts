/**
 * OCR-damaged notices of the styles the first tune set lacked: seeded random damage to markers and labels
 * (look-alike digits and brackets, debris, glued markers, damaged or glued labels, run-on headings, page
 * furniture) must not lose or invent problems; plus a table case for each tolerance and its precision limit.
 */
import { describe, expect, it } from 'vitest';
import { segment } from '../../pipeline/segment/index.ts';
import { editDistance, findLabelMidLine, matchItem, matchLabel, matchQuestion, matchSection, matchSubsection, nearestLabel } from '../../pipeline/segment/markers.ts';
import { expectPartition, expectSlices } from './check.ts';
import { generateOcr, rng } from './generate.ts';

function problemsOf(r: ReturnType<typeof segment>) {
  return r.notice.sections.flatMap((s) => [...s.problems, ...s.subsections.flatMap((x) => x.problems)]);
}
/** Within 10% of the wanted text, page-furniture lines (which a contiguous slice cannot skip) left aside. */
const close = (a: string, b: string) => {
  const got = a.split('\n').filter((l) => !/^(- \d+ -|\d+|第\d+页)$/.test(l)).join('\n');
  return editDistance(got, b) <= Math.max(1, Math.ceil(0.1 * b.length));
};

describe('OCR-damaged notices in new styles', () => {
  it.each([false, true])('damaged=%s: every problem found once, statement and progress within 10%%', (damaged) => {
    const rand = rng(damaged ? 808 : 101);
    for (let k = 0; k < 300; k++) {
      const g = generateOcr(rand, damaged);
      const r = segment(g.text);
      expectPartition(g.text, r.blocks);
      expectSlices(g.text, r);
      const got = problemsOf(r);
      const msg = `case ${k} (${g.style}; ${g.damage.join(' ')})\n${g.text}`;
      expect(got.map((p) => p.number), msg).toEqual(g.problems.map((p) => p.number));
      g.problems.forEach((want, i) => {
        expect(close(got[i].statement, want.statement), `${msg}\nstatement ${i}: ${got[i].statement}`).toBe(true);
        expect(close(got[i].progress, want.progress), `${msg}\nprogress ${i}: ${got[i].progress}`).toBe(true);
      });
      expect(r.notice.title).toBe('中共某某县水利局党组关于县委巡察反馈意见整改落实情况的通报');
    }
  });
});

describe('bracketed and look-alike item markers', () => {
  it.each([
    ['（1）河长制', 1, false, false],
    ['(2) 农村饮水', 2, true, false],
    ['〈3）水利项目', 3, true, false],
    ['《D）河长制', 1, true, true],
    ['GD) 落实中央', 1, true, true],
    ['（l）党支部', 1, true, true],
    ['2）干部队伍', 2, true, true],
    ['（１２）其他', 12, false, false],
    ['〔8 ) 机关党建', 8, true, false],
  ])('%s → %i', (s, n, damaged, weak) => {
    expect(matchItem(s)).toMatchObject({ number: n, damaged, paren: true, ...(weak ? { weak: true } : {}) });
  });
  it.each([
    ['l.持续深化', 1],
    ['I．强化成果', 1],
    ['1，健全机制', 1],
    ['l2.人才库', 12],
  ])('%s → %i (damaged)', (s, n) => {
    expect(matchItem(s)).toMatchObject({ number: n, damaged: true });
  });
  it.each([
    ['1：产业发展', 1],
    ['1-产业发展', 1],
  ])('%s → %i (weak: needs its neighbours)', (s, n) => {
    expect(matchItem(s)).toMatchObject({ number: n, damaged: true, weak: true });
  });
  it.each(['（含市委提级巡察）', 'Do）', 'l，我们', '（0）', 'CD)', '1.5亿元', '1-2月', 'Dear']) ('%s is not an item', (s) => {
    expect(matchItem(s)).toBeNull();
  });
});

describe('dash for 一 and misread 问题', () => {
  it.each([['—、整改工作总体情况', 1], ['-，整改情况', 1]])('section %s → %i (damaged)', (s, n) => {
    expect(matchSection(s)).toMatchObject({ number: n, damaged: true });
  });
  it.each([['（—）政治建设方面', 1], ['(-)组织建设', 1]])('subsection %s → %i (damaged)', (s, n) => {
    expect(matchSubsection(s)).toMatchObject({ number: n, damaged: true });
  });
  it.each(['- 2 -', '——这是引语', '-1、'])('%s is no heading marker', (s) => {
    expect(matchSection(s)).toBeNull();
    expect(matchSubsection(s)).toBeNull();
  });
  it.each([['间题3.学习', 3], ['问愿12．推动', 12], ['问题l.制度', 1]])('%s → %i (weak)', (s, n) => {
    expect(matchQuestion(s)).toMatchObject({ number: n, damaged: true, weak: true });
  });
  it.each(['主题党日活动', '问题线索', '话题3个'])('%s is no question marker', (s) => {
    expect(matchQuestion(s)).toBeNull();
  });
  const q = (n: string) => `${n}学习不深入。\n整改进展情况：已学习。\n`;
  const doc = (body: string) => `关于巡察整改进展情况的通报\n一、问题整改情况\n${body}中共某某县委\n2024年7月3日\n`;
  it('a misread 问题 between its neighbours is a problem', () => {
    const r = segment(doc(q('问题1.') + q('间题2.') + q('问题3.')));
    expect(problemsOf(r).map((p) => [p.number, p.statement])).toEqual([[1, '学习不深入。'], [2, '学习不深入。'], [3, '学习不深入。']]);
  });
  it('a misread 问题 out of sequence stays text', () => {
    const r = segment(doc(q('问题1.') + q('主题7.') + q('问题2.')));
    expect(problemsOf(r).map((p) => p.number)).toEqual([1, 2]);
  });
});

describe('damaged progress labels', () => {
  it.each([
    ['”区改落实情况：对全县', '区改落实情况', 8, true],
    ['整改落实情况；成立专班', '整改落实情况', 7, true],
    ['整改措施及成败: 修订', '整改措施及成败', 9, true],
    ['“整改进展情况：一是', '整改进展情况', 8, true],
  ])('%s → %s', (s, label, end, damaged) => {
    expect(matchLabel(s)).toMatchObject({ label, start: 0, end, damaged });
  });
  it.each(['落实情况：已完成', '工作情况：良好', '一是整改进展情况：', '整改目标；', '情况说明：', '区改落实情兄；对全县', '区改落实情兄：两头都错'])('%s is not a label', (s) => {
    expect(matchLabel(s)).toBeNull();
  });
  it('nearest label: one wrong character for short labels, two for long ones', () => {
    expect(nearestLabel('整政情况')?.label).toBe('整改情况');
    expect(nearestLabel('区政情况')).toBeNull();
    expect(nearestLabel('区改进屈情况')?.label).toBe('整改进展情况');
  });
  it('finds a label glued after a sentence end with junk between', () => {
    const s = '垃圾清理不及时。本，整改落实情况：局党组牵头修订。';
    expect(findLabelMidLine(s)).toMatchObject({ label: '整改落实情况', start: 8, end: 17 });
    expect(findLabelMidLine('清理不及时。有关整改落实情况：')).toBeNull(); // two Han characters of junk: prose
  });
  it('finds an exact label whose sentence end was lost after a comma or digit, not after a Han character', () => {
    expect(findLabelMidLine('清理不及时，整改落实情况：已修订')).toMatchObject({ label: '整改落实情况', start: 6, end: 13, damaged: true });
    expect(findLabelMidLine('累计开展16整改情况:已完成')).toMatchObject({ label: '整改情况', start: 6 });
    expect(findLabelMidLine('会议听取整改进展情况：一是')).toBeNull();
    expect(findLabelMidLine('清理不及时，整改落实情况已修订')).toBeNull();
  });
});

describe('segmenting damaged layouts', () => {
  const head = '关于县委巡察反馈意见整改落实情况的通报\n一、关于决策部署方面的问题\n';
  const tail = '中共某某县水利局党组\n2024年9月12日\n';
  const found = (text: string) => problemsOf(segment(text)).map((p) => [p.number, p.statement, p.progress]);

  it('a "（1）" problem read as "《D）" is confirmed by its "（2）" neighbour', () => {
    const t = `${head}“《D）河长制落实不到位。\n整改落实情况：已修订规范。\n(2）饮水保障薄弱。\n整改落实情况：已落实管护。\n${tail}`;
    expect(found(t)).toEqual([[1, '河长制落实不到位。', '已修订规范。'], [2, '饮水保障薄弱。', '已落实管护。']]);
  });
  it('a marker with a dash of debris before it or a tortoise-shell bracket is a problem', () => {
    const t = `${head}（1）河长制落实不到位。\n整改落实情况：已修订规范。\n-(2）饮水保障薄弱。\n整改落实情况：已落实管护。\n〔3 ) 干部队伍结构不合理。\n整改落实情况：新招录4名。\n${tail}`;
    expect(found(t)).toEqual([[1, '河长制落实不到位。', '已修订规范。'], [2, '饮水保障薄弱。', '已落实管护。'], [3, '干部队伍结构不合理。', '新招录4名。']]);
  });
  it('a lone look-alike "D）" line is not a problem', () => {
    const t = `${head}D）说明材料一份。\n整改落实情况：已完成。\n${tail}`;
    expect(found(t)).toEqual([]);
  });
  it('a "（2）" marker glued mid-line after a lost sentence end starts its own problem', () => {
    const t = `${head}（1）河长制落实不到位。\n整改落实情况：累计开展16《2）干部队伍结构不合理。\n整改落实情况：新招录4名。\n${tail}`;
    expect(found(t)).toEqual([[1, '河长制落实不到位。', '累计开展16'], [2, '干部队伍结构不合理。', '新招录4名。']]);
  });
  it('a bracketed number inside prose is not unglued without the numbering and a label', () => {
    const t = `${head}（1）河长制落实不到位，包括巡河记录（2）份缺失。\n整改落实情况：已修订规范。\n${tail}`;
    expect(found(t)).toEqual([[1, '河长制落实不到位，包括巡河记录（2）份缺失。', '已修订规范。']]);
  });
  it('"（1）" sub-points under a "1." problem stay in it', () => {
    const t = `${head}1．台账管理不规范。\n（1）账目不全。\n（2）记录缺失。\n整改措施及成效：已建立台账。\n2．制度不健全。\n整改措施及成效：已修订制度。\n${tail}`;
    expect(found(t)).toEqual([[1, '台账管理不规范。\n（1）账目不全。\n（2）记录缺失。', '已建立台账。'], [2, '制度不健全。', '已修订制度。']]);
  });
  it('unlabelled "（一）关于……的问题" headings are problems; their progress is the following paragraphs', () => {
    const t = `${head}（一）关于党委领导作用发挥不够的问题\n修订议事规则。\n同时，建立联系制度。\n（二）关于服务质量有待提升的问题\n推行预约诊疗。\n${tail}`;
    expect(found(t)).toEqual([[1, '关于党委领导作用发挥不够的问题', '修订议事规则。\n同时，建立联系制度。'], [2, '关于服务质量有待提升的问题', '推行预约诊疗。']]);
  });
  it('a problem heading run on into its progress is split after "的问题"', () => {
    const t = `${head}（一）关于审计发现的收费问题整改不到位的问题医院对2022年以来的收费情况进行全面自查，清退多收费用。\n${tail}`;
    expect(found(t)).toEqual([[1, '关于审计发现的收费问题整改不到位的问题', '医院对2022年以来的收费情况进行全面自查，清退多收费用。']]);
  });
  it('"（一）" headings that are not problem statements stay subsections', () => {
    const t = `${head}（一）关于加强组织领导\n成立领导小组。\n（二）压实工作责任\n明确责任分工。\n${tail}`;
    const r = segment(t);
    expect(problemsOf(r)).toEqual([]);
    expect(r.notice.sections[0].subsections.map((s) => s.heading)).toEqual(['关于加强组织领导', '压实工作责任']);
  });
  it('an issuer line above a two-line title joins the title; trailing junk after the sign-off date is ignored', () => {
    const t = `中共某某县水利局党组\n关于县委巡察反馈意见\n整改落实情况的通报\n一、总体情况\n已完成。\n“中共某某县水利局党组”\n2024年9月12日；\n二|\n`;
    const n = segment(t).notice;
    expect([n.title, n.issuer, n.date, n.signoff?.issuer]).toEqual(['中共某某县水利局党组关于县委巡察反馈意见整改落实情况的通报', '中共某某县水利局党组', '2024-09-12', '中共某某县水利局党组']);
  });
});
