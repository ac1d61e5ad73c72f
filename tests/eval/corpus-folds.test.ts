import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFolds, foldFiles } from '../../pipeline/eval/corpus-folds.ts';

describe('genre corpus folds (clean text the models did not see)', () => {
  it.each([
    [['c', 'a', 'b', 'd', 'e'], 2, [['a', 'c', 'e'], ['b', 'd']]],
    [['a'], 2, [['a'], []]],
    [['b', 'a', 'c'], 3, [['a'], ['b'], ['c']]],
  ])('%j in %i folds: %j', (files, k, folds) => {
    expect(foldFiles(files, k)).toEqual(folds);
  });

  it('each fold is checked against a dictionary folder whose corpus holds every other file, and nothing else is left out', () => {
    const corpus = readdirSync('dictionaries/corpus').filter((f) => f.endsWith('.txt')).sort();
    const { folds, dispose } = corpusFolds('dictionaries');
    try {
      expect(folds.flatMap((f) => f.held.map((p) => basename(p))).sort()).toEqual(corpus);
      for (const { held, dictionaryDir } of folds) {
        const inFold = readdirSync(join(dictionaryDir, 'corpus')).sort();
        expect(inFold).toEqual(corpus.filter((f) => !held.some((h) => basename(h) === f)));
        for (const entry of readdirSync('dictionaries').filter((e) => e !== 'corpus')) expect(existsSync(join(dictionaryDir, entry))).toBe(true);
      }
    } finally {
      dispose();
    }
    expect(existsSync(folds[0].dictionaryDir)).toBe(false);
  });
});
