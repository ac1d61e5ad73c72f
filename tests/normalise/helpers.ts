import type { StageEdit } from '../../pipeline/tracked-text.ts';

/** Apply a stage's edits to its input (they are sorted and non-overlapping by contract). */
export function applyEdits(text: string, edits: readonly StageEdit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    if (e.start < pos) throw new Error(`edits overlap at ${e.start}`);
    out += text.slice(pos, e.start) + e.replacement;
    pos = e.end;
  }
  return out + text.slice(pos);
}
