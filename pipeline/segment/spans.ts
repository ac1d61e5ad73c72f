/** Pass: a section's / subsection's span runs from its heading to the end of the last thing it holds. */
import type { Ctx } from './types.ts';

export function measureSpans(ctx: Ctx): void {
  const endOf = (xs: { span: { end: number } }[], init: number) => xs.reduce((m, x) => Math.max(m, x.span.end), init);
  for (const s of ctx.notice.sections) {
    for (const sub of s.subsections) sub.span.end = endOf(sub.problems, endOf(sub.paragraphs, sub.span.end));
    s.span.end = endOf(s.subsections, endOf(s.problems, endOf(s.paragraphs, s.span.end)));
  }
}
