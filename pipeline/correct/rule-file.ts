/**
 * The explicit rules file (rules.json; internal to pipeline/correct): each
 * rule validated, compiled, and run on its examples and counter-examples at
 * load time (a broken rule fails loading, naming it).
 */
import { z } from 'zod';
import type { Rule } from './dictionaries.ts';
import { invalid, zodMsg } from './dictionary-rows.ts';

const RuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id: lower-case letters, digits, dashes'),
  pattern: z.string().min(1),
  regex: z.boolean().default(false),
  replacement: z.string(),
  confidence: z.number().min(0).max(1),
  note: z.string().optional(),
  examples: z.array(z.object({ from: z.string(), to: z.string() })).min(1, 'a rule needs at least one example'),
  counterExamples: z.array(z.string()).default([]),
});
const RulesFile = z.array(RuleSchema);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Apply one rule to a string (used for its examples). */
function applyRule(rule: Rule, s: string): string {
  return s.replace(new RegExp(rule.re.source, 'gu'), rule.replacement);
}

/** Replacement for the match of `rule` at `index` of `text` (with its context). */
export function replacementAt(rule: Rule, fullText: string, fullIndex: number, matchLength: number): string {
  // a window around the match is enough context for the rules' look-arounds
  const ws = Math.max(0, fullIndex - 16);
  const text = fullText.slice(ws, fullIndex + matchLength + 16);
  const index = fullIndex - ws;
  rule.sticky.lastIndex = index;
  const out = text.replace(rule.sticky, rule.replacement);
  return out.slice(index, out.length - (text.length - index - matchLength));
}

function compileRule(file: string, raw: unknown, index: number): Rule {
  const r = RuleSchema.safeParse(raw);
  const name = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : `#${index + 1}`;
  if (!r.success) throw invalid(file, `rule ${name}`, zodMsg(r.error));
  let re: RegExp;
  try {
    re = new RegExp(r.data.regex ? r.data.pattern : escapeRe(r.data.pattern), 'gu');
  } catch (e) {
    throw invalid(file, `rule ${name}`, `bad pattern: ${(e as Error).message}`);
  }
  const rule: Rule = { ...r.data, re, sticky: new RegExp(re.source, 'uy') };
  for (const ex of rule.examples) {
    const got = applyRule(rule, ex.from);
    if (got !== ex.to) throw invalid(file, `rule ${name}`, `example "${ex.from}" gives "${got}", expected "${ex.to}"`);
  }
  for (const ce of rule.counterExamples) {
    const got = applyRule(rule, ce);
    if (got !== ce) throw invalid(file, `rule ${name}`, `counter-example "${ce}" was changed to "${got}"`);
  }
  return rule;
}

/** The rules of one rules file, appended to `into`; `ids` (shared over files) rejects a duplicate id. */
export function readRules(file: string, text: string, ids: Set<string>, into: Rule[]): void {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw invalid(file, 'JSON', (e as Error).message);
  }
  if (!Array.isArray(raw)) {
    const r = RulesFile.safeParse(raw);
    throw invalid(file, 'file', r.success ? 'expected an array of rules' : zodMsg(r.error));
  }
  raw.forEach((entry, i) => {
    const rule = compileRule(file, entry, i);
    if (ids.has(rule.id)) throw invalid(file, `rule ${rule.id}`, 'duplicate id');
    ids.add(rule.id);
    into.push(rule);
  });
}
