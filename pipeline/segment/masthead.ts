/**
 * Pass: read the 版头 (GB/T 9704-2012) from the first lines, above the title: 份号, 密级和保密期限,
 * 紧急程度, 发文机关标志 (……文件; on a colour scan the red masthead is the page's first line) and
 * 签发人 (上行文, often on the 发文字号 line). Lines read here get their own block types; groupHeader
 * only groups the lines left.
 */
import { findLabel } from './labels.ts';
import { DOC_NUMBER } from './header.ts';
import { warn, type Ctx, type Line } from './types.ts';

/** How many non-blank lines from the top the 版头 may take. */
const HEAD_LINES = 8;

export interface Read {
  value: string;
  /** Range of the printed element in the searched string. */
  start: number;
  end: number;
  /** What OCR damage was tolerated, if any (said in a warning). */
  damage: string | null;
}

const DIGITISH = /^[0-9０-９OoＯ〇]{4,6}$/;

/** 份号: four to six digits (GB/T: six), a lone line; O/〇 read for 0 is restored. */
export function readCopyNumber(s: string): Read | null {
  const m = /^(份号\s*[:：]?\s*)?(\S[\S ]*?)([-—_.。,，'"]?)$/.exec(s);
  const raw = m ? m[2].replace(/\s+/g, '') : '';
  if (!DIGITISH.test(raw) || (raw.match(/[0-9０-９]/g) ?? []).length < 3) return null;
  const value = raw.replace(/[OoＯ〇]/g, '0').replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10));
  const damage = /[OoＯ〇]/.test(raw) ? `份号 "${raw}" read with letters for 0` : m![3] ? `份号 followed by a stray "${m![3]}"` : null;
  return { value, start: m![1]?.length ?? 0, end: s.length - m![3].length, damage };
}

const STARS = '★☆*＊✩✦⋆';

/** 密级和保密期限: 绝密/机密/秘密, ★, period (N年, N个月, 长期). A lost or misread ★ is restored. */
export function readSecrecy(s: string): Read | null {
  const m = /^(绝密|机密|秘密)\s*(\S??)\s*(\d{1,2}\s*(?:年|个月)|长期)?$/.exec(s.replace(/[\s\u3000]+$/, ''));
  if (!m) return null;
  const [, level, star, period] = m;
  const periodText = period ? period.replace(/\s+/g, '') : '';
  if (!star && !period) return { value: level, start: 0, end: s.length, damage: null };
  const starOk = star !== '' && STARS.includes(star);
  if (star && !starOk && !period) return null; // "机密件" and the like: not a secrecy mark
  const damage = starOk && star === '★' ? null : star ? `★ read as "${star}"` : '★ lost';
  return { value: `${level}★${periodText}`, start: 0, end: s.length, damage };
}

/** 紧急程度: 特急 / 加急 (spaces between the characters allowed). */
export function readUrgency(s: string): Read | null {
  const v = s.replace(/[\s\u3000]+/g, '');
  return v === '特急' || v === '加急' ? { value: v, start: 0, end: s.length, damage: null } : null;
}

/**
 * 发文机关标志: a short line ending in 文件 (spaces removed), no sentence punctuation. With `afterOrgs` (the
 * line sits under issuer names, as in a joint masthead) or an issuer name before it, 文件 read with one
 * character wrong ("人件", "文伴") is taken and restored, with a warning.
 */
export function readIssuerMark(s: string, afterOrgs = false): Read | null {
  const v = s.replace(/[\s\u3000]+/g, '');
  if (v.length > 40 || /[。，；：:、]/.test(v) || /关[于千干]/.test(v)) return null; // "关于印发……文件" is a title
  if (/文件$/.test(v)) return { value: v, start: 0, end: s.length, damage: null };
  const tail = v.slice(-2);
  const org = v.slice(0, -2);
  if (!/^(文.|.件)$/.test(tail) || !/\p{Script=Han}/u.test(tail) || !(org ? ORG_LIKE.test(org) : afterOrgs)) return null;
  return { value: `${org}文件`, start: 0, end: s.length, damage: `文件 read as "${tail}"` };
}

/** 签发人 with its names; `before` is what precedes the label on the line (the 发文字号, if any). */
export function readSigner(s: string): (Read & { before: string; labelStart: number }) | null {
  const hit = findLabel(s, '签发人');
  if (!hit) return null;
  const names = s.slice(hit.valueStart).trim();
  if (!names || names.length > 30 || /[。；]/.test(names)) return null;
  return {
    value: names.replace(/[\s\u3000]+/g, ' '),
    start: hit.valueStart,
    end: hit.valueStart + names.length,
    labelStart: hit.start,
    before: s.slice(0, hit.start).trim(),
    damage: hit.damaged ? `签发人 label read as "${hit.printed}"` : null,
  };
}

const ORG_LIKE = /^(中共|中国共产党)|(委员会|委|政府|办公室|办|局|部|厅|院|组|党组|党委|人民政府|机关|中心)$/;

const orgLike = (l: Line) => l.content.length <= 30 && ORG_LIKE.test(l.content.replace(/\s+/g, ''));

/** 版头 elements read on their own lines (份号, 密级, 紧急程度). */
const HEAD_ELEMENT = new Set(['copy-number', 'secrecy', 'urgency']);

/**
 * The issuer-name lines of a joint masthead above its "……文件" line head[k], in print order: the org-like
 * lines right above it, and those further up with only 份号 / 密级 / 紧急程度 lines between (an engine that
 * reads the red masthead apart may put its first line at the top of the page).
 */
function namesAbove(head: Line[], k: number): Line[] {
  const names: Line[] = [];
  for (let j = k - 1; j >= 0; j--) {
    const a = head[j];
    if (a.role === 'paragraph' && orgLike(a)) names.unshift(a);
    else if (!HEAD_ELEMENT.has(a.role)) break;
  }
  return names;
}

function field(ctx: Ctx, l: Line, r: Read, what: string) {
  if (r.damage) warn(ctx, 'label-damaged', `${what}: ${r.damage}`, l.contentStart + r.start, l.contentStart + r.end);
  return { value: r.value, span: { start: l.contentStart + r.start, end: l.contentStart + r.end } };
}

export function readMasthead(ctx: Ctx): void {
  const n = ctx.notice;
  const head: Line[] = [];
  for (const l of ctx.lines) {
    if (head.length >= HEAD_LINES || l.kind === 'section' || l.kind === 'subsection' || l.kind === 'question') break;
    if (l.kind === 'blank') continue;
    if (/关[于千干]/.test(l.content)) break; // the title: the 版头 is above it
    head.push(l);
  }
  head.forEach((l, k) => {
    const s = l.content;
    let r: Read | null;
    if (!n.copyNumber && k <= 2 && (r = readCopyNumber(s))) {
      l.role = 'copy-number';
      n.copyNumber = field(ctx, l, r, '份号');
    } else if (!n.secrecy && (r = readSecrecy(s))) {
      l.role = 'secrecy';
      n.secrecy = field(ctx, l, r, '密级');
    } else if (!n.urgency && (r = readUrgency(s))) {
      l.role = 'urgency';
      n.urgency = field(ctx, l, r, '紧急程度');
    } else if (!n.issuerMark && (r = readIssuerMark(s, namesAbove(head, k).length > 0))) {
      l.role = 'issuer-mark';
      if (r.damage) warn(ctx, 'label-damaged', `发文机关标志: ${r.damage}`, l.contentStart, l.contentEnd);
      // a joint masthead stacks the issuers' names above "……文件": those lines are part of the mark
      const above = namesAbove(head, k);
      for (const a of above) a.role = 'issuer-mark';
      n.issuerMark = { value: [...above.map((a) => a.content), r.value].join('').replace(/[\s\u3000]+/g, ''), span: { start: (above[0] ?? l).contentStart, end: l.contentEnd } };
    } else if (!n.signer && (r = readSigner(s))) {
      const signer = r as NonNullable<ReturnType<typeof readSigner>>;
      n.signer = field(ctx, l, signer, '签发人');
      const docNumber = signer.before.replace(/\s+/g, '');
      if (docNumber && DOC_NUMBER.test(docNumber)) {
        l.role = 'document-number';
        n.documentNumber = docNumber;
        ctx.cuts.push({ pos: l.contentStart + signer.labelStart, type: 'signer' });
      } else if (!docNumber) l.role = 'signer';
      else n.signer = null; // something else before the label: leave the line to groupHeader
    }
  });
}
