/**
 * Stage: a term the document prints the same way again and again keeps its reading
 * unless the evidence for a change is strong (internal to pipeline/correct).
 *
 * A rare printed character gets a lower bar (PARAMS.applyUncommonScore): a rare
 * character in running text is usually a misreading. But where the three characters
 * around it are printed identically in two or more other places of the document, the
 * string is one of the document's own terms — a name the word list does not know
 * (丰禾职业技术学院, read right three times, is not 丰乐) — and one engine reading one
 * scan does not misread a glyph into the same rare character every time. Such a change
 * made only under the lower bar (its score below PARAMS.applyScore) becomes a suggestion.
 * Pooled and document-evidence changes are left alone: repetition is their evidence.
 *
 * The count is the one `documentTerms` uses for a term of three characters
 * (DOCUMENT_EVIDENCE_DEFAULTS.termMinCount3 other occurrences).
 */
import { DOCUMENT_EVIDENCE_DEFAULTS } from './document-evidence.ts';
import { holdAsSuggestions, type DocumentState } from './document-stages.ts';
import { confidenceOf } from './character-decision.ts';
import { PARAMS } from './params.ts';
import { occurrences } from './text-units.ts';
import type { StageEdit } from '../tracked-text.ts';

const HAN = /^\p{Script=Han}{3}$/u;

/** An applied look-alike change below the ordinary bar, inside a three-character string the document prints elsewhere too. */
function underRepeatedTerm(text: string, e: StageEdit): boolean {
  const m = e.meta;
  if (m.type !== 'correction' || m.kind !== 'character' || m.score === undefined || m.score >= PARAMS.applyScore) return false;
  if (m.rule.includes('document') || e.end - e.start !== 1 || e.start < 1) return false;
  const window = text.slice(e.start - 1, e.end + 1);
  return HAN.test(window) && occurrences(text, window) > DOCUMENT_EVIDENCE_DEFAULTS.termMinCount3;
}

const NOTE = 'the document prints this string the same way in other places: its own term, held as a suggestion';

export function printedTerm(d: DocumentState): void {
  const held = d.result.edits.filter((e) => underRepeatedTerm(d.text, e));
  if (!held.length) return;
  holdAsSuggestions(d, held, (m) => ({ ...m, confidence: confidenceOf(m.score!, false), note: m.note ? `${m.note}; ${NOTE}` : NOTE }));
}
