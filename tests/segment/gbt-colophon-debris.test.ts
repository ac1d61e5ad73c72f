/**
 * OCR specks after a 版记 or 附注 element (issue 13, fourth round): "……印发 _", "（此件公开发布）.", a speck
 * among the 抄送 names. The element is read without them; they stay in its line's block. Strings are made up
 * here, not copied from any fixture.
 */
import { describe, expect, it } from 'vitest';
import { readCopyTo } from '../../pipeline/segment/colophon.ts';
import { segment } from '../../pipeline/segment/index.ts';
import { expectPartition, expectSlices } from './check.ts';
import { madeUpNotice } from './made-up-notice.ts';

const notice = (tail: string[]) => madeUpNotice({ tail });

describe('specks after a colophon element', () => {
  it.each([
    // [lines after the sign-off date, 附注, 抄送, 印发机关, 印发日期, specks warned]
    [['（此件公开发布）', '抄送：县委办，县政府办。', '中共某某县委巡察办  2024年5月8日印发 _'], '此件公开发布', ['县委办', '县政府办'], '中共某某县委巡察办', '2024-05-08', 1],
    [['（此件公开发布）.', '抄送：县委办，县政府办。', '中共某某县委巡察办  2024年5月8日印发'], '此件公开发布', ['县委办', '县政府办'], '中共某某县委巡察办', '2024-05-08', 1],
    [['（此件公开发布） ’', '抄送：县委办，县政府办。', '中共某某县委巡察办  2024年5月8日印发,'], '此件公开发布', ['县委办', '县政府办'], '中共某某县委巡察办', '2024-05-08', 2],
    [['（此件公开发布）', '抄送：县委办，县政府办。 ·', '中共某某县委巡察办  2024年5月8日印发'], '此件公开发布', ['县委办', '县政府办'], '中共某某县委巡察办', '2024-05-08', 0],
    [['（此件公开发布）', '抄送：县委办，县政府办。', '中共某某县委巡察办  2024年5月8日印发'], '此件公开发布', ['县委办', '县政府办'], '中共某某县委巡察办', '2024-05-08', 0],
    [['（此件公开发布）', '抄送：县委办，县政府办。', '中共某某县委巡察办  2024年5月8日印发二'], '此件公开发布', ['县委办', '县政府办'], '中共某某县委巡察办', '2024-05-08', 1],
  ])('%j', (tail, note, copyTo, printedBy, printDate, specks) => {
    const text = notice(tail);
    const r = segment(text);
    const n = r.notice;
    expect(n.note?.value).toBe(note);
    expect(n.copyTo.map((c) => c.value)).toEqual(copyTo);
    expect(n.printedBy?.value).toBe(printedBy);
    expect(n.printDate?.value).toBe(printDate);
    expect(n.signoff?.issuer).toBe('中共某某县委巡察办');
    expect(n.date).toBe('2024-05-06');
    expect(r.warnings.filter((w) => w.code === 'furniture' && /specks/.test(w.message))).toHaveLength(specks);
    expectPartition(text, r.blocks);
    expectSlices(text, r);
  });

  it('a 抄送 list keeps only names: specks between or after them are not organs', () => {
    expect(readCopyTo('抄送：县委办，·，县政府办。 _')?.items.map((x) => x.value)).toEqual(['县委办', '县政府办']);
  });

  it.each([
    ['（此件公开发布）x', '此件公开发布'],
    ['（此件公开发布） Il', '此件公开发布'],
    ['（此件公开发布）所', null], // a Han character is no speck: not read as a 附注 (kept as text)
    ['（此件公开发布）（二）', null],
  ])('%s: 附注 %s', (line, note) => {
    const r = segment(notice([line]));
    expect(r.notice.note?.value ?? null).toBe(note);
  });

  it.each([
    ['中共某某县委巡察办  2024年5月8日印发二'],
    ['中共某某县委巡察办  2024年5月8日印发 一2'],
  ])('%s: anything after 印发 is debris', (line) => {
    const r = segment(notice(['抄送：县委办，县政府办。', line]));
    expect(r.notice.printedBy?.value).toBe('中共某某县委巡察办');
    expect(r.notice.printDate?.value).toBe('2024-05-08');
    expect(r.notice.copyTo.map((c) => c.value)).toEqual(['县委办', '县政府办']);
  });
});
