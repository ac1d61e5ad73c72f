/**
 * A run of Han characters under correction and the site being examined in it
 * (internal to pipeline/correct): what the character pass's steps pass to
 * each other.
 */
import type { StageEdit } from '../tracked-text.ts';
import type { CharEvidence, CorrectInput, CorrectWarning } from './types.ts';

/** A Han run [a, b) of `cur` (a local copy of the paragraph from `off`, with a little context). */
export interface HanRun {
  a: number;
  b: number;
  /** the run as read so far: applied one-for-one changes are written into it */
  cur: string;
  off: number;
  input: CorrectInput;
  mask: Uint8Array;
  edits: StageEdit[];
  suggestions: StageEdit[];
  warnings: CorrectWarning[];
  /** per character of [a, b): bit 1 covered by a known word, bit 2 inside a known corrupted form */
  cov: Uint8Array;
  /** positions changed, and positions with a single-character suggestion */
  touched: Set<number>;
  suggested: Set<number>;
}

/** A suspicious position of a run and what the prefilter learnt of it. */
export interface Site {
  i: number;
  ch: string;
  /** character frequency of the printed character */
  cf: number;
  ev: CharEvidence | undefined;
  /** the OCR engine read it with low confidence */
  lowEv: boolean;
  /** OCR confidence moves the bar: a doubtful reading needs less evidence */
  evBonus: number;
  /** ln(the reading engine's misreading rate / the reference's): added to every candidate's score (engine-rates.ts) */
  channelShift: number;
  /** its cov bits */
  c: number;
  /** a common stand-alone character outside any word */
  solo: boolean;
  /** the printed character is rare (likely misread) */
  rareOld: boolean;
}
