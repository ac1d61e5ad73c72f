/**
 * Pass: decide which marker lines open a problem.
 * - "问题N" lines always do; then numbered items ("1.") never do.
 * - Otherwise a numbered item does when a progress label follows it before the next marker,
 *   or when it continues the numbering of labelled items in the same container, or when the next problem
 *   of its container continues its numbering.
 * - A subsection heading with no problems under it but a progress label ("（一）关于……的问题"
 *   + "整改情况：…") is itself a problem; so are its unlabelled siblings with body text.
 * - A paragraph that answers a problem or states its status ("针对这一问题，…", "已完成整改。…") counts as a
 *   label; an item whose text is a problem heading ("1.关于“……”问题的整改情况") is a problem by itself; a short
 *   "1." heading directly above "（1）" items is a topic heading over them (topicHeadings), neither.
 */
import { PROGRESS_ANSWER } from '../normalise/markers.ts';
import { findLabelMidLine, matchLabel } from './markers.ts';
import { warn, type Ctx, type Line } from './types.ts';

function hasLabel(l: Line): boolean {
  return l.kind === 'text' && (matchLabel(l.content) !== null || findLabelMidLine(l.content) !== null || PROGRESS_ANSWER.test(l.content));
}

/**
 * "1.耕地保护和用途管制" directly above "（1）…": a topic heading over a group of "（1）" items (a third level under
 * "（一）" subsections), short and without a sentence mark — not a problem, and its "（1）" items not its sub-points.
 */
export function topicHeadings(body: readonly Line[]): Set<Line> {
  const out = new Set<Line>();
  const lines = body.filter((l) => l.kind !== 'blank');
  lines.forEach((l, k) => {
    const next = lines[k + 1];
    if (l.kind !== 'item' || l.paren || !next || next.kind !== 'item' || !next.paren) return;
    const heading = l.content.slice(l.markerEnd - l.contentStart).trim();
    if (heading.length >= 2 && heading.length <= 24 && !/[。；，：,;:！？]/.test(heading)) out.add(l);
  });
  return out;
}

export function decideProblems(ctx: Ctx): void {
  const body = ctx.lines.slice(ctx.bodyStart, ctx.tailStart);
  const questionStyle = body.some((l) => l.kind === 'question');
  const topics = topicHeadings(body);
  for (const l of topics) ctx.topicLines.add(l.index);
  const nested = nestedItems(body, topics);
  // labelled[i]: a label occurs between marker line i and the next marker line.
  const labelled = new Map<Line, boolean>();
  let open: Line[] = [];
  for (const l of body) {
    if (l.kind === 'blank') continue;
    if (l.kind === 'text') {
      if (hasLabel(l)) for (const m of open) labelled.set(m, true);
      continue;
    }
    if (findLabelMidLine(l.content.slice(l.markerEnd - l.contentStart))) labelled.set(l, true);
    // A new marker closes markers of the same or a lower level ("（1）" under an open "1." is a lower level).
    if (l.kind === 'section') open = [l];
    else if (l.kind === 'subsection') open = open.filter((m) => m.kind === 'section').concat(l);
    else if (nested.has(l)) open = open.filter((m) => !(m.kind === 'item' && m.paren)).concat(l);
    else open = open.filter((m) => m.kind === 'section' || m.kind === 'subsection').concat(l);
  }
  if (questionStyle) {
    for (const l of body) if (l.kind === 'question') ctx.problemLines.add(l.index);
  } else {
    let containerHasLabelled = false;
    let last = 0;
    for (const l of body) {
      if (l.kind === 'section' || l.kind === 'subsection') {
        containerHasLabelled = false;
        last = 0;
      } else if (l.kind === 'item' && !nested.has(l) && !topics.has(l)) {
        if (!labelled.get(l) && headingItem(l)) labelled.set(l, true);
        const isLabelled = labelled.get(l) === true;
        if (isLabelled || (containerHasLabelled && l.number === last + 1)) {
          ctx.problemLines.add(l.index);
          containerHasLabelled ||= isLabelled;
          last = l.number;
        } else if (l.number <= last) {
          // an unlabelled item restarts the count: a new list (a lost "三、下一步" heading), not problems
          containerHasLabelled = false;
          last = l.number;
        }
      }
    }
    openLabelledRuns(ctx, body, new Set([...nested, ...topics]));
  }
  decideHeadingProblems(ctx, body, labelled);
  checkQuestionNumbering(ctx, body);
}

/**
 * An unlabelled item whose numbering the next problem of its container continues (item 1 whose label OCR
 * destroyed, then a labelled item 2) opens a problem too: the same list, read backwards from its labelled items.
 */
function openLabelledRuns(ctx: Ctx, body: Line[], nested: Set<Line>): void {
  let next: Line | null = null;
  for (let k = body.length - 1; k >= 0; k--) {
    const l = body[k]!;
    if (l.kind === 'section' || l.kind === 'subsection') next = null;
    if (l.kind !== 'item' || nested.has(l)) continue;
    if (!ctx.problemLines.has(l.index) && next && ctx.problemLines.has(next.index) && next.number === l.number + 1) ctx.problemLines.add(l.index);
    next = l;
  }
}

/**
 * "（1）" items inside a container (section / subsection) that already has a "1." item:
 * they are a lower numbering level (sub-points of a problem), never problems themselves.
 */
export function nestedItems(body: Line[], topics: ReadonlySet<Line> = new Set()): Set<Line> {
  const out = new Set<Line>();
  let dotSeen = false;
  let itemSeen = false;
  for (const l of body) {
    if (l.kind === 'section' || l.kind === 'subsection') dotSeen = itemSeen = false;
    else if (l.kind === 'item' && l.circled) {
      if (itemSeen) out.add(l); // ① under "1." / "（1）" items: their sub-points
    } else if (l.kind === 'item' && !l.paren) dotSeen = itemSeen = !topics.has(l);
    else if (l.kind === 'item' && dotSeen) out.add(l);
    else if (l.kind === 'item') itemSeen = true;
  }
  return out;
}

/** "1.关于“……”问题的整改情况" / "1.关于“……”问题。局党组…": an item that states a problem in a heading. */
const ITEM_PROBLEM_HEADING = /^关于.{4,80}问题(?:的整改(?:情况|进展情况|进展|落实情况))?$/;

/** An item whose text is a problem heading (the line alone, or run on into the progress): marked on the line. */
function headingItem(l: Line): boolean {
  const heading = l.content.slice(l.markerEnd - l.contentStart).trim();
  if (ITEM_PROBLEM_HEADING.test(heading)) return (l.statesProblem = true);
  const runOn = runOnProblemHeading(heading);
  if (runOn === null) return false;
  // "…问题的整改情况" run on into its first progress paragraph: the heading ends after 整改情况
  const tail = /^的整改(?:情况|进展情况|进展|落实情况)/.exec(heading.slice(runOn))?.[0].length ?? 0;
  l.headingEnd = l.contentEnd - heading.length + runOn + tail;
  return (l.statesProblem = true);
}

/** "关于……的问题": a heading that states a problem (its progress may follow with no label). */
const PROBLEM_HEADING = /^关于.{4,60}问题$/;

/**
 * "关于审计发现的收费不规范问题整改不到位的问题医院对2022年以来…": a problem heading whose line break was lost.
 * Returns the heading's length (through the last "的问题", else "问题", before the first punctuation, within
 * 60 characters) when a text of 4+ characters with a sentence end follows; else null.
 */
export function runOnProblemHeading(h: string): number | null {
  if (!h.startsWith('关于')) return null;
  const stop = h.search(/[。，；：,;:]/);
  const zone = h.slice(0, Math.min(stop < 0 ? h.length : stop, 62));
  let end = zone.lastIndexOf('的问题');
  end = end >= 0 ? end + 3 : zone.lastIndexOf('问题') >= 0 ? zone.lastIndexOf('问题') + 2 : -1;
  const rest = h.slice(end);
  if (end < 6 || rest.length < 4 || !/[。；]/.test(rest)) return null;
  return end;
}

function decideHeadingProblems(ctx: Ctx, body: Line[], labelled: Map<Line, boolean>): void {
  // Group subsections per section; a subsection qualifies if nothing under it is a problem.
  let group: { sub: Line; hasProblem: boolean; hasBody: boolean }[] = [];
  const flush = () => {
    const anyLabelled = group.some((g) => !g.hasProblem && labelled.get(g.sub));
    for (const g of group) {
      if (g.hasProblem) continue;
      const heading = g.sub.content.slice(g.sub.markerEnd - g.sub.contentStart).trim();
      const runOn = PROBLEM_HEADING.test(heading) ? null : runOnProblemHeading(heading);
      const statesProblem = PROBLEM_HEADING.test(heading) || runOn !== null;
      if (runOn !== null && !labelled.get(g.sub)) g.hasBody = true;
      if (labelled.get(g.sub) || ((anyLabelled || statesProblem) && g.hasBody)) {
        ctx.problemLines.add(g.sub.index);
        if (runOn !== null) g.sub.headingEnd = g.sub.contentEnd - heading.length + runOn;
      }
    }
    group = [];
  };
  for (const l of body) {
    if (l.kind === 'section') flush();
    else if (l.kind === 'subsection') group.push({ sub: l, hasProblem: false, hasBody: false });
    else if (group.length && ctx.problemLines.has(l.index)) group[group.length - 1].hasProblem = true;
    else if (group.length && l.kind === 'text') group[group.length - 1].hasBody = true;
  }
  flush();
}

function checkQuestionNumbering(ctx: Ctx, body: Line[]): void {
  let prev = 0;
  for (const l of body) {
    if (l.kind !== 'question') continue;
    if (l.number !== prev + 1) {
      warn(ctx, 'numbering-gap', `问题${l.number} follows 问题${prev}`, l.contentStart, l.markerEnd);
    }
    prev = l.number;
  }
}
