/**
 * Blank pages (the back side of a sheet fed through a duplex scanner): almost no pixel is
 * clearly darker than the paper. Measured by scripts/fixtures/measure-ink.ts after a 3×3 median:
 * blank pages ≤ 0.0015 % ink pixels under every damage level, one line of text ≥ 0.23 %;
 * the cut sits near their geometric mean.
 */
import { measureLevels, type Levels } from './levels.ts';
import type { Gray } from './types.ts';

export const BLANK_INK_SHARE = 0.0002;

export interface BlankVerdict {
  blank: boolean;
  levels: Levels;
}

/** `img` should be median-filtered already (isolated specks removed). */
export function detectBlank(img: Gray): BlankVerdict {
  const levels = measureLevels(img, 1);
  return { blank: levels.inkShare < BLANK_INK_SHARE, levels };
}
