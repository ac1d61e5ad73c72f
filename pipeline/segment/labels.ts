/**
 * GB/T 9704 element labels (签发人, 附件, 附注, 抄送, 印发) as OCR prints them. A label is read exactly
 * (spaces between its characters allowed, colon full-width, ASCII or lost), or damaged: one character wrong
 * and then only when a colon follows it — the colon and the label's position carry the evidence.
 */
import { editDistance } from './markers.ts';

export interface LabelHit {
  /** Offset of the label in the searched string, and where the value after it (colon and spaces skipped) starts. */
  start: number;
  valueStart: number;
  /** Read with a wrong character, or with an ASCII colon. */
  damaged: boolean;
  /** What was printed, for warnings. */
  printed: string;
}

const COLON = /^\s*([：:])\s*/;

/** The label at `at` in `s` (exact with optional colon, or one character off with a colon), else null. */
export function labelAt(s: string, label: string, at = 0): LabelHit | null {
  const chars: number[] = [];
  let i = at;
  while (chars.length < label.length && i < s.length) {
    if (/\s/.test(s[i])) {
      if (chars.length === 0) return null;
      i++;
      continue;
    }
    if (!/\p{Script=Han}/u.test(s[i])) return null;
    chars.push(i);
    i++;
  }
  if (chars.length < label.length) return null;
  const read = chars.map((k) => s[k]).join('');
  const colon = COLON.exec(s.slice(i));
  const d = editDistance(read, label);
  if (d > 1 || (d === 1 && (!colon || label.length < 2))) return null;
  const valueStart = i + (colon ? colon[0].length : /^\s*/.exec(s.slice(i))![0].length);
  return { start: at, valueStart, damaged: d === 1 || colon?.[1] === ':', printed: s.slice(at, i).trim() + (colon?.[1] ?? '') };
}

/** The first place in `s` where `label` is read (see labelAt), searching only before `limit`. */
export function findLabel(s: string, label: string, limit = s.length): LabelHit | null {
  for (let at = 0; at < Math.min(limit, s.length); at++) {
    const hit = labelAt(s, label, at);
    if (hit) return hit;
  }
  return null;
}
