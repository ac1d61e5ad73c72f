/**
 * Small helpers on UTF-16 text shared by the corrector's passes (internal to
 * pipeline/correct): the Han test, numeric keys of character pairs and
 * triples (no substring allocation in the per-character loops), rounding of
 * reported scores.
 */
const HAN = /\p{Script=Han}/u;

/** Whether s[i] is a Han character (a fast path for the common CJK block). */
export function isHan(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x3400) return false;
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  return HAN.test(s[i]);
}

/** Numeric key of two UTF-16 codes. */
export const pairKey = (x: number, y: number): number => x * 65536 + y;

/** Numeric key of three UTF-16 codes. */
export const tripleKey = (x: number, y: number, z: number): number => (x * 65536 + y) * 65536 + z;

/** How often `t` occurs in `text`, overlapping occurrences counted. */
export function occurrences(text: string, t: string): number {
  let n = 0;
  for (let k = text.indexOf(t); k >= 0; k = text.indexOf(t, k + 1)) n++;
  return n;
}

/** A score or confidence as reported: two decimals. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
