/**
 * Pass: a heading or problem marker glued after a sentence end by layout
 * ("…返贫。《二）落实全面从严治党责任方面", "…到位。问题3.…") starts a line of its own.
 * The line is split in two Line records; the text is untouched (the first part has no '\n').
 */
import { matchQuestion, matchSection, matchSubsection } from './markers.ts';
import { warn, type Ctx, type Line } from './types.ts';

const GLUE = /[。；！？]\s*(?=[（(〈《]\s*[一二三四五六七八九十]{1,3}\s*[）)〉》]|问题\s*\d{1,3}\s*[.．]|[一二三四五六七八九十]{1,3}、)/g;

function glued(rest: string): boolean {
  const sub = matchSubsection(rest);
  if (sub) return rest.length - sub.length <= 40 && !/[。；]/.test(rest.slice(sub.length));
  const q = matchQuestion(rest);
  if (q) return !q.damaged;
  const sec = matchSection(rest);
  return sec !== null && !sec.damaged && rest.length - sec.length <= 30 && !/[。；，]/.test(rest.slice(sec.length));
}

function piece(ctx: Ctx, from: Line, start: number, end: number, contentEnd: number): Line {
  let ce = contentEnd;
  while (ce > start && /[\s\u3000]/.test(ctx.text[ce - 1])) ce--;
  return { ...from, start, end, contentStart: start, contentEnd: ce, content: ctx.text.slice(start, ce), markerEnd: start };
}

export function unglueMarkers(ctx: Ctx): void {
  const out: Line[] = [];
  for (const line of ctx.lines) {
    if (line.kind === 'blank') {
      out.push(line);
      continue;
    }
    let cur = line;
    GLUE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = GLUE.exec(cur.content))) {
      const cut = cur.contentStart + m.index + m[0].length;
      if (!glued(ctx.text.slice(cut, cur.contentEnd))) continue;
      out.push(piece(ctx, cur, cur.start, cut, cut));
      cur = piece(ctx, cur, cut, cur.end, cur.contentEnd);
      warn(ctx, 'marker-glued', 'a marker glued to the previous paragraph starts a new line', cut, cur.contentEnd);
      GLUE.lastIndex = 0;
    }
    out.push(cur);
  }
  out.forEach((l, i) => (l.index = i));
  ctx.lines = out;
}
