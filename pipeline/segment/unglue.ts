/**
 * Pass: a heading or problem marker glued after a sentence end by layout
 * ("…返贫。《二）落实全面从严治党责任方面", "…到位。问题3.…") starts a line of its own.
 * The line is split in two Line records; the text is untouched (the first part has no '\n').
 */
import { findLabelMidLine, matchItem, matchLabel, matchQuestion, matchSection, matchSubsection } from './markers.ts';
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

/**
 * A numbered problem marker glued after text with no sentence end ("…开展16《2）干部队伍…", OCR lost "次。"):
 * "（N）", "N." or "问题N." inside a line, trusted only when the previous line-initial marker of the same
 * style is N−1, the previous problem already has its progress label, and a label follows (in the rest of
 * the line or opening one of the next three lines).
 */
const GLUE_NUMBERED = /(?:[（(〈《]\s*\d{1,2}\s*[）)]|问题\s*\d{1,2}\s*[.．]|(?<![\d.．%])\d{1,2}[.．](?!\d))/g;

type Style = 'paren' | 'dot' | 'question';
function styleOf(s: string): { style: Style; number: number } | null {
  const debris = /^[。，、．.·'"“”‘’:：;；]{1,2}\s*/.exec(s)?.[0] ?? '';
  const q = matchQuestion(s.slice(debris.length));
  if (q) return { style: 'question', number: q.number };
  const it = matchItem(s.slice(debris.length));
  if (it && (it.paren || (!debris && /[.．]/.test(it.marker)))) return { style: it.paren ? 'paren' : 'dot', number: it.number };
  return null;
}

function previousNumber(lines: Line[], style: Style): number | null {
  for (let k = lines.length - 1, seen = 0; k >= 0 && seen < 30; k--) {
    const l = lines[k];
    if (l.kind === 'blank') continue;
    seen++;
    const st = styleOf(l.content);
    if (st && st.style === style) return st.number;
    if (matchSection(l.content) || matchSubsection(l.content)) return null;
  }
  return null;
}

/** A label in one of the next three lines (blank lines and page numbers aside), before any line that opens with a marker. */
function labelAhead(ctx: Ctx, after: Line): boolean {
  for (let k = after.index + 1, seen = 0; k < ctx.lines.length && seen < 3; k++) {
    const s = ctx.lines[k].content;
    if (ctx.lines[k].kind === 'blank' || (s.length <= 8 && !/[\u4e00-\u9fff]/.test(s))) continue; // blank or page furniture
    seen++;
    if (styleOf(s) || matchSection(s) || matchSubsection(s)) return false;
    if (matchLabel(s, 0, true) || findLabelMidLine(s)) return true;
  }
  return false;
}

const hasLabel = (s: string) => matchLabel(s, 0, true) !== null || findLabelMidLine(s) !== null;

/** The previous problem already has its progress label: in `before` (this line up to the glued marker) or a line since its marker. */
function previousLabelled(out: Line[], before: string): boolean {
  if (hasLabel(before)) return true;
  if (styleOf(before)) return false;
  for (let k = out.length - 1; k >= 0; k--) {
    const l = out[k];
    if (l.kind === 'blank') continue;
    if (hasLabel(l.content.slice(styleOf(l.content) ? 1 : 0))) return true;
    if (styleOf(l.content) || matchSection(l.content) || matchSubsection(l.content)) return false;
  }
  return false;
}

function unglueNumbered(ctx: Ctx, out: Line[], line: Line): Line {
  let cur = line;
  GLUE_NUMBERED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GLUE_NUMBERED.exec(cur.content))) {
    if (m.index < 6) continue;
    const rest = cur.content.slice(m.index);
    const st = styleOf(rest);
    if (!st || st.number < 2) continue;
    // the piece this marker sits in may itself open with the previous marker ("（2）…不到位（3）…")
    const own = styleOf(cur.content);
    const prev = own && own.style === st.style ? own.number : previousNumber(out, st.style);
    if (prev !== st.number - 1) continue;
    if (!findLabelMidLine(rest) && !labelAhead(ctx, line)) continue;
    if (!previousLabelled(out, cur.content.slice(0, m.index))) continue;
    const cut = cur.contentStart + m.index;
    out.push(piece(ctx, cur, cur.start, cut, cut));
    cur = piece(ctx, cur, cut, cur.end, cur.contentEnd);
    warn(ctx, 'marker-glued', 'a numbered marker glued to the previous text starts a new line', cut, cur.contentEnd);
    GLUE_NUMBERED.lastIndex = 0;
  }
  return cur;
}

export function unglueMarkers(ctx: Ctx): void {
  const out: Line[] = [];
  for (const line of ctx.lines) {
    if (line.kind === 'blank') {
      out.push(line);
      continue;
    }
    let cur = unglueNumbered(ctx, out, line);
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
