/**
 * The corrector's public shapes (re-exported by index.ts) and the paragraph
 * a stage works on (internal to pipeline/correct).
 */
import type { StageEdit } from '../tracked-text.ts';
import type { CorrectorTables } from './tables.ts';

export interface CharEvidence {
  confidence: number;
  /** the OCR engine that read the character (its misreading rate moves the prior) */
  engine?: string;
  alternatives?: { text: string; confidence: number }[];
}
export interface CorrectInput {
  text: string;
  evidenceAt?: (pos: number) => CharEvidence | undefined;
  /**
   * Signs, seen before the corrector, that the text was read by OCR: pages the pipeline OCR'd
   * itself, repairs normalisation made (restored punctuation). Given 0, a lone model change
   * becomes a suggestion (lone-change.ts); not given, nothing is assumed.
   */
  ocrSigns?: number;
  /** the document's own names (document-names.ts), protected in this paragraph as the protected terms are */
  names?: readonly string[];
}
export interface CorrectWarning {
  code: string;
  message: string;
  start: number;
  end: number;
}
export interface CorrectResult {
  edits: StageEdit[];
  suggestions: StageEdit[];
  warnings: CorrectWarning[];
}
export interface Corrector {
  /** Correct one paragraph (or any text; context never crosses a line end). */
  correct(input: CorrectInput): CorrectResult;
  /**
   * Correct a whole document, one paragraph a line: each paragraph on its own,
   * then the document-level pass (a look-alike suggested in several places is applied).
   */
  correctDocument(input: CorrectInput): CorrectResult;
  /** Load now what the first document would load on its way (the word model of the real-word stage), e.g. while OCR runs. */
  loadModels(): void;
  readonly dictionaryVersion: string;
}

/** One paragraph being corrected: what the stages read and add to. */
export interface Paragraph extends CorrectResult {
  input: CorrectInput;
  text: string;
  /** 1 where no later stage may change the text (protected, or next to an earlier change) */
  mask: Uint8Array;
}

/** A step of the paragraph pass: reads the paragraph, adds edits and suggestions, marks what it took. */
export type ParagraphStage = (p: Paragraph, t: CorrectorTables) => void;
