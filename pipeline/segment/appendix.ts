/**
 * Pass: attachment bodies printed after the sign-off (GB/T 9704: "附件1" / "附件" alone on a line, then the
 * attachment's own title and content, before the 版记). Runs after readColophon, which scanning back from
 * the end stops at the attachment's last line: the attachment lines get block type 'attachment' (zone tail),
 * warnings raised on them as body lines are dropped, anything readColophon took inside them is given back,
 * and the 附注 above the first attachment is read (colophonStart moves up to it) so that the sign-off scan
 * (markTail) starts at the sign-off again.
 */
import { readColophonUpFrom } from './colophon.ts';
import { damagedDateAtEnd } from './damaged-dates.ts';
import { editDistance } from './markers.ts';
import { DATE_SOURCE } from './numerals.ts';
import { warn, type Ctx, type Line } from './types.ts';

const NUMBER = '[0-9０-９lI]{1,2}|[一二三四五六七八九十]{1,3}';
/** "附件" / "附件2" / "附件 2：" alone on a line; with one character misread only when a number follows. */
export function attachmentHeading(s: string): { damaged: boolean; printed: string } | null {
  const m = new RegExp(`^(\\p{Script=Han})\\s*(\\p{Script=Han})\\s*(${NUMBER})?\\s*[：:]?$`, 'u').exec(s.trim());
  if (!m) return null;
  const d = editDistance(m[1] + m[2], '附件');
  if (d === 0) return { damaged: false, printed: s.trim() };
  return d === 1 && m[3] ? { damaged: true, printed: s.trim() } : null;
}

const DATE_END = new RegExp(`${DATE_SOURCE}[\\s）)]*$`);
/** The sign-off date (or a 附注 under it) is among the few lines above the first attachment. */
const LOOK_BACK = 4;

function afterSignoff(ctx: Ctx, h: number): boolean {
  let seen = 0;
  for (let i = h - 1; i > ctx.bodyStart && seen < LOOK_BACK; i--) {
    const l = ctx.lines[i];
    if (l.kind === 'blank' || l.furniture) continue;
    seen++;
    if (DATE_END.test(l.content) || damagedDateAtEnd(l.content)) return true;
  }
  return false;
}

export function readAppendix(ctx: Ctx): void {
  const { lines, notice } = ctx;
  const h = lines.findIndex((l, i) => i > ctx.bodyStart && l.kind !== 'blank' && attachmentHeading(l.content) !== null && afterSignoff(ctx, i));
  if (h < 0) return;
  // the 版记 readColophon found after the attachments (or the end of the text)
  let end = lines.length;
  for (let i = h; i < lines.length; i++) if (lines[i].role === 'copy-to' || lines[i].role === 'imprint') { end = i; break; }
  const inside = (pos: number) => pos >= lines[h].start && pos < (lines[end]?.start ?? ctx.text.length);
  if (notice.note && inside(notice.note.span.start)) notice.note = null;
  notice.closing = notice.closing.filter((p) => !inside(p.span.start));
  ctx.warnings = ctx.warnings.filter((w) => !inside(w.start));
  ctx.cuts = ctx.cuts.filter((c) => !inside(c.pos));
  const region: Line[] = lines.slice(h, end);
  for (const l of region) {
    l.zone = 'tail';
    if (l.kind !== 'blank') l.role = 'attachment';
  }
  const head = attachmentHeading(lines[h].content)!;
  if (head.damaged) warn(ctx, 'label-damaged', `附件 heading read as "${head.printed}"`, lines[h].contentStart, lines[h].contentEnd);
  ctx.colophonStart = readColophonUpFrom(ctx, h - 1);
}
