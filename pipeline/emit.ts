/**
 * Assemble the output document from the tracked text and the stage results, and
 * validate it against the published schema before anyone sees it.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { NoticeDocument, SCHEMA_VERSION, type Correction, type LayoutEdit } from './schema.ts';
import type { ChangeMeta, RecordedChange, TrackedText } from './tracked-text.ts';

type CorrectionMeta = Extract<ChangeMeta, { type: 'correction' }>;

/** Stable id of a change: same input and same change give the same id across runs. */
export function changeId(prefix: string, originalStart: number, originalEnd: number, after: string): string {
  const h = createHash('sha1').update(`${originalStart}:${originalEnd}:${after}`).digest('hex').slice(0, 10);
  return `${prefix}${h}`;
}

const KIND_RANK = { character: 3, rule: 2, script: 1, punctuation: 0 } as const;

export function toCorrection(c: RecordedChange, metas: CorrectionMeta[]): Correction {
  const main = metas.reduce((a, b) => (KIND_RANK[b.kind] > KIND_RANK[a.kind] ? b : a));
  const alternatives = metas.flatMap((m) => m.alternatives ?? []);
  return {
    id: changeId('c', c.original.start, c.original.end, c.after),
    kind: main.kind,
    before: c.before,
    after: c.after,
    original: c.original,
    text: c.text,
    rule: [...new Set(metas.map((m) => m.rule))].join('+'),
    confidence: Math.min(...metas.map((m) => m.confidence)),
    ...(metas.some((m) => m.note) ? { note: metas.map((m) => m.note).filter(Boolean).join('; ') } : {}),
    ...(alternatives.length ? { alternatives } : {}),
  };
}

/** Split the recorded changes into character corrections and layout edits. */
export function splitChanges(tracked: TrackedText): { corrections: Correction[]; layoutEdits: LayoutEdit[] } {
  const corrections: Correction[] = [];
  const layoutEdits: LayoutEdit[] = [];
  for (const c of tracked.changes()) {
    const fixes = c.metas.filter((m): m is CorrectionMeta => m.type === 'correction');
    const [first] = c.metas;
    if (fixes.length) corrections.push(toCorrection(c, fixes));
    // no correction among the reasons: all are layout rules, the first names the edit
    else if (first.type === 'layout') layoutEdits.push({ rule: first.rule, before: c.before, after: c.after, original: c.original, text: c.text });
  }
  return { corrections, layoutEdits };
}

export function emitDocument(parts: Omit<z.input<typeof NoticeDocument>, 'schemaVersion'>): NoticeDocument {
  const result = NoticeDocument.safeParse({ schemaVersion: SCHEMA_VERSION, ...parts });
  if (!result.success) {
    throw new Error(`internal error: output does not match the schema:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

