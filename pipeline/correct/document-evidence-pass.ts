/**
 * Stage: document-level evidence (the old passes only; internal to
 * pipeline/correct): one glyph misread the same way in several places, the
 * document's own terms, a misreading corrected elsewhere (document-evidence.ts),
 * a lexicon term with one character lost (lost-characters.ts), a term the
 * document quotes several times (quoted-terms.ts). All read the document with
 * the paragraph pass's one-for-one changes applied, and only add edits where
 * nothing changed yet.
 */
import type { StageEdit } from '../tracked-text.ts';
import { documentEvidence, type DocumentEvidenceHelpers } from './document-evidence.ts';
import type { DocumentState } from './document-stages.ts';
import { buildLostCharacterIndex, restoreLostCharacters, type LostCharacterIndex } from './lost-characters.ts';
import { PARAMS } from './params.ts';
import { repairQuotedTerms } from './quoted-terms.ts';
import { repairMastheadNames } from './masthead-name.ts';
import type { CorrectorTables } from './tables.ts';
import { isHan } from './text-units.ts';

export function documentEvidenceStage(d: DocumentState, t: CorrectorTables): void {
  if (!PARAMS.documentEvidence || PARAMS.decoder) return;
  const { text, docMask } = d;
  const res = d.result;
  const edits = res.edits;
  const taken = new Uint8Array(text.length);
  for (const e of edits) taken.fill(1, e.start, Math.max(e.end, e.start + 1));
  const view = withOneForOneChanges(text, edits);
  const corrected = edits.filter((e) => e.end - e.start === 1 && e.replacement.length === 1 && e.meta.type === 'correction' && e.meta.kind === 'character').map((e) => ({ from: text[e.start], to: e.replacement }));
  const found = documentEvidence(view, taken, documentHelpers(docMask, t), PARAMS, corrected);
  // (an insertion between two protected characters would split a protected term)
  const splitsProtected = (i: number): boolean => !!docMask[i - 1] && !!docMask[i];
  const clm = t.clm;
  if (clm && Number.isFinite(PARAMS.lostCharMinGain)) {
    found.push(...restoreLostCharacters(view, lostIndex(t), splitsProtected, (s, i, ins) => clm.insertionGain(s, i, ins), PARAMS.lostCharMinGain));
  }
  if (PARAMS.quotedTermMinCount > 0) found.push(...repairQuotedTerms(view, (i) => !taken[i] && !found.some((f) => f.start === i), splitsProtected, PARAMS.quotedTermMinCount));
  found.push(...repairMastheadNames(view, (i) => !taken[i] && !found.some((f) => f.start <= i && i < f.end)));
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  if (!found.length) return;
  const hit = (x: StageEdit): boolean => found.some((f) => x.start < f.end && x.end > f.start);
  d.result = { ...res, edits: [...edits, ...found].sort((a, b) => a.start - b.start || a.end - b.end), suggestions: res.suggestions.filter((x) => !hit(x)) };
}

/** The document as the paragraph pass reads it: its same-length changes applied (offsets unchanged). */
function withOneForOneChanges(text: string, edits: readonly StageEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    if (e.replacement.length !== e.end - e.start || e.start < at) continue;
    parts.push(text.slice(at, e.start), e.replacement);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** shortened forms of the lexicon's terms (built on first use, once per corrector) */
const lostIndexes = new WeakMap<CorrectorTables, LostCharacterIndex>();
function lostIndex(t: CorrectorTables): LostCharacterIndex {
  let idx = lostIndexes.get(t);
  if (!idx) lostIndexes.set(t, (idx = buildLostCharacterIndex([...t.lexicon.keys()], (v) => t.listedWord(v) || t.lexicon.has(v), t.dicts.corpusText)));
  return idx;
}

function documentHelpers(mask: Uint8Array, t: CorrectorTables): DocumentEvidenceHelpers {
  const lookAlikeCache = new Map<string, string[]>();
  const { clm, charFreqByCode, charFreq } = t;
  return {
    isHan,
    charFreq: (ch) => (ch.length === 1 ? charFreqByCode[ch.charCodeAt(0)] : charFreq.get(ch) ?? 0),
    charFreqAt: (s, i) => charFreqByCode[s.charCodeAt(i)],
    wordAt: t.bestWordAt,
    listedWord: t.listedWord,
    isDomainTerm: (w) => t.lexicon.has(w),
    lookAlikes(ch) {
      let l = lookAlikeCache.get(ch);
      if (!l) lookAlikeCache.set(ch, (l = (t.confusions.get(ch) ?? []).map((x) => x.truth)));
      return l;
    },
    completions(left, right) {
      const l = left ? t.complete.get(left + '?') ?? [] : [];
      const r = right ? t.complete.get('?' + right) ?? [] : [];
      return [...l, ...r].map((x) => x.c);
    },
    shapeSimilarity: (x, y) => t.shapes.similarity(x, y),
    lmGain: (s, i, ch) => (clm ? clm.gain(s, i, ch) : 0),
    blocked: (s, i) => !!mask[i] || t.inNameZone(s, i),
    attested: (s, i) => (clm ? clm.attested(s, i) : false),
  };
}
