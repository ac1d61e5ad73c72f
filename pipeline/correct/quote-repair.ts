/**
 * Quote marks OCR got wrong, one paragraph at a time (internal to
 * pipeline/correct; the layout stage already re-paired quotes where every mark
 * was consistent, this looks at the rest):
 *
 * - an opening quote that closes a short quotation (“回头看“，) is a closing one;
 * - a closing quote with nothing to close, or an opening one that nothing closes at the
 *   paragraph start or after a clause mark (。：，；), is a speck;
 * - an opening quote that can pair with nothing, between two characters where
 *   the genre model expects a sentence end (…1.6万元“整改情况：…), is a full
 *   stop OCR read as a quote; so is a star (*) there (…进展缓慢*园区内…).
 */
import type { StageEdit } from '../tracked-text.ts';

export interface QuoteRepairParams {
  /** longest quotation (characters) whose second opening mark is taken for its closer */
  maxQuoted: number;
  /** insertion gain of 。 (genre model) from which a mark that pairs with nothing is read as a full stop */
  stopGain: number;
}

/** what notices quote: a short phrase of characters, maybe a list (双随机、一公开) */
const QUOTED = /^[\p{Script=Han}、]+$/u;
const TEXTUAL = /[\p{Script=Han}\d]/u;
/** marks after which a quotation would begin a clause: an opener there that nothing closes is a speck, not a lost full stop */
const CLAUSE_END = /[。：，；！？]/u;

const change = (start: number, replacement: string, rule: string, confidence: number, note: string): StageEdit => ({
  start,
  end: start + 1,
  replacement,
  meta: { type: 'correction', kind: 'punctuation', rule: `punct:${rule}`, confidence, note },
});

/**
 * Edits for one paragraph. `blocked(q)`: a protected position; `stopGain(q)`:
 * genre-model gain of a full stop in place of the mark at q.
 */
export function repairQuotes(
  text: string,
  blocked: (q: number) => boolean,
  stopGain: (q: number) => number,
  splitsWord: (q: number) => boolean,
  p: QuoteRepairParams,
): StageEdit[] {
  const out: StageEdit[] = [];
  const unpaired: number[] = [];
  const straight = new Set<number>();
  let open = -1;
  // an opening mark nothing closed: at the paragraph start a speck, elsewhere maybe a full stop
  const unclosed = (q: number): void => {
    if (straight.has(q)) return;
    const afterMark = q > 0 && CLAUSE_END.test(text[q - 1]);
    if ((q === 0 || afterMark) && q + 1 < text.length && TEXTUAL.test(text[q + 1]) && !blocked(q))
      out.push(change(q, '', 'quote-debris', 0.8, q === 0 ? '“ opens the paragraph and nothing closes it' : `“ follows ${text[q - 1]} and nothing closes it`));
    else unpaired.push(q);
  };
  // the next quote mark after each position (one pass from the end)
  const nextMarkAt = new Int32Array(text.length + 1).fill(-1);
  for (let q = text.length - 1; q >= 0; q--) nextMarkAt[q] = '“”"＂'.includes(text[q]) ? q : nextMarkAt[q + 1];
  for (let q = 0; q < text.length; q++) {
    const ch = text[q];
    if (ch === '“') {
      // (a closer still to come means this one opens a quotation, or is debris inside one: “回头“看”)
      const nextMark = nextMarkAt[q + 1];
      const closerFollows = nextMark >= 0 && text[nextMark] !== '“';
      // a mark inside a word that nothing closes is debris (部“署), neither opener nor closer
      if (splitsWord(q) && !closerFollows) continue;
      const inner = open >= 0 ? text.slice(open + 1, q) : '';
      if (open >= 0 && !straight.has(open) && inner.length <= p.maxQuoted && QUOTED.test(inner) && !closerFollows && !blocked(q)) {
        out.push(change(q, '”', 'quote-closer', 0.85, `closes the quotation “${inner}`));
        open = -1;
        continue;
      }
      if (open >= 0) unclosed(open);
      open = q;
    } else if (ch === '”') {
      if (open >= 0) open = -1;
      // a closing mark with nothing to close, before text: a speck
      else if (q + 1 < text.length && TEXTUAL.test(text[q + 1]) && !blocked(q)) out.push(change(q, '', 'quote-debris', 0.8, '” closes nothing in this paragraph'));
    } else if (ch === '"' || ch === '＂') {
      // a straight quote the layout stage could not place: it may open or close, never debris here
      open = open >= 0 ? -1 : q;
      straight.add(q);
    } else if (ch === '*') {
      unpaired.push(q);
    }
  }
  if (open >= 0) unclosed(open);
  for (const q of unpaired) {
    if (q === 0 || q + 1 >= text.length || blocked(q) || !TEXTUAL.test(text[q - 1]) || !TEXTUAL.test(text[q + 1])) continue;
    const g = stopGain(q);
    if (g < p.stopGain) continue;
    out.push(change(q, '。', 'mark-for-stop', 0.85, `${text[q]} pairs with nothing and the genre model expects a sentence end here (gain ${Math.round(g * 100) / 100})`));
  }
  return out.sort((a, b) => a.start - b.start);
}
