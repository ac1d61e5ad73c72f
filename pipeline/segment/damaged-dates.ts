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
 * numeral (八 for 六) is not guessed at: it reads as printed.
 */
import { DATE_SOURCE, parseDate } from './numerals.ts';

/** Printed look-alike → the numerals it may stand for. */
const LOOK_ALIKE: Record<string, string> = {
  O: '〇', o: '〇', Ｏ: '〇', '0': '〇',
  入: '八六', 人: '八', 从: '八', 丸: '九', 儿: '九', 几: '九',
  上: '十七三', 下: '十', 于: '十', 千: '十', 干: '十二', 士: '十', 土: '十七', 毛: '七',
  天: '五', 互: '五', 王: '五三', 石: '五三', 太: '六', 大: '六', 工: '二三', 西: '四', 回: '四', 仁: '二',
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
  const iso = isos.size === 1 ? [...isos][0] : null;
  const damage = iso ? `date "${m[0]}" read with look-alike numerals as ${iso}` : isos.size > 1 ? `date "${m[0]}" damaged: ${isos.size} readings fit (${[...isos].join(', ')})` : `date "${m[0]}" damaged: no reading is a valid date`;
  return { index: m.index, length: m[0].length, iso, damage };
}

/** A damaged date ending the line (a stray mark or two after it allowed), as readDamagedDate reads it. */
export function damagedDateAtEnd(s: string): DamagedDate | null {
  const d = readDamagedDate(s);
  return d && /^[\s;；,，.。:：'"“”|、\-—_]{0,2}$/.test(s.slice(d.index + d.length)) ? d : null;
}
