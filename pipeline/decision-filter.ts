/**
 * Reviewer decisions inside the pipeline: a rejected correction is withheld (its
 * edit is never applied), an accepted suggestion is applied. Ids are the stable
 * ids of the output (`changeId`), computed from original offsets and replacement,
 * so they survive re-runs of the same input.
 */
import { changeId, sha256 } from './emit.ts';
import type { StageEdit, TrackedText } from './tracked-text.ts';

export interface DocumentDecisions {
  /** ids of corrections to withhold */
  rejected: ReadonlySet<string>;
  /** ids of suggestions to apply */
  accepted: ReadonlySet<string>;
}

/** Decisions for one document, looked up by the input's sha256. */
export type DecisionLookup = (sha256: string) => DocumentDecisions | undefined;

/** What the output records of the decisions applied: equal fingerprints give equal outputs; null when none apply. */
export function decisionsFingerprint(d: DocumentDecisions | undefined): string | null {
  if (!d || (d.rejected.size === 0 && d.accepted.size === 0)) return null;
  return sha256(JSON.stringify({ rejected: [...d.rejected].sort(), accepted: [...d.accepted].sort() })).slice(0, 16);
}

export function idOfEdit(prefix: 'c' | 's', e: StageEdit, tracked: TrackedText): string {
  const o = tracked.originalOf(e);
  return changeId(prefix, o.start, o.end, e.replacement);
}

/** Drop corrections the reviewer rejected; layout edits always pass. */
export function withoutRejected(edits: StageEdit[], tracked: TrackedText, d: DocumentDecisions | undefined): StageEdit[] {
  if (!d || d.rejected.size === 0) return edits;
  return edits.filter((e) => e.meta.type !== 'correction' || !d.rejected.has(idOfEdit('c', e, tracked)));
}

/** Two edits that cannot both apply: they overlap, or both insert at one point. */
const collide = (a: StageEdit, b: StageEdit): boolean =>
  (a.start < b.end && b.start < a.end) || (a.start === a.end && b.start === b.end && a.start === b.start);

/** Move accepted suggestions into the applied edits (kept sorted, never colliding; one that would collide stays a suggestion). */
export function promoteAccepted(
  edits: StageEdit[],
  suggestions: StageEdit[],
  tracked: TrackedText,
  d: DocumentDecisions | undefined,
): { edits: StageEdit[]; suggestions: StageEdit[] } {
  if (!d || d.accepted.size === 0) return { edits, suggestions };
  const promoted = suggestions.filter((s) => d.accepted.has(idOfEdit('s', s, tracked)));
  const merged = [...edits];
  const taken = new Set<StageEdit>();
  for (const p of promoted) {
    if (merged.some((e) => collide(e, p))) continue;
    merged.push({ ...p, meta: p.meta.type === 'correction' ? { ...p.meta, note: 'accepted by reviewer', confidence: 1 } : p.meta });
    taken.add(p);
  }
  merged.sort((a, b) => a.start - b.start || a.end - b.end);
  return { edits: merged, suggestions: suggestions.filter((s) => !taken.has(s)) };
}
