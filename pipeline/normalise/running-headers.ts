/**
 * Running headers and footers read differently on each page: lines at page edges (the first line
 * after a page break or a page number, the last line before a page number) that match each other
 * within a small edit distance on 3 or more pages. OCR damages a character or two of a header
 * per page (〈2024年… for 2024年…, 育石县 for 青石县), so exact repetition misses them.
 * A page stamp — a fax machine's identification line (date, time, sender, P.001/004), "page 1
 * of 4" — repeats on every page with a number counting the pages; it is furniture on the first
 * page too, where a header that merely repeats the title is not.
 */
import { createRequire } from 'node:module';
import type { Line } from './chars.ts';

const require = createRequire(import.meta.url);
// One file of `natural`, not the whole package (a full import costs 0.5 s and loads ~1,300 modules).
const { LevenshteinDistance } = require('natural/lib/natural/distance/levenshtein_distance.js') as { LevenshteinDistance: (a: string, b: string) => number };

/** Edit distance allowed between two readings of one header, as a share of the longer one. */
export const HEADER_DISTANCE_SHARE = 0.25;
/** Occurrences needed (the exact-repeat rule also uses 3). */
export const HEADER_MIN_PAGES = 3;
const MIN_LEN = 4;
/** Longest line taken for a header (a fax identification line runs to 60–70 narrow characters; body lines never repeat at 3 page edges). */
const MAX_LEN = 80;

const squeeze = (s: string) => s.replace(/\s+/gu, '');

export function similarHeaders(a: string, b: string): boolean {
  return headerDistance(a, b) !== null;
}

/** The edit distance of two readings of one header, or null when it is more than allowed. */
export function headerDistance(a: string, b: string): number | null {
  const [ca, cb] = [[...a], [...b]];
  const allowed = Math.max(1, Math.floor(Math.max(ca.length, cb.length) * HEADER_DISTANCE_SHARE));
  // cheap bounds first: the distance is at least the longer length minus the characters the two share
  if (Math.abs(ca.length - cb.length) > allowed || Math.max(ca.length, cb.length) - sharedCharacters(ca, cb) > allowed) return null;
  const d = LevenshteinDistance(a, b);
  return d <= allowed ? d : null;
}

/** Size of the multiset intersection of two strings' characters. */
function sharedCharacters(a: string[], b: string[]): number {
  const count = new Map<string, number>();
  for (const ch of a) count.set(ch, (count.get(ch) ?? 0) + 1);
  let shared = 0;
  for (const ch of b) {
    const k = count.get(ch) ?? 0;
    if (k > 0) {
      shared++;
      count.set(ch, k - 1);
    }
  }
  return shared;
}

/** similarHeaders with its answers kept for the lines of one document (a long document repeats its lines). */
function similarMemo(): (a: string, b: string) => boolean {
  const known = new Map<string, boolean>();
  return (a, b) => {
    if (a === b) return true;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    let v = known.get(key);
    if (v === undefined) known.set(key, (v = similarHeaders(a, b)));
    return v;
  };
}

/**
 * Indexes of lines to drop as running headers/footers. `edge[i]` says line i sits at a page
 * edge; `breakBefore[i]` says it is the first line of a page other than the first.
 */
export function fuzzyRunningHeaders(lines: Line[], edge: boolean[], breakBefore: boolean[]): Set<number> {
  const sized = lines.map((l, i) => ({ i, t: squeeze(l.text) })).filter(({ t }) => [...t].length >= MIN_LEN && [...t].length <= MAX_LEN);
  const similar = similarMemo();
  const out = pageStamps(sized, edge, similar);
  const cands = sized.filter(({ i }) => edge[i]);
  for (const c of cands) {
    const group = cands.filter((d) => d === c || similar(c.t, d.t));
    if (group.length < HEADER_MIN_PAGES) continue;
    // The document's own first line (title, masthead) is not furniture; repeats at page edges are.
    for (const g of group) if (g.i !== firstTextLine(lines) || breakBefore[g.i]) out.add(g.i);
  }
  return out;
}

/** Readings of one page stamp are at least this many lines apart (a numbered list's similar lines are closer). */
export const STAMP_MIN_LINES_APART = 8;

/**
 * Page stamps: lines like one at a page edge, on 3 or more pages, far apart, whose numbers count
 * the pages. Every reading is taken, the first page's and those where no page number showed the
 * page break (a fax's pages often have none).
 */
function pageStamps(sized: { i: number; t: string }[], edge: boolean[], similar: (a: string, b: string) => boolean): Set<number> {
  const out = new Set<number>();
  const numbered = sized.filter((l) => /\d/u.test(l.t)); // a stamp's numbers count the pages
  for (const c of numbered) {
    if (!edge[c.i] || out.has(c.i)) continue;
    const group = numbered.filter((d) => d === c || similar(c.t, d.t));
    const apart = group.every((g, k) => k === 0 || g.i - group[k - 1].i >= STAMP_MIN_LINES_APART);
    if (group.length >= HEADER_MIN_PAGES && apart && countsPages(group.map((g) => g.t))) for (const g of group) out.add(g.i);
  }
  return out;
}

const numbersOf = (t: string): number[] => (t.match(/\d+/gu) ?? []).map(Number);

/**
 * The readings (in page order) carry a page counter: they have the same count of numbers, and
 * one of them rises from each reading to the next (P.001 … P.003 … P.004 when a page's reading
 * is missing; a header that repeats the title has no number that changes).
 */
export function countsPages(readings: string[]): boolean {
  const numbers = readings.map(numbersOf);
  if (numbers.length < 2 || numbers.some((n) => n.length !== numbers[0].length)) return false;
  return numbers[0].some((_, k) => numbers.every((n, r) => r === 0 || n[k] > numbers[r - 1][k]));
}

function firstTextLine(lines: Line[]): number {
  return lines.findIndex((l) => l.text.trim() !== '');
}
