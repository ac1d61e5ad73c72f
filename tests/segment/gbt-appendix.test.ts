/**
 * Attachment bodies printed after the sign-off ("附件1" alone on a line, its own title and content, then the
 * 版记): the sign-off, 附注, 附件说明 and 版记 are still read, the attachment lines are 'attachment' blocks,
 * and every character is in exactly one block. Made-up strings, a table of cases.
 */
import { describe, expect, it } from 'vitest';
import { attachmentHeading } from '../../pipeline/segment/appendix.ts';
import { segment } from '../../pipeline/segment/index.ts';
import { expectPartition, expectSlices } from './check.ts';

const BODY = ['某某镇人民政府关于巡察整改情况的通报', '各村（社区）：', '一、总体情况', '已完成整改。', '二、问题整改情况', '问题1.台账不全。', '整改进展情况：已补齐台账。', '问题2.制度不全。', '整改进展情况：已修订制度2项。'];
const LIST = ['附件：1.整改台账', '2.制度目录'];
const SIGN = ['某某镇人民政府', '2023年6月28日'];
const IMPRINT = ['抄送：县委巡察办，县纪委监委。', '某某镇党政办公室 2023年6月29日印发'];
const APPX1 = ['附件1', '整改台账', '一、台账编号规则', '1.按问题编号。', '问题1.台账不全：已补齐。'];
const APPX2 = ['附件2', '制度目录', '（一）财务管理制度', '（二）采购管理制度', '（此表由党政办填写）'];

describe('attachment heading', () => {
  it.each([
    ['附件1', true], ['附件 2', true], ['附件', true], ['附件二：', true], ['附仵1', true],
    ['附仵', false], ['附件：1.整改台账', false], ['附件1整改台账', false],
  ])('%s → %s', (s, ok) => expect(attachmentHeading(s) !== null).toBe(ok));
});

describe('attachment bodies after the sign-off', () => {
  it.each([
    { name: 'note, two attachments, 版记', lines: [...BODY, ...LIST, ...SIGN, '（此件公开发布）', ...APPX1, ...APPX2, ...IMPRINT], note: '此件公开发布', copyTo: 2 },
    { name: 'no note, two attachments, 版记', lines: [...BODY, ...LIST, ...SIGN, ...APPX1, ...APPX2, ...IMPRINT], note: null, copyTo: 2 },
    { name: 'note, one attachment, no 版记', lines: [...BODY, ...LIST, ...SIGN, '（此件公开发布）', ...APPX1], note: '此件公开发布', copyTo: 0 },
    { name: 'page number between the date and the attachment', lines: [...BODY, ...LIST, ...SIGN, '（此件公开发布）', '— 2 —', ...APPX1, ...IMPRINT], note: '此件公开发布', copyTo: 2 },
    { name: 'attachment ending in a bracketed line, no 版记', lines: [...BODY, ...LIST, ...SIGN, ...APPX2], note: null, copyTo: 0 },
  ])('$name', ({ lines, note, copyTo }) => {
    const text = [...lines, ''].join('\n');
    const r = segment(text);
    const n = r.notice;
    expect(n.signoff).toMatchObject({ issuers: ['某某镇人民政府'], date: '2023-06-28' });
    expect([n.issuer, n.date, n.note?.value ?? null, n.copyTo.length]).toEqual(['某某镇人民政府', '2023-06-28', note, copyTo]);
    expect(n.attachments.map((a) => a.title)).toEqual(['整改台账', '制度目录']);
    expect(n.problemCount).toBe(2);
    if (copyTo) expect(n.printDate?.value).toBe('2023-06-29');
    // every attachment-body line is in an 'attachment' block
    for (const line of [...APPX1, ...APPX2].filter((l) => lines.includes(l))) {
      const at = text.indexOf(`\n${line}\n`) + 1;
      expect(r.blocks.find((b) => b.span.start <= at && at < b.span.end)?.type).toBe('attachment');
    }
    expect(r.warnings.filter((w) => w.code !== 'furniture')).toEqual([]);
    expectPartition(text, r.blocks);
    expectSlices(text, r);
  });
  it('a 附件 line with nothing like a sign-off date above it is left to the body', () => {
    const text = [...BODY.slice(0, 4), '附件1', '整改台账', ...BODY.slice(4), ...SIGN, ''].join('\n');
    const r = segment(text);
    expect(r.notice.problemCount).toBe(2);
    expect(r.blocks.some((b) => b.type === 'attachment')).toBe(false);
  });
});
