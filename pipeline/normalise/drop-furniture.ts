/**
 * Drop page furniture: page numbers ("16", "— 3 —", "第3页", "II"), running headers
 * repeated on several pages, and lone OCR debris sitting inside a running sentence.
 * Each dropped line (with its line break) is one layout edit, so nothing is lost.
 */
import type { StageEdit } from '../tracked-text.ts';
import { isHan, splitLines, visualWidth, type Line } from './chars.ts';
import type { PageStarts } from './index.ts';
import { fuzzyRunningHeaders } from './running-headers.ts';
import { PARAGRAPH_START } from './markers.ts';

const PAGE_NUMBER = /^[\s\-—–―－~～·•]*(?:第\s*)?(?:\d{1,3}|[IVXivx]{1,5})\s*(?:页)?(?:\s*\/\s*\d{1,3})?[\s\-—–―－~～·•]*$/;
/** "一 3 一", "二 2 一": OCR reads the dashes around a page number as 一 or 二 (only with one on both sides). */
const PAGE_NUMBER_YI = /^[\s\-—–―－一二·•]*[一二][\s\-—–―－一二·•]*\d{1,3}[\s\-—–―－一二·•]*[一二][\s\-—–―－一二·•]*$/;
const SENTENCE_END = /[。！？；：”」』）)!?;:]$/;
const DEBRIS = /^[\s\p{P}\p{S}a-zA-Z]{1,3}$/u;

const drop = (l: Line): StageEdit => ({
  start: l.start,
  end: l.next,
  replacement: '',
  meta: { type: 'layout', rule: 'drop-furniture' },
});

function isPageNumber(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && (PAGE_NUMBER.test(t) || PAGE_NUMBER_YI.test(t));
}

/** A 1–2 character Han fragment alone on a line in the middle of a sentence. */
function isLoneFragment(lines: Line[], i: number): boolean {
  const t = lines[i].text.trim();
  if (!t || t.length > 2 || ![...t].every(isHan)) return false;
  const prev = neighbour(lines, i, -1);
  const next = neighbour(lines, i, +1);
  if (!prev || !next) return false;
  const prevText = prev.text.trim();
  return visualWidth(prevText) >= 8 && !SENTENCE_END.test(prevText) && visualWidth(next.text) >= 4;
}

function neighbour(lines: Line[], i: number, step: number): Line | undefined {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) {
    if (lines[j].text.trim()) return lines[j];
  }
  return undefined;
}

/**
 * Lines (4+ characters) printed 3+ times are running headers: keep the first, drop the rest. A line that opens
 * what follows it is the text's own (a progress label on a line of its own before every progress,
 * "整改落实情况：", a marker): no header ends in a colon or reads as a paragraph start.
 */
function runningHeaders(lines: Line[]): Set<number> {
  const seen = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const t = l.text.replace(/\s+/g, '');
    if (/[：:]$/.test(t) || PARAGRAPH_START.test(t)) return;
    if (t.length >= 4 && t.length <= 30) seen.set(t, [...(seen.get(t) ?? []), i]);
  });
  const out = new Set<number>();
  for (const idx of seen.values()) if (idx.length >= 3) idx.slice(1).forEach((i) => out.add(i));
  return out;
}

export function dropFurniture(text: string, pages: PageStarts = []): StageEdit[] {
  const lines = splitLines(text);
  const headers = runningHeaders(lines);
  const bounds = pageLines(lines, pages);
  const { edge, breakBefore } = pageEdges(text, lines, bounds);
  for (const i of damagedPageNumbers(lines, bounds)) headers.add(i);
  for (const i of fuzzyRunningHeaders(lines, edge, breakBefore)) headers.add(i);
  const edits: StageEdit[] = [];
  lines.forEach((l, i) => {
    const t = l.text.trim();
    if (!t) return;
    if (isPageNumber(t) || headers.has(i) || (DEBRIS.test(t) && !/[。）)]/.test(t)) || isLoneFragment(lines, i)) {
      edits.push(drop(l));
    }
  });
  return edits;
}

/** A short line of one number and marks only (- 3 -, 3 ., ·3·, -2--: a page number the scan damaged). */
const NUMBER_AND_MARKS = /^[\s\-—–―－~～·•.．。,，'"`一_]*(\d{1,3})[\s\-—–―－~～·•.．。,，'"`一_]*$/u;

/** Each page the extraction delimits: its number and its first and last non-blank lines (-1 when it has none). */
function pageLines(lines: Line[], pages: PageStarts): { number: number; first: number; last: number }[] {
  return pages.map((p, k) => {
    const end = k + 1 < pages.length ? pages[k + 1].start : Infinity;
    let first = -1;
    let last = -1;
    lines.forEach((l, i) => {
      if (l.start < p.start || l.start >= end || !l.text.trim()) return;
      if (first < 0) first = i;
      last = i;
    });
    return { number: p.number, first, last };
  });
}

/** The last line of a page that reads as that page's own number among marks (3 . at the foot of page 3). */
function damagedPageNumbers(lines: Line[], bounds: ReturnType<typeof pageLines>): number[] {
  return bounds.filter((b) => b.last >= 0 && Number(NUMBER_AND_MARKS.exec(lines[b.last].text.trim())?.[1]) === b.number).map((b) => b.last);
}

/**
 * Lines at page edges: the first line, the first line after a form feed, after a page-number
 * line or at a page break the extraction knows, and the last line before a page number, a form
 * feed or such a break (footers).
 */
function pageEdges(text: string, lines: Line[], bounds: ReturnType<typeof pageLines>): { edge: boolean[]; breakBefore: boolean[] } {
  const edge = lines.map(() => false);
  const breakBefore = lines.map(() => false);
  const filled = lines.map((l, i) => (l.text.trim() ? i : -1)).filter((i) => i >= 0);
  bounds.forEach(({ first, last }, k) => {
    if (first >= 0) edge[first] = true;
    if (first >= 0 && k > 0) breakBefore[first] = true;
    if (last >= 0) edge[last] = true;
  });
  filled.forEach((i, k) => {
    const prev = k > 0 ? lines[filled[k - 1]] : null;
    const next = k + 1 < filled.length ? lines[filled[k + 1]] : null;
    const ffBefore = prev !== null && text.slice(prev.end, lines[i].start).includes('\f');
    const ffAfter = next !== null && text.slice(lines[i].end, next.start).includes('\f');
    const afterNumber = prev !== null && isPageNumber(prev.text);
    if (k === 0 || ffBefore || afterNumber || ffAfter || (next !== null && isPageNumber(next.text))) edge[i] = true;
    if (ffBefore || afterNumber) breakBefore[i] = true;
  });
  return { edge, breakBefore };
}
