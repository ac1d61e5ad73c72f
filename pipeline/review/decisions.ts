/**
 * Reviewer decisions files: what `notice review --html` exports and what
 * `notice convert --decisions FILE` and `notice dict learn` read.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { DecisionLookup, DocumentDecisions } from '../decision-filter.ts';
import { NoticeError } from '../errors.ts';
import { UsageError } from '../cli/usage-error.ts';

/** Uncorrected text right around the change (the corrector's view), Han and punctuation as read. */
export const DecisionContext = z.object({ left: z.string(), right: z.string() });

export const Decision = z.object({
  id: z.string().regex(/^[cs][0-9a-f]{6,}$/, 'id must be a correction (c…) or suggestion (s…) id'),
  decision: z.enum(['accept', 'reject']),
  before: z.string(),
  after: z.string(),
  rule: z.string(),
  context: DecisionContext,
});
export type Decision = z.infer<typeof Decision>;

export const DecisionsFile = z.object({
  version: z.literal(1),
  documents: z.array(
    z.object({
      file: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 hex digits'),
      decisions: z.array(Decision),
    }),
  ),
});
export type DecisionsFile = z.infer<typeof DecisionsFile>;

/** Read and validate one decisions file; errors name the file. */
export async function readDecisionsFile(file: string): Promise<DecisionsFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read decisions file ${file}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new NoticeError('UNSUPPORTED_INPUT', `not a decisions file: invalid JSON (${(e as Error).message})`, { file });
  }
  const r = DecisionsFile.safeParse(raw);
  if (!r.success) {
    throw new NoticeError('UNSUPPORTED_INPUT', `not a valid decisions file: ${z.prettifyError(r.error).replace(/\s*\n\s*/g, '; ')}`, { file });
  }
  return r.data;
}

/**
 * Merge decisions by document sha256. Later decisions (later files, later entries)
 * override earlier ones for the same id.
 */
export function mergeDecisions(files: DecisionsFile[]): Map<string, Map<string, Decision>> {
  const byDoc = new Map<string, Map<string, Decision>>();
  for (const f of files) {
    for (const d of f.documents) {
      let m = byDoc.get(d.sha256);
      if (!m) byDoc.set(d.sha256, (m = new Map()));
      for (const x of d.decisions) {
        m.delete(x.id);
        m.set(x.id, x);
      }
    }
  }
  return byDoc;
}

export function toLookup(byDoc: Map<string, Map<string, Decision>>): DecisionLookup {
  const table = new Map<string, DocumentDecisions>();
  for (const [sha, m] of byDoc) {
    const rejected = new Set<string>();
    const accepted = new Set<string>();
    for (const d of m.values()) (d.decision === 'reject' ? rejected : accepted).add(d.id);
    table.set(sha, { rejected, accepted });
  }
  return (sha256) => table.get(sha256);
}

export async function loadDecisions(files: string[]): Promise<DecisionLookup> {
  const parsed: DecisionsFile[] = [];
  for (const f of files) parsed.push(await readDecisionsFile(f));
  return toLookup(mergeDecisions(parsed));
}
