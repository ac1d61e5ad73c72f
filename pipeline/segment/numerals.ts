/** Chinese numerals and dates. */

const DIGIT: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** "一" → 1, "十" → 10, "十二" → 12, "二十三" → 23, "九十九" → 99; null if not a numeral. */
export function parseChineseNumber(s: string): number | null {
  if (!s) return null;
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[０-９]+$/.test(s)) return Number(s.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));
  const i = s.indexOf('十');
  if (i < 0) {
    if (s.length !== 1) return null;
    return DIGIT[s] ?? null;
  }
  if (s.indexOf('十', i + 1) >= 0) return null;
  const tens = i === 0 ? 1 : s.length > 0 && i === 1 ? DIGIT[s[0]] : undefined;
  if (tens === undefined || tens === 0) return null;
  const rest = s.slice(i + 1);
  if (rest.length > 1) return null;
  const ones = rest ? DIGIT[rest] : 0;
  if (ones === undefined) return null;
  return tens * 10 + ones;
}

/** Year written digit by digit: "二〇二四" → 2024. */
function parseYear(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  if (s.length !== 4) return null;
  let n = 0;
  for (const c of s) {
    const d = DIGIT[c];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

const CN = '[〇零○Ｏ一二两三四五六七八九十]';
export const DATE_SOURCE = `(\\d{4}|${CN}{4})\\s*年\\s*(\\d{1,2}|${CN}{1,3})\\s*月\\s*(\\d{1,2}|${CN}{1,3})\\s*日`;

/** Parse a printed date ("2024年7月3日", "二〇二四年七月三日") to ISO "2024-07-03"; null when invalid. */
export function parseDate(s: string): string | null {
  const m = new RegExp(DATE_SOURCE).exec(s);
  if (!m) return null;
  const y = parseYear(m[1]);
  const mo = parseChineseNumber(m[2]);
  const d = parseChineseNumber(m[3]);
  if (y === null || mo === null || d === null) return null;
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
