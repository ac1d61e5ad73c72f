/**
 * Enumeration markers (一是…二是…三是…) damaged by OCR, repaired from their
 * sequence (internal to pipeline/correct). Within one paragraph, a marker
 * "X是" right after a sentence break whose X is not the expected numeral is read
 * as that numeral when
 *  - the marker before it is k是 and the one after it (k+2)是, or it is the last
 *    one after at least 二是; and
 *  - X is itself a numeral (a misread number: 二是 between 二是 and 四是; only
 *    with the marker after it to confirm), a known look-alike of the expected
 *    numeral, or a character that forms no word with 是 (万是; never an ordinary
 *    sentence start such as 这是, 但是, 还是, 于是).
 */
import type { ChangeMeta, StageEdit } from '../tracked-text.ts';

const NUMERALS = '一二三四五六七八九十';
const MARKER = /(?<=^|[。；！？：:]|情况|成效)\s*(\p{Script=Han})是/gu;

export function repairEnumerationMarkers(text: string, isLookAlike: (shown: string, numeral: string) => boolean, mask: Uint8Array, isWordWithShi: (ch: string) => boolean): StageEdit[] {
  const found: { pos: number; ch: string }[] = [];
  for (const m of text.matchAll(MARKER)) found.push({ pos: m.index! + m[0].length - 2, ch: m[1] });
  const num = (ch: string): number => NUMERALS.indexOf(ch) + 1;
  // only a paragraph that enumerates (at least two intact markers) has a sequence to go by
  if (found.filter((f) => num(f.ch) > 0).length < 2) return [];
  const edits: StageEdit[] = [];
  let prev = 0;
  for (let k = 0; k < found.length; k++) {
    const { pos, ch } = found[k];
    const n = num(ch);
    const want = prev + 1;
    if (n === want || prev === 0) {
      if (n > 0) prev = n;
      continue;
    }
    const next = found.slice(k + 1).find((f) => num(f.ch) > 0);
    // a misread numeral needs the marker after it to confirm; a non-numeral may also end the list
    const fits = next ? num(next.ch) === want + 1 : n === 0 && prev >= 2;
    const numeral = NUMERALS[want - 1];
    const shape = n > 0 || isLookAlike(ch, numeral) || !isWordWithShi(ch);
    if (!numeral || !fits || mask[pos] || !shape) {
      if (n > 0) prev = n;
      continue;
    }
    const meta: ChangeMeta = {
      type: 'correction',
      kind: 'character',
      rule: 'rule:enumeration-sequence',
      confidence: n > 0 ? 0.85 : 0.9,
      note: `${ch}是→${numeral}是 (between ${NUMERALS[prev - 1]}是 and ${next ? next.ch + '是' : 'the end of the paragraph'})`,
    };
    edits.push({ start: pos, end: pos + 1, replacement: numeral, meta });
    prev = want;
  }
  return edits;
}
