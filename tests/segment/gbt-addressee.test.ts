/**
 * 主送机关 run into the first paragraph by the layout stage (issue 13, fourth round): the line right after
 * the title opens with the names of bodies up to a colon. Strings are made up here, not copied from any fixture.
 */
import { describe, expect, it } from 'vitest';
import { segment } from '../../pipeline/segment/index.ts';
import { expectPartition, expectSlices } from './check.ts';
import { madeUpNotice } from './made-up-notice.ts';

const notice = (first: string) => madeUpNotice({ afterTitle: [first] });

describe('an addressee glued to the first paragraph', () => {
  it.each([
    // [the line after the title, addressee read, the preamble paragraph that follows]
    ['各乡镇党委、人民政府，县直各单位：根据县委统一部署，现将整改进展情况通报如下。', '各乡镇党委、人民政府，县直各单位', '根据县委统一部署，现将整改进展情况通报如下。'],
    ['局机关各股室，局属各单位： 为推动整改落实，现将有关情况通报如下。', '局机关各股室，局属各单位', '为推动整改落实，现将有关情况通报如下。'],
    ['各乡镇党委，县直各单位党组（党委）：按照巡察工作安排，通报如下。', '各乡镇党委，县直各单位党组（党委）', '按照巡察工作安排，通报如下。'],
    ['中共某某县委巡察工作领导小组：根据县委巡察工作领导小组统一部署，现将情况报告如下。', '中共某某县委巡察工作领导小组', '根据县委巡察工作领导小组统一部署，现将情况报告如下。'],
  ])('%s', (first, addressee, preamble) => {
    const text = notice(first);
    const r = segment(text);
    expect(r.notice.addressee).toBe(addressee);
    expect(r.notice.preamble.map((p) => p.text)).toEqual([preamble]);
    expect(r.warnings.map((w) => w.code)).toContain('addressee-glued');
    expect(r.blocks.filter((b) => b.type === 'addressee').map((b) => text.slice(b.span.start, b.span.end))).toEqual([`${addressee}：`]);
    expectPartition(text, r.blocks);
    expectSlices(text, r);
  });

  it.each([
    // a first paragraph that opens with a colon but no addressee: left whole
    ['现将整改进展情况通报如下：一是强化领导，二是压实责任。'],
    ['2024年3月至5月，县委第二巡察组：对县农业农村局开展了常规巡察。'],
    ['根据县委统一部署，县委第二巡察组对县农业农村局党组开展了巡察：现将整改情况通报如下。'],
    ['经县委同意：现将整改进展情况通报如下。'],
    ['各单位：'], // an addressee on its own line is read as before, without a warning
  ])('%s: not split', (first) => {
    const text = notice(first);
    const r = segment(text);
    expect(r.warnings.map((w) => w.code)).not.toContain('addressee-glued');
    expectPartition(text, r.blocks);
    if (first === '各单位：') expect(r.notice.addressee).toBe('各单位');
    else expect(r.notice.preamble.map((p) => p.text)).toEqual([first]);
  });
});
