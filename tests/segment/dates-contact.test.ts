import { describe, expect, it } from 'vitest';
import { parseChineseNumber, parseDate } from '../../pipeline/segment/numerals.ts';
import { contactStart, parseContact } from '../../pipeline/segment/contact.ts';

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['九', 9], ['十', 10], ['十一', 11], ['二十', 20], ['二十三', 23], ['三十一', 31], ['12', 12],
  ])('%s → %i', (s, n) => expect(parseChineseNumber(s)).toBe(n));
  it.each(['', '十十', '一二', '甲', '十二三'])('%s → null', (s) => expect(parseChineseNumber(s)).toBeNull());
});

describe('dates → ISO', () => {
  it.each([
    ['2024年7月3日', '2024-07-03'],
    ['2024 年 12 月 28 日', '2024-12-28'],
    ['二〇二四年七月三日', '2024-07-03'],
    ['二〇二三年十二月二十八日', '2023-12-28'],
    ['二○二四年十月三十一日', '2024-10-31'],
    ['二零二四年二月二十九日', '2024-02-29'],
  ])('%s → %s', (s, iso) => expect(parseDate(s)).toBe(iso));
  it.each(['2023年2月29日', '2024年13月1日', '2024年7月', '二〇二四年十三月一日', '7月3日'])('%s → null', (s) => {
    expect(parseDate(s)).toBeNull();
  });
});

describe('contact parsing', () => {
  const line = '邮政信箱：湖南省衡阳县西渡镇蒸阳大道219号县委巡察办收；联系电话：0734-6880072；电子邮箱：hyxwxcb2017@163.com。';
  it.each([
    [line, { address: '湖南省衡阳县西渡镇蒸阳大道219号县委巡察办收', postcode: null, phone: ['0734-6880072'], email: ['hyxwxcb2017@163.com'] }],
    ['通信地址：某某县人民路1号县委巡察办（邮编：421200）；联系电话：0734-1234567、13812345678',
      { address: '某某县人民路1号县委巡察办（邮编：421200）', postcode: '421200', phone: ['0734-1234567', '13812345678'], email: [] }],
    ['来信地址：某县政府大院3号，邮编421000，举报电话：12388，电子邮箱：xcb@abc.gov.cn',
      { address: '某县政府大院3号', postcode: '421000', phone: ['12388'], email: ['xcb@abc.gov.cn'] }],
    ['联系电话：0857-4621088；邮政地址：石门坎镇人民政府党政办公室。', { address: '石门坎镇人民政府党政办公室', postcode: null, phone: ['0857-4621088'], email: [] }],
    ['电子邮箱：hyx@163 . com', { address: null, postcode: null, phone: [], email: ['hyx@163.com'] }],
  ])('%s', (s, want) => {
    const c = parseContact(s, { start: 0, end: s.length });
    expect(c).toMatchObject({ ...want, text: s });
  });
  it('finds where contact details start', () => {
    expect(contactStart('欢迎监督。如有意见建议，请及时反映。邮政信箱：某地')).toBe(18);
    expect(contactStart('欢迎广大干部群众对巡察整改落实情况进行监督。')).toBe(-1);
  });
});
