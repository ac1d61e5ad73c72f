/**
 * Rebuild paragraphs from lines wrapped at the page width. Blank lines carry no
 * meaning in OCR output (engines put them between every line), so paragraph ends
 * are decided from the line's printed width against the page's measure, sentence-
 * final punctuation, and whether the next line opens a heading or a numbered item.
 * Result: one paragraph a line, "\n" between them, one "\n" at the end.
 */
import type { StageEdit } from '../tracked-text.ts';
import { splitLines, visualWidth, type Line } from './chars.ts';
import { DOTTED_ITEM_NUMBER, LABEL_WITH_COLON, LOST_NUMBER_ITEM, PARAGRAPH_START, UNDOTTED_ITEM_NUMBER, looksLikeHeading } from './markers.ts';

const SENTENCE_END = /[。！？；”」』!?;]$/;
const CLOSING_BRACKET = /[）)》]$/;

/** The page measure: a high percentile of the line widths (most lines run full). */
export function lineMeasure(widths: number[]): number {
  const long = widths.filter((w) => w >= 8).sort((a, b) => a - b);
  if (long.length === 0) return Infinity;
  return long[Math.floor(long.length * 0.75)];
}

/**
 * A heading line standing alone: a section or subsection heading (一、 （二）) that does not run
 * to the measure and is followed by a new paragraph or nothing. A paragraph whose last mark OCR
 * lost (…下降41%  /  （二）关于……方面) ends before it; an inline enumeration wrapped onto a
 * marker runs on to the measure or into text.
 */
function standaloneHeading(next: Line, after: Line | undefined, measure: number): boolean {
  const n = next.text.trim();
  return looksLikeHeading(n) && !looksFull(visualWidth(n), measure) && (!after || PARAGRAPH_START.test(after.text.trim()));
}

/**
 * An item number whose dot OCR lost ("2农村公路…") after a sentence end opens a paragraph only where the
 * numbering expects it: the last item paragraph opened with the number before it.
 */
function expectedUndottedItem(n: string, lastItem: number): boolean {
  const m = UNDOTTED_ITEM_NUMBER.exec(n);
  return m !== null && lastItem > 0 && Number(m[1]) === lastItem + 1;
}

/** "（2）" at a line start: a bracketed item number. */
const BRACKETED_ITEM_NUMBER = /^[（(〔]\s*(\d{1,2})\s*[）)〕]/;

/** The bracketed item number a line opens with, else null. */
function bracketNumberOf(line: string): number | null {
  const m = BRACKETED_ITEM_NUMBER.exec(line);
  return m ? Number(m[1]) : null;
}

/**
 * "（1）", or the bracketed number after the last one: the next item of a list, a paragraph start even when the
 * line before lost its sentence end ("…各问题整改情况如" + "（1）推动…"; prose does not wrap before a "（N）").
 */
function expectedBracketItem(n: string, lastBracket: number): boolean {
  const k = bracketNumberOf(n);
  return k !== null && (k === 1 || k === lastBracket + 1);
}

/** The item number a paragraph opens with ("3." or, where expected, "3农村"), else null. */
function itemNumberOf(line: string, lastItem: number): number | null {
  const dotted = DOTTED_ITEM_NUMBER.exec(line);
  if (dotted) return Number(dotted[1]);
  return expectedUndottedItem(line, lastItem) ? lastItem + 1 : null;
}

function endsParagraph(cur: Line, next: Line, measure: number, after: Line | undefined, lastItem: number, lastBracket: number): boolean {
  const t = cur.text.trim();
  const n = next.text.trim();
  const w = visualWidth(t);
  const short = w < measure - 1.5;
  if (looksLikeHeading(t) && !looksFull(w, measure)) return true;
  if (standaloneHeading(next, after, measure)) return true;
  if (LABEL_WITH_COLON.test(n) || expectedBracketItem(n, lastBracket)) return true;
  if (PARAGRAPH_START.test(n) && (short || SENTENCE_END.test(t) || CLOSING_BRACKET.test(t))) return true;
  if (LOST_NUMBER_ITEM.test(n) && SENTENCE_END.test(t)) return true;
  if (expectedUndottedItem(n, lastItem) && SENTENCE_END.test(t)) return true;
  if (!short) return false;
  if (SENTENCE_END.test(t)) return true;
  return w < measure * 0.7;
}

const looksFull = (w: number, measure: number): boolean => w >= measure - 1.5;

/**
 * Text wrapped at a page width has many lines of (nearly) the same width. Text that is
 * already one paragraph a line (a clean engine, a born-digital source) does not; there
 * every line break is kept.
 */
export function isPageWrapped(widths: number[], measure: number): boolean {
  const long = widths.filter((w) => w >= 8);
  if (long.length < 3) return true; // too few lines to tell: treat as wrapped
  if (measure < 16) return false; // no printed page is that narrow
  const atMeasure = long.filter((w) => w >= measure - 2 && w <= measure + 1).length;
  return atMeasure / long.length >= 0.35;
}

export function joinLines(text: string): StageEdit[] {
  const all = splitLines(text);
  const lines = all.filter((l) => l.text.trim() !== '');
  const edits: StageEdit[] = [];
  if (lines.length === 0) {
    return text.length ? [{ start: 0, end: text.length, replacement: '', meta: { type: 'layout', rule: 'trim' } }] : [];
  }
  if (lines[0].start > 0) edits.push({ start: 0, end: lines[0].start, replacement: '', meta: { type: 'layout', rule: 'trim' } });
  const widths = lines.map((l) => visualWidth(l.text));
  const measure = lineMeasure(widths);
  const wrapped = isPageWrapped(widths, measure);
  let lastItem = itemNumberOf(lines[0].text.trim(), 0) ?? 0;
  let lastBracket = bracketNumberOf(lines[0].text.trim()) ?? 0;
  for (let i = 0; i < lines.length; i++) {
    const cur = lines[i];
    const next = lines[i + 1];
    const gapEnd = next ? next.start : text.length;
    const gap = text.slice(cur.end, gapEnd);
    if (!next) {
      if (gap !== '\n') edits.push({ start: cur.end, end: gapEnd, replacement: '\n', meta: { type: 'layout', rule: 'trim' } });
      continue;
    }
    if (!wrapped || endsParagraph(cur, next, measure, lines[i + 2], lastItem, lastBracket)) {
      lastItem = itemNumberOf(next.text.trim(), lastItem) ?? lastItem;
      lastBracket = bracketNumberOf(next.text.trim()) ?? lastBracket;
      if (gap !== '\n') edits.push({ start: cur.end, end: gapEnd, replacement: '\n', meta: { type: 'layout', rule: 'paragraph-break' } });
    } else {
      const latinJoin = /[A-Za-z]$/.test(cur.text) && /^[A-Za-z]/.test(next.text);
      edits.push({ start: cur.end, end: gapEnd, replacement: latinJoin ? ' ' : '', meta: { type: 'layout', rule: 'join-lines' } });
    }
  }
  return edits;
}
