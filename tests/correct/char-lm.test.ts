/**
 * The genre character model: trained from dictionaries/corpus/, it must prefer
 * the ordinary reading of notice prose over common OCR misreadings, and a corpus
 * file that is not clean Chinese text must be refused when loading.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rng } from '../../scripts/lib/rng.ts';
import { CharLM } from '../../pipeline/correct/char-lm.ts';
import { loadDictionaries } from '../../pipeline/correct/index.ts';
import { parseJiebaDict } from '../../pipeline/correct/lm.ts';
import { NoticeError } from '../../pipeline/errors.ts';

const dicts = loadDictionaries();
const words = new Map<string, number>();
const charFreq = new Map<string, number>();
parseJiebaDict(dicts.jiebaText, words, charFreq);
const lm = new CharLM(dicts.corpusText, charFreq);

describe('CharLM on the bundled corpus', () => {
  it('is trained on a corpus of real size', () => {
    expect(lm.size).toBeGreaterThan(100_000);
  });

  // [text as misread, the misread character, the right one]
  it.each([
    ['各单位及有按时报送整改台账', '及', '没'],
    ['请于会议结来后三日内报送', '来', '束'],
    ['科学安排巡察时同和进度', '同', '间'],
    ['整改工作实脱方案已印发', '脱', '施'],
    ['问题线索巳全部办结', '巳', '已'],
    ['切实履行管党治党政冶责任', '冶', '治'],
  ])('prefers the right reading: %s (%s→%s)', (text, wrong, right) => {
    expect(lm.gain(text, text.indexOf(wrong), right)).toBeGreaterThan(2);
  });

  it.each([
    ['各单位没有按时报送整改台账', '没', '及'],
    ['请于会议结束后三日内报送', '束', '来'],
    ['严格落实中央八项规定精神', '精', '猜'],
    ['问题线索已全部办结', '已', '巳'],
  ])('does not prefer a misreading of clean text: %s (%s→%s)', (text, right, wrong) => {
    expect(lm.gain(text, text.indexOf(right), wrong)).toBeLessThan(0);
  });

  it('scores a replacement by the characters whose context it changes, wherever it sits', () => {
    // a trigram model: replacing s[i] changes the scores of s[i], s[i+1], s[i+2], whose
    // histories reach back to s[i-2]; text further away must not change the gain
    const core = '各单位没有按时报送';
    const i = core.indexOf('有');
    const gainIn = (pre: string, mid: string, suf: string) => lm.gain(pre + mid + suf, pre.length + i, '友');
    const here = gainIn('', core, '');
    expect(Number.isFinite(here)).toBe(true);
    for (const [pre, suf] of [['关于', '整改台账。'], ['县委巡察组反馈：\n', ''], ['', '的材料，限期整改'], ['一、', '\n二、']]) {
      expect(gainIn(pre, core, suf), `${pre}|${suf}`).toBeCloseTo(here, 9);
    }
    // …and the characters inside that window do matter, on either side
    expect(Math.abs(gainIn('', '各单位及有按时报送', '') - here)).toBeGreaterThan(1e-6);
    expect(Math.abs(gainIn('', '各单位没有及时报送', '') - here)).toBeGreaterThan(1e-6);
    expect(Math.abs(gainIn('', '各单位没有按期报送', '') - here)).toBeGreaterThan(1e-6);
    // replacing a character by itself changes nothing, at the start or the end of a text
    expect(lm.gain('没有', 0, '没')).toBeCloseTo(0, 10);
    expect(lm.gain('没有', 1, '有')).toBeCloseTo(0, 10);
  });

  it('gives as gain exactly the change of the whole text\'s log-likelihood (seeded random texts and replacements)', () => {
    let seed = 20261127;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const alphabet = '巡察整改政治问题落实责任没有及的了县委\n，。a1“嫑𠀀'.split('');
    const all = (s: string): number => lm.meanLogP(s) * s.length;
    for (let t = 0; t < 300; t++) {
      const len = 1 + rnd(9);
      let s = '';
      while (s.length < len) s += alphabet[rnd(alphabet.length)];
      const i = rnd(s.length);
      if (s.charCodeAt(i) >= 0xd800 && s.charCodeAt(i) <= 0xdfff) continue;
      const repls = ['整', '治', '嫑', '。', '\n', 'b'].filter(() => rnd(2) === 0);
      const got = lm.gains(s, i, repls);
      repls.forEach((r, k) => expect(got[k]).toBeCloseTo(all(s.slice(0, i) + r + s.slice(i + 1)) - all(s), 8));
    }
  });

  it('bounds every one-character gain by the printed character\'s improbability (seeded random texts)', () => {
    const next = rng(20261207);
    const alphabet = '巡察整改政治问题落实责任没有及的了县委，。a1嫑'.split('');
    for (let t = 0; t < 300; t++) {
      let s = '';
      for (let len = 1 + Math.floor(next() * 9); s.length < len; ) s += alphabet[Math.floor(next() * alphabet.length)];
      const i = Math.floor(next() * s.length);
      const bound = -lm.printedLogP(s, i);
      expect(bound).toBeGreaterThanOrEqual(0);
      for (const g of lm.gains(s, i, alphabet)) expect(g).toBeLessThanOrEqual(bound + 1e-9);
    }
  });
});

describe('CharLM on a toy corpus', () => {
  const toy = new CharLM('甲乙丙\n甲乙丙\n甲乙丁\n', new Map([['甲', 10], ['乙', 10], ['丙', 10], ['丁', 10], ['戊', 10]]));
  it('learns continuations and backs off to the prior for unseen characters', () => {
    expect(toy.gain('甲乙丁', 2, '丙')).toBeGreaterThan(0);
    expect(toy.gain('甲乙丙', 2, '戊')).toBeLessThan(toy.gain('甲乙丙', 2, '丁'));
    // a character outside corpus and prior still has a probability, below any prior character
    for (const i of [1, 2]) {
      expect(Number.isFinite(toy.gain('甲乙丙', i, '㐀'))).toBe(true);
      expect(toy.gain('甲乙丙', i, '㐀')).toBeLessThan(toy.gain('甲乙丙', i, '戊'));
    }
  });
});

describe('corpus files are validated when loaded', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const withCorpus = (name: string, text: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'corpus'));
    writeFileSync(join(dir, 'corpus', name), text);
    return dir;
  };
  it.each([
    ['a replacement character', '第一行正常的公文文字。\n第二行有坏字\uFFFD。\n', /line 2.*replacement or control/],
    ['mostly English', 'This is not a Chinese notice at all, only English words.\n', /mostly Chinese/],
    ['an empty file', '\n\n', /empty/],
  ])('refuses %s, naming the file', (_name, text, msg) => {
    const dir = withCorpus('bad.txt', text);
    let err: unknown;
    try {
      loadDictionaries({ dir });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NoticeError);
    expect((err as NoticeError).code).toBe('DICTIONARY_INVALID');
    expect((err as NoticeError).message).toMatch(msg);
    expect((err as NoticeError).file).toMatch(/bad\.txt$/);
  });
  it('reads a clean corpus file and a *corpus.txt user file', () => {
    const dir = withCorpus('ok.txt', '各单位要认真落实整改责任。\n');
    const user = join(dir, 'my-corpus.txt');
    writeFileSync(user, '巡察整改工作按期完成。\n');
    const d = loadDictionaries({ dir, userFiles: [user] });
    expect(d.corpusText).toContain('各单位要认真落实整改责任。');
    expect(d.corpusText).toContain('巡察整改工作按期完成。');
  });
});
