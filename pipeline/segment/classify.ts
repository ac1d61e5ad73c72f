/** Pass: classify each line by its leading marker (section, subsection, 问题N, numbered item). */
import { matchItem, matchQuestion, matchSection, matchSubsection, type MarkerMatch } from './markers.ts';
import { warn, type Ctx, type Line, type LineKind } from './types.ts';

function set(line: Line, kind: LineKind, m: MarkerMatch & { paren?: boolean; weak?: boolean }): void {
  line.kind = kind;
  if (m.paren) line.paren = true;
  if (m.weak) line.weak = true;
  line.number = m.number;
  line.marker = m.marker;
  line.markerEnd = line.contentStart + m.length;
  line.damaged = m.damaged;
}

/** Stray punctuation left before a marker by OCR or layout ("。二、…"). */
const DEBRIS = /^[。，、．.·•'"“”‘’:：;；]{1,2}\s*/;

export function classifyLines(ctx: Ctx): void {
  for (const line of ctx.lines) {
    if (line.kind === 'blank') continue;
    const debris = DEBRIS.exec(line.content)?.[0] ?? '';
    const s = line.content.slice(debris.length);
    let m: MarkerMatch | null;
    if ((m = matchQuestion(s))) set(line, 'question', m);
    else if ((m = matchSubsection(s))) set(line, 'subsection', m);
    else if ((m = matchSection(s)) && !/^[是见]/.test(s.slice(m.length))) set(line, 'section', m);
    else if ((m = matchItem(s)) && (!debris || (m as { paren?: boolean }).paren)) set(line, 'item', m);
    else m = null;
    if (debris && m && line.kind !== 'text') {
      line.marker = debris + line.marker;
      line.markerEnd += debris.length;
      line.damaged = true;
    }
  }
  confirmWeakItems(ctx);
  confirmWeakQuestions(ctx);
  markFurniture(ctx);
  for (const line of ctx.lines) {
    if (line.kind !== 'text' && line.kind !== 'blank' && line.damaged) {
      warn(ctx, 'marker-damaged', `marker "${line.marker}" read in a damaged form`, line.contentStart, line.markerEnd);
    }
  }
}

/**
 * An item marker without its dot ("2深化…") is only trusted when a neighbouring
 * item (within a few lines) continues or precedes its numbering.
 */
function confirmWeakItems(ctx: Ctx): void {
  const items = ctx.lines.filter((l) => l.kind === 'item');
  items.forEach((line) => {
    if (line.paren ? !line.weak : !line.damaged || /[.．、,，·]/.test(line.marker)) return;
    // a "（1）" item is confirmed by "（2）", a "1." item by "2."
    const same = items.filter((x) => !!x.paren === !!line.paren);
    const k = same.indexOf(line);
    const prev = same[k - 1];
    const next = same[k + 1];
    const near = (a: Line | undefined, want: number) => a && a.number === want && Math.abs(a.index - line.index) <= 8;
    if (near(prev, line.number - 1) || near(next, line.number + 1)) return;
    line.kind = 'text';
    line.number = 0;
    line.marker = '';
    line.markerEnd = line.contentStart;
    line.damaged = false;
    line.paren = undefined;
    line.weak = undefined;
  });
}

/** "间题3." (问题 misread) is a problem marker only between exact 问题 markers that number it ("问题2." … "问题4."). */
function confirmWeakQuestions(ctx: Ctx): void {
  const qs = ctx.lines.filter((l) => l.kind === 'question');
  qs.forEach((line, i) => {
    if (!line.weak) return;
    const prev = qs.slice(0, i).reverse().find((q) => !q.weak);
    const next = qs.slice(i + 1).find((q) => !q.weak);
    const fits = (prev ? prev.number === line.number - 1 : line.number === 1) && (next ? next.number === line.number + 1 : !!prev);
    if (fits && (prev || next)) return;
    Object.assign(line, { kind: 'text', number: 0, marker: '', markerEnd: line.contentStart, damaged: false, weak: undefined });
  });
}

/**
 * Page furniture that survived layout (a page number "16", "- 2 -", "II", a lone numeral "二"):
 * flagged so that statement and progress do not run over it; the line stays a paragraph block.
 */
const FURNITURE = /^(?:[-－—\s]*\d{1,3}[-－—\s]*|[-－—\s]*[一二三四五六七八九十]{1,2}[-－—\s]*|[IVXivx]{1,4}|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)$/;

function markFurniture(ctx: Ctx): void {
  for (const line of ctx.lines) {
    if (line.kind !== 'text' || !FURNITURE.test(line.content)) continue;
    line.furniture = true;
    warn(ctx, 'furniture', `line "${line.content}" looks like page furniture`, line.contentStart, line.contentEnd);
  }
}
