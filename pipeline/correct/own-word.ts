/**
 * The document's own word (internal to pipeline/correct). A character that
 * sits in the same listed word at every one of its places (拟任 ×3, 拒不 ×2) is
 * that word printed several times, not a glyph misread several times: the
 * repetition of one string is one piece of evidence, and a word the list
 * knows, at any frequency, explains it. The document passes that pool places
 * (pool.ts, repeated-misreadings.ts) leave such a character alone. Found on
 * clean text the models had not seen (the genre corpus in two folds, `npm run
 * eval`), where pooling turned 拟任, 管养 and 拒不 into 担任, 营养 and 于不.
 */

/** A listed word (2–4 characters, within a line) covering every position of `at` at the same offset; null when none. */
export function sharedListedWord(text: string, at: readonly number[], listed: (w: string) => boolean): string | null {
  if (at.length < 2) return null;
  const first = at[0];
  for (let len = 2; len <= 4; len++) {
    for (let k = 0; k < len; k++) {
      const st = first - k;
      if (st < 0 || st + len > text.length) continue;
      const w = text.slice(st, st + len);
      if (w.includes('\n') || !listed(w)) continue;
      if (at.every((i) => text.slice(i - k, i - k + len) === w)) return w;
    }
  }
  return null;
}
