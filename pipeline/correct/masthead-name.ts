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

/** Edits restoring the masthead's issuer names from the document's other copies; `free(i)`: nothing else changed i. */
export function repairMastheadNames(text: string, free: (i: number) => boolean): StageEdit[] {
  const { names, end } = mastheadNames(text);
  const out: StageEdit[] = [];
  const rest = text.slice(end);
  for (const name of names) {
    const L = name.chars.length;
    if (L < 4 || !ORG_END.test(name.chars) || rest.includes(name.chars)) continue;
    const maxDiff = Math.max(1, Math.floor(L / 4));
    const counts = new Map<string, number>();
    for (let i = 0; i + L <= rest.length; i++) {
      let d = 0;
      for (let k = 0; k < L && d <= maxDiff; k++) if (rest[i + k] !== name.chars[k]) d++;
      if (d === 0 || d > maxDiff) continue;
      const s = rest.slice(i, i + L);
      // (the copy must end like an organ's name too: 临江区委巡察办 is not 临江区委巡察工, of 巡察工作领导小组)
      if ([...s].every(isHan) && ORG_END.test(s)) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const ranked = [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]);
    if (ranked.length === 0 || (ranked.length > 1 && ranked[1][1] === ranked[0][1])) continue;
    const [truth, n] = ranked[0];
    const diffs = [...truth].map((c, k) => ({ c, at: name.at[k] })).filter(({ c, at }) => text[at] !== c);
    if (!diffs.every(({ at }) => free(at))) continue;
    for (const { c, at } of diffs) {
      out.push({
        start: at,
        end: at + 1,
        replacement: c,
        meta: { type: 'correction', kind: 'character', rule: 'document:masthead-issuer', confidence: 0.9, note: `masthead ${name.chars} → ${truth} (the document prints ${truth} ${n}× below the masthead)` },
      });
    }
  }
  return out;
}
