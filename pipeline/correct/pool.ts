/**
 * Document-level evidence (internal to pipeline/correct). One scan is read by
 * one engine in one font, so its misreadings repeat: when the same look-alike
 * substitution (力→为, 庞→流) is proposed at several places of a document, in
 * different contexts, each proposal supports the others. Suggestions of such a
 * pair are then applied, marked `+document` in their rule — unless the
 * large-corpus word model prefers the printed text at every one of its places
 * (the document's own word that jieba's list lacks: 食材 ×3 is not 良材 — three of
 * the seven false changes on the genre-corpus folds; no fix lost on tune or in
 * cross-validation, where requiring the model's preference at every place cost one).
 */
import type { StageEdit } from '../tracked-text.ts';
import { sharedListedWord } from './own-word.ts';

export interface PoolParams {
  /** a suggestion below this score takes no part */
  minScore: number;
  /** proposals of the pair (applied or suggested) needed, in distinct contexts */
  minCount: number;
  /** sum of the suggestions' scores needed when none of the pair was applied on its own */
  minTotal: number;
  /** a word of the word list (any frequency): one printed at every place of a pair is the document's own word (own-word.ts) */
  listedWord: (w: string) => boolean;
  /** whether the large-corpus word model prefers a suggestion's reading to the printed text there (absent: no test); a pair it prefers nowhere is not pooled */
  wordModelPrefers?: (e: StageEdit) => boolean;
}

/** Only look-alike evidence pools; a word completion or lexicon guess has no shape evidence to repeat. */
const POOLED_RULE = /^(confusion:|evidence:)/;

function scoreOf(e: StageEdit): number {
  return e.meta.type === 'correction' ? e.meta.score ?? -Infinity : -Infinity;
}

/**
 * Promote repeated suggestions to edits. `text` is the text the offsets refer
 * to. Returns new edit and suggestion lists (inputs are not modified).
 */
export function poolRepeated(text: string, edits: StageEdit[], suggestions: StageEdit[], p: PoolParams): { edits: StageEdit[]; suggestions: StageEdit[] } {
  const key = (e: StageEdit): string | null =>
    e.meta.type === 'correction' && e.meta.kind === 'character' && POOLED_RULE.test(e.meta.rule) ? `${text.slice(e.start, e.end)}\u0000${e.replacement}` : null;
  // a context: the characters around the change (the same phrase repeated is one piece of evidence)
  // (the neighbours right next to it: 县安委会 printed six times is one piece of evidence)
  const ctx = (e: StageEdit): string => text.slice(Math.max(0, e.start - 1), e.start) + '|' + text.slice(e.end, e.end + 1);
  const groups = new Map<string, { applied: StageEdit[]; sugg: StageEdit[] }>();
  const group = (k: string) => {
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { applied: [], sugg: [] }));
    return g;
  };
  for (const e of edits) {
    const k = key(e);
    if (k) group(k).applied.push(e);
  }
  for (const s of suggestions) {
    const k = key(s);
    if (k && scoreOf(s) >= p.minScore) group(k).sugg.push(s);
  }
  const promote = new Set<StageEdit>();
  for (const g of groups.values()) {
    if (!g.sugg.length) continue;
    const contexts = new Set([...g.applied, ...g.sugg].map(ctx));
    if (contexts.size < p.minCount) continue;
    if (sharedListedWord(text, [...g.applied, ...g.sugg].map((e) => e.start), p.listedWord)) continue;
    const total = g.sugg.reduce((t, s) => t + scoreOf(s), 0);
    if (!g.applied.length && total < p.minTotal) continue;
    if (p.wordModelPrefers && !g.sugg.some(p.wordModelPrefers)) continue;
    for (const s of g.sugg) promote.add(s);
  }
  if (!promote.size) return { edits, suggestions };
  const taken = edits.map((e) => [e.start, e.end] as const);
  const overlaps = (s: StageEdit): boolean => taken.some(([a, b]) => s.start < b && s.end > a);
  const outEdits = edits.slice();
  const outSugg: StageEdit[] = [];
  for (const s of suggestions) {
    if (!promote.has(s) || overlaps(s) || s.meta.type !== 'correction') {
      outSugg.push(s);
      continue;
    }
    const n = groups.get(key(s)!)!;
    const count = n.applied.length + n.sugg.length;
    outEdits.push({
      ...s,
      meta: {
        ...s.meta,
        rule: `${s.meta.rule}+document`,
        confidence: Math.max(s.meta.confidence, 0.85),
        note: `${s.meta.note ?? ''} (the same misreading ${count}× in this document)`.trim(),
      },
    });
    taken.push([s.start, s.end]);
  }
  outEdits.sort((a, b) => a.start - b.start || a.end - b.end);
  return { edits: outEdits, suggestions: outSugg };
}
