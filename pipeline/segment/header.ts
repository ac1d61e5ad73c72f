/**
 * Pass: group the lines before the first section into issuer, document number,
 * title, addressee and preamble. Decides where the body starts.
 */
import { DATE_SOURCE, parseDate } from './numerals.ts';
import { paragraphOf, warn, type Ctx, type Line } from './types.ts';

const HEADER_DATE = new RegExp(`^[（(]?\\s*${DATE_SOURCE}\\s*[）)]?$`);

/** 发文字号: 机关代字〔年份〕序号号; OCR may leave a dot or comma after the bracket ("【2024].15号"). */
export const DOC_NUMBER = /^[\u4e00-\u9fff]{1,10}\s*[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*[.。·,，]?\s*第?\s*\d{1,4}\s*号$/;
const TITLE_END = /(通报|情况|报告|通知|决定|公告|意见|说明|公示|公开)$/;
/** The genre word that ends a 公文 title. */
const DOC_END = /(通报|报告|通知|决定|公告|公示)$/;
const TITLE = /关于.{2,}|(整改|巡察|巡视).{0,40}(通报|情况|报告|公告|公示)$/;
const ORG_END = /(委员会|委|组|办|办公室|机构|小组|局|部|厅|院|室|府|会|党组|党委|中心|机关)$/;

function isFragment(l: Line): boolean {
  return l.content.length <= 30 && !/[。，；：:、]/.test(l.content) && !DOC_NUMBER.test(l.content.replace(/\s+/g, ''));
}

function isTitleStart(l: Line): boolean {
  return l.content.length <= 80 && !/[。；]/.test(l.content) && TITLE.test(l.content);
}

export function groupHeader(ctx: Ctx): void {
  const { lines } = ctx;
  let bodyStart = lines.findIndex((l) => l.kind === 'section' || l.kind === 'subsection' || l.kind === 'question');
  if (bodyStart < 0) bodyStart = lines.findIndex((l) => l.kind === 'item');
  const hasMarkers = bodyStart >= 0;
  if (!hasMarkers) bodyStart = lines.length;
  ctx.bodyStart = bodyStart;
  // lines the 版头 pass read (份号, 密级, 发文机关标志 …) are not grouped again
  const zone = lines.slice(0, bodyStart).filter((l) => l.kind !== 'blank' && l.role === 'paragraph');
  for (const l of lines.slice(0, bodyStart)) l.zone = 'header';

  // Title: within the first lines, the first line that looks like a title (maybe continued on the next).
  const head = zone.slice(0, 8);
  const ti = head.findIndex(isTitleStart);
  let titleLines: Line[] = [];
  if (ti >= 0) {
    titleLines = [head[ti]];
    // Continued on the following short lines until one ends like a title ("…的通报").
    for (let k = ti + 1; k < head.length && k <= ti + 2 && !TITLE_END.test(titleLines[titleLines.length - 1].content); k++) {
      const next = head[k];
      if (next.content.length > 40 || /[。：:；]/.test(next.content)) break;
      titleLines.push(next);
    }
    if (!TITLE_END.test(titleLines[titleLines.length - 1].content)) titleLines = [head[ti]];
    // "关于…反馈意见" + "整改落实情况的通报": the first line ends like a title word (意见, 情况) but the genre word follows.
    const next = head[ti + titleLines.length];
    if (titleLines.length === 1 && next && !DOC_END.test(titleLines[0].content) && isFragment(next) && DOC_END.test(next.content)) titleLines.push(next);
    // Started on the line before: "中共某某县委巡察工作领导" + "小组办公室关于…".
    // An issuer line right above a title that starts with 关于 is the title's first part (as printed in 公文).
    const at = head[ti].content.search(/关[于千干]/);
    const prev = head[ti - 1];
    if (at > 0 && prev && isFragment(prev) && (at <= 5 || !ORG_END.test(prev.content))) titleLines.unshift(prev);
    else if (at === 0 && prev && isFragment(prev) && ORG_END.test(prev.content)) titleLines.unshift(prev);
  } else {
    // A title with the 关于 on a second line: "某某县委巡察机构关于" is rare; accept "…通报" ending lines near the top.
    const alt = head.findIndex((l) => l.content.length <= 60 && !/[。；，]/.test(l.content) && /的(通报|情况|报告)$/.test(l.content));
    if (alt >= 0) titleLines = [head[alt]];
  }
  if (!hasMarkers && titleLines.length === 0) {
    ctx.notice.preamble = [];
    warn(ctx, 'no-structure', 'no title and no section markers: every line kept as a paragraph', 0, ctx.text.length);
    ctx.notice.preamble.push(...zone.map(paragraphOf));
    return;
  }
  if (!hasMarkers) warn(ctx, 'no-structure', 'no section, subsection or problem markers found', 0, ctx.text.length);
  if (titleLines.length === 0) warn(ctx, 'title-missing', 'no title line found before the first section', 0, zone[0]?.end ?? 0);

  const titleFirst = titleLines.length ? zone.indexOf(titleLines[0]) : -1;
  const titleLast = titleLines.length ? zone.indexOf(titleLines[titleLines.length - 1]) : -1;
  const issuers: string[] = [];
  let rest = titleLast + 1;
  zone.forEach((l, i) => {
    if (i <= titleLast && titleLines.includes(l)) l.role = 'title';
    else if (i < 8 && DOC_NUMBER.test(l.content.replace(/\s+/g, '')) && l.content.length <= 30) {
      l.role = 'document-number';
      ctx.notice.documentNumber = l.content.replace(/\s+/g, '');
      if (i >= rest) rest = i + 1;
    } else if (i < 8 && HEADER_DATE.test(l.content)) {
      // 成文日期 printed under the title: "（2024年7月3日）"; the sign-off date, when present, wins.
      l.role = 'date';
      ctx.notice.date = parseDate(l.content);
      if (i >= rest) rest = i + 1;
    } else if (i < titleFirst && l.content.length <= 30 && !/[。，；：:]/.test(l.content) && (l.content.match(/\p{Script=Han}/gu) ?? []).length >= 3) {
      // (OCR debris above the title, "ss呈", is not an issuer: an issuer name has at least three Han characters)
      l.role = 'issuer';
      issuers.push(l.content);
    }
  });
  if (titleLines.length) ctx.notice.title = titleLines.map((l) => l.content).join('');
  if (issuers.length) ctx.notice.issuer = issuers.join('');
  else if (ctx.notice.title) {
    const i = ctx.notice.title.search(/关[于千干]/);
    const prefix = i > 0 ? ctx.notice.title.slice(0, i) : '';
    if (prefix.length >= 2 && prefix.length <= 30 && ORG_END.test(prefix)) ctx.notice.issuer = prefix;
  }
  if (titleLines.length && zone[rest]) splitGluedAddressee(ctx, zone, rest);
  const addr = zone[rest];
  if (addr && addr.content.length <= 60 && /[：:]$/.test(addr.content) && !/[。]/.test(addr.content)) {
    addr.role = 'addressee';
    ctx.notice.addressee = addr.content.replace(/[：:]$/, '');
    rest++;
  }
  zone.forEach((l, i) => {
    if (l.role !== 'paragraph') return;
    if (i < rest && titleLines.length) {
      // Unrecognised line among the header lines: keep as a preamble paragraph, with a warning.
      warn(ctx, 'header-unclassified', `header line not recognised: "${l.content.slice(0, 20)}"`, l.contentStart, l.contentEnd);
    }
    l.role = 'preamble';
    ctx.notice.preamble.push(paragraphOf(l));
  });
}

/**
 * 主送机关 glued to the first body paragraph by the layout stage ("各乡镇党委，县直各单位：根据…"):
 * the line right after the title opens with names of bodies up to a colon. The names end like a body
 * (…委, …单位, …部门, …站, …企业, …（党委）) and hold no sentence end and no digit; the body follows.
 */
const GLUED_ADDRESSEE = /^([^。；！？\d：:]{4,60}?(?:委员会|委|组|办|办公室|机构|局|部|厅|院|室|府|会|党组|党委|中心|机关|单位|部门|站|所|企业|支部|总支|街道|办事处|乡镇|同志|[）)]))[：:](?=\s*[\u4e00-\u9fff]{6})/;

/** Split zone[at] (and its Line in ctx.lines) after a glued addressee's colon: the addressee becomes a line of its own. */
function splitGluedAddressee(ctx: Ctx, zone: Line[], at: number): void {
  const line = zone[at];
  const m = GLUED_ADDRESSEE.exec(line.content);
  if (!m || (m[1].match(/\p{Script=Han}/gu) ?? []).length < 4) return;
  const cut = line.contentStart + m[0].length;
  let bodyStart = cut;
  while (bodyStart < line.contentEnd && /[\s\u3000]/.test(ctx.text[bodyStart])) bodyStart++;
  const addressee: Line = { ...line, end: cut, contentEnd: cut, content: ctx.text.slice(line.contentStart, cut) };
  const body: Line = { ...line, start: cut, contentStart: bodyStart, content: ctx.text.slice(bodyStart, line.contentEnd), markerEnd: bodyStart };
  ctx.lines.splice(line.index, 1, addressee, body);
  ctx.lines.forEach((l, i) => (l.index = i));
  if (ctx.bodyStart > addressee.index) ctx.bodyStart++;
  zone.splice(at, 1, addressee, body);
  warn(ctx, 'addressee-glued', 'the addressee (主送机关) was run into the first paragraph: read up to its colon', addressee.contentStart, cut);
}

export { ORG_END };
