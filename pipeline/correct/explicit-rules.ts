/**
 * Stage: explicit rules (dictionaries/rules), applied first (internal to
 * pipeline/correct). Tight edits (common prefix and suffix trimmed); inside a
 * possible personal name a rule only suggests; overlapping rule edits: the
 * first wins.
 */
import type { ChangeMeta, StageEdit } from '../tracked-text.ts';
import { replacementAt } from './rule-file.ts';
import type { CorrectorTables } from './tables.ts';
import type { Paragraph } from './types.ts';

export function explicitRules(p: Paragraph, t: CorrectorTables): void {
  const { text, mask, edits, suggestions } = p;
  for (const rule of t.rules) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text))) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const after = replacementAt(rule, text, m.index, m[0].length);
      let s = 0;
      while (s < m[0].length && s < after.length && m[0][s] === after[s]) s++;
      let e = 0;
      while (e < m[0].length - s && e < after.length - s && m[0][m[0].length - 1 - e] === after[after.length - 1 - e]) e++;
      const start = m.index + s;
      const end = m.index + m[0].length - e;
      if (start === end && after.length - s - e === 0) continue;
      let blocked = false;
      for (let k = start; k < end; k++) if (mask[k]) blocked = true;
      if (blocked) continue;
      const meta: ChangeMeta = { type: 'correction', kind: 'rule', rule: `rule:${rule.id}`, confidence: rule.confidence, ...(rule.note ? { note: rule.note } : {}) };
      const edit: StageEdit = { start, end, replacement: after.slice(s, after.length - e), meta };
      if (t.inNameZone(text, start)) {
        suggestions.push({ ...edit, meta: { ...meta, confidence: Math.min(meta.confidence, 0.5) } });
        mask.fill(1, start, end);
        continue;
      }
      edits.push(edit);
      for (let k = Math.max(0, start - 1); k < Math.min(text.length, end + 1); k++) mask[k] = 1;
    }
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < edits.length; i++) {
    if (edits[i].start < edits[i - 1].end) edits.splice(i--, 1);
  }
}
