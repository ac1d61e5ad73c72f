/**
 * Segmentation: final corrected text (one paragraph a line) → Notice structure + blocks.
 *
 * Passes run in the order listed in PASSES; each is a small function over a shared
 * context (see types.ts). Offsets are half-open UTF-16 ranges into `text`.
 *
 * What the strings hold (each equals text.slice(span) unless noted):
 * - Section/Subsection.heading: the heading line after its marker ("一、" / "（一）"); span = heading line
 *   through the end of the node's last content line.
 * - Problem.statement: after the marker ("问题3." / "1." / "（二）") up to the progress label, trailing
 *   whitespace excluded (statementSpan). Problem.progress: after the label, its colon and spaces, to the end
 *   of the problem (progressSpan; null with progress "" when there is none). span = marker line to last line.
 * - Paragraph.text: the line's content without leading/trailing whitespace.
 * - Enumeration.text: span minus its marker ("一是") and the whitespace after it.
 * - Contact.text: from the first contact keyword to the end of the last contact line.
 * - signoff.span: sign-off issuer line (or its content) through the date.
 * - Notice.title: the title line(s) joined without '\n' (an issuer line right above a "关于…" title is part of
 *   it, as gold files print it); issuer: a separate header issuer line, else the title's prefix before 关于,
 *   else the sign-off issuer. date: the sign-off date, else a date printed under the title.
 * - Page furniture left in the text (a lone page number) gets a 'furniture' warning and a 'paragraph' block;
 *   inside a problem it stays outside statement and progress, elsewhere it is a Paragraph of the nearest node.
 *
 * Warning codes: marker-damaged, marker-glued, numbering-gap, heading-missing, heading-damaged,
 * label-damaged, progress-missing, statement-empty, title-missing, header-unclassified, furniture,
 * date-invalid, no-structure, no-problems.
 */
import type { Block, Notice } from '../schema.ts';
import { emitBlocks } from './blocks.ts';
import { classifyLines } from './classify.ts';
import { findEnumerations } from './enumerations.ts';
import { groupHeader } from './header.ts';
import { splitLines } from './lines.ts';
import { decideProblems } from './problems.ts';
import { splitProgress } from './progress.ts';
import { buildSections } from './sections.ts';
import { measureSpans } from './spans.ts';
import { markTail } from './tail.ts';
import { unglueMarkers } from './unglue.ts';
import type { Ctx, SegmentWarning } from './types.ts';

export interface SegmentResult {
  notice: Notice;
  blocks: Block[];
  warnings: SegmentWarning[];
}

/** The passes, in order. */
export const PASSES: readonly ((ctx: Ctx) => void)[] = [
  splitLines,
  unglueMarkers,
  classifyLines,
  groupHeader,
  markTail,
  decideProblems,
  buildSections,
  splitProgress,
  measureSpans,
  findEnumerations,
];

function emptyNotice(): Notice {
  return {
    title: null, documentNumber: null, issuer: null, addressee: null, date: null, preamble: [], sections: [], closing: [],
    signoff: null, contact: null, problemCount: 0,
  };
}

export function segment(text: string): SegmentResult {
  const ctx: Ctx = {
    text, lines: [], notice: emptyNotice(), warnings: [], cuts: [], bodyStart: 0, tailStart: 0,
    problemLines: new Set(), drafts: [],
  };
  for (const pass of PASSES) {
    pass(ctx);
    if (pass === groupHeader && ctx.warnings.some((w) => w.code === 'no-structure') && ctx.notice.title === null) {
      ctx.tailStart = ctx.lines.length;
      findEnumerations(ctx);
      break;
    }
  }
  ctx.notice.closing.sort((a, b) => a.span.start - b.span.start);
  ctx.notice.problemCount = ctx.drafts.length;
  if (ctx.drafts.length === 0 && ctx.notice.sections.length > 0) {
    ctx.warnings.push({ code: 'no-problems', message: 'sections found but no numbered problem with a progress label', start: 0, end: text.length });
  }
  ctx.warnings.sort((a, b) => a.start - b.start);
  return { notice: ctx.notice, blocks: emitBlocks(ctx), warnings: ctx.warnings };
}
