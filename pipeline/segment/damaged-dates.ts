/**
 * Dates OCR damaged: a sign-off or 印发 date whose Chinese numerals (or Arabic digits) were read as
 * look-alikes ("二O〇二三年…": O for 〇 and a 〇 read twice; 丸 for 九). Each look-alike is read as every
 * numeral it may stand for; the date is taken only when exactly one reading is a valid date, else it stays
 * null — always with a warning.
 *
 * The Han look-alikes are OCR confusion facts from dictionaries/confusions/, used both ways (a shape confused
 * one way is confused the other): ocr-observed / heavy.ocr-observed / kai.ocr-observed (real tesseract runs:
 * 八→入/从/六, 九→丸/儿/几, 十→上/下, 七→上, 五→天/互/王/石, 六→太/大, 三→王/上/工, 二→工, 入→六),
 * manual.tsv (人/入 for 八), glyph.tsv / component.tsv (shape neighbours: 于/千/干/士/土 for 十, 石 for 三,
 * 西/回 for 四, 仁 for 二, 毛/土 for 七, 口/曰 for 日). Latin O/o/0 for 〇 and l/I/| for 1 are what the
 * tune OCR prints in digit runs (numerals.ts already reads O and ○ as 〇). A numeral printed as another
 * numeral (八 for 六) is not guessed at where the printed numeral reads (it reads as printed); only a month or
 * day that is no numeral as printed ("二一月") is tried with one numeral swapped (NUMERAL_LIKE).
 */
import { DATE_SOURCE, parseChineseNumber, parseDate } from './numerals.ts';

/** Printed look-alike → the numerals it may stand for. */
const LOOK_ALIKE: Record<string, string> = {
  O: '〇', o: '〇', Ｏ: '〇', '0': '〇',
  入: '八六', 人: '八', 从: '八', 丸: '九', 儿: '九', 几: '九',
  上: '十七三', 下: '十', 于: '十', 千: '十', 干: '十二', 士: '十', 土: '十七', 毛: '七',
  天: '五', 互: '五', 王: '五三', 石: '五三', 太: '六', 大: '六', 工: '二三', 西: '四', 回: '四', 仁: '二',
};
/**
 * A numeral read as another numeral, from real tesseract runs (ocr-observed.tsv, kai.ocr-observed.tsv,
 * heavy.ocr-observed.tsv: 十→二, 二→一, 三→二, 三→一, 一→二, 七→二, 九→二, 二→三, 五→三, 八→六) and shape
 * neighbours (glyph.tsv 三/五, 八/六; component.tsv 六/九), used both ways. Tried only on a month or day that
 * is not a numeral at all as printed ("二一"), one swap in the whole date, and taken only when exactly one
 * reading is a valid date.
 */
const NUMERAL_LIKE: Record<string, string> = {
  十: '二', 二: '十一三七九', 一: '二三', 三: '二一五', 七: '二', 九: '二六', 五: '三', 八: '六', 六: '八九',
};

/** Look-alikes of Arabic digits (a year or month printed in digits). */
const DIGIT_LIKE: Record<string, string> = { O: '0', o: '0', Ｏ: '0', l: '1', I: '1', '|': '1' };
/** 日 as OCR misreads it (glyph neighbours; only where the numerals around fit). */
const UNIT_LIKE: Record<string, string> = { 曰: '日', 口: '日' };

const NUMERAL = '〇零○一二两三四五六七八九十';
const CHARS = [...new Set([...NUMERAL, ...Object.keys(LOOK_ALIKE), ...Object.keys(DIGIT_LIKE), ...'0123456789０１２３４５６７８９'])].map((c) => c.replace(/[-\\\]^|+]/g, '\\$&')).join('');
const UNITS = (u: string) => `[${u}${Object.keys(UNIT_LIKE).filter((k) => UNIT_LIKE[k] === u).join('')}]`;
/** A date-shaped run: numerals or look-alikes, 年, 月, 日 (each maybe misread), spaces allowed. */
const LOOSE = new RegExp(`([${CHARS}]{4,6})\\s*${UNITS('年')}\\s*([${CHARS}]{1,3})\\s*${UNITS('月')}\\s*([${CHARS}]{1,3})\\s*${UNITS('日')}`, 'u');
const STRICT = new RegExp(DATE_SOURCE);

export interface DamagedDate {
  /** Where the date-shaped run is in the searched string. */
  index: number;
  length: number;
  /** The one valid reading, or null when none or several are valid. */
  iso: string | null;
  /** What was read, for the warning. */
  damage: string;
}

/** Every way to read `part`: each look-alike as each numeral (or digit) it may stand for. */
function readings(part: string): string[] {
  let out = [''];
  for (const c of part) {
    const alts = new Set<string>([c, ...(LOOK_ALIKE[c] ?? ''), ...(DIGIT_LIKE[c] ?? '')]);
    out = out.flatMap((p) => [...alts].map((a) => p + a));
    if (out.length > 256) return [];
  }
  return out;
}

/** A year read with one zero twice ("二〇〇二五" for 二〇二五): the four-digit readings left by dropping one of the pair. */
function yearReadings(year: string): string[] {
  const all = readings(year);
  if (year.length === 4) return all;
  if (year.length !== 5) return [];
  const out: string[] = [];
  for (const r of all) for (let k = 0; k + 1 < r.length; k++) if ((r[k] === '〇' || r[k] === '0') && r[k] === r[k + 1]) out.push(r.slice(0, k) + r.slice(k + 1));
  return out;
}

/** `part` is a numeral in some reading of its look-alikes. */
const wellFormed = (part: string) => readings(part).some((r) => parseChineseNumber(r) !== null);

/**
 * A month or day that no reading makes a numeral ("二一"): each single numeral-for-numeral swap in it
 * (NUMERAL_LIKE) and, as rival readings, a 十 lost inside it; the other parts read as their look-alikes
 * allow. Every valid date so read, with the change that gives it ("二一日" may be 十一 or 二十一: two).
 */
function numeralSwaps(year: string, month: string, day: string): Map<string, string> {
  const found = new Map<string, string>();
  [month, day].forEach((part, k) => {
    if (wellFormed(part)) return;
    // each numeral swapped for a look-alike; and, as a rival reading, a 十 lost inside it ("二一" for 二十一)
    const tries = [...part].flatMap((c, at) => [...(NUMERAL_LIKE[c] ?? '')].map((alt) => part.slice(0, at) + alt + part.slice(at + 1)));
    for (let at = 1; at < part.length; at++) tries.push(`${part.slice(0, at)}十${part.slice(at)}`);
    for (const fixed of tries) {
      const [mo, d] = k === 0 ? [fixed, day] : [month, fixed];
      for (const y of yearReadings(year))
        for (const a of readings(mo))
          for (const b of readings(d)) {
            const iso = parseDate(`${y}年${a}月${b}日`);
            if (iso && !found.has(iso)) found.set(iso, `${part}→${fixed}`);
          }
    }
  });
  return found;
}

/**
 * The first date-shaped run in `s` that the strict date pattern does not read, with its one valid reading.
 * null when there is no such run (or the run is an ordinary, undamaged date).
 */
export function readDamagedDate(s: string): DamagedDate | null {
  const m = LOOSE.exec(s);
  if (!m) return null;
  if (STRICT.test(m[0]) && parseDate(m[0]) !== null) return null;
  const isos = new Set<string>();
  for (const y of yearReadings(m[1].replace(/\s+/g, '')))
    for (const mo of readings(m[2]))
      for (const d of readings(m[3])) {
        const iso = parseDate(`${y}年${mo}月${d}日`);
        if (iso) isos.add(iso);
      }
  const swaps = isos.size === 0 ? numeralSwaps(m[1].replace(/\s+/g, ''), m[2], m[3]) : new Map<string, string>();
  if (swaps.size === 1) {
    const [[iso, swap]] = [...swaps];
    return { index: m.index, length: m[0].length, iso, damage: `date "${m[0]}" read with ${swap} (a numeral read as its look-alike) as ${iso}` };
  }
  if (swaps.size > 1) return { index: m.index, length: m[0].length, iso: null, damage: `date "${m[0]}" damaged: ${swaps.size} readings with a numeral's look-alike fit (${[...swaps.keys()].join(', ')})` };
  const iso = isos.size === 1 ? [...isos][0] : null;
  const damage = iso ? `date "${m[0]}" read with look-alike numerals as ${iso}` : isos.size > 1 ? `date "${m[0]}" damaged: ${isos.size} readings fit (${[...isos].join(', ')})` : `date "${m[0]}" damaged: no reading is a valid date`;
  return { index: m.index, length: m[0].length, iso, damage };
}

/** A damaged date ending the line (a stray mark or two after it allowed), as readDamagedDate reads it. */
export function damagedDateAtEnd(s: string): DamagedDate | null {
  const d = readDamagedDate(s);
  return d && /^[\s;；,，.。:：'"“”|、\-—_]{0,2}$/.test(s.slice(d.index + d.length)) ? d : null;
}

/** Marks OCR leaves for lost numerals or around them (a 〇 read "0.", a digit read "|"). */
const DEBRIS = `.,，。·、'"|_\\-—:：;；`;
/** Year, month and day parts: numerals, look-alikes, Latin letters, digits and debris marks only. */
const PART = `[${CHARS}A-Za-z${DEBRIS.replace(/[-\\\]^]/g, '\\$&')}]`;
const SHAPED = new RegExp(`^(${PART}{2,8})年(${PART}{1,4})月(${PART}{1,4})${UNITS('日')}[${DEBRIS.replace(/[-\\\]^]/g, '\\$&')}]{0,2}$`, 'u');

/**
 * A whole line shaped like a date (年…月…日) whose numerals are damaged past reading: debris or letters for
 * numerals. The printed date (spaces removed), or null. The caller asks only when no date was read on the
 * line, and decides from the lines around it (an issuer line above: a sign-off) whether it is a date at all.
 */
export function unreadableDateLine(s: string): string | null {
  const v = s.replace(/[\s\u3000]+/g, '');
  const m = SHAPED.exec(v);
  if (!m || (STRICT.test(v) && parseDate(v) !== null)) return null;
  // most of the year must still look like numerals: "0.OO二五", not a word
  const numeral = [...m[1]].filter((c) => NUMERAL.includes(c) || /[0-9０-９Oo]/.test(c) || c in LOOK_ALIKE).length;
  return numeral >= 2 ? v : null;
}

/** Chinese numerals of the digits 0–9, for writing a year's first two digits in the printed year's own script. */
const CN_DIGITS = '〇一二三四五六七八九';

/**
 * A sign-off date whose year lost its first numerals under the seal (GB/T 9704 stamps the seal over the
 * sign-off date): "0.二五年十一月四日" for 二〇二五年十一月四日. The year's last two numerals, the month and the
 * day must read (as their look-alikes allow); the lost first two digits are taken from the document's own
 * later date, its 印发日期 (`reference`, ISO): the date must fall within the year up to it. Taken only when
 * exactly one reading is such a date; null otherwise (and without a reference).
 */
export function completeYearFromReference(printed: string, reference: string | null): string | null {
  const m = reference ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(reference) : null;
  const shaped = SHAPED.exec(printed.replace(/[\s\u3000]+/g, ''));
  if (!m || !shaped) return null;
  const refYear = Number(m[1]);
  const tail = shaped[1].slice(-2);
  const earliest = `${refYear - 1}-${m[2]}-${m[3]}`;
  const found = new Set<string>();
  // the first two digits of the years the date may fall in (one, except across a century)
  for (const head of new Set([refYear - 1, refYear].map((y) => String(y).slice(0, 2)))) {
    for (const t of readings(tail)) {
      const digits = /^\d{2}$/.test(t);
      if (!digits && ![...t].every((c) => CN_DIGITS.includes(c))) continue;
      const y = digits ? head + t : [...head].map((d) => CN_DIGITS[Number(d)]).join('') + t;
      for (const mo of readings(shaped[2]))
        for (const d of readings(shaped[3])) {
          const iso = parseDate(`${y}年${mo}月${d}日`);
          if (iso && iso >= earliest && iso <= reference!) found.add(iso);
        }
    }
  }
  return found.size === 1 ? [...found][0] : null;
}
