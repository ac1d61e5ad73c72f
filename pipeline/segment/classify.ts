/** Pass: classify each line by its leading marker (section, subsection, 问题N, numbered item). */
import { matchItem, matchQuestion, matchSection, matchSubsection, type MarkerMatch } from './markers.ts';
import { warn, type Ctx, type Line, type LineKind } from './types.ts';

function set(line: Line, kind: LineKind, m: MarkerMatch): void {
  line.kind = kind;
  line.number = m.number;
  line.marker = m.marker;
  line.markerEnd = line.contentStart + m.length;
  line.damaged = m.damaged;
}

export function classifyLines(ctx: Ctx): void {
  for (const line of ctx.lines) {
    if (line.kind === 'blank') continue;
    const s = line.content;
    let m: MarkerMatch | null;
    if ((m = matchQuestion(s))) set(line, 'question', m);
    else if ((m = matchSubsection(s))) set(line, 'subsection', m);
    else if ((m = matchSection(s)) && !/^[是见]/.test(s.slice(m.length))) set(line, 'section', m);
    else if ((m = matchItem(s))) set(line, 'item', m);
  }
  confirmWeakItems(ctx);
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
  items.forEach((line, i) => {
    if (!line.damaged || /[.．、]/.test(line.marker)) return;
    const prev = items[i - 1];
    const next = items[i + 1];
    const near = (a: Line | undefined, want: number) => a && a.number === want && Math.abs(a.index - line.index) <= 8;
    if (near(prev, line.number - 1) || near(next, line.number + 1)) return;
    line.kind = 'text';
    line.number = 0;
    line.marker = '';
    line.markerEnd = line.contentStart;
    line.damaged = false;
  });
}
