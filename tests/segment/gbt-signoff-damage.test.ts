/**
 * Sign-offs OCR damaged (issue 13, second round): a joint sign-off above a date that cannot be read, debris
 * glued after an issuer line, and a month or day that is no numeral as printed (one numeral read as its
 * look-alike). Strings are made up here, not copied from any fixture.
 */
import { describe, expect, it } from 'vitest';
import { readDamagedDate, unreadableDateLine } from '../../pipeline/segment/damaged-dates.ts';
import { segment } from '../../pipeline/segment/index.ts';
import { issuerWithDebris } from '../../pipeline/segment/tail.ts';
import { expectPartition } from './check.ts';
import { madeUpNotice } from './made-up-notice.ts';

describe('a month or day that is no numeral as printed: one numeral swapped, taken only when one reading fits', () => {
  it.each([
    ['二〇二三年二一月四日', '2023-11-04'], // 二一 is no numeral; 十一 is (十 read 二); 二十一 is no month
    ['二〇二三年二二月五日', '2023-12-05'], // 十二; 二十二 is no month
    ['二〇二三年十月二一日', null], // 十一 (十 read 二) or 二十一 (十 lost): two readings
    ['二〇二三年八月六日', null], // undamaged
    ['二〇二三年七月十上日', null], // 上 for 七 or 三: two readings, no swap tried
    ['二〇二三年十二月三十二日', null], // a numeral as printed (32), just no valid day: not swapped
  ])('%s → %s', (s, iso) => expect(readDamagedDate(s)?.iso ?? null).toBe(iso));
  it('says which swap was made, or that several fit', () => {
    expect(readDamagedDate('二〇二三年二一月四日')?.damage).toMatch(/二一→十一/);
    expect(readDamagedDate('二〇二三年十月二一日')?.damage).toMatch(/2 readings/);
  });
});

describe('unreadableDateLine', () => {
  it.each([
    ['0.OO二三年十一月四日', true], // 二〇 read "0.": no reading
    ['二〇二三年1O月|日', true],
    ['某某年某月某日', false], // words, not numerals
    ['2023年11月4日', false], // a readable date
    ['全年完成整改任务十二项。', false],
  ])('%s: %s', (s, shaped) => expect(unreadableDateLine(s) !== null).toBe(shaped));
});

describe('issuerWithDebris', () => {
  it.each([
    ['某某区人民政府办公室了本', { issuer: '某某区人民政府办公室', debris: '了本' }],
    ['某某县农业农村局下', { issuer: '某某县农业农村局', debris: '下' }],
    ['某某区人民政府办公室', null], // an issuer as it is
    ['某某县农业农村局2024年', null], // a date, not debris
    ['全面完成整改任务了', null],
  ])('%s', (s, r) => expect(issuerWithDebris(s)).toEqual(r));
});

const HEAD = ['某某县农业农村局', '某农发〔2023〕5号', '关于巡察整改情况的通报', '各股室：', '一、总体情况', '已完成整改。', '二、问题整改情况', '问题1.台账不全。', '整改进展情况：已补齐台账。'];

describe('sign-off recognised without a read date', () => {
  it.each([
    // the date line as printed, the issuers stacked above it, the warning said
    ['二O二三年六月二十入日', ['中共某某县委员会', '某某县人民政府'], /no reading|readings fit/],
    ['0.OO二三年十一月四日', ['中共某某县委员会', '某某县人民政府'], /could not be read/],
    ['0.OO二三年十一月四日', ['中共某某县委员会', '某某县人民政府', '某某县农业农村局'], /could not be read/],
  ])('%s under %j: every issuer, date null, date-damaged warning', (printed, issuers, why) => {
    const text = [...HEAD, ...issuers, printed, '（此件公开发布）', ''].join('\n');
    const r = segment(text);
    expect(r.notice.signoff).toMatchObject({ issuers, date: null });
    expect(r.notice.issuer).toBe(issuers.join('、'));
    expect(r.notice.date).toBeNull();
    expect(r.notice.note?.value).toBe('此件公开发布');
    expect(r.warnings.filter((w) => w.code === 'date-damaged').map((w) => w.message)).toEqual([expect.stringMatching(why)]);
    expectPartition(text, r.blocks);
  });
  it('a date-shaped line with no issuer above it is not a sign-off date', () => {
    const text = [...HEAD, '0.OO二三年十一月四日', ''].join('\n');
    expect(segment(text).notice.signoff).toBeNull();
  });
  it('debris after the issuer line: the issuer taken, the debris warned and kept in the text', () => {
    const text = [...HEAD, '某某区人民政府办公室了本', '2023年12月2日', '抄送：区委办公室，区纪委监委。', '某某区人民政府办公室 2023年12月3日印发', ''].join('\n');
    const r = segment(text);
    expect(r.notice.signoff).toMatchObject({ issuers: ['某某区人民政府办公室'], date: '2023-12-02' });
    expect(r.notice.issuer).toBe('某某区人民政府办公室');
    expect(r.warnings.filter((w) => w.code === 'furniture').map((w) => text.slice(w.start, w.end))).toEqual(['了本']);
    expectPartition(text, r.blocks);
  });
});

describe('specks between the sign-off issuer and its date (a seal stamped over them)', () => {
  const notice = (signoff: string[]) => madeUpNotice({ signoff });
  it.each([
    // [sign-off lines as read, issuer, date (null: unreadable, date-damaged)]
    [['中共某某县交通运输局党组', '2.一', '2024年5月6日'], '中共某某县交通运输局党组', '2024-05-06'],
    [['中共某某县交通运输局党组', '·', '2024年5月6日'], '中共某某县交通运输局党组', '2024-05-06'],
    [['中共某某县交通运输局党组', '2.一', '0.OO二四年五月六日'], '中共某某县交通运输局党组', null],
    [['中共某某县交通运输局党组', '2024年5月6日'], '中共某某县交通运输局党组', '2024-05-06'],
  ])('%j', (signoff, issuer, date) => {
    const text = notice(signoff);
    const r = segment(text);
    expect(r.notice.signoff?.issuer).toBe(issuer);
    expect(r.notice.signoff?.date ?? null).toBe(date);
    expect(r.notice.issuer).toBe(issuer);
    expectPartition(text, r.blocks);
  });

  it('a line of words between issuer and date is not specks: the sign-off is the date alone', () => {
    const r = segment(notice(['中共某某县交通运输局党组', '特此通报', '2024年5月6日']));
    expect(r.notice.signoff?.issuers ?? []).toEqual([]);
  });
});
