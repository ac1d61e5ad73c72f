/**
 * Document evidence: one glyph misread the same way in several places
 * (internal to pipeline/correct; called by documentEvidence, whose comment
 * says what this finds). An uncommon character that forms no word anywhere in
 * the document, printed in several different contexts, for which one
 * character makes a frequent word in every one of them (庞 in 庞程 … 交庞 → 流).
 */
import type { DocumentEvidenceHelpers, DocumentEvidenceParams, Push } from './document-evidence.ts';
import { sharedListedWord } from './own-word.ts';

const isLineEnd = (s: string, i: number): boolean => i < 0 || i >= s.length || s[i] === '\n';

export function repeatedMisreadings(text: string, used: (i: number) => boolean, h: DocumentEvidenceHelpers, p: DocumentEvidenceParams, push: Push): void {
  for (const [ch, at] of uncommonOccurrences(text, used, h, p)) {
    const many = commonerCharacter(h, ch, p);
    if (at.length < (many ? p.repeatedManyContexts : p.repeatedMinContexts)) continue;
    // one occurrence that forms a word (or may not be touched) disqualifies the character
    if (at.some((i) => h.wordAt(text, i, ch).freq > 0 || h.blocked(text, i))) continue;
    const contexts = new Set(at.map((i) => `${text[i - 1] ?? ''}|${text[i + 1] ?? ''}`));
    if (contexts.size < p.repeatedMinContexts) continue;
    if (many && contexts.size < p.repeatedManyContexts) continue;
    // the same listed word at every place (拒不 ×2) is the document's own word
    if (sharedListedWord(text, at, h.listedWord)) continue;
    const best = bestRepeatedReading(text, ch, at, many, h, p);
    if (!best) continue;
    const { c, words, places } = best;
    // a name repeats with the same neighbour (鸿川 ×4 is 四川 once, not a misreading): one word
    // formed everywhere must be a term of the domain (敷改 ×3 → 整改)
    if (words.size < p.repeatedMinWords && !(words.size === 1 && h.isDomainTerm([...words][0]))) continue;
    if (constantNeighbourIsName(text, at, c, h)) continue;
    const lookAlike = h.lookAlikes(ch).includes(c);
    for (const i of at) {
      push({
        start: i,
        end: i + 1,
        replacement: c,
        meta: {
          type: 'correction',
          kind: 'character',
          rule: 'document:repeated-misreading',
          confidence: lookAlike ? 0.9 : 0.85,
          note: `${ch}→${c} (${ch} is printed ${at.length}× in this document and forms no word anywhere; ${c} makes a word in ${places === at.length ? 'every place' : `${places} of them`} (${[...words].join(', ')}) and fits far better than any other${lookAlike ? '; look-alike' : ''})`,
        },
      });
    }
  }
}

/**
 * Every place has the same neighbour on one side (菁潭 ×5: 菁潭能源, 菁潭市, 菁潭实际) and the reading makes no listed
 * word with it (菁全): the constant pair is a name the word list does not know, printed the same way each time, not
 * one glyph misread the same way (政冶 ×5 → 政治 makes its word with the constant 政).
 */
function constantNeighbourIsName(text: string, at: readonly number[], c: string, h: DocumentEvidenceHelpers): boolean {
  const same = (d: number) => at.every((i) => h.isHan(text, i + d) && text[i + d] === text[at[0]! + d]);
  if (same(-1) && !h.listedWord(text[at[0]! - 1] + c)) return true;
  return same(1) && !h.listedWord(c + text[at[0]! + 1]);
}

/**
 * SAMPLE-DECIDED (mechanism 1 of the four in README, Known gaps; commit 3d71cd8):
 * a commoner character (jieba frequency from repeatedMaxCharFreq up to
 * repeatedMaxCharFreqMany, 10,000–50,000) also qualifies as a repeated
 * misreading when printed in repeatedManyContexts (3) distinct contexts, for a
 * candidate that looks like it (repeatedManyShapeMin, 0.7) and makes words in
 * all places but repeatedWordless (1): 叶间/同叶/某乡叶将 → 时间/同时/某乡时将.
 * Decided by the published sample alone (28 → 25 errors there, no change
 * elsewhere). It acts through this test and the `many` branches of
 * repeatedMisreadings and bestRepeatedReading, and through repeatedWordless;
 * to remove it: repeatedMaxCharFreqMany = repeatedMaxCharFreq and repeatedWordless = 0.
 */
function commonerCharacter(h: DocumentEvidenceHelpers, ch: string, p: DocumentEvidenceParams): boolean {
  return h.charFreq(ch) >= p.repeatedMaxCharFreq;
}

/** Every occurrence of each uncommon character (a cheap pass over character codes: most occur too rarely to matter). */
function uncommonOccurrences(text: string, used: (i: number) => boolean, h: DocumentEvidenceHelpers, p: DocumentEvidenceParams): Map<string, number[]> {
  const byCode = new Map<number, number[]>();
  const maxFreq = Math.max(p.repeatedMaxCharFreq, p.repeatedMaxCharFreqMany);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3400 || h.charFreqAt(text, i) >= maxFreq || used(i) || !h.isHan(text, i)) continue;
    let l = byCode.get(code);
    if (!l) byCode.set(code, (l = []));
    l.push(i);
  }
  const occ = new Map<string, number[]>();
  for (const [code, at] of byCode) occ.set(String.fromCharCode(code), at);
  return occ;
}

/**
 * Candidates (look-alikes, and completions of a frequent word with a neighbour in any
 * context) scored over all places: the one the genre model likes best, far ahead of the
 * next, and liked in each place; null when none is.
 */
function bestRepeatedReading(text: string, ch: string, at: readonly number[], many: boolean, h: DocumentEvidenceHelpers, p: DocumentEvidenceParams): { c: string; words: Set<string>; places: number } | null {
  const cands = new Set(h.lookAlikes(ch));
  for (const i of at) {
    const left = !isLineEnd(text, i - 1) && h.isHan(text, i - 1) ? text[i - 1] : null;
    const right = !isLineEnd(text, i + 1) && h.isHan(text, i + 1) ? text[i + 1] : null;
    for (const c of h.completions(left, right)) cands.add(c);
  }
  cands.delete(ch);
  if (many) for (const c of cands) if ((h.shapeSimilarity(ch, c) ?? -1) < p.repeatedManyShapeMin) cands.delete(c);
  const scored = [...cands]
    .map((c) => ({ c, words: at.map((i) => h.wordAt(text, i, c)) }))
    .filter(({ words }) => words.filter((w) => w.freq < p.repeatedWordFreq).length <= Math.min(p.repeatedWordless, words.length - 2))
    .map(({ c, words }) => {
      const gains = at.map((i) => h.lmGain(text, i, c));
      const made = words.filter((w) => w.freq >= p.repeatedWordFreq);
      return { c, words: new Set(made.map((w) => w.word)), places: made.length, total: gains.reduce((a, b) => a + b, 0), min: Math.min(...gains) };
    })
    .sort((x, y) => y.total - x.total || (x.c < y.c ? -1 : 1));
  const best = scored[0];
  if (!best || best.min < p.repeatedMinGain || best.total - (scored[1]?.total ?? -Infinity) < p.repeatedMargin * at.length) return null;
  return best;
}
