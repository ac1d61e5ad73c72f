/** `notice review` in the terminal: each change in its context. Pure formatters. */
import type { NoticeDocument } from '../schema.ts';
import { changesOf, matchesFilter, snippet, type Change, type ChangeFilter } from './text-model.ts';

export interface TerminalOptions {
  colour: boolean;
  filter: ChangeFilter;
  width?: number;
}

const ESC = '\u001b[';
const paint = (code: string, s: string): string => `${ESC}${code}m${s}${ESC}0m`;

/** `[-before-]{+after+}` (plain) or red strike / green (colour). */
export function markChange(before: string, after: string, colour: boolean): string {
  if (colour) return `${before ? paint('31;9', before) : ''}${after ? paint('32;1', after) : ''}`;
  return `${before ? `[-${before}-]` : ''}${after ? `{+${after}+}` : ''}`;
}

function visible(s: string): string {
  return s.replace(/\n/g, '⏎').replace(/\t/g, '⇥');
}

export function formatChange(doc: NoticeDocument, ch: Change, opts: TerminalOptions): string {
  const c = ch.c;
  const sn = snippet(doc, ch, opts.width ?? 12);
  const mark = markChange(visible(c.before), visible(c.after), opts.colour);
  const head = [
    ch.type === 'suggestion' ? 'suggestion' : 'correction',
    c.id,
    c.kind,
    c.rule,
    `confidence ${c.confidence.toFixed(2)}`,
    c.page !== undefined ? `page ${c.page}` : null,
    `text ${c.text.start}-${c.text.end}`,
  ].filter(Boolean).join('  ');
  const title = opts.colour ? paint(ch.type === 'suggestion' ? '33' : '36', head) : head;
  const note = c.note ? `\n    note: ${c.note}` : '';
  return `${title}\n    …${visible(sn.left)}${mark}${visible(sn.right)}…${note}`;
}

export function formatReview(docs: { name: string; doc: NoticeDocument }[], opts: TerminalOptions): string {
  const out: string[] = [];
  let total = 0;
  for (const { name, doc } of docs) {
    const changes = changesOf(doc).filter((ch) => matchesFilter(ch, opts.filter));
    total += changes.length;
    const head = `== ${name} (${doc.source.file}): ${changes.length} of ${doc.corrections.length + doc.suggestions.length} changes shown (${doc.corrections.length} corrections, ${doc.suggestions.length} suggestions in all)`;
    out.push(opts.colour ? paint('1', head) : head);
    for (const ch of changes) out.push(formatChange(doc, ch, opts));
    out.push('');
  }
  out.push(`${total} change(s) shown`);
  return `${out.join('\n')}\n`;
}
