/**
 * Word-list indexes of the old passes (internal to pipeline/correct):
 * - corrupted forms: a frequent word or lexicon term with one character
 *   replaced by one of its look-alikes (detection only: such a form makes its
 *   characters suspicious);
 * - masked lexicon terms: "部?长" → the characters that complete a term, the
 *   lexical candidates of a character no word covers;
 * - the characters of the domain vocabulary, which a lexical candidate never replaces.
 */
import type { Dictionaries } from './dictionaries.ts';
import { MAX_WORD } from './lm.ts';
import { NumSet } from './num-map.ts';

/** The hole of a masked key in maskedEndsKey. */
export const HOLE = 0x10000;
/** Prefilter key of a masked term: its length and first and last character (HOLE where the hole is). */
export const maskedEndsKey = (len: number, first: number, last: number): number => (len * 0x20000 + first) * 0x20000 + last;

export interface LexicalIndex {
  /** corrupted forms of common words and lexicon terms */
  corrupt: Set<string>;
  /** "部?" → characters that complete a lexicon term (3+ characters) */
  masked: Map<string, string[]>;
  /** maskedEndsKey of every masked key */
  maskedEnds: NumSet;
  /** characters of the domain vocabulary */
  domainChars: Set<string>;
}

export function lexicalIndex(
  dicts: Dictionaries,
  freq: ReadonlyMap<string, number>,
  jiebaCommon: readonly (readonly [string, number])[],
  byTruth: ReadonlyMap<string, string[]>,
): LexicalIndex {
  const corrupt = new Set<string>();
  const addCorrupt = (w: string, f: number): void => {
    for (let j = 0; j < w.length; j++) {
      const ocrs = byTruth.get(w[j]);
      if (!ocrs) continue;
      for (const x of ocrs) {
        const bad = w.slice(0, j) + x + w.slice(j + 1);
        if ((freq.get(bad) ?? 0) * 1000 < f) corrupt.add(bad);
      }
    }
  };
  for (const [w, f] of jiebaCommon) addCorrupt(w, f);
  for (const [w, f] of dicts.lexicon) if (w.length <= 4) addCorrupt(w, f);

  const masked = new Map<string, string[]>();
  const maskedEnds = new NumSet();
  const addMasked = (w: string): void => {
    for (let j = 0; j < w.length; j++) {
      const key = w.slice(0, j) + '?' + w.slice(j + 1);
      maskedEnds.add(maskedEndsKey(w.length, j === 0 ? HOLE : w.charCodeAt(0), j === w.length - 1 ? HOLE : w.charCodeAt(w.length - 1)));
      let l = masked.get(key);
      if (!l) masked.set(key, (l = []));
      if (!l.includes(w[j])) l.push(w[j]);
    }
  };
  for (const w of dicts.lexicon.keys()) if (w.length >= 3 && w.length <= MAX_WORD) addMasked(w);
  const domainChars = new Set<string>();
  for (const w of dicts.lexicon.keys()) for (const ch of w) domainChars.add(ch);
  return { corrupt, masked, maskedEnds, domainChars };
}
