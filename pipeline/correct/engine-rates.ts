/**
 * How often each OCR engine misreads a Han character, against the text the
 * corrector's thresholds were set on (dictionaries/engine-misreading-rates.json,
 * written by scripts/measure-engine-rates.ts from tune fixtures), validated on load.
 *
 * The corrector's scores carry ln(confusion prior); an engine that misreads r
 * times as often as the reference text scales every such prior by r, so its
 * characters' scores move by ln r (the noisy channel's prior odds of a misreading).
 */
import { z } from 'zod';
import { NoticeError } from '../errors.ts';

export const ENGINE_RATES_FILE = 'engine-misreading-rates.json';

const Count = z
  .object({
    misreadings: z.number().int().nonnegative(),
    hanCharacters: z.number().int().positive(),
    inputs: z.array(z.string()).min(1),
    rate: z.number().gt(0).lt(1),
  })
  .strict();
export const EngineRatesFile = z.object({ note: z.string(), reference: Count, engines: z.record(z.string(), Count) }).strict();
export type EngineRatesFile = z.infer<typeof EngineRatesFile>;

/** ln(rate of the engine / reference rate) for each engine of the file. */
export type ChannelShifts = ReadonlyMap<string, number>;

export function readEngineRates(file: string, text: string): ChannelShifts {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new NoticeError('DICTIONARY_INVALID', `${file}: not JSON (${String(cause)})`, { file, cause });
  }
  const r = EngineRatesFile.safeParse(json);
  if (!r.success) throw new NoticeError('DICTIONARY_INVALID', `${file}: ${z.prettifyError(r.error)}`, { file });
  return new Map(Object.entries(r.data.engines).map(([engine, c]) => [engine, Math.log(c.rate / r.data.reference.rate)]));
}

/** The shift for a character read by `engine`; 0 (the reference) when the engine is not known. */
export const channelShift = (shifts: ChannelShifts, engine: string | undefined): number => (engine === undefined ? 0 : (shifts.get(engine) ?? 0));
