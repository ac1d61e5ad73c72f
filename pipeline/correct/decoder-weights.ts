/**
 * The decoder's estimated weights (dictionaries/decoder-weights.json, written
 * by scripts/build-decoder-weights.ts from held-out corpus text), validated on load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { NoticeError } from '../errors.ts';
import { FEATURES, type Weights } from './reading-score.ts';

export const DECODER_WEIGHTS_FILE = 'decoder-weights.json';

const finite = z.number().finite();
export const DecoderWeightsFile = z.object({
  note: z.string(),
  weights: z.object(Object.fromEntries(FEATURES.map((k) => [k, finite])) as Record<(typeof FEATURES)[number], typeof finite>).strict(),
  misreadingRate: z.number().gt(0).lt(1),
  wordBound: z.number().nonnegative(),
  fit: z.object({ files: z.array(z.string()).min(1), positions: z.number().int().positive(), misread: z.number().int().positive(), sample: z.number().gt(0).max(1) }),
  calibration: z.array(
    z.object({ atLeast: z.number(), changes: z.number().int(), right: z.number().int(), share: z.number().nullable(), fixedShare: z.number() }),
  ),
});
export type DecoderWeightsFile = z.infer<typeof DecoderWeightsFile>;

export function loadDecoderWeights(dir: string): { weights: Weights; wordBound: number } {
  const file = join(dir, DECODER_WEIGHTS_FILE);
  if (!existsSync(file)) throw new NoticeError('DICTIONARY_INVALID', `${file} missing: run npx tsx scripts/build-decoder-weights.ts`, { file });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new NoticeError('DICTIONARY_INVALID', `${file}: not JSON (${String(cause)})`, { file, cause });
  }
  const r = DecoderWeightsFile.safeParse(json);
  if (!r.success) throw new NoticeError('DICTIONARY_INVALID', `${file}: ${z.prettifyError(r.error)}`, { file });
  return { weights: r.data.weights, wordBound: r.data.wordBound };
}
