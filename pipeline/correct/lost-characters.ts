/**
 * Characters OCR lost inside a domain term (internal to pipeline/correct):
 * 民主活会 is 民主生活会 with one character dropped. A term of the lexicon (five
 * characters or more) printed with one inner character missing gets it back
 * when the shortened string is no word, never occurs in the clean genre corpus,
 * and the genre model gains enough from the insertion — unless the document
 * prints the shortened form twice or more: OCR loses characters at random, so
 * the same loss in several places is the document's wording (巡察覆盖率 four
 * times in a clean notice that also prints 巡察全覆盖).
 */
import type { StageEdit } from '../tracked-text.ts';
import { NumSet } from './num-map.ts';

export interface LostCharacterIndex {
  /** shortened form -> the term and where its character was lost */
  variants: Map<string, { term: string; at: number }>;
  /** lengths of the shortened forms, longest first */
  lengths: number[];
  /** first two characters of every shortened form (UTF-16 codes, a*65536+b) */
  starts: NumSet;
}

const pairKey = (s: string, i: number): number => s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);

/**
 * Shortened forms of the terms (one inner character dropped). A form that is a
 * known word (`isWord`), part of another term, shared by two terms or printed in
 * the clean `corpus` is left out: there it may be what was meant.
 */
export function buildLostCharacterIndex(terms: readonly string[], isWord: (s: string) => boolean, corpus: string, minTermLength = 5): LostCharacterIndex {
  const variants = new Map<string, { term: string; at: number }>();
  const dropped = new Set<string>();
  for (const term of terms) {
    if (term.length < minTermLength) continue;
    for (let at = 1; at < term.length - 1; at++) {
      const v = term.slice(0, at) + term.slice(at + 1);
      const prev = variants.get(v);
      if (prev && prev.term !== term) dropped.add(v);
      else if (!prev) variants.set(v, { term, at });
    }
  }
  for (const v of variants.keys()) if (isWord(v) || terms.some((t) => t !== variants.get(v)!.term && t.includes(v))) dropped.add(v);
  const index = indexOf(variants);
  for (const { form } of matches(corpus, index)) dropped.add(form);
  for (const v of dropped) variants.delete(v);
  return indexOf(variants);
}

function indexOf(variants: Map<string, { term: string; at: number }>): LostCharacterIndex {
  const lengths = [...new Set([...variants.keys()].map((v) => v.length))].sort((a, b) => b - a);
  const starts = new NumSet();
  for (const v of variants.keys()) starts.add(pairKey(v, 0));
  return { variants, lengths, starts };
}

function* matches(text: string, index: LostCharacterIndex): Generator<{ start: number; form: string }> {
  for (let i = 0; i + 1 < text.length; i++) {
    if (!index.starts.has(pairKey(text, i))) continue;
    for (const L of index.lengths) {
      if (i + L > text.length) continue;
      const form = text.slice(i, i + L);
      if (index.variants.has(form)) yield { start: i, form };
    }
  }
}

/**
 * Insertions restoring lost characters in `text` (the document as corrected so
 * far: a term whose other characters were just repaired counts). `inside(i)` is true where an insertion before
 * i would split a protected term; `gain` is the genre model's log-likelihood
 * gain of inserting a character before i.
 */
export function restoreLostCharacters(
  text: string,
  index: LostCharacterIndex,
  inside: (i: number) => boolean,
  gain: (s: string, i: number, ins: string) => number,
  minGain: number,
): StageEdit[] {
  const out: StageEdit[] = [];
  const found = [...matches(text, index)];
  const printed = new Map<string, number>();
  for (const { form } of found) printed.set(form, (printed.get(form) ?? 0) + 1);
  let after = 0;
  for (const { start, form } of found) {
    if (start < after) continue;
    const { term, at } = index.variants.get(form)!;
    // OCR loses a character at random: the same form printed twice is the document's wording
    if (printed.get(form)! >= 2) continue;
    const pos = start + at;
    const ins = term[at]!;
    if (inside(pos)) continue;
    const g = gain(text, pos, ins);
    if (g < minGain) continue;
    out.push({
      start: pos,
      end: pos,
      replacement: ins,
      meta: {
        type: 'correction',
        kind: 'character',
        rule: 'lexicon:lost-character',
        confidence: 0.85,
        note: `${form}→${term} (a character of the term was lost; the shortened form is no word and never printed in clean notices; genre model gain ${Math.round(g * 10) / 10})`,
      },
    });
    after = start + form.length;
  }
  return out;
}
