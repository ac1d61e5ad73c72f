/** Golden cases: short notices written for these tests, with their expected structure. */
import { describe, expect, it } from 'vitest';
import { segment } from '../../pipeline/segment/index.ts';
import { expectPartition, expectSlices } from './check.ts';

const QUESTION_STYLE = [
  '中共某某县委巡察工作领导小组',
  '某巡发〔2024〕3号',
  '中共某某县委巡察工作领导小组关于县委第二轮巡察',
  '集中整改进展情况的通报',
  '各乡镇党委、县直各单位：',
  '根据县委统一部署，县委第一巡察组对某局开展了巡察。现将整改进展情况予以公布。',
  '一 、组织整改落实情况',
  '某局党组高度重视。一是强化组织领导。二是落实整改措施。',
  '二、集中整改期内已完成的整改事项',
  '（一）贯彻落实党的路线方针政策方面',
  '问题1.学习贯彻不够深入。一是学习不及时。二是研讨不深入。',
  '整改进展情况：一是建立学习制度。二是开展专题研讨3次。',
  '问题 2落实责任有差距。',
  '如部分项目推进缓慢。',
  '整改情况:已制定工作方案。',
  '已督促完成项目5个。',
  '(二)全面从严治党方面',
  '问题3．财务管理不规范。整改进展情况：已完成整改。',
  '三、下一步工作打算',
  '1.持续深化整改。',
  '2.强化成果运用。',
  '欢迎广大干部群众对巡察整改落实情况进行监督。邮政信箱：某某县人民路1号；联系电话：0734-1234567。',
  '中共某某县委巡察工作领导小组',
  '二〇二四年七月三日',
  '',
].join('\n');

describe('question-style notice', () => {
  const r = segment(QUESTION_STYLE);
  const n = r.notice;
  it('keeps the invariants', () => {
    expectPartition(QUESTION_STYLE, r.blocks);
    expectSlices(QUESTION_STYLE, r);
  });
  it('reads the header', () => {
    expect(n.issuer).toBe('中共某某县委巡察工作领导小组');
    expect(n.documentNumber).toBe('某巡发〔2024〕3号');
    expect(n.title).toBe('中共某某县委巡察工作领导小组关于县委第二轮巡察集中整改进展情况的通报');
    expect(n.preamble.map((p) => p.text)).toEqual(['根据县委统一部署，县委第一巡察组对某局开展了巡察。现将整改进展情况予以公布。']);
    expect(r.blocks.slice(0, 6).map((b) => b.type)).toEqual(['issuer', 'document-number', 'title', 'title', 'addressee', 'preamble']);
  });
  it('builds sections, subsections and problems', () => {
    expect(n.sections.map((s) => [s.number, s.heading])).toEqual([[1, '组织整改落实情况'], [2, '集中整改期内已完成的整改事项'], [3, '下一步工作打算']]);
    expect(n.sections[0].paragraphs[0].enumerations.map((e) => e.text)).toEqual(['强化组织领导。', '落实整改措施。']);
    expect(n.sections[1].subsections.map((s) => s.heading)).toEqual(['贯彻落实党的路线方针政策方面', '全面从严治党方面']);
    const problems = n.sections[1].subsections.flatMap((s) => s.problems);
    expect(problems.map((p) => [p.number, p.marker, p.statement, p.progressLabel, p.progress])).toEqual([
      [1, '问题1.', '学习贯彻不够深入。一是学习不及时。二是研讨不深入。', '整改进展情况', '一是建立学习制度。二是开展专题研讨3次。'],
      [2, '问题 2', '落实责任有差距。\n如部分项目推进缓慢。', '整改情况', '已制定工作方案。\n已督促完成项目5个。'],
      [3, '问题3．', '财务管理不规范。', '整改进展情况', '已完成整改。'],
    ]);
    expect(problems[0].statementEnumerations.map((e) => [e.ordinal, e.text])).toEqual([[1, '学习不及时。'], [2, '研讨不深入。']]);
    expect(problems[0].progressEnumerations.map((e) => e.ordinal)).toEqual([1, 2]);
    expect(n.problemCount).toBe(3);
  });
  it('reads the closing, contact and sign-off', () => {
    expect(n.sections[2].paragraphs.map((p) => p.text)).toEqual(['1.持续深化整改。', '2.强化成果运用。']);
    expect(n.closing.map((p) => p.text)).toEqual(['欢迎广大干部群众对巡察整改落实情况进行监督。']);
    expect(n.contact).toMatchObject({ address: '某某县人民路1号', phone: ['0734-1234567'] });
    expect(n.signoff).toMatchObject({ issuer: '中共某某县委巡察工作领导小组', date: '2024-07-03' });
    expect(n.date).toBe('2024-07-03');
    expect(r.blocks.slice(-6).map((b) => b.type)).toEqual(['closing', 'closing', 'closing', 'contact', 'signoff', 'date']);
  });
  it('splits a mid-line label into its own block and warns about damage', () => {
    const label = QUESTION_STYLE.indexOf('整改进展情况：已完成整改');
    expect(r.blocks.find((b) => b.span.start === label)?.type).toBe('problem-progress');
    const codes = r.warnings.map((w) => w.code);
    expect(codes).toContain('marker-damaged');
    expect(codes).toContain('label-damaged');
    expect(codes).not.toContain('heading-missing');
  });
});

const NUMBERED_STYLE = [
  '某某市委巡察办关于市委第一轮巡察整改情况的报告',
  '一、存在问题整改情况',
  '（一）政治建设方面',
  '1.理论学习不深入。',
  '整改措施及成效：已开展学习。',
  '2．落实决策部署打折扣。',
  '整改落实情况：已全部整改。',
  '（二）作风建设方面',
  '1、文山会海问题突出。',
  '整改进展：会议减少三成。',
  '2.检查考核过多。',
  '整改进展：检查减少。',
  '欢迎监督。',
  '',
].join('\n');

describe('numbered-style notice', () => {
  const r = segment(NUMBERED_STYLE);
  it('numbers problems per subsection', () => {
    expectPartition(NUMBERED_STYLE, r.blocks);
    expectSlices(NUMBERED_STYLE, r);
    const subs = r.notice.sections[0].subsections;
    expect(subs.map((s) => s.problems.map((p) => [p.number, p.statement, p.progressLabel, p.progress]))).toEqual([
      [[1, '理论学习不深入。', '整改措施及成效', '已开展学习。'], [2, '落实决策部署打折扣。', '整改落实情况', '已全部整改。']],
      [[1, '文山会海问题突出。', '整改进展', '会议减少三成。'], [2, '检查考核过多。', '整改进展', '检查减少。']],
    ]);
    expect(r.notice.issuer).toBe('某某市委巡察办');
    expect(r.notice.closing.map((p) => p.text)).toEqual(['欢迎监督。']);
  });
});

const HEADING_STYLE = [
  '关于巡察反馈意见整改落实情况的通报',
  '一、反馈问题整改情况',
  '（一）关于学习贯彻不深入的问题',
  '整改情况：制定学习计划，开展学习12次。',
  '建立学习台账。',
  '（二）关于财务管理不规范的问题',
  '清理往来款项3笔。',
  '',
].join('\n');

describe('heading-style notice', () => {
  const r = segment(HEADING_STYLE);
  it('takes the heading as the statement', () => {
    expectPartition(HEADING_STYLE, r.blocks);
    expectSlices(HEADING_STYLE, r);
    const s = r.notice.sections[0];
    expect(s.subsections).toEqual([]);
    expect(s.problems.map((p) => [p.number, p.marker, p.statement, p.progressLabel, p.progress])).toEqual([
      [1, '（一）', '关于学习贯彻不深入的问题', '整改情况', '制定学习计划，开展学习12次。\n建立学习台账。'],
      [2, '（二）', '关于财务管理不规范的问题', null, '清理往来款项3笔。'],
    ]);
  });
});

describe('damage', () => {
  it('keeps closing items after a lost heading and warns', () => {
    const text = [
      '某县委巡察办关于整改进展情况的通报',
      '一、整改事项',
      '问题1.甲问题。',
      '整改进展情况：已整改。',
      '2深化成果运用。',
      '3.强化制度建设。',
    ].join('\n');
    const r = segment(text);
    expectPartition(text, r.blocks);
    expectSlices(text, r);
    expect(r.notice.problemCount).toBe(1);
    expect(r.notice.sections[0].problems[0].progress).toBe('已整改。');
    expect(r.notice.closing.map((p) => p.text)).toEqual(['2深化成果运用。', '3.强化制度建设。']);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['heading-missing', 'numbering-gap', 'marker-damaged']));
  });
  it('skips page furniture at the end and still finds the sign-off', () => {
    const text = '一、事项\n问题1.甲。\n整改情况：好。\n中共某县委巡察办\n2024年1月5日\n16\n';
    const r = segment(text);
    expectPartition(text, r.blocks);
    expectSlices(text, r);
    expect(r.notice.signoff).toMatchObject({ issuer: '中共某县委巡察办', date: '2024-01-05' });
    expect(r.notice.closing.map((p) => p.text)).toEqual(['16']);
    expect(r.warnings.map((w) => w.code)).toEqual(['title-missing', 'furniture']);
  });
  it('splits a heading-style problem whose label is on the heading line', () => {
    const text = '一、整改情况\n（一）关于学习不深入的问题。整改情况：已整改。\n（二）关于制度不健全的问题\n整改情况：已建立。';
    const r = segment(text);
    expectSlices(text, r);
    expect(r.notice.sections[0].problems.map((p) => [p.statement, p.progress])).toEqual([
      ['关于学习不深入的问题。', '已整改。'],
      ['关于制度不健全的问题', '已建立。'],
    ]);
  });
  it('starts the closing at a bare 下一步 heading and keeps later numbered sections as paragraphs', () => {
    const text = '一、事项\n问题1.甲。\n整改情况：好。\n下一步工作打算\n1.继续整改。\n二、其他工作\n1.做好宣传。';
    const r = segment(text);
    expectSlices(text, r);
    expect(r.notice.sections[0].problems[0].progress).toBe('好。');
    expect(r.notice.closing.map((p) => p.text)).toEqual(['下一步工作打算', '1.继续整改。']);
    expect(r.notice.sections[1].paragraphs.map((p) => p.text)).toEqual(['1.做好宣传。']);
    expect(r.warnings.map((w) => w.code)).toEqual(['title-missing', 'heading-damaged']);
  });
  it('starts a new line at a marker glued after a sentence end', () => {
    const text = '一、事项\n（一）甲方面\n1.甲。\n整改情况：确保不返贫。《二）乙方面\n1.乙。\n整改情况：好。';
    const r = segment(text);
    expectPartition(text, r.blocks);
    expectSlices(text, r);
    const subs = r.notice.sections[0].subsections;
    expect(subs.map((x) => [x.number, x.heading, x.problems.map((p) => p.progress)])).toEqual([
      [1, '甲方面', ['确保不返贫。']],
      [2, '乙方面', ['好。']],
    ]);
    expect(r.blocks.find((b) => b.span.start === text.indexOf('《二）'))?.type).toBe('subsection-heading');
    expect(r.warnings.map((w) => w.code)).toContain('marker-glued');
  });
  it('renumbers a section whose numeral was damaged into a repeat', () => {
    const text = '一、甲\n正文。\n二、乙\n正文。\n二，，下一步工作打算\n继续整改。';
    const r = segment(text);
    expect(r.notice.sections.map((s) => [s.number, s.heading])).toEqual([[1, '甲'], [2, '乙'], [3, '下一步工作打算']]);
    expect(r.warnings.filter((w) => w.code === 'marker-damaged').length).toBe(2);
    expect(r.warnings.map((w) => w.code)).toContain('no-problems');
  });
  it('reads a date printed under the title when there is no sign-off date', () => {
    const text = '关于巡察整改情况的通报\n（二〇二四年三月五日）\n一、事项\n问题1.甲。\n整改情况：好。';
    const r = segment(text);
    expectSlices(text, r);
    expect(r.notice.date).toBe('2024-03-05');
    expect(r.blocks.map((b) => b.type)).toEqual(['title', 'date', 'section-heading', 'problem-statement', 'problem-progress']);
  });
  it('numbered problems: items restarting at 1 with no label after the last problem are closing', () => {
    const text = '一、整改情况\n1.甲问题。\n整改情况：甲已改。\n2.乙问题。\n整改情况：乙已改。\n1.持续整改。\n2.健全机制。';
    const r = segment(text);
    expectSlices(text, r);
    expect(r.notice.sections[0].problems.map((p) => [p.number, p.statement, p.progress])).toEqual([[1, '甲问题。', '甲已改。'], [2, '乙问题。', '乙已改。']]);
    expect(r.notice.closing.map((p) => p.text)).toEqual(['1.持续整改。', '2.健全机制。']);
    expect(r.warnings.map((w) => w.code)).toEqual(['title-missing', 'heading-missing']);
  });
  it('warns about a gap in problem numbers', () => {
    const text = '一、事项\n问题1.甲。\n整改情况：好。\n问题3.丙。\n整改情况：好。';
    const r = segment(text);
    expect(r.notice.problemCount).toBe(2);
    expect(r.warnings.filter((w) => w.code === 'numbering-gap').map((w) => text.slice(w.start, w.end))).toEqual(['问题3.']);
  });
  it('turns a text that is not a notice into paragraphs', () => {
    const text = '今天天气很好。\n我们去公园散步。\n\n一是看花，二是看鱼。\n';
    const r = segment(text);
    expectPartition(text, r.blocks);
    expectSlices(text, r);
    expect(r.blocks.every((b) => b.type === 'paragraph')).toBe(true);
    expect(r.notice.preamble.map((p) => p.text)).toEqual(['今天天气很好。', '我们去公园散步。', '一是看花，二是看鱼。']);
    expect(r.warnings.map((w) => w.code)).toEqual(['no-structure']);
    expect(r.notice.sections).toEqual([]);
  });
  it('handles empty and blank-only text', () => {
    for (const text of ['', '\n\n', '   ']) {
      const r = segment(text);
      expectPartition(text, r.blocks);
      expect(r.notice.problemCount).toBe(0);
    }
  });
});
