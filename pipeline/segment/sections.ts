/**
 * Pass: walk the body lines and build sections, subsections and draft problems;
 * lines that are not markers attach to the innermost open node. Items after the
 * last problem that are not problems start the closing part (下一步 items).
 */
import type { Paragraph, Problem, Section, Subsection } from '../schema.ts';
import { paragraphOf, warn, type Ctx, type DraftProblem, type Line } from './types.ts';

const CLOSING_HEADING = /下一步|下步|今后|工作打算|工作计划|努力方向/;
const INVITATION = /^欢迎.{0,40}(监督|反映|批评)/;
/**
 * A paragraph that speaks of all the container's problems ("以上问题中，已完成整改6个…", "通过整改，全院…") or of
 * what the 巡察 handed over besides them ("对巡察移交的5件问题线索，…"): after the container's last problem it
 * belongs to the section or subsection, not to that problem's progress.
 */
const CONTAINER_SUMMARY = /^(?:以上(?:问题|各项|整改)|上述(?:问题|整改)|总(?:体|的)(?:来看|上看|而言|说来)|综上|截至(?:目前|\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:底)?)[，,].{0,16}?\d+个问题|通过(?:以上|上述|本轮|此次|这次)?整改[，,]\s*(?:全|整体|各项|总体)|(?:此外[，,])?(?:对|针对)?巡[\u4e00-\u9fff](?:组)?(?:期间|中)?(?:共)?移交(?:的|了)?)/;

/** No problem starts after line i before the next section or subsection heading. */
function lastInContainer(ctx: Ctx, i: number): boolean {
  for (let k = i + 1; k < ctx.tailStart; k++) {
    const l = ctx.lines[k];
    if (l.kind === 'section' || l.kind === 'subsection') return true;
    if (ctx.problemLines.has(k)) return false;
  }
  return true;
}

/**
 * A heading line may run on into text: "（一）提高政治站位，加强组织领导。集团党委……".
 * The heading is the first sentence without its "。"; the rest becomes a paragraph (and a block).
 */
function splitHeading(ctx: Ctx, l: Line, type: 'paragraph' | 'closing'): { heading: string; body: Paragraph[] } {
  const full = ctx.text.slice(l.markerEnd, l.contentEnd);
  const stop = full.indexOf('。');
  if (stop < 0) return { heading: full, body: [] };
  let start = l.markerEnd + stop + 1;
  while (start < l.contentEnd && /[\s\u3000]/.test(ctx.text[start])) start++;
  if (start >= l.contentEnd) return { heading: full.slice(0, stop), body: [] };
  ctx.cuts.push({ pos: start, type });
  return { heading: full.slice(0, stop), body: [{ text: ctx.text.slice(start, l.contentEnd), span: { start, end: l.contentEnd }, enumerations: [] }] };
}

/** "下一步工作打算" on its own line, its "三、" lost. */
function isBareClosingHeading(s: string): boolean {
  return s.length <= 20 && !/[。；，]/.test(s) && CLOSING_HEADING.test(s);
}

function newProblem(line: Line, number: number): Problem {
  const span = { start: line.contentStart, end: line.contentEnd };
  return {
    number, marker: line.marker, statement: '', progress: '', progressLabel: null, span,
    statementSpan: span, progressSpan: null, statementEnumerations: [], progressEnumerations: [],
  };
}

export function buildSections(ctx: Ctx): void {
  const { lines, notice } = ctx;
  // laterProblem[i]: a problem marker follows line i before the next section heading.
  const laterProblem: boolean[] = new Array(lines.length).fill(false);
  for (let i = ctx.tailStart - 1, seen = false; i >= ctx.bodyStart; i--) {
    laterProblem[i] = seen;
    if (ctx.problemLines.has(i)) seen = true;
    if (lines[i].kind === 'section') seen = false;
  }
  let sec: Section | null = null;
  let sub: Subsection | null = null;
  let draft: DraftProblem | null = null;
  let closingSection = false;
  let inClosing = false;
  let seenProblem = false;
  let lastClosingItem = 0;
  const ensureSection = (l: Line): Section => {
    if (sec) return sec;
    warn(ctx, 'heading-missing', 'content before any section heading: placed in an unnamed section', l.contentStart, l.contentEnd);
    sec = { number: 1, heading: '', span: { start: l.contentStart, end: l.contentEnd }, paragraphs: [], subsections: [], problems: [] };
    notice.sections.push(sec);
    return sec;
  };
  const addDraft = (l: Line, number: number, headingStyle: boolean, into: Problem[]) => {
    draft = { problem: newProblem(l, number), lines: [l], headingStyle };
    into.push(draft.problem);
    ctx.drafts.push(draft);
    l.role = 'problem-statement';
    seenProblem = true;
  };
  for (let i = ctx.bodyStart; i < ctx.tailStart; i++) {
    const l = lines[i];
    if (l.kind === 'blank') continue;
    const heading = ctx.text.slice(l.markerEnd, l.contentEnd);
    if (l.kind === 'section') {
      const prev: number = notice.sections.length ? notice.sections[notice.sections.length - 1].number : 0;
      if (l.number <= prev) {
        // Sections never go back: a repeated or lower number is a damaged numeral ("二，，" for 三).
        warn(ctx, 'marker-damaged', `section number read as ${l.number} after section ${prev}: taken as ${prev + 1}`, l.contentStart, l.markerEnd);
        l.number = prev + 1;
      } else if (l.number !== prev + 1) warn(ctx, 'numbering-gap', `section ${l.number} follows section ${prev}`, l.contentStart, l.markerEnd);
      closingSection = CLOSING_HEADING.test(heading);
      const h = splitHeading(ctx, l, closingSection ? 'closing' : 'paragraph');
      sec = { number: l.number, heading: h.heading, span: { start: l.contentStart, end: l.contentEnd }, paragraphs: h.body, subsections: [], problems: [] };
      notice.sections.push(sec);
      sub = null;
      draft = null;
      inClosing = false;
      l.role = 'section-heading';
      continue;
    }
    if (l.kind === 'subsection') {
      const s = ensureSection(l);
      const prevSub = s.subsections.length ? s.subsections[s.subsections.length - 1].number : 0;
      if (!ctx.problemLines.has(i) && l.number <= prevSub) {
        warn(ctx, 'marker-damaged', `subsection number read as ${l.number} after ${prevSub}: taken as ${prevSub + 1}`, l.contentStart, l.markerEnd);
        l.number = prevSub + 1;
      }
      if (ctx.problemLines.has(i)) {
        sub = null;
        addDraft(l, l.number, true, s.problems);
      } else {
        const h = splitHeading(ctx, l, closingSection ? 'closing' : 'paragraph');
        sub = { number: l.number, heading: h.heading, span: { start: l.contentStart, end: l.contentEnd }, paragraphs: h.body, problems: [] };
        s.subsections.push(sub);
        draft = null;
        l.role = 'subsection-heading';
      }
      inClosing = false;
      continue;
    }
    if (ctx.problemLines.has(i)) {
      const into = sub ? sub.problems : ensureSection(l).problems;
      addDraft(l, l.number, l.statesProblem === true, into);
      inClosing = false;
      continue;
    }
    if (ctx.topicLines.has(i)) {
      // a topic heading over the next problems: a paragraph of the container, ending the problem before it
      draft = null;
      (sub ?? ensureSection(l)).paragraphs.push(paragraphOf(l));
      l.role = 'paragraph';
      continue;
    }
    const d = draft as DraftProblem | null;
    if (l.kind === 'item' || l.kind === 'question') {
      if (d && l.circled && !inClosing) {
        d.lines.push(l); // "①" sub-points inside the open problem
        continue;
      }
      if (d && l.paren && !d.lines[0].paren && !inClosing) {
        d.lines.push(l); // "（1）" sub-points inside a "1." / "问题1." / "（一）关于…" problem
        continue;
      }
      if (d && laterProblem[i]) {
        d.lines.push(l); // a numbered list inside a problem's text
        continue;
      }
      if (!closingSection && d && !inClosing) {
        inClosing = true;
        warn(ctx, 'heading-missing', `numbered item "${l.marker}" after the last problem, with no heading: kept as closing`, l.contentStart, l.contentEnd);
      }
      if (inClosing || closingSection) {
        if (l.number !== lastClosingItem + 1) {
          warn(ctx, 'numbering-gap', `item ${l.number} follows item ${lastClosingItem}`, l.contentStart, l.markerEnd);
        }
        lastClosingItem = l.number;
      }
    } else if (!inClosing && seenProblem && !closingSection && INVITATION.test(l.content)) {
      inClosing = true;
    } else if (!inClosing && !closingSection && !laterProblem[i] && isBareClosingHeading(l.content)) {
      inClosing = true;
      warn(ctx, 'heading-damaged', `closing heading "${l.content}" without its section marker`, l.contentStart, l.contentEnd);
    }
    // a paragraph about all the container's problems ends the last one's text
    const summary = d !== null && !inClosing && !closingSection && l.kind === 'text' && CONTAINER_SUMMARY.test(l.content) && lastInContainer(ctx, i);
    if (inClosing || summary) draft = null;
    if (inClosing) {
      l.role = 'closing';
      notice.closing.push(paragraphOf(l));
    } else if (d && !summary) {
      d.lines.push(l);
    } else {
      const node = sub ?? ensureSection(l);
      node.paragraphs.push(paragraphOf(l));
      l.role = closingSection ? 'closing' : 'paragraph';
    }
  }
}
