/**
 * Which characters of a Han run are examined (internal to pipeline/correct):
 * those not covered by a known word, inside a known corrupted form, rare, or
 * read with low OCR confidence — unless the genre corpus attests every
 * trigram around them.
 */
import type { HanRun, Site } from './character-run.ts';
import { channelShift } from './engine-rates.ts';
import { PARAMS } from './params.ts';
import type { CorrectorTables } from './tables.ts';

/** The site at i when it is worth examining, else null. */
export function suspiciousSite(run: HanRun, i: number, t: CorrectorTables): Site | null {
  const { cur, off, cov, input } = run;
  const ch = cur[i];
  const cf = t.charFreqByCode[cur.charCodeAt(i)];
  const ev = input.evidenceAt?.(i + off);
  const lowEv = ev !== undefined && ev.confidence < PARAMS.lowConfidence;
  // OCR confidence moves the bar: a doubtful reading needs less evidence
  // from the word model, a confident one a little more
  const evBonus = ev === undefined ? 0 : Math.max(-PARAMS.evidencePenaltyMax, Math.min(PARAMS.evidenceBonusMax, (PARAMS.evidenceNeutral - ev.confidence) * PARAMS.evidenceSlope));
  const c = cov[i - run.a];
  const suspicious = !(c & 1) || (c & 2) || cf < PARAMS.rareCharFreq || lowEv;
  if (!suspicious) return null;
  // every trigram around it occurs in the genre corpus: ordinary notice prose
  if (PARAMS.skipAttested && t.clm && !lowEv && cf >= PARAMS.rareCharFreq && t.clm.attested(cur, i)) return null;
  // a common stand-alone character outside any word is usually just that word:
  // only a word completion with decisive context may replace it
  const solo = !(c & 2) && !lowEv && cf >= PARAMS.rareCharFreq && (t.freq.get(ch) ?? 0) >= PARAMS.soloSkip;
  return { i, ch, cf, ev, lowEv, evBonus, channelShift: channelShift(t.dicts.channelShifts, ev?.engine), c, solo, rareOld: cf < PARAMS.rareCharFreq };
}
