/**
 * The confusion tables (dictionaries/confusions/; internal to pipeline/correct):
 * manual look-alike pairs, glyph and component similarities, glyph features,
 * and OCR statistics (observed substitutions, weighted by their error rate).
 */
import { basename } from 'node:path';
import { z } from 'zod';
import type { Confusion } from './dictionaries.ts';
import { HAN1, invalid, num, parseRow, plainCount, tsvRows } from './dictionary-rows.ts';
import { decodeFeatures, FEATURE_SIDE } from './glyph-features.ts';

export const GlyphRow = z.tuple([
  z.string().regex(HAN1, 'char must be one Han character'),
  z.string().regex(HAN1, 'candidate must be one Han character'),
  num.min(0).max(1),
]).rest(z.string());

export const ObservedRowSchema = z.tuple([
  z.string().regex(HAN1, 'truth must be one Han character'),
  z.string().regex(HAN1, 'ocr must be one Han character'),
  num.int().positive(),
  num.int().nonnegative(),
]).rest(z.string());

const ManualRow = z.tuple([
  z.string().regex(HAN1, 'a must be one Han character'),
  z.string().regex(HAN1, 'b must be one Han character'),
]).rest(z.string());

/** An observed substitution as read, weighted once every file is read. */
export interface ObservedRow {
  truth: string;
  ocr: string;
  count: number;
  sourceCount: number;
  scale: number;
}

/** Prior weight in (0, 1] of an observed substitution seen `count` times among `sourceCount` occurrences of the truth. */
export function observedWeight(count: number, sourceCount: number): number {
  const rate = count / (Math.max(sourceCount, count) + OBSERVED_SMOOTHING);
  return Math.min(1, Math.max(OBS[3], OBS[0] + OBS[1] * Math.log(rate / 0.02)));
}
// base weight at a 2% error rate, slope per log unit, smoothing, floor (tuning: OBSERVED_WEIGHT='0.9,0.05,10,0.6')
const OBS = (process.env.OBSERVED_WEIGHT ?? '0.9,0.05,10,0.6').split(',').map(Number);
const OBSERVED_SMOOTHING = OBS[2];
/**
 * Statistics from poor scans (files named heavy.*ocr-observed.tsv) count for less: their error
 * rates are twice those of ordinary scans, and a pair seen only there must not crowd out the
 * look-alikes of an ordinary page (tuning: HEAVY_SCALE=0.8).
 */
const HEAVY_SCALE = Number(process.env.HEAVY_SCALE ?? 0.9);

/** manual.tsv: a pair of look-alikes, both directions. */
export function readManualPairs(file: string, text: string, into: Confusion[]): void {
  for (const { line, cols } of tsvRows(file, text, ['a', 'b'])) {
    const [a, b] = parseRow(file, line, ManualRow, cols);
    if (a === b) throw invalid(file, `line ${line}`, 'a and b are the same character');
    into.push({ ocr: a, truth: b, weight: 0.8, source: 'manual' });
    into.push({ ocr: b, truth: a, weight: 0.8, source: 'manual' });
  }
}

/**
 * A similarity row as GlyphRow reads it when the row is plainly valid (two Han characters, a
 * number in 0..1), else null: the tables hold some 80,000 rows, and zod per row is most of their
 * load time. Every other row goes to GlyphRow, which accepts or names the problem.
 */
export function plainSimilarityRow(cols: readonly string[]): [string, string, number] | null {
  if (cols.length !== 3) return null;
  const a = cols[0]!.trim();
  const b = cols[1]!.trim();
  const sim = Number(cols[2]!.trim());
  return HAN1.test(a) && HAN1.test(b) && sim >= 0 && sim <= 1 ? [a, b, sim] : null;
}

/** glyph.tsv / component.tsv: a printed character, a candidate, their similarity. */
export function readSimilarities(file: string, text: string, source: 'glyph' | 'component', into: Confusion[]): void {
  for (const { line, cols } of tsvRows(file, text, ['char', 'candidate', 'similarity'])) {
    const [a, b, sim] = plainSimilarityRow(cols) ?? parseRow(file, line, GlyphRow, cols);
    if (a !== b) into.push({ ocr: a, truth: b, weight: sim, source });
  }
}

/** glyph-features.tsv: a character and its base64 feature map. */
export function readGlyphFeatures(file: string, text: string, into: Map<string, Int8Array>): void {
  for (const { line, cols } of tsvRows(file, text, ['char', 'features'])) {
    if (cols.length !== 2 || !HAN1.test(cols[0]!)) throw invalid(file, `line ${line}`, 'expected a Han character and its features');
    const v = decodeFeatures(cols[1]!);
    if (!v) throw invalid(file, `line ${line}`, `features must be base64 of ${FEATURE_SIDE * FEATURE_SIDE} bytes`);
    into.set(cols[0]!, v);
  }
}

/**
 * An observed row as ObservedRowSchema reads it when plainly valid (two Han characters, a count ≥ 1 and
 * a source count ≥ 0 written as plain decimal integers), else null: some 10,000 rows, where zod per
 * row cost ~80 ms of each start-up. Every other row goes to ObservedRowSchema, which accepts or names the problem.
 */
export function plainObservedRow(cols: readonly string[]): [string, string, number, number] | null {
  if (cols.length !== 4) return null;
  const truth = cols[0]!.trim();
  const ocr = cols[1]!.trim();
  const count = plainCount(cols[2]!.trim());
  const sourceCount = plainCount(cols[3]!.trim());
  return HAN1.test(truth) && HAN1.test(ocr) && count !== null && count > 0 && sourceCount !== null ? [truth, ocr, count, sourceCount] : null;
}

/** *ocr-observed.tsv: substitutions counted in OCR output against gold. */
export function readObserved(file: string, text: string, into: ObservedRow[]): void {
  for (const { line, cols } of tsvRows(file, text, ['truth', 'ocr', 'count', 'source_count'])) {
    const [truth, ocr, count, sourceCount] = plainObservedRow(cols) ?? parseRow(file, line, ObservedRowSchema, cols);
    if (truth !== ocr) into.push({ truth, ocr, count, sourceCount, scale: basename(file).startsWith('heavy.') ? HEAVY_SCALE : 1 });
  }
}

/**
 * Observed confusions: weight from the error rate count/source_count (smoothed
 * so that a pair seen twice among a handful of occurrences is not trusted
 * like a systematic one), on a log scale: rate 2% -> 0.9, 20% -> 1, floor 0.6.
 */
export function observedConfusions(rows: readonly ObservedRow[], into: Confusion[]): void {
  for (const o of rows) {
    into.push({ ocr: o.ocr, truth: o.truth, weight: o.scale * observedWeight(o.count, o.sourceCount), source: 'observed' });
  }
}
