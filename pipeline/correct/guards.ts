/**
 * Guards (internal to pipeline/correct): places where a change is only
 * suggested, never applied — a possible personal name, a place name the word
 * list does not know, a rare proper noun. (What may not be changed at all is
 * protect.ts.)
 */
import { PARAMS } from './params.ts';
import { inVillageName, nameZone, placeSuffixAfter } from './protect.ts';

export interface Guards {
  /** position i may be inside a personal name */
  inNameZone(s: string, i: number): boolean;
  /**
   * A proper noun of the word list (person, place, other name) that is not very
   * common and not in the domain lexicon: the text more likely names a place or
   * person the list does not know (乔山县 is not 香山县) — suggest only.
   */
  rareProperNoun(w: string): boolean;
  /** i is inside a village's name after its township, or the new word w (ending at te) around i ends right before 镇/乡/县: probably a place name the word list does not know */
  inPlaceName(cur: string, i: number, te: number, w: string): boolean;
}

export function guards(freq: ReadonlyMap<string, number>, proper: ReadonlySet<string>, lexicon: ReadonlyMap<string, number>, surnames: ReadonlySet<string>): Guards {
  // a personal name is rarely a common word: 院长分别这头 has no name after 院长
  const commonWord = (w: string): boolean => (freq.get(w) ?? 0) >= PARAMS.nameCommonWordFreq && !proper.has(w);
  return {
    inNameZone: (s, i) => nameZone(s, i, commonWord, surnames),
    rareProperNoun: (w) => proper.has(w) && !lexicon.has(w) && (freq.get(w) ?? 0) < PARAMS.properMinFreq,
    inPlaceName(cur, i, te, w) {
      if (inVillageName(cur, i)) return true;
      const p = placeSuffixAfter(cur, i);
      if (p < 0 || te !== p) return false;
      return !lexicon.has(w) && (freq.get(w) ?? 0) < PARAMS.placeWordFreq;
    },
  };
}
