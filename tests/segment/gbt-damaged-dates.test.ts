/**
 * Dates OCR damaged (look-alike numerals from dictionaries/confusions/), as sign-off and 印发 dates, and the
 * top-level issuer/date taken from the sign-off where there is one. Strings are made up here, not copied
 * from any fixture.
 */
import { describe, expect, it } from 'vitest';
import { readDamagedDate } from '../../pipeline/segment/damaged-dates.ts';
import { segment } from '../../pipeline/segment/index.ts';
import { expectPartition } from './check.ts';

describe('readDamagedDate', () => {
  it.each([
    // printed, one valid reading (null: none or several)
    ['二O二三年五月九日', '2023-05-09'], // Latin O for 〇
    ['二〇〇二三年五月九日', '2023-05-09'], // one 〇 read twice
    ['二o二三年五月二十入日', null], // 入 may be 八 or 六: two readings
    ['二o二三年五月十从日', '2023-05-18'], // 从 for 八
    ['二〇二三年十一月三十日', null], // undamaged: not this reader's business
    ['二〇二三年七月十上日', null], // 上 may be 七 or 三: two readings
    ['二〇二三年五月丸日', '2023-05-09'], // 丸 for 九
    ['2O23年11月l2日', '2023-11-12'], // Arabic digits with O and l
    ['二〇二三年十二月三十二日', null], // no valid reading
    ['二〇二三年二月三十曰', null], // 曰 for 日, but February has no 30th
    ['二〇二三年三月三十曰', '2023-03-30'],
  ])('%s → %s', (s, iso) => {
    const d = readDamagedDate(s);
    expect(d?.iso ?? null).toBe(iso);
  });
  it('says why a damaged date stays null', () => {
    expect(readDamagedDate('二〇二三年七月十上日')?.damage).toMatch(/2 readings fit/);
    expect(readDamagedDate('二〇二三年十二月三十二日')?.damage).toMatch(/no reading/);
  });
  it('reads nothing in an ordinary sentence', () => expect(readDamagedDate('全年完成整改任务十二项。')).toBeNull());
});

const HEAD = ['某某县农业农村局', '某农发〔2023〕5号', '关于巡察整改情况的通报', '各股室：', '一、总体情况', '已完成整改。', '二、问题整改情况', '问题1.台账不全。', '整改进展情况：已补齐台账。'];

describe('sign-off date with look-alike numerals', () => {
  it.each([
    ['二O二三年六月二十从日', '2023-06-28'],
    ['二O二三年六月二十入日', null],
    ['二〇〇二三年六月九日', '2023-06-09'],
    ['二〇二三年六月十上日', null],
  ])('%s: date %s, a date-damaged warning, the sign-off kept', (printed, iso) => {
    const text = [...HEAD, '某某县农业农村党组', printed, '（此件公开发布）', ''].join('\n');
    const r = segment(text);
    expect(r.notice.signoff).toMatchObject({ issuers: ['某某县农业农村党组'], date: iso });
    expect(r.notice.date).toBe(iso);
    expect(r.notice.note?.value).toBe('此件公开发布');
    expect(r.warnings.filter((w) => w.code === 'date-damaged').map((w) => text.slice(w.start, w.end))).toEqual([printed]);
    expect(r.warnings.some((w) => w.code === 'furniture')).toBe(false);
    expectPartition(text, r.blocks);
  });
  it('印发日期 with look-alike digits', () => {
    const text = [...HEAD, '某某县农业农村党组', '2023年6月28日', '抄送：县委巡察办。', '某某县农业农村局办公室 2O23年6月3O日印发', ''].join('\n');
    const r = segment(text);
    expect([r.notice.printedBy?.value, r.notice.printDate?.value]).toEqual(['某某县农业农村局办公室', '2023-06-30']);
    expect(r.warnings.filter((w) => w.code === 'date-damaged')).toHaveLength(1);
  });
});

describe('top-level issuer and date are the sign-off\'s where there is one', () => {
  it.each([
    // header issuer line, sign-off issuer, expected issuer
    ['某某县农业农村局', '某某县农业农村党组', '某某县农业农村党组'],
    ['某某县农业农村局', null, '某某县农业农村局'],
  ])('header %s, sign-off %s → %s', (_header, signoff, issuer) => {
    const text = [...HEAD, ...(signoff ? [signoff] : []), '2023年6月28日', ''].join('\n');
    const n = segment(text).notice;
    expect([n.issuer, n.date]).toEqual([issuer, '2023-06-28']);
  });
});

describe('sign-off date whose year lost its first numerals under the seal', () => {
  it.each([
    // printed sign-off date, 印发 date, the date read (null: not one reading in the year up to the 印发日期)
    ['0.二三年八月七日', '2023年8月9日', '2023-08-07'],
    ['.O二三年十二月三十日', '2024年1月4日', '2023-12-30'], // the 印发 a year later
    ['·二四年一月二日', '2024年1月5日', '2024-01-02'],
    ['0.二三年八月七日', '2023年8月6日', null], // would be after the 印发日期
    ['0.二一年八月七日', '2023年8月9日', null], // more than a year before it
    ['0.23年8月7日', '2023年8月9日', '2023-08-07'], // Arabic digits
  ])('%s, printed %s → %s, warned', (printed, imprint, iso) => {
    const text = [...HEAD, '某某县农业农村党组', printed, '抄送：县委巡察办。', `某某县农业农村局办公室 ${imprint}印发`, ''].join('\n');
    const r = segment(text);
    expect(r.notice.signoff).toMatchObject({ issuers: ['某某县农业农村党组'], date: iso });
    expect(r.notice.date).toBe(iso);
    const warned = r.warnings.filter((w) => w.code === 'date-damaged');
    expect(warned.map((w) => text.slice(w.start, w.end))).toEqual([printed]);
    expect(warned[0].message).toMatch(iso ? /first numerals are lost/ : /could not be read/);
    expectPartition(text, r.blocks);
  });

  it('without a 印发日期 the year stays unread', () => {
    const text = [...HEAD, '某某县农业农村党组', '0.二三年八月七日', ''].join('\n');
    const r = segment(text);
    expect(r.notice.signoff).toMatchObject({ issuers: ['某某县农业农村党组'], date: null });
    expect(r.warnings.filter((w) => w.code === 'date-damaged')).toHaveLength(1);
  });
});
