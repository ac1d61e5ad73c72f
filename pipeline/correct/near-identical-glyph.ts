/**
 * SAMPLE-DECIDED (mechanism 2 of the four in README, Known gaps): a look-alike
 * that forms no word (character-model evidence only) applies at score
 * applyLmSingleShapeScore (8) rather than applyLmSingleScore (10) when it is a
 * near-identical glyph (shape similarity ≥ lmSingleShapeSim, 0.9):
 * 建设雷加强 → 需加强, 运用奸 → 好. Decided by the published sample alone, with
 * no effect on any other fixture; a measurement on unseen text should keep or
 * remove it (removing it: return PARAMS.applyLmSingleScore). Since 2026-12-07 no look-alike
 * reading is applied under PARAMS.applyScore (8.5; character-decision.ts), so the relief now
 * reaches 8.5, not 8.
 */
import type { ShapeModel } from './glyph-features.ts';
import { PARAMS } from './params.ts';

/** The score a word-less look-alike of printed `ch` needs, before the solo extra. */
export function wordlessLookAlikeScore(shapes: ShapeModel, ch: string, truth: string, evBonus: number): number {
  if ((shapes.similarity(ch, truth) ?? 0) < PARAMS.lmSingleShapeSim) return PARAMS.applyLmSingleScore;
  // (the relief for a near-identical glyph does not stack on the relief a doubtful OCR reading gets)
  return Math.min(PARAMS.applyLmSingleScore, PARAMS.applyLmSingleShapeScore + Math.max(0, evBonus));
}
