/**
 * `notice dict learn`: reviewer decisions to user dictionary entries the corrector
 * reads (`notice convert --dict FILE`). The corrector's user files can express
 * protected terms and literal rules, not "protected contexts" or "pair weights", so:
 * - a rejected change becomes a protected TERM = its uncorrected context + before
 *   (left context + before + right context): the corrector changes nothing inside it;
 * - an accepted change becomes a literal RULE context+before → context+after
 *   (confidence 0.99, with its own example), so it is made every time.
 * Changes made by the normaliser (punct:*, opencc:*) cannot be learned this way.
 */
import { createHash } from 'node:crypto';
import type { Decision } from './decisions.ts';

export interface LearnedRule {
  id: string;
  pattern: string;
  regex: false;
  replacement: string;
  confidence: number;
  note: string;
  examples: { from: string; to: string }[];
}

export interface Learned {
  protectedTerms: { value: string; note: string }[];
  rules: LearnedRule[];
  skipped: { decision: Decision; reason: string }[];
}

const NORMALISER = /^(punct|opencc):/;
const BAD = /[\t\r\n]/;

export function learnable(d: Decision): string | null {
  if (d.rule.split('+').every((r) => NORMALISER.test(r))) return `made by the normaliser (${d.rule}), not the corrector`;
  if (BAD.test(d.before + d.after + d.context.left + d.context.right)) return 'contains a tab or line break';
  if (!d.context.left && !d.context.right) return 'no Han context around it: learning it would act everywhere';
  return null;
}

export function ruleId(pattern: string, replacement: string): string {
  return `learned-${createHash('sha1').update(`${pattern}\u0000${replacement}`).digest('hex').slice(0, 10)}`;
}

/** Entries from decisions (already merged: one per id, last wins), added to `prior` learned entries. */
export function learn(decisions: Decision[], prior: { protectedTerms: { value: string; note: string }[]; rules: LearnedRule[] } = { protectedTerms: [], rules: [] }): Learned {
  const terms = new Map(prior.protectedTerms.map((t) => [t.value, t]));
  const rules = new Map(prior.rules.map((r) => [r.pattern, r]));
  const skipped: Learned['skipped'] = [];
  for (const d of decisions) {
    const why = learnable(d);
    if (why) {
      skipped.push({ decision: d, reason: why });
      continue;
    }
    const from = d.context.left + d.before + d.context.right;
    const to = d.context.left + d.after + d.context.right;
    if (d.decision === 'reject') {
      rules.delete(from);
      terms.set(from, { value: from, note: `rejected ${d.id}: ${d.before}→${d.after} (${d.rule})` });
    } else {
      terms.delete(from);
      const note = `accepted ${d.id}: ${d.before}→${d.after} (${d.rule})`;
      rules.set(from, { id: ruleId(from, to), pattern: from, regex: false, replacement: to, confidence: 0.99, note, examples: [{ from, to }] });
    }
  }
  return { protectedTerms: [...terms.values()], rules: [...rules.values()], skipped };
}

export function formatProtectedTsv(terms: { value: string; note: string }[]): string {
  const head = 'kind\tvalue\tnote\n# learned by "notice dict learn" from reviewer rejections: the corrector changes nothing inside these terms\n';
  return head + terms.map((t) => `term\t${t.value}\t${t.note.replace(/[\t\r\n]/g, ' ')}\n`).join('');
}

export function parseProtectedTsv(text: string): { value: string; note: string }[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.startsWith('term\t'))
    .map((l) => {
      const [, value, note = ''] = l.split('\t');
      return { value, note };
    });
}
