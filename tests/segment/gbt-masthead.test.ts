/**
 * 发文机关标志 (issue 13, second round): a joint masthead whose first line an engine read apart and put at the
 * top of the page, above the 份号 / 密级 / 紧急程度 lines; 文件 misread. Strings are made up here.
 */
import { describe, expect, it } from 'vitest';
import { segment } from '../../pipeline/segment/index.ts';
import { expectPartition } from './check.ts';

const BODY = ['某某县人民政府关于巡察整改情况的通报', '各单位：', '一、总体情况', '已完成整改。', '二、问题整改情况', '问题1.制度不健全。', '整改进展情况：已修订制度3项。', '某某县人民政府', '2024年10月15日', ''];

describe('joint masthead read in pieces', () => {
  it.each([
    // the 版头 lines as read, the issuerMark, whether 文件 was misread (a label-damaged warning)
    [['中共某某县委员会', '某某县人民政府文件'], '中共某某县委员会某某县人民政府文件', false],
    [['中共某某县委员会', '000123', '机密★1年', '特急', '某某县人民政府文件'], '中共某某县委员会某某县人民政府文件', false],
    [['中共某某县委员会', '特急', '某某县人民政府', '文件'], '中共某某县委员会某某县人民政府文件', false],
    [['中共某某县委员会', '000123', '某某县人民政府', '人件'], '中共某某县委员会某某县人民政府文件', true],
    [['000123', '特急', '某某县人民政府又件'], '某某县人民政府文件', true],
  ])('%j → %s', (head, mark, damaged) => {
    const text = [...head, ...BODY].join('\n');
    const r = segment(text);
    expect(r.notice.issuerMark?.value).toBe(mark);
    expect(r.notice.title).toBe('某某县人民政府关于巡察整改情况的通报');
    expect(r.warnings.some((w) => w.code === 'label-damaged' && /发文机关标志/.test(w.message))).toBe(damaged);
    expect(text.slice(0, r.notice.issuerMark!.span.end)).toMatch(/[文人又]件$/);
    expectPartition(text, r.blocks);
  });
  it('an issuer line above the 版头 with a sentence between is not part of the mark', () => {
    const text = ['中共某某县委员会', '请各单位认真落实。', '某某县人民政府文件', ...BODY].join('\n');
    expect(segment(text).notice.issuerMark?.value).toBe('某某县人民政府文件');
  });
});
