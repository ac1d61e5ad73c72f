/**
 * Everything the old passes look up, built once per corrector from the
 * dictionaries (internal to pipeline/correct): frequencies and models, the
 * look-alike, lexical and completion indexes, the word prefilter, the
 * genre-model gains and the guards.
 */
import { join } from 'node:path';
import { completions, type Completions } from './completions.ts';
import { contextGains, type ContextGains } from './context-gains.ts';
import type { Dictionaries, ProtectedPattern, Rule } from './dictionaries.ts';
import { ShapeModel } from './glyph-features.ts';
import { guards, type Guards } from './guards.ts';
import { lexicalIndex, type LexicalIndex } from './lexical-index.ts';
import { lookAlikeIndex, type LookAlikes } from './look-alikes.ts';
import { wordFrequencies, type WordFrequencies } from './word-frequencies.ts';
import { readWordList } from './word-lm.ts';
import { wordPrefilter, type WordPrefilter } from './word-prefilter.ts';

export interface CorrectorTables extends WordFrequencies, LookAlikes, LexicalIndex, Completions, WordPrefilter, ContextGains, Guards {
  dicts: Dictionaries;
  lexicon: ReadonlyMap<string, number>;
  rules: readonly Rule[];
  protectedTerms: readonly string[];
  protectedPatterns: readonly ProtectedPattern[];
  shapes: ShapeModel;
  /** every listed look-alike pair, either source, as ocr + '\u0000' + truth (enumeration markers are judged against all of them) */
  lookAlikePairs: ReadonlySet<string>;
  /** a word of a word list at any frequency — jieba's (拟任, 拒不: jieba 3) or the word model's (实训) — below the bars that make words candidates */
  listedWord(w: string): boolean;
}

export function correctorTables(dicts: Dictionaries): CorrectorTables {
  const words = wordFrequencies(dicts);
  let modelWords: Set<string> | null = null; // read on the first word jieba's list lacks
  const lookAlikes = lookAlikeIndex(dicts.confusions, words.charFreq);
  const lexical = lexicalIndex(dicts, words.freq, words.jiebaCommon, lookAlikes.byTruth);
  const shapes = new ShapeModel(dicts.glyphFeatures);
  return {
    ...words,
    ...lookAlikes,
    ...lexical,
    ...completions(dicts, words.freq, shapes),
    ...wordPrefilter(words.freq, lexical.corrupt),
    ...contextGains(words.clm),
    ...guards(words.freq, words.proper, dicts.lexicon, dicts.surnames),
    dicts,
    lexicon: dicts.lexicon,
    rules: dicts.rules,
    protectedTerms: dicts.protectedTerms,
    protectedPatterns: dicts.protectedPatterns,
    shapes,
    lookAlikePairs: new Set(dicts.confusions.map((c) => c.ocr + '\u0000' + c.truth)),
    listedWord: (w) => (words.freq.get(w) ?? 0) > 0 || (modelWords ??= readWordList(join(dicts.dir, 'word-lm'))).has(w),
  };
}
