/**
 * Quote marks the layout stage could not pair, through the real corrector
 * (genre model decides where a full stop belongs).
 */
import { describe, expect, it } from 'vitest';
import { createCorrector, loadDictionaries } from '../../pipeline/correct/index.ts';
import { TrackedText } from '../../pipeline/tracked-text.ts';

const corrector = createCorrector(loadDictionaries());
const corrected = (text: string): string => {
  const t = new TrackedText(text);
  t.apply(corrector.correct({ text }).edits.filter((e) => e.meta.type === 'correction' && e.meta.kind === 'punctuation'));
  return t.text;
};

describe('quote repair', () => {
  it.each([
    ['a closer printed as an opener', '适时开展“回头看“，对需要长期坚持的问题持续跟踪。', '适时开展“回头看”，对需要长期坚持的问题持续跟踪。'],
    ['a closer printed as an opener, quoted list', '采用“双随机、一公开“方式开展检查。', '采用“双随机、一公开”方式开展检查。'],
    ['a full stop read as an opening quote before a label', '违规列支礼品费用1.6万元“整改情况：对20家单位开展检查。', '违规列支礼品费用1.6万元。整改情况：对20家单位开展检查。'],
    ['a full stop read as a star', '建立健全公示制度*三是规范收费行为。', '建立健全公示制度。三是规范收费行为。'],
    ['a closing quote that closes nothing', '县水利局党组”2024年9月1日', '县水利局党组2024年9月1日'],
    ['an opening quote after a clause mark that nothing closes', '整改措施及成效：“一是深入开展“回头看”，“防止问题反弹。', '整改措施及成效：一是深入开展“回头看”，防止问题反弹。'],
    ['an opening quote at the paragraph start that nothing closes', '“局党组成员分片联系基层单位。', '局党组成员分片联系基层单位。'],
  ])('%s', (_name, text, want) => {
    expect(corrected(text)).toBe(want);
  });

  it.each([
    ['paired quotes', '开展“回头看”，落实“三会一课”制度。'],
    ['debris inside a quotation whose closer follows is not made a closer', '开展“回头“看”，坚决防止问题反弹。'],
    ['a quotation with a number in it is no short quotation', '开展全覆盖“问题3.落实“双减”政策不到位。'],
    ['an opener whose closer OCR lost, inside a clause', '开展“回头看，坚决防止问题反弹。'],
    ['a star between words that read on', '推进“党建*网格”融合发展。'],
    ['a quotation opening inside what reads as a word (接待“定时间: 待定) is still a quotation', '院内接待“定时间、定地点、定人员”制度。'],
    ['a quotation at the paragraph start', '“三会一课”制度落实不够规范。'],
    ['a closer whose opener is a straight quote the layout stage left', '对班子成员特别是"把手”的画像就其是否严格自律。'],
    ['a second quotation after a straight quote', '对"一把手”和“关键少数”的监督。'],
  ])('leaves alone: %s', (_name, text) => {
    expect(corrected(text)).toBe(text);
  });
});
