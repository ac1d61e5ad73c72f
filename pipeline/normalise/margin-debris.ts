/**
 * Marks in the margin. A photocopied or faxed page carries specks and edge shadows
 * beside the text column; an engine that lays out the page (native tesseract) reads
 * them as one or two characters set apart from the line by a run of spaces:
 * "本   (7) 干部队伍…", "…发现疑点线索38条。      下", and lines of nothing else
 * ("NT   人     二"). Such a fragment is removed (a punctuation-kind correction, so a
 * reviewer sees it) when the line holds real text as well.
 *
 * A fragment is a run of at most two visible characters, set apart by two or more
 * spaces (three in a line whose engine spaces every character, as tesseract.js does),
 * before the line's first or after its last long run of text. Kept: a marker or
 * number before the text ("1.   学习…", "（一）  …"), anything after a label's colon
 * ("签发人：  王五"), and lines whose every run is short but one (nothing to tell
 * debris from a short line there: page numbers and fragments are drop-furniture's).
 */
import type { StageEdit } from '../tracked-text.ts';
import { splitLines } from './chars.ts';

/** Runs of text separated by two or more spaces (a single space is the engine's spacing inside text). */
const RUN = /\S+(?: \S+)*/g;
/** The same for a line whose engine spaces every character (tesseract.js): a gap takes three spaces there. */
const SPACED_RUN = /\S+(?: {1,2}\S+)*/g;
/** A run long enough to be the line's text. */
const TEXT_MIN = 6;
const FRAGMENT_MAX = 2;
/** Marker-like fragments that may stand before their text. */
const MARKER = /^(?:[0-9０-９]{1,2}[.．、,，]?|[（(〈<［\[【《〔{][0-9一二三四五六七八九十]{1,2}[）)〉>］\]】》〕}]?|[一二三四五六七八九十]{1,2}[、，,.．]|第)$/;
const LABEL_END = /[：:]$/;
/**
 * Fragments removed on the tune OCR texts that held no real text, and that did
 * (scripts/measure-margin-debris.ts, 2026-12-07); the confidence is the share right with one
 * of each added.
 */
export const MARGIN_DEBRIS_MEASURED = { right: 104, wrong: 0 };
const CONFIDENCE = Math.round(((MARGIN_DEBRIS_MEASURED.right + 1) / (MARGIN_DEBRIS_MEASURED.right + MARGIN_DEBRIS_MEASURED.wrong + 2)) * 100) / 100;

interface Run {
  start: number;
  end: number;
  text: string;
}

const visible = (s: string): number => [...s.replace(/\s+/g, '')].length;
const isFragment = (r: Run): boolean => visible(r.text) <= FRAGMENT_MAX;

/** Most neighbouring characters of the line stand a space apart (an engine that spaces every character). */
const spacedLine = (line: string): boolean => (line.match(/\S (?=\S)/g)?.length ?? 0) * 2 >= line.replace(/\s+/g, '').length;

function runsOf(line: string): Run[] {
  return [...line.matchAll(spacedLine(line) ? SPACED_RUN : RUN)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
}

/** The fragments of one line to remove (offsets in the line). */
export function marginFragments(line: string): Run[] {
  const runs = runsOf(line);
  const first = runs.findIndex((r) => visible(r.text) >= TEXT_MIN);
  if (first < 0) return [];
  let last = runs.length - 1;
  while (visible(runs[last].text) < TEXT_MIN) last--;
  const out: Run[] = [];
  for (let k = 0; k < first; k++) if (isFragment(runs[k]) && !MARKER.test(runs[k].text.replace(/\s+/g, ''))) out.push(runs[k]);
  for (let k = last + 1; k < runs.length; k++) {
    if (!isFragment(runs[k]) || LABEL_END.test(runs[k - 1].text)) break;
    out.push(runs[k]);
  }
  return out;
}

export function marginDebris(text: string): StageEdit[] {
  const edits: StageEdit[] = [];
  for (const l of splitLines(text)) {
    for (const r of marginFragments(l.text)) {
      edits.push({
        start: l.start + r.start,
        end: l.start + r.end,
        replacement: '',
        meta: { type: 'correction', kind: 'punctuation', rule: 'punct:margin-debris', confidence: CONFIDENCE },
      });
    }
  }
  return edits;
}
