/**
 * A lone change (lone-change.ts): the corrector's only change to a document in which nothing
 * else was repaired is held as a suggestion — nothing says the text was read by OCR at all.
 * Any other repair (a punctuation mark normalisation restored, a second misreading) is that
 * evidence, and the change is applied as before.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertText } from '../../pipeline/convert.ts';
import { LONE_CHANGE_NOTE } from '../../pipeline/correct/lone-change.ts';
import { PARAMS } from '../../pipeline/correct/params.ts';
import { sharedCorrector } from '../../pipeline/correct/shared-corrector.ts';

const gold = readFileSync('fixtures/notices/n03-linjiang-district/gold.txt', 'utf8');
/** the gold text with its first `from` read as `to` */
const misread = (text: string, from: string, to: string): string => {
  expect(text).toContain(from);
  return text.replace(from, to);
};
const oneMisreading = misread(gold, '政治', '政冶');
// a half-width comma between Han characters: OCR damage the punctuation stage repairs
const comma = gold.indexOf('，', gold.indexOf('政治') + 10);
const withCommaDamage = `${oneMisreading.slice(0, comma)},${oneMisreading.slice(comma + 1)}`;
const changes = (text: string) => convertText(text).corrections.filter((c) => c.kind === 'character').map((c) => `${c.before}→${c.after}`);
const loneSuggestions = (text: string) => convertText(text).suggestions.filter((s) => s.note?.includes(LONE_CHANGE_NOTE));

describe('a lone change is a suggestion', () => {
  it('the only misreading of an otherwise clean text is suggested, not applied, at the calibrated share', () => {
    expect(changes(oneMisreading)).toEqual([]);
    const [s, ...rest] = loneSuggestions(oneMisreading);
    expect(rest).toEqual([]);
    expect(`${s.before}→${s.after}`).toBe('冶→治');
    const { right, wrong } = PARAMS.loneChange;
    // the share right with one right and one wrong added, to two decimals like every reported confidence
    expect(s.confidence).toBe(Math.round(((right + 1) / (right + wrong + 2)) * 100) / 100);
    expect(s.rule).toMatch(/^confusion:/);
  });

  it.each([
    ['a punctuation mark repaired by normalisation', withCommaDamage, ['冶→治']],
    ['a second misreading', misread(oneMisreading, '落实', '落买'), ['冶→治', '买→实']],
  ])('with %s in the document the change is applied', (_what, text, expected) => {
    expect(changes(text).sort()).toEqual([...expected].sort());
    expect(loneSuggestions(text)).toEqual([]);
  });

  it.each([
    ['does not count signs of OCR (the library corrector)', undefined, ['冶→治'], []],
    ['saw none', 0, [], ['冶→治']],
    ['OCR\'d a page or saw a repair', 1, ['冶→治'], []],
  ])('a caller that %s: applied %j, suggested as lone %j', (_who, ocrSigns, applied, lone) => {
    const r = sharedCorrector().correctDocument({ text: oneMisreading, ocrSigns });
    const show = (es: typeof r.edits) => es.map((e) => `${oneMisreading[e.start]}→${e.replacement}`);
    expect(show(r.edits)).toEqual(applied);
    expect(show(r.suggestions.filter((s) => s.meta.type === 'correction' && s.meta.note?.includes(LONE_CHANGE_NOTE)))).toEqual(lone);
  });

  // (n25's 巡→造 and n26's 诊→读 once reached this stage; they score under applyScore, so they are
  // suggestions from the start now: params.ts)
  it.each([
    ['fixtures/notices/n25-qingwei-township/gold.txt', []],
    ['fixtures/notices/n26-ningchuan-hospital/gold.txt', []],
    ['fixtures/unseen/u02-lingbei-inspection/gold.txt', ['企→民']],
  ])('clean text %s: no correction (lone model changes held as suggestions: %j)', (file, held) => {
    const text = readFileSync(file, 'utf8');
    expect(changes(text)).toEqual([]);
    expect(loneSuggestions(text).map((s) => `${s.before}→${s.after}`)).toEqual(held);
  });
});
