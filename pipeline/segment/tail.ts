/**
 * Pass: find the document's tail — invitation, contact details, sign-off issuer
 * and date — scanning back from the end over lines that fit, then parse them.
 */
import { DATE_SOURCE, parseDate } from './numerals.ts';
import { contactStart, parseContact } from './contact.ts';
import { ORG_END } from './header.ts';
import { completeYearFromReference, damagedDateAtEnd, unreadableDateLine } from './damaged-dates.ts';
import { paragraphOf, warn, type Ctx, type Line } from './types.ts';

const DATE_LINE = new RegExp(`^${DATE_SOURCE}$`);
/** A date ending the line; OCR may leave a stray mark after it ("2024年9月12日；", "…日 |"). */
const DATE_AT_END = new RegExp(`${DATE_SOURCE}[\\s;；,，.。:：'"“”|、\\-—_]{0,2}$`);
const INVITATION = /欢迎.{0,40}(监督|反映|批评|意见)|如有.{0,6}意见|请.{0,10}(反映|来信|来电)/;

/** Stray quotes and dots OCR leaves around a short line ("“中共某某党组”"). */
const unquote = (s: string) => s.replace(/^[“”"'‘’。，、.\s]+|[“”"'‘’。，、.\s]+$/g, '');

export function issuerLike(s: string): boolean {
  s = unquote(s);
  return s.length <= 40 && !/[。，；：:、]/.test(s) && (ORG_END.test(s) || /^中共/.test(s));
}

/**
 * A sign-off issuer line with OCR debris glued after it ("某某区人民政府办公室了本": specks of a copied page read
 * as one or two characters, the gap between them dropped with the spaces): the issuer-like part and the debris.
 * Only asked of the lines stacked above a sign-off date, where an issuer is expected.
 */
export function issuerWithDebris(s: string): { issuer: string; debris: string } | null {
  const u = unquote(s);
  if (issuerLike(u)) return null;
  for (let k = 1; k <= 2; k++) {
    const issuer = u.slice(0, -k);
    const debris = u.slice(-k);
    if (issuer.length >= 4 && ORG_END.test(issuer) && issuerLike(issuer) && !/[\d〇一二三四五六七八九十年月日]/.test(debris)) return { issuer, debris };
  }
  return null;
}

/** A short line of specks: at most four characters, at most one of them Han, no date. */
function specksLine(s: string): boolean {
  const v = s.replace(/[\s\u3000]+/g, '');
  return v.length > 0 && v.length <= 4 && (v.match(/\p{Script=Han}/gu) ?? []).length <= 1 && !/[年月日]/.test(v);
}

/** A joint sign-off stacks at most this many issuers above the date. */
const MAX_ISSUERS = 4;

/** Issuers printed side by side on one line ("中共某县委组织部　　某县人力资源和社会保障局"). */
function splitIssuers(s: string): string[] {
  const parts = s.split(/[\s\u3000]{2,}/);
  return parts.length > 1 && parts.every((p) => p.length >= 4 && issuerLike(p)) ? parts : [s];
}

export function markTail(ctx: Ctx): void {
  const { lines } = ctx;
  let i = ctx.colophonStart - 1;
  let tailStart = ctx.colophonStart;
  let date: string | null = null;
  /** Sign-off issuers, in print order (several stacked above the date in a joint notice). */
  const issuers: string[] = [];
  let signStart = -1;
  let signEnd = -1;
  const contactLines: Line[] = [];
  const closing: Line[] = [];
  /** A sign-off date line was taken, read or not (a damaged date stays null but still closes the sign-off). */
  let dated = false;
  /** The nearest non-blank line above line k, past one line of specks (a seal's remains read as "2.一"). */
  const above = (k: number): Line | undefined => {
    const up = lines.slice(ctx.bodyStart, k).reverse().filter((x) => x.kind !== 'blank');
    return up[0] && specksLine(up[0].content) ? up[1] : up[0];
  };
  for (; i >= ctx.bodyStart && i >= 0; i--) {
    const l = lines[i];
    if (l.kind === 'blank') continue;
    if (l.role === 'attachment') {
      // 附件说明 (read by readAttachments) between the body and the sign-off, or before contact details
      tailStart = i;
      l.zone = 'tail';
      continue;
    }
    if (l.kind !== 'text' && l.kind !== 'item') break;
    const s = l.content;
    // a date OCR damaged (look-alike numerals): read when the plain pattern fails or matches only its end
    const strict = DATE_AT_END.exec(s);
    const loose = damagedDateAtEnd(s);
    const dd = loose && (!strict || loose.index < strict.index) ? loose : null;
    const dm = dd ? null : strict;
    const at = dm ? dm.index : dd ? dd.index : -1;
    const lead = at >= 0 ? s.slice(0, at).trim() : '';
    const takesDate = at >= 0 && !dated && issuers.length === 0 && (/^[\p{P}\p{S}]*$/u.test(lead) || issuerLike(lead));
    // a date line damaged past reading (年…月…日 with debris for numerals), known by the issuer line above it
    const up = !takesDate && !dated && issuers.length === 0 ? above(i) : undefined;
    const unread = up && up.kind === 'text' && (issuerLike(up.content) || issuerWithDebris(up.content)) ? unreadableDateLine(s) : null;
    const junk = date === null && !dated && issuers.length === 0 && contactLines.length === 0 && closing.length === 0 && ctx.colophonStart - i <= 3 && s.length <= 12 && !/[。！]$/.test(s) && !strict && !dd && !unread && !issuerLike(s);
    if (l.furniture || junk) {
      // A page number or similar left over by layout: skip it, kept as a paragraph.
      if (junk && !l.furniture) warn(ctx, 'furniture', `line "${s}" looks like page furniture`, l.contentStart, l.contentEnd);
      tailStart = i;
      l.zone = 'tail';
      ctx.notice.closing.push(paragraphOf(l));
      continue;
    }
    // specks between the sign-off date and its issuer (a seal stamped over them): skipped, kept as a paragraph
    const up2 = dated && issuers.length === 0 && specksLine(s) ? above(i + 1) : undefined;
    if (up2 && up2 !== l && up2.kind === 'text' && (issuerLike(up2.content) || issuerWithDebris(up2.content))) {
      warn(ctx, 'furniture', `line "${s}" between the sign-off issuer and date looks like OCR specks`, l.contentStart, l.contentEnd);
      tailStart = i;
      l.zone = 'tail';
      ctx.notice.closing.push(paragraphOf(l));
      continue;
    }
    const debris = dated && issuers.length < MAX_ISSUERS && contactLines.length === 0 && closing.length === 0 && l.kind === 'text' ? issuerWithDebris(s) : null;
    if (unread) {
      dated = true;
      l.role = 'date';
      const printDate = ctx.notice.printDate?.value ?? null;
      date = completeYearFromReference(unread, printDate);
      if (date) warn(ctx, 'date-damaged', `sign-off date "${unread}": the year's first numerals are lost; read as ${date}, its one reading in the year up to the 印发日期 (${printDate})`, l.contentStart, l.contentEnd);
      else warn(ctx, 'date-damaged', `sign-off date "${unread}" could not be read`, l.contentStart, l.contentEnd);
      signStart = l.contentStart;
      signEnd = l.contentEnd;
    } else if (takesDate) {
      dated = true;
      date = dm ? parseDate(dm[0]) : dd!.iso;
      if (dm && date === null) warn(ctx, 'date-invalid', `sign-off date "${dm[0]}" is not a valid date`, l.contentStart + dm.index, l.contentEnd);
      if (dd) warn(ctx, 'date-damaged', `sign-off ${dd.damage}`, l.contentStart + dd.index, l.contentStart + dd.index + dd.length);
      l.role = 'date';
      const before = issuerLike(lead) ? lead : '';
      if (before) {
        issuers.unshift(unquote(before));
        l.role = 'signoff';
        ctx.cuts.push({ pos: l.contentStart + at, type: 'date' });
      }
      signStart = l.contentStart;
      signEnd = signEnd < 0 ? l.contentEnd : signEnd;
    } else if (debris) {
      // the issuer part only; the debris stays in the text, inside the sign-off block
      issuers.unshift(debris.issuer);
      const at = l.contentStart + s.lastIndexOf(debris.debris);
      warn(ctx, 'furniture', `"${debris.debris}" after the sign-off issuer looks like OCR debris`, at, at + debris.debris.length);
      l.role = 'signoff';
      signStart = l.contentStart;
      if (signEnd < 0) signEnd = l.contentEnd;
    } else if ((issuers.length === 0 || (dated && issuers.length < MAX_ISSUERS)) && issuerLike(s) && contactLines.length === 0 && closing.length === 0 && l.kind === 'text') {
      issuers.unshift(...splitIssuers(unquote(s)));
      l.role = 'signoff';
      signStart = l.contentStart;
      if (signEnd < 0) signEnd = l.contentEnd;
    } else if (closing.length === 0 && contactStart(s) >= 0) {
      contactLines.unshift(l);
      l.role = 'contact';
      const at = contactStart(s);
      if (at > 0) {
        l.role = 'closing';
        ctx.cuts.push({ pos: l.contentStart + at, type: 'contact' });
        closing.unshift(l);
      }
    } else if (INVITATION.test(s) && s.length <= 200) {
      l.role = 'closing';
      closing.unshift(l);
    } else break;
    tailStart = i;
    l.zone = 'tail';
  }
  ctx.tailStart = tailStart;
  for (const l of lines.slice(tailStart)) if (l.kind === 'blank') l.zone = 'tail';
  if (signStart >= 0) {
    const issuer = issuers.length ? issuers.join('、') : null;
    ctx.notice.signoff = { issuer, issuers, date, span: { start: signStart, end: signEnd } };
    if (date !== null || ctx.notice.date === null) ctx.notice.date = date;
    // issuer and date are the sign-off's where there is one (issue 13), else the header's
    if (issuer) ctx.notice.issuer = issuer;
  }
  for (const l of closing) {
    const at = contactStart(l.content);
    const end = at > 0 ? l.contentStart + at : l.contentEnd;
    const text = ctx.text.slice(l.contentStart, end).trimEnd();
    ctx.notice.closing.push({ text, span: { start: l.contentStart, end: l.contentStart + text.length }, enumerations: [] });
  }
  if (contactLines.length) {
    const first = contactLines[0];
    const start = first.contentStart + Math.max(0, contactStart(first.content));
    const end = contactLines[contactLines.length - 1].contentEnd;
    ctx.notice.contact = parseContact(ctx.text.slice(start, end), { start, end });
  }
}
