/**
 * The decoder's models, built once per process and dictionary folder
 * (internal to pipeline/correct): the large-corpus word model, the genre
 * character model, glyph shapes, the candidate index and the estimated weights.
 */
import { join } from 'node:path';
import { CANDIDATE_DEFAULTS, CandidateIndex } from './candidates.ts';
import { CharLM } from './char-lm.ts';
import type { Dictionaries } from './dictionaries.ts';
import { loadDecoderWeights } from './decoder-weights.ts';
import { ShapeModel } from './glyph-features.ts';
import { readShapeNeighbours } from './shape-neighbours.ts';
import type { ReadingModels, Weights } from './reading-score.ts';
import { jiebaCharFrequencies } from './word-frequencies.ts';
import { loadWordLM, type WordLM } from './word-lm.ts';

export interface DecoderModels {
  models: ReadingModels;
  candidates: CandidateIndex;
  weights: Weights;
  wordBound: number;
}

const wordModels = new Map<string, WordLM>();
export function decoderModels(dicts: Dictionaries, charModel?: CharLM | null): DecoderModels {
  const dir = join(dicts.dir, 'word-lm');
  let word = wordModels.get(dir);
  if (!word) wordModels.set(dir, (word = loadWordLM(dir)));
  const prior = jiebaCharFrequencies(dicts.jiebaText);
  const char = charModel !== undefined ? charModel : dicts.corpusText ? new CharLM(dicts.corpusText, prior) : null;
  const shapes = new ShapeModel(dicts.glyphFeatures);
  return {
    models: { word, char, shapes },
    candidates: new CandidateIndex(dicts.confusions, dicts.glyphFeatures, dicts.charfreq ?? prior, CANDIDATE_DEFAULTS, readShapeNeighbours(dicts.dir)),
    ...loadDecoderWeights(dicts.dir),
  };
}
