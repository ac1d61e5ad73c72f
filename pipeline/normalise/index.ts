/**
 * Layout normalisation: the stages, in order. Each is a pure function from the
 * current text to edits; the caller records them in a TrackedText.
 */
import type { StageEdit } from '../tracked-text.ts';
import { marginDebris } from './margin-debris.ts';
import { dropFurniture } from './drop-furniture.ts';
import { joinLines } from './join-lines.ts';
import { normalisePunctuation } from './punctuation.ts';
import { removeSpaces } from './remove-spaces.ts';
import { toSimplified } from './to-simplified.ts';

export interface NormaliseWarning {
  code: string;
  message: string;
}

/** Where each page of the document starts in the text a stage sees, and its number (from the extraction; empty when unknown). */
export type PageStarts = readonly { number: number; start: number }[];

export interface NormaliseStage {
  name: string;
  run(text: string, warn: (w: NormaliseWarning) => void, pages: PageStarts): StageEdit[];
}

export const normaliseStages: readonly NormaliseStage[] = [
  { name: 'drop-furniture', run: (text, _warn, pages) => dropFurniture(text, pages) },
  { name: 'margin-debris', run: marginDebris },
  { name: 'remove-spaces', run: removeSpaces },
  { name: 'join-lines', run: joinLines },
  { name: 'punctuation', run: normalisePunctuation },
  {
    name: 'to-simplified',
    run(text, warn) {
      const { edits, traditionalShare } = toSimplified(text);
      if (traditionalShare > 0.2) {
        warn({
          code: 'traditional-document',
          message: `${Math.round(traditionalShare * 100)}% of the Han characters were traditional; converted to simplified`,
        });
      }
      return edits;
    },
  },
];

export { dropFurniture, joinLines, marginDebris, normalisePunctuation, removeSpaces, toSimplified };
