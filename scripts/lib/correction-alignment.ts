/**
 * Shared by the corrector reports (scripts/correct-report.ts, scripts/cross-validate.ts):
 * the layout stages alone, a character alignment of normalised OCR text with gold,
 * and the verdict on one edit.
 */
import { diffChars } from 'diff';
import { TrackedText, type StageEdit } from '../../pipeline/tracked-text.ts';
import { normaliseStages } from '../../pipeline/normalise/index.ts';

const HAN = /\p{Script=Han}/u;

/** The text the corrector sees: the input after the layout stages. */
export function normalise(raw: string): string {
  const t = new TrackedText(raw);
  for (const st of normaliseStages) t.apply(st.run(t.text, () => {}, [])); // an OCR text file: no page breaks known
  return t.text;
}

/** For each position of a: the gold char it was substituted by ('' when equal or unaligned), plus error count. */
export function align(a: string, gold: string): { sub: (string | null)[]; errors: number[] } {
  const sub: (string | null)[] = new Array(a.length).fill(null);
  const errors: number[] = [];
  const parts = diffChars(a, gold);
  let pa = 0;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (!p.added && !p.removed) {
      for (let q = 0; q < p.value.length; q++) sub[pa + q] = '=';
      pa += p.value.length;
    } else if (p.removed) {
      const nx = parts[k + 1];
      if (nx && nx.added) {
        const m = Math.min(p.value.length, nx.value.length);
        for (let q = 0; q < m; q++) {
          const ac = p.value[q], gc = nx.value[q];
          if (p.value.length === nx.value.length) {
            sub[pa + q] = gc;
            if (HAN.test(ac) && HAN.test(gc)) errors.push(pa + q);
          }
        }
        k++;
      }
      pa += p.value.length;
    }
  }
  return { sub, errors };
}

/** right: every character it writes lines up with gold; unaligned: it touches text gold has no counterpart for. */
export function judgeEdit(e: StageEdit, text: string, sub: (string | null)[]): 'right' | 'wrong' | 'unaligned' {
  if (e.end - e.start !== e.replacement.length) return 'unaligned';
  let ok = true;
  for (let q = e.start; q < e.end; q++) {
    const g = sub[q];
    const want = g === '=' ? text[q] : g;
    if (want === null) return 'unaligned';
    if (want !== e.replacement[q - e.start]) ok = false;
  }
  return ok ? 'right' : 'wrong';
}
