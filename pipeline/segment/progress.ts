/**
 * Pass: split each draft problem into statement and progress at its progress label.
 * statement = text after the marker up to the label (several paragraphs joined by '\n');
 * progress = text after the label and its colon to the end of the problem.
 * Both are exact slices of the text at statementSpan / progressSpan.
 */
import { ANSWER_OPENING, PROGRESS_ANSWER, RECTIFICATION_FACTS } from '../normalise/markers.ts';
import { LABELS, findLabelMidLine, matchLabel, type LabelMatch } from './markers.ts';
import { warn, type Ctx, type DraftProblem, type Line } from './types.ts';

function skipSpace(text: string, pos: number, limit: number): number {
  while (pos < limit && /[\s\u3000]/.test(text[pos])) pos++;
  return pos;
}
function trimBack(text: string, pos: number, floor: number): number {
  while (pos > floor && /[\s\u3000]/.test(text[pos - 1])) pos--;
  return pos;
}

/**
 * Where a statement ends when OCR left up to three characters of junk (at most one Han) after its last sentence
 * end, in the line before a label that opens a line ("…清单。后" + "整改进展情况："), as findLabelMidLine leaves
 * them to the label when both share a line: right after the sentence end.
 */
function junkBefore(text: string, end: number, floor: number): number {
  for (let k = end - 1; k >= Math.max(floor, end - 4); k--) {
    if (!/[。！？；]/.test(text[k]!)) continue;
    const junk = text.slice(k + 1, end);
    return junk.length <= 3 && (junk.match(/[\u4e00-\u9fff]/g)?.length ?? 0) <= 1 ? k + 1 : end;
  }
  return end;
}

/** A label opening a statement ("问题表现：…"): kept apart from the statement, as the progress label is from the progress. */
const STATEMENT_LABEL = /^(问题表现|存在问题|主要问题|问题描述|具体表现|主要表现|巡[察视](?:组)?(?:指出|发现|反馈)|反馈问题)\s*[：:；;]\s*/;

/** The first label in the problem: in the marker line after the statement, or opening a later line. */
function findLabel(d: DraftProblem): { line: Line; at: LabelMatch; offset: number } | null {
  for (const [k, l] of d.lines.entries()) {
    const from = k === 0 ? l.markerEnd - l.contentStart : 0;
    const s = l.content.slice(from);
    const m = (k > 0 ? matchLabel(s) : null) ?? findLabelMidLine(s);
    if (m) return { line: l, at: m, offset: l.contentStart + from };
  }
  return null;
}

/**
 * A paragraph that opens a progress whose label OCR lost: "一是" (or 一 + a misread 是) as the first of an
 * enumeration, or a damaged label word (整改… / …改进展 / …改落实 / …改情况 / …改措施) the label matchers could not
 * take. Only the first paragraph after the marker line is considered (a statement's own later paragraph
 * starts "如…" / "同时…", never like a progress).
 */
const PROGRESS_OPENING = /^(?:一\s*[是足星走见]|整改|[\u4e00-\u9fff]改(?:进展|落实|情况|措施)|整[\u4e00-\u9fff](?:进展|落实|情况|措施))/;
function lostLabelLine(d: DraftProblem): Line | null {
  const next = d.lines.slice(1).find((l) => !l.furniture && l.kind !== 'blank');
  return next && next.kind === 'text' && PROGRESS_OPENING.test(next.content) ? next : null;
}

/**
 * A paragraph that can only open a progress (PROGRESS_ANSWER), in a problem that prints no progress label: any
 * paragraph after the marker line may be it (a statement of a title line and a detail paragraph comes first).
 */
function answerLine(d: DraftProblem): Line | null {
  const body = d.lines.slice(1).filter((l) => !l.furniture && l.kind !== 'blank');
  const k = body.findIndex((l) => l.kind === 'text' && PROGRESS_ANSWER.test(l.content));
  if (k < 0) return null;
  // the rectification's particulars printed just before it ("责任单位：…；整改时限：…") open the progress
  let start = k;
  while (start > 0 && body[start - 1]!.kind === 'text' && RECTIFICATION_FACTS.test(body[start - 1]!.content)) start--;
  return body[start]!;
}

/** "…。”对此，局党组…": the answer to the problem opening a sentence inside a paragraph (after a sentence end). */
const ANSWER_MID_LINE = new RegExp(`[。！？]”?\\s*(?=${ANSWER_OPENING})`);

/** Where a progress with no label starts inside one of the problem's lines, by its answer (ANSWER_MID_LINE). */
function answerMidLine(d: DraftProblem): { line: Line; pos: number } | null {
  for (const [k, l] of d.lines.entries()) {
    if (l.furniture || l.kind === 'blank') continue;
    const from = k === 0 ? l.markerEnd - l.contentStart : 0;
    const m = ANSWER_MID_LINE.exec(l.content.slice(from));
    if (m) return { line: l, pos: l.contentStart + from + m.index + m[0].length };
  }
  return null;
}

/** The first paragraph after the marker line, when it opens with the document's own label damaged (ownLabelLength). */
function ownLabelLine(d: DraftProblem, ownLabels: ReadonlySet<string>): { line: Line; length: number } | null {
  const next = d.lines.slice(1).find((l) => !l.furniture && l.kind !== 'blank');
  const length = next && next.kind === 'text' ? ownLabelLength(next.content, ownLabels) : 0;
  return next && length ? { line: next, length } : null;
}

/**
 * The length of the document's own progress label opening `content` too damaged for the label matchers
 * ("放改温定情况：" where the other problems print 整改落实情况：): as long as the label, a colon right after
 * it, its last two characters read exactly and at least half of its characters in place.
 */
export function ownLabelLength(content: string, ownLabels: ReadonlySet<string>): number {
  for (const label of ownLabels) {
    const n = label.length;
    if (content.length <= n || !/[：:；;]/.test(content[n]!) || content.slice(n - 2, n) !== label.slice(-2)) continue;
    let same = 0;
    for (let k = 0; k < n; k++) if (content[k] === label[k]) same++;
    if (same * 2 >= n) return n;
  }
  return 0;
}

/** The labels (整改落实情况, …) the document's problems print exactly: its own wording of the progress label. */
function ownLabels(found: readonly (ReturnType<typeof findLabel>)[]): Set<string> {
  const out = new Set<string>();
  for (const f of found) if (f && !f.at.damaged && LABELS.includes(f.at.label)) out.add(f.at.label);
  return out;
}

export function splitProgress(ctx: Ctx): void {
  const { text } = ctx;
  const found = ctx.drafts.map(findLabel);
  const labels = ownLabels(found);
  ctx.drafts.forEach((d, k) => {
    const p = d.problem;
    const first = d.lines[0];
    const kept = d.lines.filter((l) => !l.furniture);
    const end = kept[kept.length - 1].contentEnd;
    const endBefore = (line: Line) => kept.filter((l) => l.index < line.index).pop()?.contentEnd ?? first.contentEnd;
    p.span = { start: first.contentStart, end };
    const label = found[k];
    let stmtEnd: number;
    let progStart: number | null = null;
    let guess: Line | null = null;
    let own: { line: Line; length: number } | null = null;
    let mid: { line: Line; pos: number } | null = null;
    if (label) {
      const labelStart = label.offset + label.at.start;
      stmtEnd = labelStart > label.line.contentStart ? trimBack(text, labelStart, first.markerEnd) : junkBefore(text, endBefore(label.line), first.markerEnd);
      progStart = skipSpace(text, label.offset + label.at.end, end);
      p.progressLabel = label.at.label;
      if (label.at.damaged) warn(ctx, 'label-damaged', `progress label "${label.at.label}" read in a damaged form`, labelStart, progStart);
      if (labelStart > label.line.contentStart) ctx.cuts.push({ pos: labelStart, type: 'problem-progress' });
      let after = false;
      for (const l of d.lines) {
        if (l === label.line) after = true;
        else if (after) l.role = 'problem-progress';
      }
      if (label.line !== first && labelStart === label.line.contentStart) label.line.role = 'problem-progress';
    } else if (d.headingStyle) {
      stmtEnd = first.contentEnd;
      if (first.headingEnd !== undefined) {
        // heading run on into the progress: the progress starts right after "…的问题"
        stmtEnd = first.headingEnd;
        progStart = first.headingEnd;
        while (progStart < end && /[\s\u3000。；，：,;:]/.test(text[progStart]!)) progStart++;
        ctx.cuts.push({ pos: progStart, type: 'problem-progress' });
      } else if (kept.length > 1) progStart = kept[1].contentStart;
      for (const l of d.lines.slice(1)) l.role = 'problem-progress';
    } else if ((own = ownLabelLine(d, labels)) !== null) {
      // the document's own label, damaged: the progress starts after it and its colon
      const line = own.line;
      stmtEnd = endBefore(line);
      progStart = skipSpace(text, line.contentStart + own.length + 1, end);
      p.progressLabel = line.content.slice(0, own.length);
      for (const l of d.lines.slice(1)) l.role = l.index < line.index ? 'problem-statement' : 'problem-progress';
      warn(ctx, 'label-damaged', `progress label "${p.progressLabel}" read in a damaged form`, line.contentStart, progStart);
    } else if ((guess = lostLabelLine(d) ?? answerLine(d)) !== null) {
      // label lost entirely: the progress starts at the first later paragraph that opens like one
      stmtEnd = endBefore(guess);
      progStart = guess.contentStart;
      let after = false;
      for (const l of d.lines.slice(1)) {
        if (l === guess) after = true;
        l.role = after ? 'problem-progress' : 'problem-statement';
      }
      warn(ctx, 'label-damaged', `problem ${p.number}: progress label lost; progress taken from "${guess.content.slice(0, 6)}…"`, guess.contentStart, guess.contentStart);
    } else if ((mid = answerMidLine(d)) !== null) {
      // no label: the progress starts at the sentence that answers the problem ("…。”对此，…")
      stmtEnd = trimBack(text, mid.pos, first.markerEnd);
      progStart = mid.pos;
      ctx.cuts.push({ pos: mid.pos, type: 'problem-progress' });
      for (const l of d.lines.slice(1)) l.role = l.index > mid.line.index ? 'problem-progress' : 'problem-statement';
      warn(ctx, 'label-damaged', `problem ${p.number}: no progress label; progress taken from "${text.slice(mid.pos, mid.pos + 6)}…"`, mid.pos, mid.pos);
    } else {
      stmtEnd = end;
      for (const l of d.lines.slice(1)) l.role = 'problem-statement';
      warn(ctx, 'progress-missing', `problem ${p.number} has no progress label: all its text kept as statement`, p.span.start, p.span.end);
    }
    if (label && !d.headingStyle) for (const l of d.lines) if (l !== first && l.role !== 'problem-progress' && l.index < label.line.index) l.role = 'problem-statement';
    for (const l of d.lines) if (l.furniture) l.role = 'paragraph';
    let stmtStart = skipSpace(text, first.markerEnd, stmtEnd);
    const stmtLabel = STATEMENT_LABEL.exec(text.slice(stmtStart, stmtEnd));
    if (stmtLabel) {
      p.statementLabel = stmtLabel[1];
      stmtStart = skipSpace(text, stmtStart + stmtLabel[0].length, stmtEnd);
    }
    p.statementSpan = { start: stmtStart, end: Math.max(stmtStart, stmtEnd) };
    p.statement = text.slice(p.statementSpan.start, p.statementSpan.end);
    if (progStart !== null) {
      p.progressSpan = { start: progStart, end: Math.max(progStart, end) };
      p.progress = text.slice(p.progressSpan.start, p.progressSpan.end);
    }
    if (!p.statement) warn(ctx, 'statement-empty', `problem ${p.number} has an empty statement`, p.span.start, p.span.end);
  });
}
