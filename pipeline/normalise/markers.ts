/** Line-start patterns that open a new paragraph in a notice (tolerant of OCR damage). */

const CN_NUM = '[一二三四五六七八九十]{1,3}';

/** Section, subsection, numbered item or problem markers, progress labels, sign-off parts. */
export const PARAGRAPH_START = new RegExp(
  [
    `^${CN_NUM}\\s*[、，,．.]`, // 一、
    `^[（(〈<《〔]\\s*${CN_NUM}\\s*[）)〉>》〕]`, // （一）
    `^\\S{0,3}\\s*[）)]\\s*关于\\S{2,40}(?:问题|方面)`, // （二）关于……的问题 / 方面 with its numeral (or its opening bracket too) lost
    `^问题\\s*\\d{1,3}`, // 问题1.
    `^\\d{1,2}\\s*[.．、]\\D`, // 1. / 1、
    `^[（(〔]\\s*\\d{1,2}\\s*[）)〕]`, // （1）
    // a progress label, OCR debris before it ("〔整改情况") and its colon read as a comma or semicolon
    `^[^\\u4e00-\\u9fff\\w\\s]{0,2}\\s*整改(?:进展)?(?:落实)?(?:情况|措施及成效|进展)\\s*[:：,，;；]`,
    `^(?:附件|联系电话|联系人|电子邮箱|邮政信箱|通信地址|地址)\\s*[:：]?`,
    `^(?:中共|共青团)?\\S{2,20}(?:委员会|领导小组|办公室|巡察组)$`,
    `^(?:19|20)\\d{2}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日$`,
  ].join('|'),
);

/** ".国有平台…": an item whose number OCR lost (a stray dot also starts wrapped lines: only after a sentence end). */
export const LOST_NUMBER_ITEM = /^[.．]\s*[\u4e00-\u9fff]{2}/;

const SECTION_HEADING = new RegExp(`^(?:${CN_NUM}\\s*[、，,．.]|[（(〈<《]\\s*${CN_NUM}\\s*[）)〉>》])`);

/** Heading-like: a section or subsection marker line that does not read as a sentence. */
export function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  return SECTION_HEADING.test(t) && t.length <= 40 && !/[。；，]$/.test(t);
}
