/**
 * Pass: read the 附件说明 under the body, above the sign-off: "附件：1.……" with "2.……" on the next
 * lines, or run together on one line ("附件：1.……2.……"), or a single attachment without a number.
 * The lines get block type 'attachment'; markTail takes them into the tail.
 */
import { labelAt } from './labels.ts';
import type { Attachment } from '../schema.ts';
import { warn, type Ctx, type Line } from './types.ts';

/** Lines allowed between the 附件说明 and the end of the tail scan (issuers, date). */
const MAX_AFTER = 5;

const NUMBER = /(\d{1,2})\s*[.．、]\s*/g;

interface Part { number: number | null; title: string; start: number; end: number }

/** Split a list "1.甲方案2.乙清单" (numbers must run 1, 2, 3 … from `next`) into titles with offsets in `s`. */
export function splitAttachments(s: string, from = 0, next = 1): Part[] {
  const marks: { n: number; at: number; end: number }[] = [];
  for (const m of s.slice(from).matchAll(NUMBER)) {
    if (Number(m[1]) !== next + marks.length) continue;
    const at = from + m.index!;
    if (at > from && /\d/.test(s[at - 1])) continue;
    marks.push({ n: Number(m[1]), at, end: at + m[0].length });
  }
  if (marks.length === 0 || marks[0].at !== from) {
    const title = s.slice(from).trim();
    return title && next === 1 ? [{ number: null, title, start: s.indexOf(title, from), end: s.indexOf(title, from) + title.length }] : [];
  }
  return marks.map((mk, k) => {
    const raw = s.slice(mk.end, k + 1 < marks.length ? marks[k + 1].at : s.length);
    const title = raw.trim();
    const start = mk.end + raw.indexOf(title);
    return { number: mk.n, title, start, end: start + title.length };
  });
}

/** The 附件 label at the start of a line: with a colon, or directly followed by "1." (the colon lost). */
export function attachmentLabel(s: string): { valueStart: number; damaged: boolean; printed: string } | null {
  const hit = labelAt(s, '附件');
  if (!hit || hit.valueStart >= s.length) return null;
  const colon = /[：:]/.test(s.slice(0, hit.valueStart));
  if (!colon && !/^1\s*[.．、]/.test(s.slice(hit.valueStart))) return null;
  return { valueStart: hit.valueStart, damaged: hit.damaged || !colon, printed: hit.printed };
}

export function readAttachments(ctx: Ctx): void {
  const { lines } = ctx;
  const end = ctx.colophonStart;
  for (let i = end - 1, seen = 0; i > ctx.bodyStart && seen <= MAX_AFTER + 4; i--) {
    const l = lines[i];
    if (l.kind === 'blank') continue;
    seen++;
    const label = attachmentLabel(l.content);
    if (!label) continue;
    const found: Attachment[] = [];
    const add = (line: Line, parts: Part[]) => {
      for (const p of parts) found.push({ number: p.number, title: p.title, span: { start: line.contentStart + p.start, end: line.contentStart + p.end } });
    };
    add(l, splitAttachments(l.content, label.valueStart));
    if (found.length === 0) return;
    const claimed = [l];
    for (let k = i + 1; k < end && found[found.length - 1].number !== null; k++) {
      const next = lines[k];
      if (next.kind === 'blank') continue;
      const parts = splitAttachments(next.content, 0, found[found.length - 1].number! + 1);
      if (parts.length === 0) break;
      add(next, parts);
      claimed.push(next);
    }
    const after = lines.slice(claimed[claimed.length - 1].index + 1, end).filter((x) => x.kind !== 'blank').length;
    if (after > MAX_AFTER) return;
    for (const c of claimed) c.role = 'attachment';
    ctx.notice.attachments = found;
    if (label.damaged) warn(ctx, 'label-damaged', `附件 label read as "${label.printed}"`, l.contentStart, l.contentEnd);
    return;
  }
}
