/**
 * Pass: read the end of a GB/T 9704 公文, scanning back from the last line: the 版记 (抄送 line(s);
 * 印发机关 and 印发日期 "……办公室  2024年10月15日印发") and, above it, the 附注 "（此件公开发布）"
 * printed under the 成文日期. Lines read here leave the tail scan (markTail) to start above them.
 */
import { labelAt, type LabelHit } from './labels.ts';
import { editDistance } from './markers.ts';
import { ORG_END } from './header.ts';
import { contactStart } from './contact.ts';
import { DATE_SOURCE, parseDate } from './numerals.ts';
import { readDamagedDate } from './damaged-dates.ts';
import type { Read } from './masthead.ts';
import { paragraphOf, warn, type Ctx, type Line } from './types.ts';

const IMPRINT = new RegExp(`^(.{2,40}?)[\\s\\u3000]*(${DATE_SOURCE})[\\s\\u3000]*(\\p{Script=Han}{1,2})$`, 'u');

/** 印发机关 and 印发日期: issuer, date, then 印发 (one character misread tolerated, with a warning; a date with look-alike numerals too). */
export function readImprint(s: string): { by: Read; date: Read & { iso: string | null } } | null {
  const m = IMPRINT.exec(s);
  const dd = m ? null : readDamagedDate(s);
  if (!m && !dd) return null;
  const dateText = m ? m[2] : s.slice(dd!.index, dd!.index + dd!.length);
  const by = m ? m[1].trim() : s.slice(0, dd!.index).trim();
  const verb = m ? m[m.length - 1] : s.slice(dd!.index + dd!.length).trim();
  if (by.length < 2 || by.length > 40 || /[。，；：:]/.test(by) || !(verb === '印发' || (verb.length === 2 && (verb[0] === '印' || verb[1] === '发')))) return null;
  const dateStart = m ? s.indexOf(m[2], by.length) : dd!.index;
  return {
    by: { value: by.replace(/[\s\u3000]+/g, ''), start: 0, end: by.length, damage: verb === '印发' ? null : `印发 read as "${verb}"` },
    date: { value: dateText, iso: m ? parseDate(m[2]) : dd!.iso, start: dateStart, end: dateStart + dateText.length, damage: dd && `印发日期 ${dd.damage}` },
  };
}

/** 抄送: the label (damaged only with a colon), then organs split on ，、 without the final 。. */
export function readCopyTo(s: string, aboveImprint = false): { items: Read[]; damage: string | null } | null {
  const hit = labelAt(s, '抄送') ?? (aboveImprint ? uncolonedLabel(s) : null);
  if (!hit || hit.valueStart >= s.length) return null;
  const items: Read[] = [];
  const re = /[^，、,。.；;\s\u3000][^，、,。；;]*/g;
  for (let m; (m = re.exec(s.slice(hit.valueStart))); ) {
    const value = m[0].trimEnd();
    if (!/[\p{Script=Han}\p{L}]/u.test(value)) continue; // OCR specks between or after the names
    items.push({ value, start: hit.valueStart + m.index, end: hit.valueStart + m.index + value.length, damage: null });
  }
  return items.length ? { items, damage: hit.damaged ? `抄送 label read as "${hit.printed}"` : null } : null;
}

/**
 * Right above the 印发 line the 版记 has only its 抄送 line: there "抄送" read with one character wrong is taken
 * without its colon too ("抄逆县委办，县政府办。"), when a list of at least two organs follows.
 */
function uncolonedLabel(s: string): LabelHit | null {
  const m = /^(\p{Script=Han})\s*(\p{Script=Han})\s*/u.exec(s);
  const items = s.slice(m?.[0].length ?? 0).replace(/[。.]$/, '').split(/[，、,]/).map((x) => x.trim());
  if (!m || editDistance(m[1] + m[2], '抄送') !== 1 || items.length < 2 || !items.every((x) => x.length <= 20 && ORG_END.test(x))) return null;
  return { start: 0, valueStart: m[0].length, damaged: true, printed: (m[1] + m[2]) };
}

/** 附注: a bracketed line (one bracket lost tolerated before 此件…), or after a 附注： label; value without brackets. */
export function readNote(s: string): Read | null {
  const label = labelAt(s, '附注');
  if (label && label.valueStart < s.length && /[：:]/.test(s.slice(0, label.valueStart))) {
    return { value: s.slice(label.valueStart).replace(/^[（(]|[）)]$/g, ''), start: label.valueStart, end: s.length, damage: label.damaged ? `附注 label read as "${label.printed}"` : null };
  }
  const m = /^([（(]?)\s*(.{2,40}?)\s*([）)]?)$/.exec(s);
  if (!m || contactStart(m[2]) >= 0 || new RegExp(DATE_SOURCE).test(m[2]) || /[（()）]/.test(m[2])) return null;
  const both = m[1] !== '' && m[3] !== '';
  if (!both && !(m[1] + m[3] !== '' && /^此件/.test(m[2]))) return null;
  const start = s.indexOf(m[2], m[1].length);
  const damage = both ? (m[1] === '(' || m[3] === ')' ? 'ASCII brackets' : null) : 'a bracket lost';
  return { value: m[2], start, end: start + m[2].length, damage };
}

/** Lines read as one element: OCR wraps a long 抄送 list or "……2024年10月16日印" + "发" over two lines. */
const MAX_WRAP = 2;

/** The contents of `group` joined without the line breaks, and each character's offset in text. */
function joined(group: Line[]): { s: string; at: (k: number) => number; end: (k: number) => number } {
  let s = '';
  const offsets: number[] = [];
  for (const l of group) {
    for (let k = 0; k < l.content.length; k++) offsets.push(l.contentStart + k);
    s += l.content;
  }
  return { s, at: (k) => offsets[k] ?? group[group.length - 1].contentEnd, end: (k) => (k > 0 ? offsets[k - 1] + 1 : group[0].contentStart) };
}

/** A short leftover at the very end (a page number OCR garbled: "2一", "上二"): skipped, kept as a paragraph. */
const junk = (l: Line) => l.content.length <= 4 && !new RegExp(DATE_SOURCE).test(l.content);

type Role = 'imprint' | 'copy-to' | 'note';

/**
 * OCR specks after an element's last character: up to three marks, Latin letters or digits, no Han or bracket
 * ("……印发 _", "（此件公开发布）.", "（此件公开发布） T"); after 印发, which ends its line, any one or two
 * characters (a stray 二 the reflow joined to it).
 */
const TRAILING_DEBRIS = /[\s\u3000]*[^\s\u3000\p{Script=Han}（）()【】〔〕［］\[\]]{1,3}$|(?<=印发)[\s\u3000]*\S{1,2}$/u;

type Reader = { role: Role; record: () => void };

/** Read `group` (one line, or a line and its wrapped end) as one colophon element: a function that records it, or null. */
function reader(ctx: Ctx, group: Line[], noteSeen: boolean): Reader | null {
  if (noteSeen) return null;
  const j = joined(group);
  const read = elementOf(ctx, group, j, j.s);
  if (read) return read;
  // specks after the element: read it without them; they stay on its line, outside its fields
  const debris = TRAILING_DEBRIS.exec(j.s);
  const bare = debris && elementOf(ctx, group, j, j.s.slice(0, debris.index));
  if (!bare) return null;
  return {
    role: bare.role,
    record: () => {
      bare.record();
      warn(ctx, 'furniture', `"${debris[0].trim()}" after the ${bare.role} looks like OCR specks`, j.at(debris.index), group[group.length - 1].contentEnd);
    },
  };
}

function elementOf(ctx: Ctx, group: Line[], j: ReturnType<typeof joined>, s: string): Reader | null {
  const n = ctx.notice;
  const field = (r: Read) => ({ value: r.value, span: { start: j.at(r.start), end: j.end(r.end) } });
  const whole = { start: group[0].contentStart, end: group[group.length - 1].contentEnd };
  const warnIf = (damage: string | null) => damage && warn(ctx, 'label-damaged', damage, whole.start, whole.end);
  const imprint = !n.printedBy && n.copyTo.length === 0 ? readImprint(s) : null;
  if (imprint) {
    return {
      role: 'imprint',
      record: () => {
        n.printedBy = field(imprint.by);
        warnIf(imprint.by.damage);
        if (imprint.date.damage) warn(ctx, 'date-damaged', imprint.date.damage, whole.start, whole.end);
        if (imprint.date.iso) n.printDate = { value: imprint.date.iso, span: field(imprint.date).span };
        else warn(ctx, 'date-invalid', `印发日期 "${imprint.date.value}" is not a valid date`, whole.start, whole.end);
      },
    };
  }
  const copyTo = n.copyTo.length === 0 ? readCopyTo(s, n.printedBy !== null) : null;
  if (copyTo) {
    return {
      role: 'copy-to',
      record: () => {
        n.copyTo = copyTo.items.map(field);
        warnIf(copyTo.damage);
      },
    };
  }
  const note = group.length === 1 ? readNote(s) : null;
  if (note) {
    return {
      role: 'note',
      record: () => {
        n.note = field(note);
        warnIf(note.damage && `附注: ${note.damage}`);
      },
    };
  }
  return null;
}

export function readColophon(ctx: Ctx): void {
  ctx.colophonStart = readColophonUpFrom(ctx, ctx.lines.length - 1);
}

/** Read colophon elements scanning back from line `last`; returns the index of the first line read (last + 1 when none). */
export function readColophonUpFrom(ctx: Ctx, last: number): number {
  const { lines } = ctx;
  let start = last + 1;
  let noteSeen = false;
  let pending: Line[] = [];
  for (let i = last; i > ctx.bodyStart; i--) {
    const l = lines[i];
    if (l.kind === 'blank' || l.furniture) continue;
    let group = [l, ...pending];
    let read = reader(ctx, group, noteSeen);
    if (!read && pending.length === 1 && start === last + 1 && junk(pending[0]) && (read = reader(ctx, [l], noteSeen))) {
      const left = pending[0];
      warn(ctx, 'furniture', `line "${left.content}" looks like page furniture`, left.contentStart, left.contentEnd);
      left.zone = 'tail';
      ctx.notice.closing.push(paragraphOf(left));
      group = [l];
    }
    if (!read) {
      if (noteSeen || pending.length >= MAX_WRAP - 1) break;
      pending = group; // maybe the end of an element that starts on the line above
      continue;
    }
    read.record();
    if (read.role === 'note') noteSeen = true;
    for (const g of group) {
      g.role = read.role;
      g.zone = 'tail';
    }
    if (group.length > 1) warn(ctx, 'line-wrapped', `${read.role} read over ${group.length} lines (wrapped by OCR)`, group[0].contentStart, group[group.length - 1].contentEnd);
    pending = [];
    start = i;
  }
  return start;
}
