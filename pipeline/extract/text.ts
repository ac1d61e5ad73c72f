/**
 * Plain-text input: detect the encoding by strict decoding plus plausibility,
 * return the decoded text exactly as stored (only a byte-order mark is dropped).
 */
import { NoticeError } from '../errors.ts';
import { hanBigramHitShare } from './quality.ts';

export interface DecodedText {
  encoding: string;
  text: string;
}

const HAN = /\p{Script=Han}/u;
/** CJK punctuation, full-width forms, kana-free CJK symbol blocks. */
const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019\u00b7]/u;

function strictDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of code points that are control characters other than tab, newline, CR, form feed, NUL counted too. */
export function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let ctrl = 0;
  let n = 0;
  for (const ch of text) {
    n++;
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) ctrl++;
  }
  return ctrl / n;
}

/** Share of non-ASCII code points that are Han characters or CJK punctuation. */
export function cjkShareOfNonAscii(text: string): { share: number; nonAscii: number } {
  let non = 0;
  let cjk = 0;
  for (const ch of text) {
    if (ch.codePointAt(0)! < 0x80) continue;
    non++;
    if (HAN.test(ch) || CJK_PUNCT.test(ch)) cjk++;
  }
  return { share: non === 0 ? 1 : cjk / non, nonAscii: non };
}

function countNul(bytes: Uint8Array): { even: number; odd: number } {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  return { even, odd };
}

const MAX_CONTROL_SHARE = 0.05;
const MIN_CJK_SHARE_GB = 0.7;
const MIN_BIGRAM_SHARE_GB = 0.15;

/**
 * Decide the encoding of `bytes` (contents of `file`). Throws NoticeError
 * EMPTY_FILE / BINARY_FILE / UNKNOWN_ENCODING.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new NoticeError('EMPTY_FILE', 'the file is empty (0 bytes)', { file });

  const finish = (encoding: string, text: string): DecodedText => {
    if (text.trim().length === 0) throw new NoticeError('EMPTY_FILE', `the file contains no text (only whitespace, ${encoding})`, { file });
    if (controlShare(text) > MAX_CONTROL_SHARE)
      throw new NoticeError('BINARY_FILE', `the file looks binary: ${(controlShare(text) * 100).toFixed(0)}% control characters after decoding as ${encoding}`, { file });
    return { encoding, text };
  };

  // Byte-order marks decide outright.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const t = strictDecode('utf-8', bytes);
    if (t === null) throw new NoticeError('UNKNOWN_ENCODING', 'the file starts with a UTF-8 byte-order mark but is not valid UTF-8', { file });
    return finish('utf-8', t);
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const t = strictDecode(enc, bytes);
    if (t === null) throw new NoticeError('UNKNOWN_ENCODING', `the file starts with a ${enc.toUpperCase()} byte-order mark but is not valid ${enc.toUpperCase()}`, { file });
    return finish(enc, t);
  }

  const nul = countNul(bytes);
  if (nul.even + nul.odd > 0) {
    // UTF-16 without a BOM: NULs concentrated on one side (ASCII-heavy text).
    const total = nul.even + nul.odd;
    if (bytes.length % 2 === 0 && total >= bytes.length / 8) {
      const enc = nul.odd > nul.even * 4 ? 'utf-16le' : nul.even > nul.odd * 4 ? 'utf-16be' : null;
      if (enc) {
        const t = strictDecode(enc, bytes);
        if (t !== null && controlShare(t) <= MAX_CONTROL_SHARE) return finish(enc, t);
      }
    }
    throw new NoticeError('BINARY_FILE', `the file looks binary: it contains ${total} NUL byte(s)`, { file });
  }

  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return finish('utf-8', utf8);

  const gb = strictDecode('gb18030', bytes);
  if (gb !== null) {
    const { share } = cjkShareOfNonAscii(gb);
    // Other double-byte encodings (Shift-JIS, Big5, EUC-KR) often decode as GB18030 too, into
    // Han characters that never form words: require dictionary bigrams when there are enough pairs.
    const bigrams = hanBigramHitShare(gb, 10);
    if (share >= MIN_CJK_SHARE_GB && (bigrams === null || bigrams >= MIN_BIGRAM_SHARE_GB) && controlShare(gb) <= MAX_CONTROL_SHARE) return finish('gb18030', gb);
  }

  // Neither decodes plausibly: tell binary from an unknown text encoding.
  let ctrl = 0;
  for (const b of bytes) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) ctrl++;
  if (ctrl / bytes.length > MAX_CONTROL_SHARE)
    throw new NoticeError('BINARY_FILE', `the file looks binary: ${((ctrl / bytes.length) * 100).toFixed(0)}% control bytes`, { file });
  throw new NoticeError(
    'UNKNOWN_ENCODING',
    gb !== null
      ? 'the text is not UTF-8, and decoding it as GB18030 gives implausible characters (not Chinese text); convert it to UTF-8'
      : 'the text is neither UTF-8, UTF-16 (with BOM) nor GB18030; convert it to UTF-8',
    { file },
  );
}

/**
 * Page spans of a text file: pages are separated by form feeds (with or without a newline
 * before or after them); each form feed belongs to the page it ends. One span when there is
 * none; an empty last page (a trailing form feed) is not a page.
 */
export function textPages(text: string): { start: number; end: number }[] {
  const pages: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = text.indexOf('\f'); i >= 0; i = text.indexOf('\f', i + 1)) {
    pages.push({ start, end: i + 1 });
    start = i + 1;
  }
  if (start < text.length && text.slice(start).trim() !== '') pages.push({ start, end: text.length });
  else if (pages.length) pages[pages.length - 1].end = text.length;
  else pages.push({ start: 0, end: text.length });
  return pages;
}
