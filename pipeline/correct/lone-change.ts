/**
 * Stage: a lone change is a suggestion (internal to pipeline/correct). When the corrector's
 * only change to a document is one character chosen by its models, nothing else in the
 * document was repaired (no punctuation restored by normalisation, no rule, mark or
 * sequence repair) and no page of it was OCR'd by the pipeline, nothing says it was read by
 * OCR at all: the text is probably clean, and its one "misreading" a rare but correct word
 * (巡田, 陪诊, 惠企). The change is kept as a suggestion, for a reviewer, with the share of
 * such changes found right on the calibration split (PARAMS.loneChange).
 *
 * Only when the caller counts the signs of OCR it saw before (`ocrSigns`, the pipeline
 * does): a caller who corrects text it normalised itself gets every change as before.
 */
import { holdAsSuggestions, type DocumentState } from './document-stages.ts';
import { PARAMS } from './params.ts';
import { round } from './text-units.ts';

/** The start of the note a lone change's suggestion carries (the eval counts them by it). */
export const LONE_CHANGE_NOTE = 'the only change in a document with no other repair';

export function loneChange(d: DocumentState): void {
  const res = d.result;
  if (d.ocrSigns !== 0 || res.edits.length !== 1) return;
  const [edit] = res.edits;
  if (edit.meta.type !== 'correction' || edit.meta.kind !== 'character') return;
  const { right, wrong } = PARAMS.loneChange;
  // (the share right, with one right and one wrong change added: a count of zero is not a certainty)
  const confidence = round(Math.min(edit.meta.confidence, (right + 1) / (right + wrong + 2)));
  const note = `${LONE_CHANGE_NOTE} (such changes were right ${right} of ${right + wrong} times on the calibration split)`;
  holdAsSuggestions(d, [edit], (m) => ({ ...m, confidence, note: m.note ? `${m.note}; ${note}` : note }));
}
