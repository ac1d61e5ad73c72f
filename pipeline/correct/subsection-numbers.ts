/**
 * Subsection markers （一）（二）… whose numeral OCR misread, repaired from
 * their sequence (internal to pipeline/correct). Within one section (the
 * numbering restarts after a section heading 一、二、…), a marker whose numeral
 * is not the one after its predecessor is read as that numeral only when the
 * next marker confirms it: （一）…（三）…（三） → the first （三） is （二）;
 * （一）…（三）…（四） is left alone (a subsection may have been lost).
 */
import type { StageEdit } from '../tracked-text.ts';

const NUMERALS = '一二三四五六七八九十';
/** a subsection marker at a paragraph or sentence start, or a section heading (which restarts the count) */
const MARKER = /(?<=^|\n|。)(?:[（(]([一二三四五六七八九十])[）)]|([一二三四五六七八九十]{1,2})、)/g;

export function repairSubsectionNumbers(text: string, mask: Uint8Array): StageEdit[] {
  const runs: { pos: number; n: number }[][] = [[]];
  for (const m of text.matchAll(MARKER)) {
    if (m[2]) {
      runs.push([]);
      continue;
    }
    runs[runs.length - 1].push({ pos: m.index! + 1, n: NUMERALS.indexOf(m[1]) + 1 });
  }
  const edits: StageEdit[] = [];
  for (const run of runs) {
    for (let k = 0; k + 1 < run.length; k++) {
      const want = k === 0 ? 1 : run[k - 1].n + 1;
      const { pos, n } = run[k];
      if (n === want || run[k + 1].n !== want + 1 || mask[pos]) continue;
      const shown = NUMERALS[n - 1];
      const numeral = NUMERALS[want - 1];
      edits.push({
        start: pos,
        end: pos + 1,
        replacement: numeral,
        meta: {
          type: 'correction',
          kind: 'character',
          rule: 'rule:subsection-sequence',
          confidence: 0.9,
          note: `（${shown}）→（${numeral}） (${k === 0 ? 'the first subsection' : `after （${NUMERALS[want - 2]}）`}, before （${NUMERALS[want]}）)`,
        },
      });
      run[k].n = want;
    }
  }
  return edits;
}
