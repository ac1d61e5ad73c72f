/**
 * Traditional → simplified with opencc-js (phrase-aware, Mainland variants), for
 * simplified notices that carry traditional characters (OCR engines and old
 * templates produce them). Recorded as corrections of kind "script".
 */
import * as OpenCC from 'opencc-js';
import type { StageEdit } from '../tracked-text.ts';

let converter: ((s: string) => string) | null = null;
const toCn = (s: string): string => (converter ??= OpenCC.Converter({ from: 't', to: 'cn' }))(s);

export interface ScriptReport {
  edits: StageEdit[];
  /** share of Han characters that were traditional */
  traditionalShare: number;
}

export function toSimplified(text: string): ScriptReport {
  const edits: StageEdit[] = [];
  let han = 0;
  let changed = 0;
  let pos = 0;
  for (const para of text.split('\n')) {
    const out = toCn(para);
    han += (para.match(/[\u4e00-\u9fff]/g) ?? []).length;
    if (out !== para && out.length === para.length) {
      for (let i = 0; i < para.length; i++) {
        if (para[i] === out[i]) continue;
        let j = i + 1;
        while (j < para.length && para[j] !== out[j]) j++;
        edits.push({
          start: pos + i,
          end: pos + j,
          replacement: out.slice(i, j),
          meta: { type: 'correction', kind: 'script', rule: 'opencc:t2cn', confidence: 0.97 },
        });
        changed += j - i;
        i = j - 1;
      }
    }
    pos += para.length + 1;
  }
  return { edits, traditionalShare: han ? changed / han : 0 };
}
