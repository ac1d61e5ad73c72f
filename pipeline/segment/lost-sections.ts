/**
 * Section headings whose numeral OCR lost: "总体情况", "、各项问题整改推进情况" (the 、 kept), "到果下二瞩正作打算".
 * A line becomes section p + 1 when it reads like a section heading (short, no sentence mark, ending in a
 * heading word), stands after a paragraph's end, and lies where the numbering leaves section p + 1 unprinted:
 * after section p (or the document's start, p = 0) and before section p + 2 or the end. It must be the only
 * such line there; a line that kept the numeral's 、 is taken first.
 */
import { matchLabel } from './markers.ts';
import { warn, type Ctx, type Line } from './types.ts';

const HEADING_END = /(?:情况|做法|打算|安排|措施|成效|问题|工作|进展|举措|经验|思路|计划|方向)$/;
const LOST_NUMERAL = /^[、，,．.「」『』]\s*/;

function headingAt(l: Line): { lead: number } | null {
  if (l.kind !== 'text') return null;
  const lead = LOST_NUMERAL.exec(l.content)?.[0].length ?? 0;
  const heading = l.content.slice(lead).trim();
  const han = heading.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han < 4 || heading.length > 20 || /[。；，：,;:！？、（）()]/.test(heading) || !HEADING_END.test(heading)) return null;
  return matchLabel(heading) ? null : { lead };
}

const endsParagraph = (l: Line | undefined): boolean => l === undefined || l.kind === 'section' || /[。：:！？]$/.test(l.content.trim());

export function recoverLostSections(ctx: Ctx): void {
  for (let round = 0; round < 4 && recoverOne(ctx); round++);
}

/** Recovers one section heading in the first gap that has one; false when none was recovered. */
function recoverOne(ctx: Ctx): boolean {
  const lines = ctx.lines.filter((l) => l.kind !== 'blank');
  let prev = 0;
  let from = 0;
  for (let k = 0; k <= lines.length; k++) {
    const l = lines[k];
    if (l && l.kind !== 'section') continue;
    const next = l?.number;
    if (next === undefined || next === prev + 2) {
      const found = pick(lines, from, k);
      if (found) {
        const { line } = found;
        const lead = found.lead || numeralLead(line.content, prev + 1);
        Object.assign(line, { kind: 'section', number: prev + 1, marker: line.content.slice(0, lead).trim(), markerEnd: line.contentStart + lead, damaged: true });
        warn(ctx, 'marker-lost', `section ${prev + 1}'s heading "${line.content.slice(lead)}" has no numeral`, line.contentStart, line.contentEnd);
        return true;
      }
    }
    if (!l) break;
    prev = l.number;
    from = k + 1;
  }
  return false;
}

const NUMERALS = '一二三四五六七八九十';
/** "三呈下一步工作打算": the expected numeral and the mark OCR misread after it, as the marker (0 when it is not there). */
function numeralLead(content: string, expected: number): number {
  return expected <= 10 && content[0] === NUMERALS[expected - 1] && /\S/.test(content[1] ?? '') ? 2 : 0;
}

function pick(lines: readonly Line[], from: number, to: number): { line: Line; lead: number } | null {
  const found: { line: Line; lead: number }[] = [];
  for (let k = from; k < to; k++) {
    const at = headingAt(lines[k]!);
    if (at && endsParagraph(lines[k - 1])) found.push({ line: lines[k]!, lead: at.lead });
  }
  const kept = found.filter((f) => f.lead > 0 && /、/.test(f.line.content.slice(0, f.lead)));
  if (kept.length === 1) return kept[0]!;
  return found.length === 1 ? found[0]! : null;
}
