/**
 * Marker and label recognisers. Each works on one line's content (already trimmed)
 * and returns what it matched, its length and whether only a damaged form matched.
 */
import { parseChineseNumber } from './numerals.ts';

export interface MarkerMatch {
  number: number;
  marker: string;
  /** Length of the marker including the spaces after it. */
  length: number;
  damaged: boolean;
}

const CN = '[一二三四五六七八九十]{1,3}';
const SECTION = new RegExp(`^(${CN})(\\s*)([、，,．.]{1,2})\\s*`);
const SUBSECTION = new RegExp(`^([（(〈<［\\[【《])\\s*(${CN})\\s*([）)〉>］\\]】》])\\s*`);
const QUESTION = new RegExp(`^问题(\\s*)(\\d{1,3}|${CN})(\\s*)([.．、,，:：])?\\s*`);
/** Characters OCR reads for a digit inside a marker: l/I/|/i for 1, O/o for 0, full-width digits. */
const DIG = '[0-9０-９lI|iOo]';
const ITEM = new RegExp(`^(${DIG}{1,2})(\\s*)([.．、,，·])(?![0-9０-９])\\s*`);
/** "（1）" / "(2)" / "〈3）": a parenthesised arabic number (numbered problems or items). */
const PAREN_ITEM = new RegExp(`^([（(〈<［\\[【《{])\\s*(${DIG}{1,2})\\s*([）)〉>］\\]】》}])\\s*`);
/** Number glued to a Han character: "2深化" (dot lost). Units after a number mean a quantity, not a marker. */
const ITEM_WEAK = /^(\d{1,2})(?=[\u4e00-\u9fff])(?![年月日时个件次名项轮人万亿元条份家天周岁号期届批类户所台篇场处起位只支种本栋辆张笔倍成座部平米公千百余多])/;

/** "l2" → 12, "O" → null (a marker number never starts with 0); null unless at least one real digit or a lone look-alike. */
export function markerDigits(s: string): number | null {
  const d = s.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)).replace(/[lI|i]/g, '1').replace(/[Oo]/g, '0');
  if (!/^\d+$/.test(d) || d[0] === '0') return null;
  return Number(d);
}

function parsed(n: string): number | null {
  const v = parseChineseNumber(n);
  return v !== null && v > 0 ? v : null;
}

/** "一、" (damaged: "一 、", "二，", "三."). */
export function matchSection(s: string): MarkerMatch | null {
  const m = SECTION.exec(s);
  if (!m) return null;
  const number = parsed(m[1]);
  if (number === null) return null;
  // "一，" followed by "是" etc. would be prose; a section heading must have a heading after it or end the line.
  return { number, marker: m[0].trimEnd(), length: m[0].length, damaged: m[2] !== '' || m[3] !== '、' };
}

/** "（一）" (damaged: "(一)", "〈一）", "（ 一 ）"). */
export function matchSubsection(s: string): MarkerMatch | null {
  const m = SUBSECTION.exec(s);
  if (!m) return null;
  const number = parsed(m[2]);
  if (number === null) return null;
  const damaged = m[1] !== '（' || m[3] !== '）' || /\s/.test(m[0].trimEnd());
  return { number, marker: m[0].trimEnd(), length: m[0].length, damaged };
}

/** "问题1." / "问题 2" (dot missing) / "问题3．". */
export function matchQuestion(s: string): MarkerMatch | null {
  const m = QUESTION.exec(s);
  if (!m) return null;
  const number = parsed(m[2]);
  if (number === null) return null;
  const damaged = m[1] !== '' || m[3] !== '' || (m[4] !== '.' && m[4] !== '．');
  return { number, marker: m[0].trimEnd(), length: m[0].length, damaged };
}

/**
 * "1." / "1．" / "1、" / "（1）"; damaged: "l." (l/I for 1), "1，", "1 ." and the weak form "2深化" (dot lost).
 * `paren` tells a "（1）" marker from a "1." one (they are different numbering levels).
 */
export function matchItem(s: string): (MarkerMatch & { paren?: boolean }) | null {
  const m = ITEM.exec(s);
  if (m) {
    const number = markerDigits(m[1]);
    if (number === null) return null;
    const lookAlike = !/^[0-9]+$/.test(m[1]);
    // "l，" / "I、" are too weak on their own (a Latin letter followed by a comma is prose or an e-mail)
    if (lookAlike && !/[.．]/.test(m[3])) return null;
    return { number, marker: m[0].trimEnd(), length: m[0].length, damaged: m[2] !== '' || lookAlike || !/[.．、]/.test(m[3]) };
  }
  const p = PAREN_ITEM.exec(s);
  if (p) {
    const number = markerDigits(p[2]);
    if (number === null) return null;
    const damaged = p[1] !== '（' || p[3] !== '）' || /\s/.test(p[0].trimEnd()) || !/^[0-9]+$/.test(p[2]);
    return { number, marker: p[0].trimEnd(), length: p[0].length, damaged, paren: true };
  }
  const w = ITEM_WEAK.exec(s);
  if (w && Number(w[1]) >= 1) return { number: Number(w[1]), marker: w[1], length: w[0].length, damaged: true };
  return null;
}

export const LABELS = ['整改进展情况', '整改落实情况', '整改措施及成效', '整改完成情况', '整改情况', '整改进展', '整改措施', '整改成效', '整改结果'];
/** Labels distinctive enough to accept without a colon. */
const LONG_LABELS = new Set(['整改进展情况', '整改落实情况', '整改措施及成效', '整改完成情况']);

export interface LabelMatch {
  label: string;
  /** Offset (in the searched string) where the label starts and where the progress text starts. */
  start: number;
  end: number;
  damaged: boolean;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A progress label at `at` in `s`: "整改进展情况：" (colon ASCII, missing, or one character damaged). */
export function matchLabel(s: string, at = 0, requireColon = false): LabelMatch | null {
  const head = s.slice(at, at + 12);
  const colon = /[：:]/.exec(head);
  if (colon && colon.index >= 3 && colon.index <= 8) {
    const cand = head.slice(0, colon.index).replace(/\s+/g, '');
    const exact = LABELS.find((l) => l === cand);
    const near = exact ?? (cand.length >= 4 ? LABELS.find((l) => l.length >= 4 && editDistanceAtMostOne(cand, l)) : undefined);
    if (near) {
      let end = at + colon.index + 1;
      while (end < s.length && /\s/.test(s[end])) end++;
      return { label: head.slice(0, colon.index).trim(), start: at, end, damaged: !exact || colon[0] !== '：' };
    }
  }
  if (requireColon) return null;
  for (const l of LONG_LABELS) {
    if (head.startsWith(l) && !/^[的和及与是]/.test(head.slice(l.length))) {
      let end = at + l.length;
      while (end < s.length && /\s/.test(s[end])) end++;
      return { label: l, start: at, end, damaged: true };
    }
  }
  return null;
}

/** A label inside a line, right after a sentence end ("…到位。整改进展情况：…"); colon required. */
export function findLabelMidLine(s: string): LabelMatch | null {
  const re = /[。！？；]\s*(?=整改)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const found = matchLabel(s, m.index + m[0].length, true);
    if (found) return found;
  }
  return null;
}

const ENUM = /([一二三四五六七八九十]{1,2})\s*([是见])/g;
const BEFORE_ENUM = /[。；;：:！？!?，,\s）)]/;

export interface EnumHit { ordinal: number; marker: string; start: number; end: number }

/**
 * "一是…二是…三是…" inside `s`: markers at the start or after punctuation, in sequence.
 * The damaged form "三见" is accepted only where the sequence expects it.
 */
export function findEnumerationMarkers(s: string): EnumHit[] {
  const hits: EnumHit[] = [];
  let expected = 0; // 0: nothing seen yet
  ENUM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENUM.exec(s))) {
    const prev = m.index === 0 ? '' : s[m.index - 1];
    if (prev !== '' && !BEFORE_ENUM.test(prev)) continue;
    const ordinal = parseChineseNumber(m[1]);
    if (ordinal === null || ordinal < 1) continue;
    const inSequence = expected > 0 ? ordinal === expected : ordinal === 1 || prev === '';
    if (!inSequence || (m[2] === '见' && expected === 0)) continue;
    hits.push({ ordinal, marker: m[0], start: m.index, end: m.index + m[0].length });
    expected = ordinal + 1;
  }
  return hits;
}
