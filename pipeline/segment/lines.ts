/** Pass: split the text into lines with their ranges (linear scan). */
import type { Ctx, Line } from './types.ts';

const WS = /[\s\u3000]/;

export function splitLines(ctx: Ctx): void {
  const { text } = ctx;
  let start = 0;
  while (start < text.length) {
    let nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    if (nl < 0) nl = text.length;
    let cs = start;
    let ce = nl;
    while (cs < ce && WS.test(text[cs])) cs++;
    while (ce > cs && WS.test(text[ce - 1])) ce--;
    const line: Line = {
      index: ctx.lines.length,
      start,
      end,
      contentStart: cs,
      contentEnd: ce,
      content: text.slice(cs, ce),
      kind: cs === ce ? 'blank' : 'text',
      number: 0,
      marker: '',
      markerEnd: cs,
      damaged: false,
      role: 'paragraph',
      zone: 'body',
    };
    ctx.lines.push(line);
    start = end;
  }
}
