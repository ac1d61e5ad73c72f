/**
 * The large-corpus word model (dictionaries/word-lm/, from sunpinyin-data):
 * it must prefer the real reading of a damaged phrase, also where the damage
 * makes another word (机关于部 contains 关于), and refuse malformed files.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rng } from '../../scripts/lib/rng.ts';
import { DEFAULT_DICT_DIR } from '../../pipeline/correct/dictionaries.ts';
import { checkExamples, encodeBigrams, loadWordLM, QUANT_STEP, readWordList, WORD_LM_HEADER, WORD_LM_MAX_LEN, WordLM } from '../../pipeline/correct/word-lm.ts';

const dir = `${DEFAULT_DICT_DIR}/word-lm`;
const lm = loadWordLM(dir);

/** Reference for score(): every split of s into model words (≤ WORD_LM_MAX_LEN) or single characters, the best sum. */
function bestSegmentation(s: string, before = lm.boundaryId): number {
  if (!s) return 0;
  let best = -Infinity;
  for (let len = 1; len <= Math.min(WORD_LM_MAX_LEN, s.length); len++) {
    let id = lm.ids.get(s.slice(0, len));
    let extra = 0;
    if (id === undefined) {
      if (len > 1) continue;
      id = lm.boundaryId;
      if (/\p{Script=Han}/u.test(s[0]!)) extra = lm.unknownLogP - lm.unigram(lm.boundaryId);
    }
    best = Math.max(best, lm.logP(before, id) + extra + bestSegmentation(s.slice(len), id));
  }
  return best;
}

describe('word language model', () => {
  it('holds the whole source model', () => {
    expect(lm.words.length).toBe(71_759);
    expect(lm.bigramCount).toBe(2_500_000);
  });

  it.each([
    ['机关干部', '机关于部'],
    ['党员干部', '党员于部'],
    ['巡察整改', '巡察整束'],
    ['问题清单', '问题消单'],
    ['工作作风', '工作作凤'],
    ['制度建设', '制度建没'],
  ])('prefers %s over %s', (better, worse) => {
    expect(lm.score(better)).toBeGreaterThan(lm.score(worse) + 2);
  });

  it('scores a longer text lower than its prefix and every character finitely', () => {
    const s = '根据省委统一部署，第三巡察组开展了常规巡察。ABC 123 㐀';
    expect(Number.isFinite(lm.score(s))).toBe(true);
    expect(lm.score(s)).toBeLessThan(lm.score(s.slice(0, 10)));
  });

  it('scores the best of every segmentation into model words (seeded texts against an exhaustive reference)', () => {
    const next = rng(20261207);
    const alphabet = [...'机关干部于党员巡察整改问题清单工作作风制度建设的了和在1A，'];
    for (let t = 0; t < 200; t++) {
      let s = '';
      for (let len = 1 + Math.floor(next() * 8); s.length < len; ) s += alphabet[Math.floor(next() * alphabet.length)];
      expect(lm.score(s)).toBeCloseTo(bestSegmentation(s), 9);
    }
  });

  it('passes the examples shipped with it', () => {
    expect(() => checkExamples(lm, readFileSync(`${dir}/examples.tsv`, 'utf8'), 'examples.tsv')).not.toThrow();
  });

  it('fails on an example it does not satisfy, naming the line', () => {
    expect(() => checkExamples(lm, 'better\tworse\tnote\n机关于部\t机关干部\tbackwards\n', 'x.tsv')).toThrow(/x\.tsv line 2/);
  });
});

describe('word model files', () => {
  const words = `${WORD_LM_HEADER}\n<s>\t-1\t0\n甲\t-2\t-0.5\n乙\t-3\t0\n`;
  const tiny = (): WordLM => new WordLM(words, encodeBigrams(3, [{ h: 1, w: 2, q: 8 }]), 'tiny');

  it('uses a bigram where it exists and backs off elsewhere', () => {
    const m = tiny();
    expect(m.logP(1, 2)).toBeCloseTo(-8 * QUANT_STEP, 6);
    expect(m.logP(1, 1)).toBeCloseTo(-0.5 + -2, 6);
    expect(m.logP(2, 1)).toBeCloseTo(-2, 6);
  });

  it.each([
    ['a wrong header', 'word\tp\n<s>\t-1\t0\n'],
    ['a positive log-probability', `${WORD_LM_HEADER}\n<s>\t1\t0\n甲\t-2\t0\n乙\t-3\t0\n`],
    ['a duplicate word', `${WORD_LM_HEADER}\n<s>\t-1\t0\n甲\t-2\t0\n甲\t-3\t0\n`],
    ['no boundary token', `${WORD_LM_HEADER}\nx\t-1\t0\n甲\t-2\t0\n乙\t-3\t0\n`],
  ])('rejects words.tsv with %s', (_what, text) => {
    expect(() => new WordLM(text, encodeBigrams(3, []), 'bad')).toThrow(/bad/);
  });

  it('rejects a bigram file for another vocabulary or with a bad id', () => {
    expect(() => new WordLM(words, encodeBigrams(4, []), 'bad')).toThrow(/4 words/);
    expect(() => new WordLM(words, encodeBigrams(3, [{ h: 0, w: 7, q: 1 }]), 'bad')).toThrow(/out of range/);
    const bin = gunzipSync(readFileSync(`${dir}/bigrams.bin.gz`)).subarray(0, 64);
    expect(() => new WordLM(words, Buffer.from(bin), 'bad')).toThrow(/bad/);
  });
});

describe('readWordList', () => {
  it('reads the model\'s words (the bundled list has words jieba\'s lacks), none from a folder without it, and refuses a wrong header', () => {
    const words = readWordList(dir);
    expect(words.size).toBeGreaterThan(70_000);
    expect(words.has('实训')).toBe(true);
    expect(readWordList(mkdtempSync(join(tmpdir(), 'notice-no-wordlm-'))).size).toBe(0);
    const bad = mkdtempSync(join(tmpdir(), 'notice-bad-wordlm-'));
    writeFileSync(join(bad, 'words.tsv'), 'word\tp\n甲\t-1\n');
    expect(() => readWordList(bad)).toThrow(/header must be/);
  });
});
