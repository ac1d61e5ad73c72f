/**
 * Pass: read the 附件说明 under the body, above the sign-off: "附件：1.……" with "2.……" on the next
 * lines, or run together on one line ("附件：1.……2.……"), or a single attachment without a number.
 * The lines get block type 'attachment'; markTail takes them into the tail.
 */
import { labelAt } from './labels.ts';
import { DATE_SOURCE } from './numerals.ts';
import { issuerLike } from './tail.ts';
import type { Attachment } from '../schema.ts';
import { warn, type Ctx, type Line } from './types.ts';

/** A line at least this long may have been wrapped by OCR (A4 body lines hold 28 characters). */
const WRAPPABLE = 20;
const DATE = new RegExp(DATE_SOURCE);

/** The rest of an attachment title wrapped onto the next line: short, no sentence punctuation, not the sign-off. */
function continues(prev: Line, next: Line): boolean {
  const s = next.content;
  return prev.content.length >= WRAPPABLE && s.length <= 30 && !/[。；：:]/.test(s) && !issuerLike(s) && !DATE.test(s) && !/^\d/.test(s);
}

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
    for (let k = i + 1; k < end; k++) {
      const next = lines[k];
      if (next.kind === 'blank') continue;
      const n = found[found.length - 1].number;
      const parts = n === null ? [] : splitAttachments(next.content, 0, n + 1);
      if (parts.length > 0) add(next, parts);
      else if (continues(claimed[claimed.length - 1], next)) {
        // wrapped by OCR: the title runs on; its span crosses the line break, its text does not
        const last = found[found.length - 1];
        last.title += next.content;
        last.span.end = next.contentEnd;
        warn(ctx, 'line-wrapped', `attachment ${last.number} title read over two lines`, next.contentStart, next.contentEnd);
      } else break;
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
