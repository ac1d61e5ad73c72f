/** Human-readable `notice diff`. Pure. */
import type { Correction } from '../schema.ts';
import type { ChangeDelta, DocDiff } from './doc-diff.ts';

const q = (s: unknown): string => JSON.stringify(s);
const one = (c: Correction): string => `${c.id} ${q(c.before)} → ${q(c.after)} at text ${c.text.start} (${c.rule}, ${c.confidence.toFixed(2)})`;

function delta(title: string, d: ChangeDelta): string[] {
  const out: string[] = [];
  if (!d.added.length && !d.removed.length && !d.changed.length) return out;
  out.push(`${title}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`);
  for (const c of d.removed) out.push(`  - ${one(c)}`);
  for (const c of d.added) out.push(`  + ${one(c)}`);
  for (const { a, b, fields } of d.changed) out.push(`  ~ ${one(a)}\n    → ${one(b)} [${fields.join(', ')}]`);
  return out;
}

export function formatDocDiff(d: DocDiff, names: { a: string; b: string }): string {
  if (d.identical) return `${names.a} and ${names.b}: no differences\n`;
  const out = [`--- ${names.a}`, `+++ ${names.b}`];
  out.push(...delta('corrections', d.corrections), ...delta('suggestions', d.suggestions));
  const s = d.structure;
  for (const f of s.fields) out.push(`notice.${f.field}: ${q(f.a)} → ${q(f.b)}`);
  for (const p of s.problemsRemoved) out.push(`problem removed: ${p}`);
  for (const p of s.problemsAdded) out.push(`problem added: ${p}`);
  for (const p of s.problemsChanged) out.push(`problem changed: ${p.problem} (${p.parts.join(', ')})`);
  for (const h of s.headings) out.push(`heading ${h.where}: ${q(h.a)} → ${q(h.b)}`);
  const p = d.paragraphs;
  if (p.removed.length || p.added.length) {
    out.push(`text: ${p.removed.length} paragraph(s) removed, ${p.added.length} added`);
    for (const r of p.removed) out.push(`  -${r.line}: ${r.text}`);
    for (const a of p.added) out.push(`  +${a.line}: ${a.text}`);
  }
  return `${out.join('\n')}\n`;
}
