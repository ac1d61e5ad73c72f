/** Character classes shared by the layout stages. */

/** CJK ideographs (BMP blocks; astral ideographs are surrogate pairs and handled as "other"). */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/** Full-width CJK punctuation and brackets used in notices. */
export const CJK_PUNCT = '\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2014\\u2026\\u2018\\u2019\\u201c\\u201d\\u00b7';

const hanRe = new RegExp(`[${HAN}]`);
const cjkRe = new RegExp(`[${HAN}${CJK_PUNCT}]`);

export const isHan = (ch: string | undefined): boolean => ch !== undefined && hanRe.test(ch);
/** Han or CJK punctuation: text that takes no spaces around it. */
export const isCjk = (ch: string | undefined): boolean => ch !== undefined && cjkRe.test(ch);

export interface Line {
  /** offset of the first character */
  start: number;
  /** offset just past the last character, before the line break */
  end: number;
  /** offset just past the line break (== end on the last line without one) */
  next: number;
  text: string;
}

/** Split into lines, keeping offsets. A line break is \n, \r\n or \r. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  // A form feed (page break in text files) ends a line too, with or without a newline beside it.
  const re = /\n?\f\n?|\r\n|\n|\r/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    lines.push({ start, end: m.index, next: m.index + m[0].length, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ start, end: text.length, next: text.length, text: text.slice(start) });
  return lines;
}

/** Printed width of a line in Han-character cells: spaces ignored, Latin and digits count half. */
export function visualWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    if (ch === ' ' || ch === '\t' || ch === '\u3000') continue;
    w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  }
  return w;
}
