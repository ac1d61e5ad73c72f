import type { StageEdit } from '../../pipeline/tracked-text.ts';

/** The text with sorted, non-overlapping edits applied, by plain string slicing: what `TrackedText.apply` must give. */
export function applyToString(text: string, edits: readonly StageEdit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.replacement;
    pos = e.end;
  }
  return out + text.slice(pos);
}
