/**
 * Stage: a stray mark inside a word (部“署, 水-利, 一-岗双责, 组”，织部) is OCR
 * debris, not punctuation, and is removed (internal to pipeline/correct).
 */
import { PARAMS } from './params.ts';
import type { CorrectorTables } from './tables.ts';
import { isHan } from './text-units.ts';
import type { Paragraph } from './types.ts';

/** marks OCR leaves inside words from specks and smudges */
const STRAY_MARKS = '“”"\'‘’-_*|·~^`';
/** separators that OCR also drops into words (never 、, which lists single characters: 收、支、管、用) */
const SPLIT_SEPARATORS = '，。,.；;：:';
/** 1 at the UTF-16 code of a stray mark or a separator (fast test in the per-character loop) */
const MARKISH = new Uint8Array(0x10000);
for (const c of STRAY_MARKS + SPLIT_SEPARATORS) MARKISH[c.charCodeAt(0)] = 1;
const markish = (c: string): boolean => MARKISH[c.charCodeAt(0)] === 1;

export function strayMarksInWords(p: Paragraph, t: CorrectorTables): void {
  const { text, mask, edits } = p;
  if (!PARAMS.strayMarks) return;
  for (let q = 1; q + 1 < text.length; q++) {
    if (MARKISH[text.charCodeAt(q)] !== 1 || !isHan(text, q - 1) || mask[q]) continue;
    // one mark, or two together (”，)
    const n = isHan(text, q + 1) ? 1 : markish(text[q + 1]) && q + 2 < text.length && isHan(text, q + 2) && !mask[q + 1] ? 2 : 0;
    if (!n) continue;
    const marks = text.slice(q, q + n);
    const word = t.wordAcross(text, q, n);
    if (!word || !separatorMayGo(text, q, n, marks, word, t) || pairedQuote(text, q, n)) continue;
    edits.push({
      start: q,
      end: q + n,
      replacement: '',
      meta: { type: 'correction', kind: 'punctuation', rule: 'punct:stray-mark-in-word', confidence: 0.9, note: `${marks} splits the word ${word}` },
    });
    q += n - 1;
  }
}

/**
 * A separator may end a clause right before a word's second character (中，国家 …): only
 * where the genre model finds it very unlikely and the word it splits is a common one.
 */
function separatorMayGo(text: string, q: number, n: number, marks: string, word: string, t: CorrectorTables): boolean {
  if (!(n === 2 || SPLIT_SEPARATORS.includes(marks))) return true;
  if (!t.clm || (t.freq.get(word) ?? 0) < PARAMS.splitSeparatorWordFreq) return false;
  return !(t.gainWithout(text, q, n, marks) > PARAMS.splitSeparatorGain);
}

/**
 * A quote that has its partner in the paragraph is punctuation, not debris: one alone, or an opening quote after a
 * separator ("指出：“生活…" — a quotation opening, whose closing quote follows).
 */
function pairedQuote(text: string, q: number, n: number): boolean {
  const nl = text.indexOf('\n', q);
  const lineEnd = nl < 0 ? text.length : nl;
  const lineStart = text.lastIndexOf('\n', q) + 1;
  const opens = (k: number) => text[k] === '“' && /^[^“]*”/.test(text.slice(k + 1, lineEnd));
  if (n === 2) return SPLIT_SEPARATORS.includes(text[q]!) && opens(q + 1);
  return opens(q) || (text[q] === '”' && /“[^”]*$/.test(text.slice(lineStart, q)));
}
