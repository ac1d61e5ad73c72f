/**
 * Internal state shared by the segmentation passes (not re-exported).
 * Offsets are half-open UTF-16 ranges into the segmented text.
 */
import type { BlockType, Notice, Paragraph, Problem } from '../schema.ts';

export type LineKind = 'blank' | 'section' | 'subsection' | 'question' | 'item' | 'text';

export interface Line {
  index: number;
  /** First character of the line. */
  start: number;
  /** End of the line including its trailing '\n'. */
  end: number;
  /** Content range: leading/trailing whitespace and the newline excluded. */
  contentStart: number;
  contentEnd: number;
  content: string;
  kind: LineKind;
  /** For marker lines: the parsed number, the marker as printed, where the heading/statement starts. */
  number: number;
  marker: string;
  markerEnd: number;
  /** The marker matched only in a damaged form (space inside, wrong or missing punctuation). */
  damaged: boolean;
  /** An item marker in brackets ("（1）"): one numbering level below "1." items. */
  paren?: boolean;
  /** A circled number (①): sub-points inside a problem wherever other item markers number the container. */
  circled?: boolean;
  /** A bracketed item matched only with a look-alike digit or without its opening bracket ("《D）", "2）"): needs a neighbour. */
  weak?: boolean;
  /** A "问题N" marker read in a heavily damaged form (or with its number lost): kept only where the sequence expects it. */
  sequenceOnly?: boolean;
  /** Block type this line gets (set by passes; default 'paragraph'). */
  role: BlockType;
  /** A "（一）关于……的问题" heading run on into its progress text: where the heading ends (absolute offset). */
  headingEnd?: number;
  /** An item whose text is a problem heading ("1.关于“……”问题的整改情况"): a problem, its progress the text after the heading. */
  statesProblem?: true;
  /** Page furniture left in the text (page number): kept as a paragraph block, outside statement/progress. */
  furniture?: boolean;
  /** Structural zone, set by groupHeader / markTail. */
  zone: 'header' | 'body' | 'tail';
}

export interface SegmentWarning {
  code: string;
  message: string;
  start: number;
  end: number;
}

/** A problem being built: the marker line plus the lines that follow it. */
export interface DraftProblem {
  problem: Problem;
  lines: Line[];
  /** Heading-style problem ("（一）关于……的问题"): statement is the heading line only. */
  headingStyle: boolean;
}

export interface Ctx {
  text: string;
  lines: Line[];
  notice: Notice;
  warnings: SegmentWarning[];
  /** Mid-line block boundaries: from `pos` on, the block type is `type`. */
  cuts: { pos: number; type: BlockType }[];
  /** Index of the first body line (after header) and of the first tail line (contact/signoff). */
  bodyStart: number;
  tailStart: number;
  /** Index of the first line of the 附注 / 版记 read by readColophon (lines.length when there is none). */
  colophonStart: number;
  /** Problem decisions made by decideProblems, keyed by line index. */
  problemLines: Set<number>;
  /** "1." lines that head a group of "（1）" problems ("1.耕地保护和用途管制"), keyed by line index: paragraphs of their container. */
  topicLines: Set<number>;
  drafts: DraftProblem[];
}

export function warn(ctx: Ctx, code: string, message: string, start: number, end: number): void {
  ctx.warnings.push({ code, message, start, end });
}

export function paragraphOf(line: Line): Paragraph {
  return { text: line.content, span: { start: line.contentStart, end: line.contentEnd }, enumerations: [] };
}
