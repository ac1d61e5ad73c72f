/** The masthead's issuer name read back from the document's other copies (made-up strings, a table of cases). */
import { describe, expect, it } from 'vitest';
import { repairMastheadNames } from '../../pipeline/correct/masthead-name.ts';

const apply = (text: string, free: (i: number) => boolean = () => true) => {
  const edits = repairMastheadNames(text, free);
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  return out.split('\n')[0] + (edits.length ? '' : ' (unchanged)');
};
const doc = (mark: string, ...rest: string[]) => [mark, '某政发〔2023〕4号', ...rest, '各村：', '一、总体情况', '已完成整改。', ''].join('\n');

describe('masthead issuer name', () => {
  it.each([
    ['two look-alikes, the name printed twice below', doc('某某县洛挫镇人民政府文件', '某某县落雁镇人民政府关于整改情况的通报', '某某县落雁镇人民政府'), '某某县落雁镇人民政府文件'],
    ['spaces OCR left between the characters', doc('某 某 县 洛 雁 镇 人民 政府 文件', '某某县落雁镇人民政府关于整改情况的通报', '某某县落雁镇人民政府'), '某 某 县 落 雁 镇 人民 政府 文件'],
    ['printed only once below: no evidence enough', doc('某某县洛挫镇人民政府文件', '某某县落雁镇人民政府关于整改情况的通报'), '某某县洛挫镇人民政府文件 (unchanged)'],
    ['the masthead name is printed below as well', doc('某某县洛挫镇人民政府文件', '某某县洛挫镇人民政府关于整改情况的通报', '某某县落雁镇人民政府', '某某县落雁镇人民政府'), '某某县洛挫镇人民政府文件 (unchanged)'],
    ['too many characters apart', doc('某某县洛挫填人民攻府文件', '某某县落雁镇人民政府关于整改情况的通报', '某某县落雁镇人民政府'), '某某县洛挫填人民攻府文件 (unchanged)'],
    ['two different names equally often', doc('某某县洛雁镇人民政府文件', '某某县落雁镇人民政府', '某某县落雁镇人民政府', '某某县洛川镇人民政府', '某某县洛川镇人民政府'), '某某县洛雁镇人民政府文件 (unchanged)'],
    ['a short form whose look-alike window below is no organ name', doc('临江区委巡察办文件', '临江区委巡察工作领导小组办公室关于整改情况的通报', '临江区委巡察工作领导小组办公室'), '临江区委巡察办文件 (unchanged)'],
    ['a character added and one misread; one copy wrapped over two lines', doc('中共和白条县委巡察工作领导小组文件', '中共白禾县委巡察工作领导', '小组关于整改情况的通报', '中共白禾县委巡察工作领导小组'), '中共白禾县委巡察工作领导小组文件'],
    ['a character lost', doc('某某县雁镇人民政府文件', '某某县落雁镇人民政府关于整改情况的通报', '某某县落雁镇人民政府'), '某某县落雁镇人民政府文件'],
    ['its last character misread', doc('某某区人民政府办公至文件', '某某区人民政府办公室关于整改情况的通报', '某某区人民政府办公室'), '某某区人民政府办公室文件'],
    ['a title, not a masthead', doc('某某县洛挫镇人民政府关于印发文件', '某某县落雁镇人民政府', '某某县落雁镇人民政府'), '某某县洛挫镇人民政府关于印发文件 (unchanged)'],
  ])('%s', (_name, text, first) => expect(apply(text)).toBe(first));
  it('a joint masthead: each issuer line above 文件', () => {
    const text = ['中共某县委组织部', '某县人力资源和杜会保障局', '文件', '关于整改情况的通报', '中共某县委组织部', '某县人力资源和社会保障局', '二〇二三年六月九日', '某县人力资源和社会保障局办公室 2023年6月9日印发', ''].join('\n');
    const edits = repairMastheadNames(text, () => true);
    expect(edits.map((e) => [text[e.start], e.replacement])).toEqual([['杜', '社']]);
    expect(edits[0].meta).toMatchObject({ rule: 'document:masthead-issuer', kind: 'character' });
  });
  it('leaves a character another change already took', () => {
    const text = doc('某某县洛挫镇人民政府文件', '某某县落雁镇人民政府关于整改情况的通报', '某某县落雁镇人民政府');
    expect(apply(text, (i) => i !== 3)).toBe('某某县洛挫镇人民政府文件 (unchanged)');
  });
});
