/**
 * Character alignment of a hypothesis to gold (both already without whitespace),
 * from a Myers diff: equal runs line up character for character, and so do the
 * two sides of a changed hunk whose removed and added parts have the same length
 * (one-for-one substitutions). Everything else is unaligned (-1).
 */
import { diffChars } from 'diff';

export interface Alignment {
  /** for each gold index: the aligned hypothesis index, or -1 */
  hypAt: Int32Array;
  /** for each hypothesis index: the aligned gold index, or -1 */
  goldAt: Int32Array;
  /** for each gold index: the aligned hypothesis character equals it */
  same: Uint8Array;
}

export function align(hyp: string, gold: string): Alignment {
  const hypAt = new Int32Array(gold.length).fill(-1);
  const goldAt = new Int32Array(hyp.length).fill(-1);
  const same = new Uint8Array(gold.length);
  let h = 0;
  let g = 0;
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed.length === added.length) {
      for (let k = 0; k < removed.length; k++) {
        hypAt[g + k] = h + k;
        goldAt[h + k] = g + k;
      }
    }
    h += removed.length;
    g += added.length;
    removed = added = '';
  };
  for (const part of diffChars(hyp, gold)) {
    if (part.removed) removed += part.value;
    else if (part.added) added += part.value;
    else {
      flush();
      for (let k = 0; k < part.value.length; k++) {
        hypAt[g + k] = h + k;
        goldAt[h + k] = g + k;
        same[g + k] = 1;
      }
      h += part.value.length;
      g += part.value.length;
    }
  }
  flush();
  return { hypAt, goldAt, same };
}

const HAN = /\p{Script=Han}/u;
export const isHan = (ch: string): boolean => HAN.test(ch);
