/** Contact details: where they start in a line and the fields they hold. */
import type { Contact, Span } from '../schema.ts';

const KEYWORD = /(邮政信箱|[\u4e00-\u9fff]{0,2}地址|邮政编码|邮编|联系电话|举报电话|监督电话|电话|电子邮箱|电子信箱|举报邮箱|邮箱|网络举报|网址)\s*[：:]?/;
const PHONE = /(?<![\d])(?:0\d{2,3}\s*[-－—]\s*\d{7,8}|0\d{9,11}|1[3-9]\d{9}|12388)(?![\d])/g;
const EMAIL = /[A-Za-z0-9._%+-]+\s*@\s*[A-Za-z0-9-]+(?:\s*\.\s*[A-Za-z0-9-]+)*\s*\.\s*[A-Za-z]{2,}/g;
const POSTCODE = /(?:邮编|邮政编码)\s*[：:]?\s*(\d{6})(?!\d)|[（(](\d{6})[）)]|(?<![\d-])(\d{6})(?![\d-])/;
const ADDRESS = /(?:邮政信箱|(?:通信|通讯|来信|联系|邮寄|信访|邮政|办公)?地址)\s*[：:]?\s*([^；;。，,]+)/;

/** Offset in `s` where contact details begin, or -1. */
export function contactStart(s: string): number {
  const m = KEYWORD.exec(s);
  if (m) return m.index;
  PHONE.lastIndex = 0;
  EMAIL.lastIndex = 0;
  const p = PHONE.exec(s);
  const e = EMAIL.exec(s);
  const at = Math.min(p ? p.index : Infinity, e ? e.index : Infinity);
  return at === Infinity || s.length > 80 ? -1 : at;
}

/** Parse the contact fields of `text` (the slice of the document at `span`). */
export function parseContact(text: string, span: Span): Contact {
  const addr = ADDRESS.exec(text);
  const pc = POSTCODE.exec(text);
  const phone = [...text.matchAll(PHONE)].map((m) => m[0].replace(/\s+/g, '').replace(/[－—]/g, '-'));
  const email = [...text.matchAll(EMAIL)].map((m) => m[0].replace(/\s+/g, ''));
  return {
    address: addr ? addr[1].trim() : null,
    postcode: pc ? (pc[1] ?? pc[2] ?? pc[3]) : null,
    phone,
    email,
    text,
    span,
  };
}
