/** GB/T 9704 element recognisers: tables of printed forms, OCR damage included, with what each must read. */
import { describe, expect, it } from 'vitest';
import { attachmentLabel, splitAttachments } from '../../pipeline/segment/attachments.ts';
import { readCopyTo, readImprint, readNote } from '../../pipeline/segment/colophon.ts';
import { labelAt } from '../../pipeline/segment/labels.ts';
import { readCopyNumber, readIssuerMark, readSecrecy, readSigner, readUrgency } from '../../pipeline/segment/masthead.ts';

/** [printed line, value read (null: not this element), damage tolerated (said in a warning)] */
type Row = [string, string | null, boolean];
const check = (read: (s: string) => { value: string; damage: string | null } | null, rows: Row[]) =>
  it.each(rows)('%s', (s, value, damaged) => {
    const r = read(s);
    expect(r?.value ?? null).toBe(value);
    if (r) expect(r.damage !== null).toBe(damaged);
  });

describe('份号', () => check(readCopyNumber, [
  ['000123', '000123', false],
  ['份号：000123', '000123', false],
  ['000 123', '000123', false],
  ['OO0123', '000123', true],
  ['000087-', '000087', true],
  ['0001', '0001', false],
  ['12', null, false],
  ['2024年', null, false],
  ['第一部分', null, false],
]));

describe('密级和保密期限', () => check(readSecrecy, [
  ['机密★1年', '机密★1年', false],
  ['秘密★6个月', '秘密★6个月', false],
  ['绝密★长期', '绝密★长期', false],
  ['机密', '机密', false],
  ['机密 ★ 1年', '机密★1年', false],
  ['机密1年', '机密★1年', true],
  ['机密妇1年', '机密★1年', true],
  ['秘密*6个月', '秘密★6个月', true],
  ['机密件', null, false],
  ['机密文件管理', null, false],
]));

describe('紧急程度', () => check(readUrgency, [
  ['特急', '特急', false],
  ['加急', '加急', false],
  ['特 急', '特急', false],
  ['特别', null, false],
  ['紧急通知', null, false],
]));

describe('发文机关标志', () => {
  check(readIssuerMark, [
    ['中共白禾县委巡察工作领导小组文件', '中共白禾县委巡察工作领导小组文件', false],
    ['石 湾 区 人 民 政 府 文 件', '石湾区人民政府文件', false],
    ['石湾区人民政府文伴', '石湾区人民政府文件', true],
    ['某某县人民政府又件', '某某县人民政府文件', true],
    ['某某县人民政府人件', '某某县人民政府文件', true],
    ['某某县人民政府人伴', null, false], // both characters wrong: not taken
    ['关于印发文件', null, false],
    ['各单位要认真学习文件。', null, false],
    ['人件', null, false],
  ]);
  it('takes a lone "文件" read with one character wrong only under issuer names', () => {
    expect(readIssuerMark('人件', true)).toMatchObject({ value: '文件' });
    expect(readIssuerMark('人件', false)).toBeNull();
  });
});

describe('签发人', () => {
  it.each([
    ['签发人：李明远', '李明远', '', false],
    ['青巡报〔2024〕6号 签发人：李明远', '李明远', '青巡报〔2024〕6号', false],
    ['青巡报〔2024〕6号签发人:李明远', '李明远', '青巡报〔2024〕6号', true],
    ['签友人：王  芳 张军', '王 芳 张军', '', true],
    ['签 发 人 李明远', '李明远', '', false],
  ])('%s', (s, names, before, damaged) => {
    const r = readSigner(s)!;
    expect([r.value, r.before, r.damage !== null]).toEqual([names, before, damaged]);
    expect(s.slice(r.start, r.end).replace(/\s+/g, ' ')).toBe(names);
  });
  it.each(['签发文件', '签友人李明远', '经签发人同意后印发各单位执行。'])('not a 签发人 line: %s', (s) => expect(readSigner(s)).toBeNull());
});

describe('印发机关和印发日期', () => {
  it.each([
    ['中共白禾县委巡察工作领导小组办公室 2024年10月16日印发', '中共白禾县委巡察工作领导小组办公室', '2024-10-16', false],
    ['石湾区人民政府办公室2024年12月3日印发', '石湾区人民政府办公室', '2024-12-03', false],
    ['县委办公室　　二〇二四年十月十六日印发', '县委办公室', '2024-10-16', false],
    ['县委办公室 2024年10月16日印友', '县委办公室', '2024-10-16', true],
  ])('%s', (s, by, date, damaged) => {
    const r = readImprint(s)!;
    expect([r.by.value, r.date.iso, r.by.damage !== null]).toEqual([by, date, damaged]);
  });
  it.each(['2024年10月16日', '县委办公室2024年10月16日', '本通知自2024年10月16日起施行'])('not an imprint: %s', (s) => expect(readImprint(s)).toBeNull());
});

describe('抄送', () => {
  it.each([
    ['抄送：市委巡察办，县委各常委，县人大常委会党组、县政府党组。', ['市委巡察办', '县委各常委', '县人大常委会党组', '县政府党组'], false],
    ['抄送:县委办公室,县纪委监委', ['县委办公室', '县纪委监委'], true],
    ['抄 送：县委办公室。', ['县委办公室'], false],
    ['抄逆：县委办公室、县纪委监委。', ['县委办公室', '县纪委监委'], true],
    ['炒送：县委组织部', ['县委组织部'], true],
  ])('%s', (s, items, damaged) => {
    const r = readCopyTo(s)!;
    expect(r.items.map((x) => x.value)).toEqual(items);
    for (const x of r.items) expect(s.slice(x.start, x.end)).toBe(x.value);
    expect(r.damage !== null).toBe(damaged);
  });
  it.each(['抄逆县委办公室', '抄送', '抄写笔记是学习方法之一。'])('not a 抄送 line: %s', (s) => expect(readCopyTo(s)).toBeNull());
  it.each([
    // right above the 印发 line: one character wrong and the colon lost, a list of organs after it
    ['抄逆县委办公室，县纪委监委。', ['县委办公室', '县纪委监委']],
    ['杪送 县委组织部、县委宣传部', ['县委组织部', '县委宣传部']],
    ['抄逆县委办公室', null], // no list: not enough evidence
    ['抄写笔记，是学习方法之一。', null], // one character off, but what follows is no list of organs
  ])('above the 印发 line: %s', (s, items) => expect(readCopyTo(s, true)?.items.map((x) => x.value) ?? null).toEqual(items));
});

describe('附注', () => check(readNote, [
  ['（此件公开发布）', '此件公开发布', false],
  ['(此件公开发布)', '此件公开发布', true],
  ['此件公开发布）', '此件公开发布', true],
  ['（此件发至县级）', '此件发至县级', false],
  ['附注：此件不公开', '此件不公开', false],
  ['（联系人：张三，电话：0734-1234567）', null, false],
  ['（2024年10月15日）', null, false],
  ['中共某县委', null, false],
]));

describe('附件说明', () => {
  it.each([
    ['附件：1.整改台账', [[1, '整改台账']]],
    ['附件：1.整改任务清单2.责任分解表', [[1, '整改任务清单'], [2, '责任分解表']]],
    ['附件：1.整改任务清单 2.责任分解表 3.2024年整改情况表', [[1, '整改任务清单'], [2, '责任分解表'], [3, '2024年整改情况表']]],
    ['附件：全县整改清单', [[null, '全县整改清单']]],
    ['附件:1．整改台账', [[1, '整改台账']]],
  ])('%s', (s, parts) => {
    const label = attachmentLabel(s)!;
    const got = splitAttachments(s, label.valueStart);
    expect(got.map((p) => [p.number, p.title])).toEqual(parts);
    for (const p of got) expect(s.slice(p.start, p.end)).toBe(p.title);
  });
  it.each(['附件1', '附件', '附件材料请于10日前报送。'])('not a 附件说明: %s', (s) => expect(attachmentLabel(s)).toBeNull());
  it('continues a list on the next line from the number expected', () => {
    expect(splitAttachments('2.责任分解表', 0, 2).map((p) => p.title)).toEqual(['责任分解表']);
    expect(splitAttachments('3.责任分解表', 0, 2)).toEqual([]);
  });
});

describe('labels', () => {
  it.each([
    ['抄送：', '抄送', true, false],
    ['抄 送：', '抄送', true, false],
    ['抄送:', '抄送', true, true],
    ['抄逆：', '抄送', true, true],
    ['抄逆', '抄送', false, false],
    ['逆迭：', '抄送', false, false],
  ])('%s as %s', (s, label, found, damaged) => {
    const hit = labelAt(s, label);
    expect(hit !== null).toBe(found);
    if (hit) expect(hit.damaged).toBe(damaged);
  });
});
