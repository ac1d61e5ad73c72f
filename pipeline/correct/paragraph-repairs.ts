/**
 * Stages of the paragraph pass that repair marks rather than characters
 * (internal to pipeline/correct): enumeration markers from their sequence, a
 * comma lost after a title, quote marks the layout stage could not pair.
 */
import { repairEnumerationMarkers } from './enumeration-markers.ts';
import { PARAMS } from './params.ts';
import { repairQuotes } from './quote-repair.ts';
import type { CorrectorTables } from './tables.ts';
import { isHan, round } from './text-units.ts';
import type { Paragraph } from './types.ts';

/** Characters that open a sentence with 是 in ordinary prose (这是, 也是, 都是 …), never an enumeration marker. */
const SHI_STARTERS = '这那也都均只就更正还但于总却仍便即乃亦皆实若或要凡';
const QUOTE_OR_STAR = /[“”"＂*]/;

/** Enumeration markers (一是…二是…) repaired from their sequence. */
export function enumerationMarkers(p: Paragraph, t: CorrectorTables): void {
  const { text, mask, edits } = p;
  const isLookAlike = (shown: string, numeral: string): boolean => t.lookAlikePairs.has(shown + '\u0000' + numeral);
  // X是 can open a sentence: a word of the list (但是, 于是) or a function character before 是 (这是, 也是, 都是)
  const isWordWithShi = (ch: string): boolean => (t.freq.get(ch + '是') ?? 0) >= 50 || SHI_STARTERS.includes(ch);
  for (const e of repairEnumerationMarkers(text, isLookAlike, mask, isWordWithShi)) {
    if (edits.some((x) => e.start < x.end && e.end > x.start)) continue;
    edits.push(e);
    for (let k = Math.max(0, e.start - 1); k < Math.min(text.length, e.end + 1); k++) mask[k] = 1;
  }
}

/**
 * A comma lost after a title (tesseract drops "，" right after "》"): where the genre
 * model expects a new clause (…办法》明确…) and not a continuation (…办法》等制度, …》和《).
 */
export function lostCommaAfterTitle(p: Paragraph, t: CorrectorTables): void {
  const { text, mask, edits } = p;
  const clm = t.clm;
  if (!clm || !(PARAMS.titleCommaGain < Infinity)) return;
  for (let q = text.indexOf('》'); q >= 0; q = text.indexOf('》', q + 1)) {
    if (q + 1 >= text.length || !isHan(text, q + 1) || mask[q] || mask[q + 1]) continue;
    const gain = clm.insertionGain(text, q + 1, '，');
    if (gain < PARAMS.titleCommaGain) continue;
    edits.push({
      start: q + 1,
      end: q + 1,
      replacement: '，',
      meta: { type: 'correction', kind: 'punctuation', rule: 'punct:lost-comma-after-title', confidence: 0.9, note: `the genre model expects a new clause after the title (gain ${round(gain)})` },
    });
  }
}

/** Quote marks the layout stage could not pair: a closer printed as an opener, a full stop read as “ or *. */
export function unpairedQuotes(p: Paragraph, t: CorrectorTables): void {
  const { text, mask, edits } = p;
  if (!t.clm || !PARAMS.quoteRepair) return;
  const stopGain = (q: number): number => t.gainWithout(text, q, 1, '。');
  // one paragraph (line) at a time: a quotation never spans a line end
  for (let ls = 0; ls < text.length; ) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = text.length;
    const line = text.slice(ls, le);
    const base = ls;
    ls = le + 1;
    if (!QUOTE_OR_STAR.test(line)) continue;
    const joinsWord = (q: number): boolean => q > 0 && isHan(line, q - 1) && isHan(line, q + 1) && t.wordAcross(line, q) !== '';
    const found = repairQuotes(line, (q) => !!mask[base + q], (q) => stopGain(base + q), joinsWord, { maxQuoted: PARAMS.quoteMaxQuoted, stopGain: PARAMS.quoteStopGain });
    for (const e of found) {
      edits.push({ ...e, start: e.start + base, end: e.end + base });
      mask[e.start + base] = 1;
    }
  }
}
