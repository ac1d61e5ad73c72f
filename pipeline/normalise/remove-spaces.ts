/**
 * Remove the spaces OCR engines put between Chinese characters, trim line ends, and
 * repair e-mail addresses broken by spaces ("abc@163 . com"). A space survives only
 * between two Latin words or numbers ("Windows 10").
 */
import type { StageEdit } from '../tracked-text.ts';

const SPACE_RUN = /[ \t\u3000\u00a0]+/g;
const EMAIL_BROKEN = /[A-Za-z0-9._%+-]+(?:\s*@\s*)[A-Za-z0-9-]+(?:\s*\.\s*[A-Za-z0-9-]+)*\s*\.\s*[A-Za-z]{2,6}\b/g;
const KEEP_LEFT = /[A-Za-z0-9.,;:!?)'"%]/;
const KEEP_RIGHT = /[A-Za-z0-9(]/;

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
  return edits;
}
