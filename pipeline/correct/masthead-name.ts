/**
 * The issuer's name in the 发文机关标志 (internal to pipeline/correct). The masthead "……文件" is set large
 * (often red, read from a separate colour layer) and its issuer name is one the word list rarely knows, so
 * OCR damage there is neither caught by the paragraph pass nor safe to guess at. But a 公文 prints its
 * issuer's name again — in the title ("……关于……"), the sign-off, the 印发机关 — in body type. Where the
 * masthead's name is printed nowhere else, and one string of the same length, a quarter of its characters
 * or fewer apart, is printed at least twice elsewhere, the masthead reads as that string.
 *
 * A joint masthead stacks its issuers' names on lines above "文件"; each name is checked the same way.
 */
import type { StageEdit } from '../tracked-text.ts';

/** How many lines from the top the masthead may be on. */
const HEAD_LINES = 8;
const ORG_END = /(委员会|委|政府|办公室|办|局|部|厅|院|组|党组|党委|机关|中心)$/;
const isHan = (c: string) => /\p{Script=Han}/u.test(c);

interface Name { chars: string; at: number[] }

/** Han characters of line [from, to) with their offsets (spaces OCR put between them skipped). */
function hanOf(text: string, from: number, to: number): Name | null {
  const at: number[] = [];
  for (let i = from; i < to; i++) {
    if (/\s/.test(text[i])) continue;
    if (!isHan(text[i])) return null;
    at.push(i);
  }
  return { chars: at.map((i) => text[i]).join(''), at };
}

/** The masthead's issuer names (the "……文件" line's, and the issuer lines stacked above it), or []. */
function mastheadNames(text: string): { names: Name[]; end: number } {
  const lines: { start: number; end: number }[] = [];
  for (let s = 0; lines.length < HEAD_LINES && s < text.length; ) {
    const e = text.indexOf('\n', s) < 0 ? text.length : text.indexOf('\n', s);
    if (text.slice(s, e).trim()) lines.push({ start: s, end: e });
    s = e + 1;
  }
  for (let k = 0; k < lines.length; k++) {
    const line = hanOf(text, lines[k].start, lines[k].end);
    if (!line || line.chars.length > 40 || !line.chars.endsWith('文件') || /关[于千干]/.test(line.chars)) continue;
    const names: Name[] = [];
    if (line.chars.length >= 6) names.push({ chars: line.chars.slice(0, -2), at: line.at.slice(0, -2) });
    for (let j = k - 1; j >= 0; j--) {
      const above = hanOf(text, lines[j].start, lines[j].end);
      if (!above || above.chars.length < 4 || !ORG_END.test(above.chars)) break;
      names.push(above);
    }
    return { names, end: lines[k].end };
  }
  return { names: [], end: 0 };
}

/** Levenshtein distance of a and b, or max + 1 once it is over max. */
function distance(a: string, b: string, max: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      low = Math.min(low, cur[j]);
    }
    if (low > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Edits restoring the masthead's issuer names from the document's other copies; `free(i)`: nothing else changed i.
 * A copy may differ by a character OCR added or lost (one length either way) and may be wrapped over two lines
 * below; the closest copy (fewest edits, then most often printed) is taken, and only when it is unique.
 */
export function repairMastheadNames(text: string, free: (i: number) => boolean): StageEdit[] {
  const { names, end } = mastheadNames(text);
  const out: StageEdit[] = [];
  const rest = text.slice(end);
  // copies are counted in the text below with line breaks and spaces taken out (a title wraps)
  const flat = rest.replace(/\s+/g, '');
  for (const name of names) {
    const L = name.chars.length;
    // (the name's own ending may be what OCR damaged: 办公至 for 办公室; the copy's ending is checked below)
    if (L < 4 || flat.includes(name.chars)) continue;
    const maxDiff = Math.max(1, Math.floor(L / 4));
    const found = new Map<string, { d: number; n: number }>();
    for (let len = L - 1; len <= L + 1; len++) {
      for (let i = 0; i + len <= flat.length; i++) {
        const s = flat.slice(i, i + len);
        // (the copy must end like an organ's name too: 临江区委巡察办 is not 临江区委巡察工, of 巡察工作领导小组)
        if (!ORG_END.test(s) || ![...s].every(isHan)) continue;
        const d = distance(name.chars, s, maxDiff);
        if (d === 0 || d > maxDiff) continue;
        const f = found.get(s);
        found.set(s, { d, n: (f?.n ?? 0) + 1 });
      }
    }
    const ranked = [...found].filter(([, f]) => f.n >= 2).sort((x, y) => x[1].d - y[1].d || y[1].n - x[1].n);
    if (ranked.length === 0 || (ranked.length > 1 && ranked[1][1].d === ranked[0][1].d && ranked[1][1].n === ranked[0][1].n)) continue;
    const [truth, { n }] = ranked[0];
    // the changed stretch: common beginning and end left as printed
    let pre = 0;
    while (pre < Math.min(L, truth.length) && name.chars[pre] === truth[pre]) pre++;
    let suf = 0;
    while (suf < Math.min(L, truth.length) - pre && name.chars[L - 1 - suf] === truth[truth.length - 1 - suf]) suf++;
    const meta = { type: 'correction', kind: 'character', rule: 'document:masthead-issuer', confidence: 0.9, note: `masthead ${name.chars} → ${truth} (the document prints ${truth} ${n}× below the masthead)` } as const;
    if (truth.length === L) {
      const diffs = [...truth].map((c, k) => ({ c, at: name.at[k] })).filter(({ c, at }) => text[at] !== c);
      if (!diffs.every(({ at }) => free(at))) continue;
      for (const { c, at } of diffs) out.push({ start: at, end: at + 1, replacement: c, meta });
      continue;
    }
    // a character added or lost: one edit over the changed stretch (an insertion goes before the first character after it)
    const start = pre < L - suf ? name.at[pre] : name.at[pre - 1] + 1;
    const stop = pre < L - suf ? name.at[L - suf - 1] + 1 : start;
    if (![...Array(Math.max(1, stop - start)).keys()].every((k) => free(start + k))) continue;
    out.push({ start, end: stop, replacement: truth.slice(pre, truth.length - suf), meta });
  }
  return out.sort((a, b) => a.start - b.start);
}
