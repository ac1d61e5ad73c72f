/**
 * GB/T 9704 公文: the tune fixtures with GB/T fields in gold (fixtures/notices/n31–n34) read right from gold.txt,
 * blocks partition gold and OCR text alike, and short cases for the red masthead, OCR damage and joint sign-offs.
 * Holdout fixtures are never read here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GBT_FIELDS, GoldGbtFields, scoreGbtFields } from '../../pipeline/eval/gbt-fields.ts';
import type { Notice } from '../../pipeline/schema.ts';
import { segment } from '../../pipeline/segment/index.ts';
import { expectPartition, expectSlices } from './check.ts';

const root = join(import.meta.dirname, '../../fixtures/notices');
const cases = readdirSync(root)
  .map((id) => ({ id, dir: join(root, id) }))
  .filter(({ dir }) => existsSync(join(dir, 'gold.structure.json')) && JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')).split === 'tune')
  .filter(({ dir }) => 'copyTo' in JSON.parse(readFileSync(join(dir, 'gold.structure.json'), 'utf8')));

/** Every Field's span lies in text; where the value is not normalised it is the slice. */
function expectFieldSpans(text: string, n: Notice): void {
  const fields = [n.copyNumber, n.secrecy, n.urgency, n.issuerMark, n.signer, n.note, n.printedBy, n.printDate, ...n.copyTo].filter((f) => f !== null);
  for (const f of fields) {
    expect(f.span.end).toBeLessThanOrEqual(text.length);
    expect(f.span.start).toBeLessThanOrEqual(f.span.end);
  }
  for (const f of [n.signer, n.note, n.printedBy, ...n.copyTo]) if (f) expect(text.slice(f.span.start, f.span.end).replace(/\s+/g, '')).toBe(f.value.replace(/\s+/g, ''));
  for (const a of n.attachments) expect(text.slice(a.span.start, a.span.end).replace(/\n/g, '')).toBe(a.title);
}

describe('GB/T fixtures', () => {
  it('has at least four', () => expect(cases.length).toBeGreaterThanOrEqual(4));
  it.each(cases)('$id: every GB/T field right on gold.txt', ({ dir }) => {
    const text = readFileSync(join(dir, 'gold.txt'), 'utf8');
    const gold = GoldGbtFields.parse(JSON.parse(readFileSync(join(dir, 'gold.structure.json'), 'utf8')));
    const r = segment(text);
    expect(scoreGbtFields(r.notice, gold)).toEqual({ scored: GBT_FIELDS.length, right: GBT_FIELDS.length, wrong: [] });
    expect(r.notice.copyTo.map((c) => c.value)).toEqual(gold.copyTo);
    expect(r.warnings.filter((w) => w.code === 'label-damaged')).toEqual([]);
    expectPartition(text, r.blocks);
    expectSlices(text, r);
    expectFieldSpans(text, r.notice);
  });
  it.each(cases)('$id: invariants hold on the raw OCR text', ({ dir }) => {
    const text = readFileSync(join(dir, 'input.ocr.txt'), 'utf8');
    const r = segment(text);
    expectPartition(text, r.blocks);
    expectSlices(text, r);
    expectFieldSpans(text, r.notice);
  });
});

const BODY = ['各单位：', '一、总体情况', '已完成整改。', '二、问题整改情况', '问题1.制度不健全。', '整改进展情况：已修订制度3项。'];

describe('short 公文', () => {
  it('a red masthead as the first line is the issuerMark, not part of the title', () => {
    const text = ['某某县人民政府文件', '某政发〔2024〕3号', '某某县人民政府关于巡察整改情况的通报', ...BODY, '某某县人民政府', '2024年10月15日', ''].join('\n');
    const r = segment(text);
    expect(r.notice.issuerMark?.value).toBe('某某县人民政府文件');
    expect(r.notice.title).toBe('某某县人民政府关于巡察整改情况的通报');
    expect(r.notice.issuer).toBe('某某县人民政府');
    expect(r.blocks[0]).toMatchObject({ type: 'issuer-mark', span: { start: 0, end: 10 } });
    expectPartition(text, r.blocks);
  });
  it('a masthead with its issuer names on lines above 文件 (joint notice), sign-off of two issuers', () => {
    const text = ['中共某县委组织部', '某县人力资源和社会保障局', '文件', '关于人才工作巡察整改情况的通报', ...BODY, '中共某县委组织部', '某县人力资源和社会保障局', '二〇二四年十月十五日', '（此件公开发布）', ''].join('\n');
    const n = segment(text).notice;
    expect(n.issuerMark?.value).toBe('中共某县委组织部某县人力资源和社会保障局文件');
    expect(n.signoff).toMatchObject({ issuers: ['中共某县委组织部', '某县人力资源和社会保障局'], issuer: '中共某县委组织部、某县人力资源和社会保障局', date: '2024-10-15' });
    expect([n.issuer, n.date, n.note?.value]).toEqual(['中共某县委组织部、某县人力资源和社会保障局', '2024-10-15', '此件公开发布']);
  });
  it('OCR damage in the 版头 and 版记 is tolerated and said in warnings; the sign-off is kept', () => {
    const text = ['OO0123', '机密1年', '特 急', '某某县人民政府文件', '某政发〔2024〕3号 签友人：张三', '某某县人民政府关于巡察整改情况的报告', ...BODY,
      '附件:1.整改台账2.责任清单', '某某县人民政府', '2024年10月15日', '(此件公开发布)', '抄逆：市委巡察办,县委办公室。', '某某县人民政府办公室 2024年10月16日印', '发', '— 3 —', ''].join('\n');
    const r = segment(text);
    const n = r.notice;
    expect([n.copyNumber?.value, n.secrecy?.value, n.urgency?.value, n.documentNumber, n.signer?.value]).toEqual(['000123', '机密★1年', '特急', '某政发〔2024〕3号', '张三']);
    expect(n.attachments.map((a) => a.title)).toEqual(['整改台账', '责任清单']);
    expect([n.signoff?.issuer, n.date, n.note?.value]).toEqual(['某某县人民政府', '2024-10-15', '此件公开发布']);
    expect([n.copyTo.map((c) => c.value), n.printedBy?.value, n.printDate?.value]).toEqual([['市委巡察办', '县委办公室'], '某某县人民政府办公室', '2024-10-16']);
    expect(n.problemCount).toBe(1);
    const damaged = r.warnings.filter((w) => w.code === 'label-damaged' || w.code === 'line-wrapped').map((w) => text.slice(w.start, w.end).split('\n')[0]);
    expect(damaged).toEqual(['OO0123', '机密1年', '张三', '附件:1.整改台账2.责任清单', '(此件公开发布)', '抄逆：市委巡察办,县委办公室。', '某某县人民政府办公室 2024年10月16日印']);
    expectPartition(text, r.blocks);
    expectSlices(text, r);
  });
  it('抄送 misread and its colon lost right above the 印发 line: read, with a label-damaged warning', () => {
    const text = ['某某县人民政府关于巡察整改情况的通报', ...BODY, '某某县人民政府', '2024年10月15日', '抄逆市委巡察办，县委办公室。', '某某县人民政府办公室 2024年10月16日印发', ''].join('\n');
    const r = segment(text);
    expect(r.notice.copyTo.map((c) => c.value)).toEqual(['市委巡察办', '县委办公室']);
    expect(r.warnings.filter((w) => w.code === 'label-damaged').map((w) => w.message)).toEqual(['抄送 label read as "抄逆"']);
    expect(r.notice.signoff).toMatchObject({ issuers: ['某某县人民政府'], date: '2024-10-15' });
    expectPartition(text, r.blocks);
  });
  it('a notice without 版头 or 版记 gets null and empty fields', () => {
    const text = ['某某县人民政府关于巡察整改情况的通报', ...BODY, '某某县人民政府', '2024年10月15日', ''].join('\n');
    const n = segment(text).notice;
    expect([n.copyNumber, n.secrecy, n.urgency, n.issuerMark, n.signer, n.note, n.printedBy, n.printDate]).toEqual([null, null, null, null, null, null, null, null]);
    expect([n.attachments, n.copyTo, n.signoff?.issuers]).toEqual([[], [], ['某某县人民政府']]);
  });
});
