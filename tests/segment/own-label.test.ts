/**
 * A list of problems whose first progress label OCR destroyed: the item is still a problem when the next
 * problem of its container continues its numbering, and a label printed as the document's own label with
 * most of its characters misread ("放改温定情况：" among 整改落实情况：) still separates statement and progress.
 */
import { describe, expect, it } from 'vitest';
import { segment } from '../../pipeline/segment/index.ts';
import { findLabelMidLine, matchLabel, matchQuestion, matchSubsection } from '../../pipeline/segment/markers.ts';
import { ownLabelLength } from '../../pipeline/segment/progress.ts';
import { expectPartition, expectSlices } from './check.ts';

const problemsOf = (text: string) => {
  const r = segment(text);
  expectPartition(text, r.blocks);
  expectSlices(text, r);
  return r.notice.sections.flatMap((s) => [...s.problems, ...s.subsections.flatMap((x) => x.problems)]);
};

const notice = (firstLabel: string, junk = '') =>
  [
    '中共某某市交通运输局党组关于巡察整改进展情况的通报',
    '一、巡察反馈问题整改落实情况',
    '（一）政治建设方面',
    `1.推进交通项目建设不够有力。个别项目征地拆迁长期未完成。${junk}`,
    `${firstLabel}建立重点项目周调度机制，完成投资28.7亿元。`,
    '2.农村公路管护责任落实不到位。部分县养护资金配套不足。',
    '整改落实情况：市级财政安排养护补助资金3200万元。',
    '3.城乡客运服务短板仍然明显。偏远村组群众出行不便。',
    '整改落实情况：新开通镇村公交线路17条。',
    '二、下一步工作打算',
    '持续巩固整改成果。',
    '',
  ].join('\n');

describe('a problem whose progress label OCR destroyed', () => {
  it.each([
    ['放改温定情况：', '放改温定情况'],
    ['整改温定情况；', '整改温定情况'],
  ])('"%s" is the document\'s own label, damaged: statement and progress apart', (label, printed) => {
    const ps = problemsOf(notice(label));
    expect(ps.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(ps[0]).toMatchObject({ statement: '推进交通项目建设不够有力。个别项目征地拆迁长期未完成。', progress: '建立重点项目周调度机制，完成投资28.7亿元。', progressLabel: printed });
  });

  it('a label too unlike the document\'s own stays text: the item is still a problem, its text all statement', () => {
    const ps = problemsOf(notice('工作开展情况：'));
    expect(ps.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(ps[0]!.progress).toBe('');
    expect(ps[0]!.statement).toContain('工作开展情况：建立');
  });

  it('junk after the statement\'s last sentence end, in the line before a label line, is left out of the statement', () => {
    const ps = problemsOf(notice('整改落实情况：', '后'));
    expect(ps[0]).toMatchObject({ statement: '推进交通项目建设不够有力。个别项目征地拆迁长期未完成。', progress: '建立重点项目周调度机制，完成投资28.7亿元。' });
  });

  it.each([
    ['放改温定情况：会同', 6],
    ['整改温实情况:会同', 6],
    ['放改温定情况会同', 0], // no colon
    ['放改温定情兄：会同', 0], // its last two characters misread too
    ['工作开展情况：会同', 0], // two of six characters in place
  ])('ownLabelLength("%s") = %i among 整改落实情况', (content, n) => {
    expect(ownLabelLength(content, new Set(['整改落实情况']))).toBe(n);
  });

  it.each([
    ['目前整改进度：制定三年规划', '目前整改进度'],
    ['当前整改进展情况：已完成', '当前整改进展情况'],
    ['整改进度：已完成', '整改进度'],
  ])('a label said of the present: %s', (s, label) => {
    expect(matchLabel(s)).toMatchObject({ label });
  });
  it('"目前进度较慢：" is no label', () => {
    expect(matchLabel('目前进度较慢：项目')).toBeNull();
  });

  it('dash debris before a label', () => {
    expect(matchLabel('-“整改落实情况；会同公安')).toMatchObject({ label: '整改落实情况', damaged: true });
  });
});

describe('a statement label and a paragraph about all the problems', () => {
  const body = (closing: string) =>
    [
      '中共某某县人民法院党组关于巡察整改进展情况的通报',
      '一、巡察反馈问题整改落实情况',
      '（一）队伍建设方面',
      '（1）问题表现：干部队伍结构不够合理。审判一线人员力量不足。',
      '整改措施：招录政法专项编制人员12名。',
      '（2）问题表现：干部教育培训针对性不强。',
      '整改措施：开展专题培训15期。',
      closing,
      '二、下一步工作安排',
      '持续巩固整改成果。',
      '',
    ].join('\n');

  it('"问题表现：" is the statement\'s label, not its text', () => {
    const ps = problemsOf(body('通过整改，全院审判质效明显向好。'));
    expect(ps[0]).toMatchObject({ statement: '干部队伍结构不够合理。审判一线人员力量不足。', statementLabel: '问题表现', progress: '招录政法专项编制人员12名。' });
  });

  it.each(['通过整改，全院审判质效明显向好。', '以上问题中，已完成整改2个。', '总体来看，整改取得阶段性成效。', '总的来看，整改工作总体进展顺利。', '截至目前，反馈的2个问题已整改完成1个。'])('"%s" after the last problem belongs to the subsection', (closing) => {
    const r = segment(body(closing));
    const sub = r.notice.sections[0]!.subsections[0]!;
    expect(sub.problems[1]!.progress).toBe('开展专题培训15期。');
    expect(sub.paragraphs.map((p) => p.text)).toContain(closing);
  });

  it.each(['通过整改，该问题已解决。', '截至目前，已完成投资3亿元。'])('a progress paragraph of its own problem stays in it ("%s" speaks of one problem)', (last) => {
    const ps = problemsOf(body(last));
    expect(ps[1]!.progress).toBe(`开展专题培训15期。\n${last}`);
  });
});

describe('a brace read for a bracket', () => {
  it.each([['（二}关于全面从严治党方面的问题', 2], ['{三）组织建设方面', 3]])('%s is subsection %i (damaged)', (s, n) => {
    expect(matchSubsection(s)).toMatchObject({ number: n, damaged: true });
  });
});

describe('问题 with a Chinese numeral, damaged', () => {
  it.each([['间题三：纳税缴费', 3], ['奖题一：学习贯彻', 1], ['问愿十二、落实', 12]])('%s → %i (weak: needs its neighbours)', (s, n) => {
    expect(matchQuestion(s)).toMatchObject({ number: n, damaged: true, weak: true });
  });

  it('three marks of debris before a damaged first marker, a damaged third: four problems in order', () => {
    const lines = ['中共某某县税务局委员会关于巡察整改进展情况的通报', '一、巡察反馈问题整改进展情况'];
    const markers = ['”，，奖题一：', '问题二：', '间题三：', '问题四：'];
    markers.forEach((m, k) => lines.push(`${m}第${k + 1}个问题的表述，存在${k + 2}处不足。`, `整改进展：已整改第${k + 1}项，完成${k + 3}次。`));
    lines.push('二、下一步工作措施', '持续巩固整改成果。', '');
    expect(problemsOf(lines.join('\n')).map((p) => [p.number, p.statement.slice(0, 3)])).toEqual([1, 2, 3, 4].map((n) => [n, `第${n}个`]));
  });
});

describe('a label whose colon OCR read as a full stop', () => {
  it('between two sentence ends, a long label read exactly is the label', () => {
    const s = '部分项目建设进度滞后于年度计划。整改完成情况。集团党委专题研究';
    expect(findLabelMidLine(s)).toMatchObject({ label: '整改完成情况', start: s.indexOf('整改'), end: s.indexOf('集团') });
  });
  it.each(['按月通报。整改落实情况，由局党组统一通报。', '定期通报整改完成情况。集团党委'])('"%s" is prose', (s) => {
    expect(findLabelMidLine(s)).toBeNull();
  });
});
