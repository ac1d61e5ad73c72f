/** Pass: classify each line by its leading marker (section, subsection, 问题N, numbered item). */
import { findLabelMidLine, matchItem, matchLabel, nearestLabel, matchLostSubsection, matchOpenOnlySubsection, matchCloseOnlySubsection, matchQuestion, matchSection, matchSubsection, type MarkerMatch } from './markers.ts';
import { markLabelledPairs } from './labelled-pairs.ts';
import { recoverLostSections } from './lost-sections.ts';
import { warn, type Ctx, type Line, type LineKind } from './types.ts';

function set(line: Line, kind: LineKind, m: MarkerMatch & { paren?: boolean; weak?: boolean; circled?: boolean }): void {
  line.kind = kind;
  if (m.paren) line.paren = true;
  if (m.circled) line.circled = true;
  if (m.weak) line.weak = true;
  if (m.sequenceOnly) line.sequenceOnly = true;
  line.number = m.number;
  line.marker = m.marker;
  line.markerEnd = line.contentStart + m.length;
  line.damaged = m.damaged;
}

/** Stray punctuation left before a marker by OCR or layout ("。二、…"). */
const DEBRIS = /^(?:[。，,、．.·•'"“”‘’:：;；|丨「」『』]{1,3}|[-—–](?=\s*[（(〈<［\[【《〔]))\s*/;

export function classifyLines(ctx: Ctx): void {
  for (const line of ctx.lines) {
    if (line.kind === 'blank') continue;
    const debris = DEBRIS.exec(line.content)?.[0] ?? '';
    const s = line.content.slice(debris.length);
    let m: MarkerMatch | null;
    if ((m = matchQuestion(s))) set(line, 'question', m);
    else if ((m = strayBeforeQuestion(s))) {
      set(line, 'question', m);
      line.marker = s[0] + line.marker;
    }
    else if ((m = matchSubsection(s))) set(line, 'subsection', m);
    else if ((m = matchSection(s)) && !/^[是见]/.test(s.slice(m.length))) set(line, 'section', m);
    // debris before "1." (", 2.闲置…"): the item needs its neighbours' numbering (a bar is a page-edge artefact)
    else if ((m = matchItem(s))) set(line, 'item', debris && !(m as { paren?: boolean }).paren && !/^[|丨]\s*$/.test(debris) ? { ...m, weak: true } : m);
    else if ((m = matchLostSubsection(s) ?? matchOpenOnlySubsection(s) ?? matchCloseOnlySubsection(s))) set(line, 'subsection', m);
    else if (/^[.．]\s*$/.test(debris) && /^\p{Script=Han}{2}/u.test(s)) {
      // ".学习贯彻…": an item whose number OCR lost; kept only where the item numbering expects one
      m = { number: 0, marker: '', length: 0, damaged: true, weak: true, sequenceOnly: true };
      set(line, 'item', m);
    } else m = null;
    if (debris && m && line.kind !== 'text') {
      line.marker = debris + line.marker;
      line.markerEnd += debris.length;
      line.damaged = true;
    }
  }
  markFurniture(ctx);
  confirmLostItems(ctx);
  confirmWeakItems(ctx);
  confirmWeakQuestions(ctx);
  repairQuestionNumbers(ctx);
  recoverLostMarkers(ctx);
  confirmLostSubsections(ctx);
  recoverLostSections(ctx);
  markLabelledPairs(ctx);
  for (const line of ctx.lines) {
    if (line.kind !== 'text' && line.kind !== 'blank' && line.damaged) {
      warn(ctx, 'marker-damaged', `marker "${line.marker}" read in a damaged form`, line.contentStart, line.markerEnd);
    }
  }
}

/**
 * An item whose number was lost (".学习…") takes the number the "1." items around it leave free: the next
 * dotted item of its container, within a few lines, numbers k + 1 where k is the previous one's number (0 at
 * the container's start). Otherwise it is prose.
 */
function confirmLostItems(ctx: Ctx): void {
  let prev = 0;
  const lines = ctx.lines;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'section' || l.kind === 'subsection') prev = 0;
    if (l.kind !== 'item' || l.paren) continue;
    if (!l.sequenceOnly) {
      prev = l.number;
      continue;
    }
    const next = lines.slice(i + 1, i + 9).find((x) => x.kind === 'item' || x.kind === 'section' || x.kind === 'subsection');
    if (next && next.kind === 'item' && !next.paren && !next.sequenceOnly && next.number === prev + 2) {
      l.number = prev + 1;
      l.sequenceOnly = undefined;
      prev = l.number;
    } else demote(l);
  }
}

/**
 * An item marker without its dot ("2深化…") is only trusted when a neighbouring
 * item (within a few lines) continues or precedes its numbering.
 */
function confirmWeakItems(ctx: Ctx): void {
  const items = ctx.lines.filter((l) => l.kind === 'item');
  items.forEach((line) => {
    if (line.paren ? !line.weak : !line.weak && (!line.damaged || /[.．、,，·]/.test(line.marker))) return;
    // a "（1）" item is confirmed by "（2）", a "1." item by "2."
    const same = items.filter((x) => !!x.paren === !!line.paren);
    const k = same.indexOf(line);
    const prev = same[k - 1];
    const next = same[k + 1];
    const near = (a: Line | undefined, want: number) => a && a.number === want && Math.abs(a.index - line.index) <= 8;
    if (near(prev, line.number - 1) || near(next, line.number + 1)) return;
    // "1：…" right under a heading opens its list
    if (!line.paren && line.number === 1 && /[:：]/.test(line.marker) && headingBefore(ctx, line)) return;
    line.kind = 'text';
    line.number = 0;
    line.marker = '';
    line.markerEnd = line.contentStart;
    line.damaged = false;
    line.paren = undefined;
    line.weak = undefined;
  });
}

/** The previous non-blank line is a section or subsection heading. */
function headingBefore(ctx: Ctx, line: Line): boolean {
  for (let k = line.index - 1; k >= 0; k--) {
    const l = ctx.lines[k];
    if (l.kind === 'blank') continue;
    return l.kind === 'section' || l.kind === 'subsection';
  }
  return false;
}

/**
 * Damaged 问题 markers are kept only where the numbering expects them, read in order:
 * - "间题3." (one character of 问题 misread): its number follows the last kept 问题 marker (or is 1) and the
 *   next exact marker, if any, numbers higher; at least one exact marker in the document.
 * - "癌生5，" / "问题." (both characters misread, number lost): as above, and the previous problem already has
 *   a progress label (a new problem cannot start inside a statement); a lost number is the next in sequence.
 */
function confirmWeakQuestions(ctx: Ctx): void {
  const qs = ctx.lines.filter((l) => l.kind === 'question');
  if (!qs.some((q) => !q.weak)) {
    for (const q of qs) demote(q);
    return;
  }
  let prev: Line | null = null;
  for (const [i, line] of qs.entries()) {
    if (!line.weak) {
      prev = line;
      continue;
    }
    const want = (prev?.number ?? 0) + 1;
    const next = qs.slice(i + 1).find((q) => !q.weak);
    let ok = (line.number === want || (line.number === 0 && prev !== null)) && (!next || next.number > want);
    if (ok && line.sequenceOnly) ok = prev !== null && labelledBetween(ctx, prev, line);
    if (!ok) {
      demote(line);
      continue;
    }
    line.number = want;
    prev = line;
  }
}

/**
 * A subsection heading whose numeral was lost ("（全）关于……") is kept only between subsections of the same
 * section whose numbers leave room for it: the previous one (exact or kept) numbers k, the next exact one, if
 * any, more than k + 1 (or k or less: the count restarted under a lost section heading). It takes number k + 1. At least one exact subsection must precede it in its section.
 */
function confirmLostSubsections(ctx: Ctx): void {
  let prev: Line | null = null;
  const lines = ctx.lines.filter((l) => l.kind === 'section' || l.kind === 'subsection');
  for (const [i, line] of lines.entries()) {
    if (line.kind === 'section') {
      prev = null;
      continue;
    }
    if (!line.sequenceOnly) {
      prev = line;
      continue;
    }
    const want = (prev?.number ?? 0) + 1;
    let next: Line | undefined;
    for (const l of lines.slice(i + 1)) {
      if (l.kind === 'section') break;
      if (!l.sequenceOnly) {
        next = l;
        break;
      }
    }
    if (line.number > 0) {
      // the numeral survived ("（一政治…"): it must be the number the sequence expects
      if (line.number !== want || (next && next.number <= want && next.number > (prev?.number ?? 0))) demote(line);
      else prev = line;
      continue;
    }
    // a next heading numbered at or below the previous one restarts the count (a section heading was lost)
    if (prev === null || (next && next.number <= want && next.number > prev.number)) {
      demote(line);
      continue;
    }
    line.number = want;
    prev = line;
  }
}

/**
 * One stray character before an exact "问题N." at a line start ("和问题4.…"): a weak marker, kept only where the
 * numbering expects it.
 */
function strayBeforeQuestion(s: string): MarkerMatch | null {
  if (s.length < 4 || /^[问间门向阿]/.test(s)) return null;
  const m = matchQuestion(s.slice(1));
  if (!m || m.weak || !/[.．]$/.test(m.marker)) return null;
  return { ...m, length: m.length + 1, damaged: true, weak: true };
}

/**
 * A "问题N." whose digit OCR misread: between 问题k and 问题k+2 (markers kept so far) a marker
 * numbered anything but k+1 is k+1 ("问题5 … 问题5 … 问题7" → 5, 6, 7). Reported as damaged.
 */
function repairQuestionNumbers(ctx: Ctx): void {
  const qs = ctx.lines.filter((l) => l.kind === 'question');
  for (let i = 1; i + 1 < qs.length; i++) {
    const k = qs[i - 1].number;
    if (qs[i].number !== k + 1 && qs[i + 1].number === k + 2) {
      warn(ctx, 'numbering-repaired', `问题${qs[i].number} between 问题${k} and 问题${k + 2} read as 问题${k + 1}`, qs[i].contentStart, qs[i].markerEnd);
      qs[i].number = k + 1;
      qs[i].damaged = true;
    }
  }
}

/**
 * A problem marker OCR destroyed altogether ("团颅t管党治党…" for "问题4.管党治党…", a lost "2." line): between
 * marker k (a 问题 marker, or an item marker of the same kind, whose progress label has already appeared) and the
 * next such marker numbered k + 2 — or, for the last of its container, the next heading — a second progress
 * label at a line start, the same label as the first, means a problem in between: the text line right before
 * that label is marker k + 1's. The whole line becomes the statement (the debris stays in it); reported as
 * marker-lost. (Two different labels, 整改措施： then 整改成效：, are one problem's parts.)
 */
function recoverLostMarkers(ctx: Ctx): void {
  const isMarker = (l: Line) => l.kind === 'question' || l.kind === 'item';
  const markers = ctx.lines.filter(isMarker);
  for (const a of markers) {
    const end = gapEnd(ctx, a);
    if (end === null) continue;
    const found = lineBeforeSecondLabel(ctx, a, end) ?? lineBeforeRepeatedOpening(ctx, a, end);
    if (!found) continue;
    Object.assign(found, { kind: a.kind, paren: a.paren, number: a.number + 1, marker: '', markerEnd: found.contentStart, damaged: true });
    const name = a.kind === 'question' ? `问题${a.number + 1}` : `item ${a.number + 1}`;
    warn(ctx, 'marker-lost', `${name} has no readable marker: its first line taken as the statement`, found.contentStart, found.contentStart);
  }
}

/**
 * Where the gap after marker `a` ends: the next marker of its kind when it numbers a + 2; with none before the
 * next heading that ends its numbering (the last of its container: any heading for an item, a section heading for
 * 问题N), that heading. Null when there is no gap.
 */
function gapEnd(ctx: Ctx, a: Line): number | null {
  const sameKind = (l: Line) => l.kind === a.kind && !!l.paren === !!a.paren;
  for (let k = a.index + 1; k < ctx.lines.length; k++) {
    const l = ctx.lines[k];
    if (sameKind(l)) return l.number === a.number + 2 ? k : null;
    // items restart under each heading; 问题 numbering runs across subsections, not past a section
    if (l.kind === 'section' || (a.kind === 'item' && l.kind === 'subsection')) return k;
  }
  // (the document's end bounds nothing: a last problem's second label there may be anything)
  return null;
}

/** The text line right before the second label (the same as the first) between `a` and line `end`, if the gap holds only text. */
function lineBeforeSecondLabel(ctx: Ctx, a: Line, end: number): Line | null {
  const own = findLabelMidLine(a.content.slice(a.markerEnd - a.contentStart));
  let first: string | null = own ? canonicalLabel(own.label) : null;
  for (let k = a.index + 1; k < end; k++) {
    const l = ctx.lines[k];
    if (l.kind === 'blank' || l.kind === 'section' || l.kind === 'subsection') continue;
    if (l.kind !== 'text') return null; // another marker in between: not a simple gap
    const m = matchLabel(l.content);
    const label = m ? canonicalLabel(m.label) : null;
    if (label === null) {
      const mid = findLabelMidLine(l.content);
      if (mid && first === null) first = canonicalLabel(mid.label);
      continue;
    }
    if (first === null) {
      first = label;
      continue;
    }
    if (label !== first) return null;
    let p = k - 1;
    while (p > a.index && ctx.lines[p].kind === 'blank') p--;
    const cand = ctx.lines[p];
    return cand.kind === 'text' && !cand.furniture && matchLabel(cand.content) === null && p > a.index ? cand : null;
  }
  return null;
}

/** "巡察指出：…": a line's opening up to a colon within its first six characters (OCR debris before it dropped). */
function openingOf(content: string): string | null {
  const m = /^[^\p{Script=Han}\w]{0,2}(\p{Script=Han}{2,6})\s*[：:]/u.exec(content);
  return m ? m[1]! : null;
}

/**
 * The text line right before the second line of the gap that opens as `a`'s first line after its marker does
 * ("巡察指出：…" in a list where every problem is a title line, then 巡察指出：, 整改措施：, 整改成效：): the next problem's
 * title, its marker lost. Not when that opening is a progress label (lineBeforeSecondLabel reads those).
 */
function lineBeforeRepeatedOpening(ctx: Ctx, a: Line, end: number): Line | null {
  const body = ctx.lines.slice(a.index + 1, end).filter((l) => l.kind !== 'blank');
  const opening = body[0]?.kind === 'text' ? openingOf(body[0].content) : null;
  if (!opening || matchLabel(body[0]!.content)) return null;
  for (let k = 1; k < body.length; k++) {
    if (body[k]!.kind !== 'text') return null;
    if (openingOf(body[k]!.content) !== opening) continue;
    const cand = body[k - 1]!;
    return k > 1 && !cand.furniture && matchLabel(cand.content) === null && openingOf(cand.content) === null ? cand : null;
  }
  return null;
}

const canonicalLabel = (raw: string): string => nearestLabel(raw.replace(/\s+/g, ''))?.label ?? raw.replace(/\s+/g, '');

function demote(line: Line): void {
  Object.assign(line, { kind: 'text', number: 0, marker: '', markerEnd: line.contentStart, damaged: false, weak: undefined, sequenceOnly: undefined });
}

/** A progress label on the lines from `a` (after its marker) up to `b`. */
function labelledBetween(ctx: Ctx, a: Line, b: Line): boolean {
  for (let k = a.index; k < b.index; k++) {
    const l = ctx.lines[k];
    if (l.kind === 'blank') continue;
    const s = k === a.index ? l.content.slice(l.markerEnd - l.contentStart) : l.content;
    if ((k > a.index && matchLabel(s)) || findLabelMidLine(s)) return true;
  }
  return false;
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
