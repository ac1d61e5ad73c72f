/**
 * The document pass's state and its first steps (internal to
 * pipeline/correct): every paragraph corrected on its own, subsection markers
 * repaired from their sequence across the document, and a look-alike
 * suggested in several places applied (pool.ts).
 */
import { documentNames } from './document-names.ts';
import { PARAMS } from './params.ts';
import { poolRepeated } from './pool.ts';
import { readingFeatures } from './reading-score.ts';
import { modelsOf } from './real-word-sites.ts';
import type { StageEdit } from '../tracked-text.ts';
import { repairSubsectionNumbers } from './subsection-numbers.ts';
import type { CorrectorTables } from './tables.ts';
import type { CorrectInput, CorrectResult } from './types.ts';

/** A document being corrected: its text, the protected-term mask of its paragraphs, and what was found so far. */
export interface DocumentState {
  text: string;
  docMask: Uint8Array;
  result: CorrectResult;
  /** CorrectInput.ocrSigns */
  ocrSigns?: number;
}

export type DocumentStage = (d: DocumentState, t: CorrectorTables) => void;

/** correct() of one paragraph, with its protected-term mask. */
export type ParagraphCorrector = (input: CorrectInput) => CorrectResult & { protectedOnly: Uint8Array };

/** Every paragraph (line) corrected on its own, the document's own names protected in each, offsets moved to the document's. */
export function correctParagraphs(input: CorrectInput, correctParagraph: ParagraphCorrector): DocumentState {
  const text = input.text;
  const out: CorrectResult = { edits: [], suggestions: [], warnings: [] };
  const docMask = new Uint8Array(text.length);
  const names = documentNames(text);
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const base = start;
      const evidenceAt = input.evidenceAt;
      const r = correctParagraph({ text: text.slice(start, end), evidenceAt: evidenceAt && ((p) => evidenceAt(base + p)), names });
      docMask.set(r.protectedOnly, base);
      for (const e of r.edits) out.edits.push({ ...e, start: e.start + base, end: e.end + base });
      for (const e of r.suggestions) out.suggestions.push({ ...e, start: e.start + base, end: e.end + base });
      for (const w of r.warnings) out.warnings.push({ ...w, start: w.start + base, end: w.end + base });
    }
    start = end + 1;
  }
  return { text, docMask, result: out, ocrSigns: input.ocrSigns };
}

/** Subsection markers repaired from their sequence across the document. */
export function subsectionNumbers(d: DocumentState): void {
  const out = d.result;
  for (const e of repairSubsectionNumbers(d.text, d.docMask)) {
    if (out.edits.some((x) => x.start < e.end && x.end > e.start)) continue;
    out.edits.push(e);
    out.suggestions = out.suggestions.filter((x) => x.end <= e.start || x.start >= e.end);
  }
}

/**
 * Applied edits a later stage holds back: out of the edits, into the suggestions (in text order),
 * each with the meta `metaOf` gives it.
 */
export function holdAsSuggestions(d: DocumentState, held: readonly StageEdit[], metaOf: (m: CorrectionMeta) => CorrectionMeta): void {
  const res = d.result;
  res.edits = res.edits.filter((e) => !held.includes(e));
  const moved = held.map((e) => ({ ...e, meta: e.meta.type === 'correction' ? metaOf(e.meta) : e.meta }));
  res.suggestions = [...res.suggestions, ...moved].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The meta of a correction (not a layout change). */
export type CorrectionMeta = Extract<StageEdit['meta'], { type: 'correction' }>;

export function sortEdits(d: DocumentState): void {
  d.result.edits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A look-alike suggested in several distinct contexts is applied (the old passes only). */
export function pooledSuggestions(d: DocumentState, t: CorrectorTables): void {
  if (!PARAMS.poolDocument || PARAMS.decoder) return;
  const res = d.result;
  const wordModelPrefers = PARAMS.poolWordModel ? (e: StageEdit): boolean => wordModelPrefersAt(d.text, e.start, e.replacement, t) : undefined;
  d.result = { ...res, ...poolRepeated(d.text, res.edits, res.suggestions, { minScore: PARAMS.poolMinScore, minCount: PARAMS.poolMinCount, minTotal: PARAMS.poolMinTotal, listedWord: t.listedWord, wordModelPrefers }) };
}

/** The large-corpus word model's term of reading `to` at i (readingFeatures' window) is positive. */
function wordModelPrefersAt(text: string, i: number, to: string, t: CorrectorTables): boolean {
  return readingFeatures(modelsOf(t).models, text, [{ at: i, to }]).word > 0;
}
