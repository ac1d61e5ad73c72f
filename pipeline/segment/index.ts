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
 * - signoff.span: sign-off issuer line(s) (or the content) through the date; issuers: each issuer line in print
 *   order (a joint notice stacks several), issuer: them joined with 、.
 * - Attachment bodies after the sign-off ("附件1" alone on a line, then its title and content, before the 版记;
 *   readAppendix): 'attachment' blocks, outside the sign-off, 附注 and 版记.
 * - GB/T 9704 elements (readMasthead, readColophon, readAttachments): copyNumber, secrecy, urgency, issuerMark,
 *   signer, note, copyTo[], printedBy, printDate are {value, span}; span is the printed element without its label
 *   or brackets; value equals the slice except where normalised (★ restored, spaces removed, dates ISO).
 *   attachments[]: {number, title, span} with title = text.slice(span).
 * - Notice.title: the title line(s) joined without '\n' (an issuer line right above a "关于…" title is part of
 *   it, as gold files print it); issuer: the sign-off issuer where there is one (issue 13), else a separate
 *   header issuer line, else the title's prefix before 关于. date: the sign-off date, else a date printed under
 *   the title.
 * - Page furniture left in the text (a lone page number) gets a 'furniture' warning and a 'paragraph' block;
 *   inside a problem it stays outside statement and progress, elsewhere it is a Paragraph of the nearest node.
 *
 * Warning codes: marker-damaged, marker-glued, numbering-gap, heading-missing, heading-damaged,
 * label-damaged, progress-missing, statement-empty, title-missing, header-unclassified, furniture,
 * date-invalid, date-damaged, addressee-glued, no-structure, no-problems.
 */
import type { Block, Notice } from '../schema.ts';
import { readAppendix } from './appendix.ts';
import { readAttachments } from './attachments.ts';
import { emitBlocks } from './blocks.ts';
import { classifyLines } from './classify.ts';
import { readColophon } from './colophon.ts';
import { findEnumerations } from './enumerations.ts';
import { groupHeader } from './header.ts';
import { splitLines } from './lines.ts';
import { readMasthead } from './masthead.ts';
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
  readMasthead,
  groupHeader,
  readColophon,
  readAppendix,
  readAttachments,
  markTail,
  decideProblems,
  buildSections,
  splitProgress,
  measureSpans,
  findEnumerations,
];

function emptyNotice(): Notice {
  return {
    copyNumber: null, secrecy: null, urgency: null, issuerMark: null, title: null, documentNumber: null, signer: null,
    issuer: null, addressee: null, date: null, preamble: [], sections: [], closing: [], attachments: [], signoff: null,
    note: null, contact: null, copyTo: [], printedBy: null, printDate: null, problemCount: 0,
  };
}

export function segment(text: string): SegmentResult {
  const ctx: Ctx = {
    text, lines: [], notice: emptyNotice(), warnings: [], cuts: [], bodyStart: 0, tailStart: 0, colophonStart: 0,
    problemLines: new Set(), topicLines: new Set(), drafts: [],
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
