/**
 * Marker and label recognisers. Each works on one line's content (already trimmed)
 * and returns what it matched, its length and whether only a damaged form matched.
 */
import { parseChineseNumber } from './numerals.ts';
import { QUANTITY_UNITS } from '../normalise/markers.ts';

export interface MarkerMatch {
  /** Matched only through look-alikes: trusted when neighbouring markers continue its numbering. */
  weak?: boolean;
  /** Matched in a heavily damaged form: trusted only where the sequence expects it (number 0: number lost). */
  sequenceOnly?: boolean;
  number: number;
  marker: string;
  /** Length of the marker including the spaces after it. */
  length: number;
  damaged: boolean;
}

const CN = '[一二三四五六七八九十]{1,3}';
/** OCR reads the numeral 一 as a dash ("—、", "（-）"); accepted in heading markers, reported damaged. */
const CN_DASH = '(?:[一二三四五六七八九十]{1,3}|[—－-](?=\\s*[、，,）)]))';
const SECTION = new RegExp(`^(${CN_DASH})(\\s*)([、，,．.]{1,2})\\s*`);
const SUBSECTION = new RegExp(`^([（(〈<［\\[【《〔{｛])\\s*(${CN_DASH})\\s*([）)〉>］\\]】》〕}｝])\\s*`);
const QUESTION_FUZZY = /^(问题|[问间门向阿][\u4e00-\u9fff]|[\u4e00-\u9fff]题)(\s*)([0-9lI]{1,3})(\s*)([.．])\s*/;
/** "间题三：" / "奖题一：": the same with a Chinese numeral, whose separator is a colon or 、 as often as a dot. */
const QUESTION_FUZZY_CN = new RegExp(`^(问题|[问间门向阿][\\u4e00-\\u9fff]|[\\u4e00-\\u9fff]题)(\\s*)(${CN})(\\s*)([.．:：、])\\s*`);
/**
 * Heavier damage, trusted only where the 问题 sequence expects exactly this number (see classify.ts):
 * both characters of 问题 misread or one lost ("癌生5." / "题5，"), the dot read as a comma; or the number lost
 * ("问题." / "间题，"), reported with number 0 for the sequence to fill in.
 */
const QUESTION_FUZZIER = /^([\u4e00-\u9fff]{1,2})(\s*)([0-9lI]{1,2})(\s*)([.．,，、])(?![0-9０-９])\s*/;
const QUESTION_NO_NUMBER = /^(问题|[问间门向阿][\u4e00-\u9fff]|[\u4e00-\u9fff]题)(\s*)([.．,，、])\s*/;
/** "【问题1】" (its 1 read as "]" or l by OCR: "【问题 ]】"): a problem marker in brackets. */
const QUESTION_BRACKETED = /^[【\[［〔]\s*问题\s*([0-9lI|\]]{1,3})\s*[】\]］〕]\s*/;
/** "第一项：" / "第三项、": a problem by its ordinal. */
const QUESTION_ORDINAL = new RegExp(`^第\\s*(${CN})\\s*项\\s*[：:、.．]\\s*`);
/** "第一部分" / "第=部分" (二 read as =): a section by its ordinal. */
const SECTION_ORDINAL = new RegExp(`^第\\s*(${CN}|=)\\s*部分\\s*`);
/** Circled item numbers ①–⑳: a level of their own (problems under a section, or sub-points inside one). */
const CIRCLED_ITEM = /^([\u2460-\u2473])\s*/;
const undash = (s: string) => (/^[—－-]$/.test(s) ? '一' : s);
const QUESTION = new RegExp(`^问题(\\s*)(\\d{1,3}|${CN})(\\s*)([.．、,，:：])?\\s*`);
/** Characters OCR reads for a digit inside a marker: l/I/|/i for 1, O/o for 0, full-width digits. */
const DIG = '[0-9０-９lI|iOo]';
const ITEM = new RegExp(`^(${DIG}{1,2})(\\s*)([.．、,，·:：\\-])(?![0-9０-９])\\s*`);
/**
 * "（1）" / "(2)" / "〈3）": a parenthesised arabic number (numbered problems or items). OCR reads the opening
 * bracket as 《 〈 G or loses it, and "1" next to it as D ("《D）", "GD)").
 */
const PAREN_ITEM = new RegExp(`^([（(〈<［\\[【《〔{G]?)\\s*(${DIG}{1,2}|D)\\s*([）)〉>］\\]】》〕}])\\s*`);
/** Number glued to a Han character: "2深化" (dot lost). Units after a number mean a quantity, not a marker. */
const ITEM_WEAK = new RegExp(`^(\\d{1,2})(?=[\\u4e00-\\u9fff])(?![${QUANTITY_UNITS}])`);

/** "l2" → 12, "O" → null (a marker number never starts with 0); null unless at least one real digit or a lone look-alike. */
export function markerDigits(s: string): number | null {
  const d = s.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)).replace(/[lI|i]/g, '1').replace(/[Oo]/g, '0');
  if (!/^\d+$/.test(d) || d[0] === '0') return null;
  return Number(d);
}

function parsed(n: string): number | null {
  const v = parseChineseNumber(n);
  return v !== null && v > 0 ? v : null;
}

/** "一、" (damaged: "一 、", "二，", "三."). */
export function matchSection(s: string): MarkerMatch | null {
  const m = SECTION.exec(s);
  if (!m) {
    const o = SECTION_ORDINAL.exec(s);
    const number = o ? (o[1] === '=' ? 2 : parsed(o[1]!)) : null;
    return o && number !== null ? { number, marker: o[0].trimEnd(), length: o[0].length, damaged: o[1] === '=' } : null;
  }
  const number = parsed(undash(m[1]));
  if (number === null) return null;
  // "一，" followed by "是" etc. would be prose; a section heading must have a heading after it or end the line.
  return { number, marker: m[0].trimEnd(), length: m[0].length, damaged: m[2] !== '' || m[3] !== '、' || m[1] !== undash(m[1]) };
}

/** "（一）" (damaged: "(一)", "〈一）", "（ 一 ）"). */
export function matchSubsection(s: string): MarkerMatch | null {
  const m = SUBSECTION.exec(s);
  if (!m) return null;
  const number = parsed(undash(m[2]));
  if (number === null) return null;
  const damaged = m[1] !== '（' || m[3] !== '）' || /\s/.test(m[0].trimEnd()) || m[2] !== undash(m[2]);
  return { number, marker: m[0].trimEnd(), length: m[0].length, damaged };
}

/**
 * A problem heading "（二）关于……的问题" whose numeral OCR lost ("（全）关于", "(CN）关于", "二四）关于"): one or two
 * characters between an opening bracket (or a stray numeral) and a closing one, then 关于; or only the closing
 * bracket left ("）关于行业监管和服务群众方面"). Trusted only where the
 * subsection numbering expects a heading (see classify.ts); number 0, filled in from the sequence.
 */
const SUBSECTION_LOST = /^(?:([（(〈<［\[【《{〔]|[一二三四五六七八九十])\s*([^\s（(）)]{1,2})\s*)?([）)〉>］\]】》}〕])\s*(?=关于)/;
export function matchLostSubsection(s: string): MarkerMatch | null {
  const m = SUBSECTION_LOST.exec(s);
  if (!m) return null;
  return { number: 0, marker: m[0].trimEnd(), length: m[0].length, damaged: true, weak: true, sequenceOnly: true };
}

/**
 * "（一政治建设方面": a subsection marker whose closing bracket OCR lost. Trusted only where the subsection
 * numbering expects exactly this number (see classify.ts).
 */
const SUBSECTION_OPEN_ONLY = /^([（(〈<［\[【《])\s*([一二三四五六七八九十]{1,2})(?![是见])(?=\p{Script=Han}{2})/u;
/** "二）关于……": a subsection marker whose opening bracket OCR lost; trusted only where the numbering expects it. */
const SUBSECTION_CLOSE_ONLY = /^([一二三四五六七八九十]{1,2})\s*[）)]\s*(?=\p{Script=Han}{2})/u;
export function matchCloseOnlySubsection(s: string): MarkerMatch | null {
  const m = SUBSECTION_CLOSE_ONLY.exec(s);
  const number = m ? parsed(m[1]) : null;
  if (!m || number === null) return null;
  return { number, marker: m[0].trimEnd(), length: m[0].length, damaged: true, weak: true, sequenceOnly: true };
}

export function matchOpenOnlySubsection(s: string): MarkerMatch | null {
  const m = SUBSECTION_OPEN_ONLY.exec(s);
  const number = m ? parsed(m[2]) : null;
  if (!m || number === null) return null;
  return { number, marker: m[0], length: m[0].length, damaged: true, weak: true, sequenceOnly: true };
}

/** "问题1." / "问题 2" (dot missing) / "问题3．". */
export function matchQuestion(s: string): MarkerMatch | null {
  const m = QUESTION.exec(s);
  if (!m) {
    // "间题3." / "问愿3." / "问题l.": one character of 问题 misread, or l/I for 1; needs its neighbours (weak)
    const f = QUESTION_FUZZY.exec(s);
    const number = f ? markerDigits(f[3]) : null;
    if (f && number !== null) return { number, marker: f[0].trimEnd(), length: f[0].length, damaged: true, weak: true };
    const c = QUESTION_FUZZY_CN.exec(s);
    const cn = c ? parsed(c[3]) : null;
    if (c && cn !== null) return { number: cn, marker: c[0].trimEnd(), length: c[0].length, damaged: true, weak: true };
    const g = QUESTION_FUZZIER.exec(s);
    const n2 = g ? markerDigits(g[3]) : null;
    if (g && n2 !== null) return { number: n2, marker: g[0].trimEnd(), length: g[0].length, damaged: true, weak: true, sequenceOnly: true };
    const h = QUESTION_NO_NUMBER.exec(s);
    if (h) return { number: 0, marker: h[0].trimEnd(), length: h[0].length, damaged: true, weak: true, sequenceOnly: true };
    return bracketedOrOrdinalQuestion(s);
  }
  const number = parsed(m[2]);
  if (number === null) return null;
  const damaged = m[1] !== '' || m[3] !== '' || (m[4] !== '.' && m[4] !== '．');
  return { number, marker: m[0].trimEnd(), length: m[0].length, damaged };
}

/** "【问题3】" / "第三项：" (a "]" for the 1 of "【问题1】" reported damaged and weak: its neighbours confirm it). */
function bracketedOrOrdinalQuestion(s: string): MarkerMatch | null {
  const b = QUESTION_BRACKETED.exec(s);
  if (b) {
    const number = markerDigits(b[1]!.replace(/\]/g, '1'));
    const lookAlike = !/^[0-9]+$/.test(b[1]!);
    return number === null ? null : { number, marker: b[0].trimEnd(), length: b[0].length, damaged: lookAlike, ...(lookAlike ? { weak: true } : {}) };
  }
  const o = QUESTION_ORDINAL.exec(s);
  const number = o ? parsed(o[1]!) : null;
  return o && number !== null ? { number, marker: o[0].trimEnd(), length: o[0].length, damaged: false } : null;
}

/**
 * "1." / "1．" / "1、" / "（1）"; damaged: "l." (l/I for 1), "1，", "1 ." and the weak form "2深化" (dot lost).
 * `paren` tells a "（1）" marker from a "1." one (they are different numbering levels).
 */
export function matchItem(s: string): (MarkerMatch & { paren?: boolean; weak?: boolean; circled?: boolean }) | null {
  const m = ITEM.exec(s);
  if (m) {
    const number = markerDigits(m[1]);
    if (number === null) return null;
    const lookAlike = !/^[0-9]+$/.test(m[1]);
    // "l，" / "I、" are too weak on their own (a Latin letter followed by a comma is prose or an e-mail)
    if (lookAlike && !/[.．]/.test(m[3])) return null;
    // "1：" / "1-" (colon or hyphen for the dot) is a damaged form that needs its neighbours
    const colon = /[:：-]/.test(m[3]);
    return { number, marker: m[0].trimEnd(), length: m[0].length, damaged: m[2] !== '' || lookAlike || !/[.．、]/.test(m[3]), ...(colon ? { weak: true } : {}) };
  }
  const p = PAREN_ITEM.exec(s);
  if (p) {
    const number = p[2] === 'D' ? 1 : markerDigits(p[2]);
    if (number === null) return null;
    // a Latin look-alike needs a real bracket on at least one side of it to be a number
    const lookAlike = !/^[0-9０-９]+$/.test(p[2]);
    if (lookAlike && !/[（(〈《]/.test(p[1]) && !/[）)]/.test(p[3])) return null;
    if (p[1] === 'G' && !lookAlike && p[2].length > 1) return null;
    const damaged = p[1] !== '（' || p[3] !== '）' || /\s/.test(p[0].trimEnd()) || lookAlike;
    return { number, marker: p[0].trimEnd(), length: p[0].length, damaged, paren: true, weak: lookAlike || !/[（(〈《<［\[【{]/.test(p[1]) };
  }
  const c = CIRCLED_ITEM.exec(s);
  if (c) return { number: c[1]!.charCodeAt(0) - 0x2460 + 1, marker: c[1]!, length: c[0].length, damaged: false, paren: true, circled: true };
  const w = ITEM_WEAK.exec(s);
  if (w && Number(w[1]) >= 1) return { number: Number(w[1]), marker: w[1], length: w[0].length, damaged: true };
  return null;
}

export const LABELS = ['整改进展情况', '整改落实情况', '整改措施及成效', '整改完成情况', '整改情况', '整改进展', '整改进度', '整改措施', '整改成效', '整改结果'];
/** "目前整改进度：": a label said of the present. */
const LABEL_PREFIX = /^(?:目前|当前)/;
/** Labels distinctive enough to accept without a colon. */
const LONG_LABELS = new Set(['整改进展情况', '整改落实情况', '整改措施及成效', '整改完成情况']);
/** A long label read exactly between two sentence ends, its colon read as a full stop ("…计划。整改完成情况。集团…"). */
const STOPPED_LABEL = new RegExp(`(?<=[。！？；])(${[...LONG_LABELS].join('|')})[。．.](?=\\S)`);

export interface LabelMatch {
  label: string;
  /** Offset (in the searched string) where the label starts and where the progress text starts. */
  start: number;
  end: number;
  damaged: boolean;
}

/** Levenshtein distance of two short strings (by UTF-16 unit; labels are BMP Han). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * OCR readings of label characters seen in real output (from dictionaries/confusions/ocr-observed.tsv, which
 * segmentation does not load at run time, plus 况→祝/兄/洗 seen in the tune OCR). A substitution by one of
 * these costs half an edit in `labelDistance`.
 */
const LABEL_CONFUSIONS: Record<string, string> = {
  整: '束个区可吉桔歼灼理', 改: '履必收区中和路', 进: '吉让全和天寺开溃生说', 展: '虹', 情: '傅', 况: '祝兄洗',
  落: '沙洲洛党将营二有本次海', 实: '守全宗宝和雪本', 成: '用谍', 效: '在', 结: '续', 果: '末呆求',
};

/** Edit distance where a substitution by an observed OCR reading of the label character costs 0.5. */
export function labelDistance(cand: string, label: string): number {
  let prev = Array.from({ length: label.length + 1 }, (_, j) => j);
  for (let i = 1; i <= cand.length; i++) {
    const cur = [i];
    for (let j = 1; j <= label.length; j++) {
      const c = cand[i - 1];
      const t = label[j - 1];
      const sub = c === t ? 0 : LABEL_CONFUSIONS[t]?.includes(c) ? 0.5 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub);
    }
    prev = cur;
  }
  return prev[label.length];
}

/**
 * A long label at a line start with its colon lost and one or two characters damaged ("束改进展情况局党组…"):
 * a prefix of the line within labelDistance 1.5 of a long label (two damaged characters only when both are observed
 * confusions), its first or last two characters exact, followed by neither a connective (的/和/及/与/是) nor the
 * end of the line.
 */
export function fuzzyLabelAtStart(s: string): { label: string; length: number } | null {
  let best: { label: string; length: number; d: number } | null = null;
  for (const l of LONG_LABELS) {
    for (let n = l.length - 1; n <= l.length + 1; n++) {
      const cand = s.slice(0, n);
      if (cand.length < n || s.length <= n || /^[的和及与是]/.test(s.slice(n))) continue;
      if (s.startsWith(l)) continue; // the exact label followed by a connective is prose ("整改进展情况的通报")
      // damage on one side only: the label's first two or last two characters read exactly
      if (!cand.startsWith(l.slice(0, 2)) && !cand.endsWith(l.slice(-2))) continue;
      const d = labelDistance(cand, l);
      if (d <= 1.5 && (best === null || d < best.d)) best = { label: l, length: n, d };
    }
  }
  return best && { label: best.label, length: best.length };
}

/**
 * The label `cand` stands for, if any: exact; one character wrong, lost or added (labels of 4+ characters);
 * two (labels of 6+ characters, candidate at most one character shorter). Ties go to the longer label.
 */
export function nearestLabel(cand: string): { label: string; exact: boolean } | null {
  if (LABELS.includes(cand)) return { label: cand, exact: true };
  if (cand.length < 4 || !/[整改情况进展落实措施成效]/.test(cand)) return null;
  let best: string | null = null;
  let bestD = Infinity;
  for (const l of LABELS) {
    const d = editDistance(cand, l);
    const two = l.length >= 6 && Math.abs(cand.length - l.length) <= 1 && (/^整改/.test(cand) || /(情况|成效|进展|措施|结果)$/.test(cand));
    const ok = two ? d <= 2 : l.length >= 4 && d <= 1;
    if (ok && (d < bestD || (d === bestD && best !== null && l.length > best.length))) [best, bestD] = [l, d];
  }
  return best ? { label: best, exact: false } : null;
}

/** OCR debris before a label at a line start: stray quotes, dots, commas, dashes, a bracket ("〔整改情况", "-“整改落实情况"). */
const LABEL_DEBRIS = /^[“”"'‘’。，、．.·:：;；〔〈「【《(（\[<\-—–_\s]{1,2}/;
const COLON = /[：:；;]/;
/** At a line start, a label with its colon read as a comma ("整改情况，开展…"): prose never starts so. */
const LABEL_THEN_COMMA = /^([整改进展落实情况措施及成效完结果\s]{4,8})[，,]/;

/**
 * A progress label at `at` in `s`: "整改进展情况：" — colon ASCII, a semicolon or missing (long labels),
 * one or two characters damaged, stray punctuation before it. `start` is `at` (debris included).
 */
export function matchLabel(s: string, at = 0, requireColon = false): LabelMatch | null {
  const debris = LABEL_DEBRIS.exec(s.slice(at))?.[0] ?? '';
  const from = at + debris.length;
  const head = s.slice(from, from + 12);
  const colon = COLON.exec(head);
  if (colon && colon.index >= 3 && colon.index <= 9) {
    const cand = head.slice(0, colon.index).replace(/\s+/g, '');
    const near = nearestLabel(cand) ?? (LABEL_PREFIX.test(cand) ? nearestLabel(cand.replace(LABEL_PREFIX, '')) : null);
    // a semicolon stands for the colon only after a label read exactly or nearly so
    if (near && (/[：:]/.test(colon[0]) || near.exact || editDistance(cand, near.label) <= 1)) {
      let end = from + colon.index + 1;
      while (end < s.length && /\s/.test(s[end])) end++;
      return { label: head.slice(0, colon.index).trim(), start: at, end, damaged: !near.exact || colon[0] !== '：' || debris.trim() !== '' };
    }
  }
  if (requireColon) return null;
  const comma = LABEL_THEN_COMMA.exec(head);
  if (comma && LABELS.includes(comma[1].replace(/\s+/g, ''))) {
    let end = from + comma[0].length;
    while (end < s.length && /\s/.test(s[end])) end++;
    return { label: comma[1].trim(), start: at, end, damaged: true };
  }
  for (const l of LONG_LABELS) {
    if (head.startsWith(l) && !/^[的和及与是]/.test(head.slice(l.length))) {
      let end = from + l.length;
      while (end < s.length && /\s/.test(s[end])) end++;
      return { label: l, start: at, end, damaged: true };
    }
  }
  const fuzzy = debris.trim() === '' && at === 0 ? fuzzyLabelAtStart(s) : null;
  if (fuzzy) {
    let end = fuzzy.length;
    while (end < s.length && /[\s：:；;，,.]/.test(s[end])) end++;
    return { label: s.slice(0, fuzzy.length), start: 0, end, damaged: true };
  }
  return null;
}

/**
 * A label inside a line after a sentence end ("…到位。整改进展情况：…"); colon required. OCR may leave up to
 * three characters of junk (at most one Han) between the sentence end and the label ("…及时。本，区改落实情况：");
 * the label then starts right after the sentence end, junk included.
 */
export function findLabelMidLine(s: string): LabelMatch | null {
  const re = /[。！？；]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const after = m.index + 1;
    for (let skip = 0; skip <= 3 && after + skip < s.length; skip++) {
      const junk = s.slice(after, after + skip);
      if ((junk.match(/[\u4e00-\u9fff]/g)?.length ?? 0) > 1 || /[。！？；]/.test(junk)) break;
      const found = matchLabel(s, after + skip, true);
      // at most one Han character of junk in all, counting one the fuzzy label absorbed ("有关整改落实情况：" is prose)
      const raw = found?.label.replace(/\s+/g, '') ?? '';
      const canonical = nearestLabel(raw)?.label ?? raw;
      const han = (junk.match(/[\u4e00-\u9fff]/g)?.length ?? 0) + Math.max(0, raw.length - canonical.length);
      if (found && han <= 1) {
        return { ...found, start: after, damaged: found.damaged || skip > 0 };
      }
    }
  }
  // the colon read as a full stop (a comma there is prose: "。整改落实情况，由局党组…")
  const stopped = STOPPED_LABEL.exec(s);
  if (stopped) {
    let end = stopped.index + stopped[0].length;
    while (end < s.length && /\s/.test(s[end])) end++;
    return { label: stopped[1], start: stopped.index, end, damaged: true };
  }
  // the sentence end lost: an exact label with its colon right after a comma, digit or Latin letter ("…共16个，整改情况：")
  const lost = /(?<=[，,、0-9A-Za-z)）])(整改进展情况|整改落实情况|整改措施及成效|整改完成情况|整改情况|整改进展|整改措施|整改成效|整改结果)[：:]/.exec(s);
  if (lost) {
    let end = lost.index + lost[0].length;
    while (end < s.length && /\s/.test(s[end])) end++;
    return { label: lost[1], start: lost.index, end, damaged: true };
  }
  return null;
}
