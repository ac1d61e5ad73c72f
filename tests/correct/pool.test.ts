/**
 * Document-level pass: one engine reading one scan repeats its misreadings, so a
 * look-alike suggested in several distinct places is applied; guesses without
 * shape evidence, guarded names and a phrase merely repeated are not.
 */
import { describe, expect, it } from 'vitest';
import { poolRepeated } from '../../pipeline/correct/pool.ts';
import { createCorrector, loadDictionaries } from '../../pipeline/correct/index.ts';
import type { StageEdit } from '../../pipeline/tracked-text.ts';

const LISTED = new Set(['拟任']);
const P = { minScore: 6, minCount: 2, minTotal: 15, listedWord: (w: string) => LISTED.has(w) };
const sug = (start: number, replacement: string, score: number | undefined, rule = 'confusion:manual'): StageEdit => ({
  start,
  end: start + 1,
  replacement,
  meta: { type: 'correction', kind: 'character', rule, confidence: 0.5, ...(score === undefined ? {} : { score }) },
});
const at = (text: string, ch: string, nth = 0): number => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(ch, i + 1);
  return i;
};

describe('poolRepeated', () => {
  const text = '对象力36个单位。\n村分力三类。\n对象力36个单位。';
  it.each([
    ['two contexts, scores 8 + 8', [sug(at(text, '力'), '为', 8), sug(at(text, '力', 1), '为', 8)], [], 2],
    ['two contexts, total below the bar', [sug(at(text, '力'), '为', 7), sug(at(text, '力', 1), '为', 7)], [], 0],
    ['the same neighbours twice are one context', [sug(at(text, '力'), '为', 9), sug(at(text, '力', 2), '为', 9)], [], 0],
    ['one suggestion backed by an applied edit elsewhere', [sug(at(text, '力', 1), '为', 6.5)], [sug(at(text, '力'), '为', 12)], 1],
    ['a weak suggestion takes no part', [sug(at(text, '力'), '为', 5), sug(at(text, '力', 1), '为', 12)], [], 0],
    ['a guarded suggestion (no score) takes no part', [sug(at(text, '力'), '为', undefined), sug(at(text, '力', 1), '为', 12)], [], 0],
    ['word completions do not pool', [sug(at(text, '力'), '为', 9, 'lexicon:completion'), sug(at(text, '力', 1), '为', 9, 'lexicon:completion')], [], 0],
    ['different replacements do not pool', [sug(at(text, '力'), '为', 9), sug(at(text, '力', 1), '办', 9)], [], 0],
  ])('%s', (_name, suggestions, edits, promoted) => {
    const r = poolRepeated(text, edits as StageEdit[], suggestions as StageEdit[], P);
    expect(r.edits.length - edits.length).toBe(promoted);
    expect(r.suggestions.length).toBe(suggestions.length - promoted);
    for (const e of r.edits.slice(edits.length)) expect(e.meta.type === 'correction' && e.meta.rule).toMatch(/\+document$/);
  });

  it.each([
    ['a listed word printed at every place is the document\'s own word', '4名拟任人选。\n公示拟任职务。', 0],
    ['the same pair in a word the list does not know pools', '4名拟住人选。\n公示拟住职务。', 2],
    ['a listed word at one place only does not stop the pair', '4名拟任人选。\n公示拟住职务。', 2],
  ])('%s', (_name, doc, promoted) => {
    const r = poolRepeated(doc, [], [sug(at(doc, '拟'), '担', 8), sug(at(doc, '拟', 1), '担', 8)], P);
    expect(r.edits.length).toBe(promoted);
  });

  it.each([
    ['the word model prefers the printed text at every place: not pooled', [false, false], 0],
    ['the word model prefers the reading at one place: pooled', [false, true], 2],
  ])('%s', (_name, prefers, promoted) => {
    const suggestions = [sug(at(text, '力'), '为', 8), sug(at(text, '力', 1), '为', 8)];
    const wordModelPrefers = (e: StageEdit): boolean => prefers[suggestions.indexOf(e)]!;
    expect(poolRepeated(text, [], suggestions, { ...P, wordModelPrefers }).edits).toHaveLength(promoted);
  });

  it('never promotes a suggestion over an applied edit', () => {
    const i = at(text, '力');
    const r = poolRepeated(text, [{ start: i, end: i + 1, replacement: '办', meta: { type: 'correction', kind: 'character', rule: 'confusion:glyph', confidence: 0.9 } }], [sug(i, '为', 9), sug(at(text, '力', 1), '为', 9)], P);
    const starts = r.edits.map((e) => e.start);
    expect(new Set(starts).size).toBe(starts.length);
  });
});

describe('correctDocument', () => {
  const corrector = createCorrector(loadDictionaries());
  it('applies a misreading that one paragraph only suggests once the document shows it elsewhere', () => {
    const first = '全县218个村分力三类，分别制定方案。';
    const doc = `${first}\n县委确定力重点督办事项。`;
    const alone = corrector.correctDocument({ text: first });
    expect(alone.edits).toHaveLength(0);
    expect(alone.suggestions.map((s) => s.replacement)).toContain('为');
    const both = corrector.correctDocument({ text: doc });
    expect(both.edits.map((e) => doc.slice(e.start, e.end) + '→' + e.replacement)).toEqual(['力→为', '力→为']);
    expect(both.edits.map((e) => (e.meta.type === 'correction' ? e.meta.rule : ''))).toContain('confusion:manual+document');
  });

  it('a phrase repeated word for word is one piece of evidence', () => {
    const line = '会议材料报县安委会办公室。';
    const doc = [line, `各乡镇情况报县安委会。`, `县安委会各成员单位参加。`].join('\n');
    expect(corrector.correctDocument({ text: doc }).edits.filter((e) => e.meta.type === 'correction' && e.meta.rule.endsWith('+document'))).toHaveLength(0);
  });

  it.each([
    ['a county the word list does not know', '中共乔山县委巡察办\n乔山县各乡镇要认真整改。\n地址：乔山县振兴路1号'],
    ['a city written with an uncommon character', '中共西沅市统计局党组\n市委巡察组对西沅市统计局开展巡察。\n通信地址：西沅市建设中路118号'],
    ['a company named after a place', '中共嘉屿港务集团有限公司委员会\n市委巡察组对嘉屿港务集团开展巡察。\n地址：嘉屿市海堤路2号嘉屿港务集团党委'],
  ])('leaves %s alone, however often it appears', (_name, doc) => {
    const edits = corrector.correctDocument({ text: doc }).edits.filter((e) => /[乔西沅嘉屿]/.test(doc.slice(e.start, e.end)));
    expect(edits).toHaveLength(0);
  });
});
