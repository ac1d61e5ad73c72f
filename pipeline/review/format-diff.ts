/**
 * Unified diff of the text before corrections (layout edits only) against the
 * corrected text, one paragraph a line: exactly the corrections, `patch`-able.
 */
import { createTwoFilesPatch } from 'diff';
import type { NoticeDocument } from '../schema.ts';
import { textBeforeCorrections } from './text-model.ts';

/** `file` is the name the patch applies to (the .txt that `notice convert` writes). */
export function formatUnifiedDiff(doc: NoticeDocument, file: string): string {
  const before = textBeforeCorrections(doc);
  if (before === doc.text) return '';
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, doc.text, undefined, undefined, { context: 1 });
  // drop the "Index:"/"====" preamble lines the diff package adds; keep ---/+++ and hunks
  const lines = patch.split('\n');
  const first = lines.findIndex((l) => l.startsWith('--- '));
  return lines
    .slice(first)
    .map((l) => (l.startsWith('--- ') || l.startsWith('+++ ') ? l.replace(/\t$/, '') : l))
    .join('\n');
}
