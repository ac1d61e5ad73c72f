/**
 * Remove the spaces OCR engines put between Chinese characters, trim line ends, and
 * repair e-mail addresses broken by spaces ("abc@163 . com"). A space survives only
 * between two Latin words or numbers ("Windows 10").
 *
 * A single Latin letter standing apart right after punctuation, a space on at
 * least one side and Chinese text after it (巡察 ,j 巳巡, 信息、 U 县委), is a
 * speck the engine read as a letter and is removed (a correction: the reviewer
 * sees it). Letters between Chinese characters (B座, "家 D 类" from engines
 * that space every character) and class letters (，A 级) stay.
 */
import type { StageEdit } from '../tracked-text.ts';

const SPACE_RUN = /[ \t\u3000\u00a0]+/g;
const EMAIL_BROKEN = /[A-Za-z0-9._%+-]+(?:\s*@\s*)[A-Za-z0-9-]+(?:\s*\.\s*[A-Za-z0-9-]+)*\s*\.\s*[A-Za-z]{2,6}\b/g;
const KEEP_LEFT = /[A-Za-z0-9.,;:!?)'"%]/;
const KEEP_RIGHT = /[A-Za-z0-9(]/;
/** a lone Latin letter right after punctuation, Chinese text beyond the spaces after it (not a class letter: D类, A级) */
const LONE_LETTER = /(?<=[，。、；：,;:“”"][ \t\u3000]*)(?<![A-Za-z0-9])[A-Za-z](?![A-Za-z0-9])(?=[ \t\u3000]*\p{Script=Han})(?![ \t\u3000]*[类级型座区栋号楼股])/gu;
const SPACE = /[ \t\u3000]/;

export function removeSpaces(text: string): StageEdit[] {
  const inEmail = new Uint8Array(text.length);
  for (const m of text.matchAll(EMAIL_BROKEN)) inEmail.fill(1, m.index!, m.index! + m[0].length);

  const edits: StageEdit[] = [];
  for (const m of text.matchAll(SPACE_RUN)) {
    const start = m.index!;
    const end = start + m[0].length;
    const left = text[start - 1];
    const right = text[end];
    const atEdge = left === undefined || right === undefined || left === '\n' || left === '\r' || right === '\n' || right === '\r';
    if (atEdge) {
      edits.push({ start, end, replacement: '', meta: { type: 'layout', rule: 'trim' } });
    } else if (inEmail[start] || !(KEEP_LEFT.test(left) && KEEP_RIGHT.test(right))) {
      edits.push({ start, end, replacement: '', meta: { type: 'layout', rule: 'remove-space' } });
    } else if (m[0] !== ' ') {
      edits.push({ start, end, replacement: ' ', meta: { type: 'layout', rule: 'normalise-whitespace' } });
    }
  }
  for (const m of text.matchAll(LONE_LETTER)) {
    const i = m.index!;
    if (!SPACE.test(text[i - 1] ?? '') && !SPACE.test(text[i + 1] ?? '')) continue;
    edits.push({ start: i, end: i + 1, replacement: '', meta: { type: 'correction', kind: 'punctuation', rule: 'punct:stray-letter', confidence: 0.85 } });
  }
  return edits.sort((a, b) => a.start - b.start);
}
