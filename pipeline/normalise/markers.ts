/** Line-start patterns that open a new paragraph in a notice (tolerant of OCR damage). */

const CN_NUM = '[一二三四五六七八九十]{1,3}';

/** Section, subsection, numbered item or problem markers, progress labels, sign-off parts. */
/**
 * A sentence that can only open a progress: the answer to the problem ("针对这一问题，…", "对此，…") or its status
 * ("已完成整改。…", "基本完成，长期坚持。…", "正在整改，…"). A statement never opens so.
 */
export const ANSWER_OPENING = '针对(?:这一|这个|这些|该|此|上述|以上|前述)?(?:问题|情况)|对此[，,]|为此[，,]';
const STATUS_OPENING = '(?:已|基本)(?:完成整改|整改到位|整改完成|完成)[。，,；;]|正在(?:整改|推进)[。，,；;]|整改(?:已完成|已到位|正在推进|持续推进)[。，,；;]';
export const PROGRESS_ANSWER = new RegExp(`^(?:${ANSWER_OPENING}|${STATUS_OPENING})`);

/** A line of a problem's rectification particulars: who answers for it, by when, in what state ("责任单位：…；整改时限：…"). */
export const RECTIFICATION_FACTS = /^(?:责任(?:单位|部门|领导|科室|股室|人)|牵头(?:单位|部门|领导)|配合单位|整改(?:时限|期限|状态)|完成(?:时限|时间|期限))\s*[:：]/;

export const PARAGRAPH_START = new RegExp(
  [
    PROGRESS_ANSWER.source,
    RECTIFICATION_FACTS.source,
    `^${CN_NUM}\\s*[、，,．.]`, // 一、
    `^[（(〈<《〔{｛]\\s*${CN_NUM}\\s*[）)〉>》〕}｝]`, // （一）
    `^\\S{0,3}\\s*[）)]\\s*关于\\S{2,40}(?:问题|方面)`, // （二）关于……的问题 / 方面 with its numeral (or its opening bracket too) lost
    `^问题\\s*\\d{1,3}`, // 问题1.
    `^[【\\[［〔]\\s*问题`, // 【问题1】
    `^第\\s*${CN_NUM}\\s*(?:项\\s*[：:、.．]|部分)`, // 第一项： / 第一部分
    '^[\\u2460-\\u2473]', // ①
    `^\\d{1,2}\\s*[.．、]\\D`, // 1. / 1、
    `^[（(〔]\\s*\\d{1,2}\\s*[）)〕]`, // （1）
    // a progress label, OCR debris before it ("〔整改情况") and its colon read as a comma or semicolon
    `^[^\\u4e00-\\u9fff\\w\\s]{0,2}\\s*(?:目前|当前)?整改(?:进展)?(?:落实)?(?:情况|措施及成效|进展|进度)\\s*[:：,，;；]`,
    `^(?:附件|联系电话|联系人|电子邮箱|邮政信箱|通信地址|地址)\\s*[:：]?`,
    `^(?:中共|共青团)?\\S{2,20}(?:委员会|领导小组|办公室|巡察组)$`,
    `^(?:19|20)\\d{2}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日$`,
  ].join('|'),
);

/** Characters after a number that make it a quantity (2人, 3个, 2024年), not an item marker whose dot OCR lost. */
export const QUANTITY_UNITS = '年月日时个件次名项轮人万亿元条份家天周岁号期届批类户所台篇场处起位只支种本栋辆张笔倍成座部平米公千百余多';

/** "1." / "1．" / "1、" at a line start: the item number. */
export const DOTTED_ITEM_NUMBER = /^(\d{1,2})\s*[.．、]\D/;

/** "2农村…" / "2 农村…": an item number whose dot OCR lost (a quantity when a unit follows). */
export const UNDOTTED_ITEM_NUMBER = new RegExp(`^(\\d{1,2})\\s?(?=[\\u4e00-\\u9fff])(?![${QUANTITY_UNITS}])`);

/**
 * A progress label with its colon at a line start ("整改落实情况：", one or two of its middle characters misread:
 * "整改温实情况："): it opens a paragraph whatever the line before it ends with (prose never wraps onto one).
 */
export const LABEL_WITH_COLON = /^[^\u4e00-\u9fff\w\s]{0,2}\s*(?:目前|当前)?整改[\u4e00-\u9fff]{0,2}(?:情况|成效|进度)\s*[:：]/;

/** ".国有平台…": an item whose number OCR lost (a stray dot also starts wrapped lines: only after a sentence end). */
export const LOST_NUMBER_ITEM = /^[.．]\s*[\u4e00-\u9fff]{2}/;

const SECTION_HEADING = new RegExp(`^(?:${CN_NUM}\\s*[、，,．.]|[（(〈<《{｛]\\s*${CN_NUM}\\s*[）)〉>》}｝])`);

/** Heading-like: a section or subsection marker line that does not read as a sentence. */
export function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  return SECTION_HEADING.test(t) && t.length <= 40 && !/[。；，]$/.test(t);
}
