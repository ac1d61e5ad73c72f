/**
 * Marks in the margin (margin-debris.ts): one or two characters an engine read from specks beside the text column,
 * set apart from the line by spaces, are removed; markers, label values and lines of nothing but short runs stay.
 */
import { describe, expect, it } from 'vitest';
import { MARGIN_DEBRIS_MEASURED, marginDebris, marginFragments } from '../../pipeline/normalise/margin-debris.ts';
import { TrackedText } from '../../pipeline/tracked-text.ts';

const fragments = (line: string) => marginFragments(line).map((f) => f.text);

describe('margin fragments', () => {
  it.each([
    ['a speck read as a character after the text', '发现疑点线索38条，核实问题2个。      下', ['下']],
    ['one before the text', '本   (7 ) 干部队伍专业结构不够合理。', ['本']],
    ['several after it', '用的制度规范。      AR   0  二', ['AR', '0', '二']],
    ['marks before and after', '，，   中共桐江市教育局委员会    一', ['，，', '一']],
    ['a Latin pair before a label', 'RE    整改进展情况: 一是制定科室负责人交流轮岗实施方案', ['RE']],
    ['three spaces in a spaced line', '开 展 专 项 检 查 ， 下 达 整 改 通 知 书 89 份 。    人', ['人']],
  ])('%s', (_what, line, want) => {
    expect(fragments(line)).toEqual(want);
  });

  it.each([
    ['a numbered item set apart from its text', '1.   学习贯彻党的创新理论不够深入。'],
    ['a subsection marker', '（一）   关于政治建设方面'],
    ['a section marker', '二、   巡察反馈问题整改情况'],
    ['the value after a label', '临府〔2024〕3号    签发人：  王五'],
    ['a line of short runs only', 'NT   人     二'],
    ['one space is the engine spacing inside text', '整 改 情 况 : 实 施 社 区 后 备 干 部 本'],
    ['two spaces in a line whose engine spaces every character', '整 改 措 施 及 成 效 ： 已 完 成  整 改'],
    ['a run of three characters is text', '联系电话：0739-5528163     张晓明'],
  ])('kept: %s', (_what, line) => {
    expect(fragments(line)).toEqual([]);
  });
});

describe('the stage', () => {
  it('removes each fragment as a correction a reviewer sees, at the measured confidence, and nothing else', () => {
    const text = '本   (7 ) 干部队伍专业结构不够合理。   本\n整改措施及成效：今年通过公开招录补充专业人员4名。\n';
    const edits = marginDebris(text);
    expect(edits.map((e) => text.slice(e.start, e.end))).toEqual(['本', '本']);
    const { right, wrong } = MARGIN_DEBRIS_MEASURED;
    for (const e of edits) expect(e.meta).toMatchObject({ type: 'correction', kind: 'punctuation', rule: 'punct:margin-debris', confidence: Math.round(((right + 1) / (right + wrong + 2)) * 100) / 100 });
    const t = new TrackedText(text);
    t.apply(edits);
    expect(t.text).toBe('   (7 ) 干部队伍专业结构不够合理。   \n整改措施及成效：今年通过公开招录补充专业人员4名。\n');
  });
});
