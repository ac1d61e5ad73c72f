/**
 * OCR character corrector. Works on the normalised text (one paragraph per line)
 * and proposes edits (applied) and suggestions (not applied) with half-open
 * UTF-16 offsets into `input.text`.
 *
 * Method: explicit rules first, then repairs of marks (enumeration markers,
 * titles' commas, quotes, stray marks); then, per run of Han characters, a
 * cheap prefilter marks suspicious positions (not covered by any known
 * multi-character word, rare, low OCR confidence, or inside a known corrupted
 * form of a common word); only there are confusion candidates scored with a
 * max-probability word segmentation of a small window (jieba frequencies +
 * domain lexicon) and the genre character model. The document pass then adds
 * what only the whole document shows, and holds a lone change (the only one, in a
 * document nothing else was repaired in) as a suggestion. The steps are listed
 * below, in order.
 */
import { lookAlikePasses } from './character-pass.ts';
import { decoderPass } from './decoder-pass.ts';
import { loadDictionaries as load, type Dictionaries } from './dictionaries.ts';
import { documentEvidenceStage } from './document-evidence-pass.ts';
import { correctParagraphs, pooledSuggestions, sortEdits, subsectionNumbers, type DocumentStage } from './document-stages.ts';
import { engineMarks } from './engine-marks.ts';
import { explicitRules } from './explicit-rules.ts';
import { loneChange } from './lone-change.ts';
import { enumerationMarkers, lostCommaAfterTitle, unpairedQuotes } from './paragraph-repairs.ts';
import { PARAMS } from './params.ts';
import { protectedMask } from './protect.ts';
import { modelsOf as realWordModels } from './real-word-sites.ts';
import { strayMarksInWords } from './stray-marks.ts';
import { correctorTables } from './tables.ts';
import type { CorrectInput, CorrectResult, Corrector, Paragraph, ParagraphStage } from './types.ts';

export type { Dictionaries } from './dictionaries.ts';
export type { CorrectResult, Corrector } from './types.ts';
export { PARAMS } from './params.ts';

export function loadDictionaries(opts?: { dir?: string; userFiles?: string[] }): Dictionaries {
  return load(opts);
}

/** The paragraph pass, before the character step: each stage sees the edits and the mask of those before it. */
const MARK_AND_RULE_STAGES: readonly ParagraphStage[] = [explicitRules, enumerationMarkers, lostCommaAfterTitle, unpairedQuotes, strayMarksInWords, engineMarks];

/** The document pass, after every paragraph is corrected on its own. */
const DOCUMENT_STAGES: readonly DocumentStage[] = [subsectionNumbers, sortEdits, pooledSuggestions, documentEvidenceStage, loneChange];

const byPosition = (a: { start: number; end: number }, b: { start: number; end: number }): number => a.start - b.start || a.end - b.end;

export function createCorrector(dicts: Dictionaries): Corrector {
  const tables = correctorTables(dicts);
  const decoder = decoderPass(tables);

  /** The protected terms with a document's own names (one list per document: its paragraphs share the names array). */
  let named: { names: readonly string[]; terms: readonly string[] } | null = null;
  function termsWith(names: readonly string[] | undefined): readonly string[] {
    if (!names?.length) return tables.protectedTerms;
    if (named?.names !== names) named = { names, terms: [...tables.protectedTerms, ...names] };
    return named.terms;
  }

  /** correct(), also returning the protected-term mask of the text (the document pass reuses it) */
  function correctParagraph(input: CorrectInput): CorrectResult & { protectedOnly: Uint8Array } {
    const text = input.text;
    const protectedOnly = protectedMask(text, termsWith(input.names), tables.protectedPatterns);
    const p: Paragraph = { input, text, mask: protectedOnly.slice(), edits: [], suggestions: [], warnings: [] };
    for (const stage of MARK_AND_RULE_STAGES) stage(p, tables);
    // the character step: the noisy-channel decoder, or (the default) the look-alike passes
    if (PARAMS.decoder) decoder.decode(p);
    else lookAlikePasses(p, tables);
    p.edits.sort(byPosition);
    p.suggestions.sort(byPosition);
    return { edits: p.edits, suggestions: p.suggestions, warnings: p.warnings, protectedOnly };
  }

  function correct(input: CorrectInput): CorrectResult {
    const { edits, suggestions, warnings } = correctParagraph(input);
    return { edits, suggestions, warnings };
  }

  function correctDocument(input: CorrectInput): CorrectResult {
    return decoder.withDocument(input.text, () => {
      const d = correctParagraphs(input, correctParagraph);
      for (const stage of DOCUMENT_STAGES) stage(d, tables);
      return d.result;
    });
  }

  const loadModels = (): void => {
    if (PARAMS.realWordSites) realWordModels(tables);
  };
  return { correct, correctDocument, loadModels, dictionaryVersion: dicts.version };
}
