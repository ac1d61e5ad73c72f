/**
 * Pass: emit blocks. Every non-blank line opens a block of its role; blank lines
 * join the block before them (the first block starts at 0); mid-line cuts
 * (a progress label or contact details inside a line) open a block at their position.
 * Result: sorted, contiguous blocks covering [0, text.length).
 */
import type { Block, BlockType } from '../schema.ts';
import type { Ctx } from './types.ts';

export function emitBlocks(ctx: Ctx): Block[] {
  const marks: { pos: number; type: BlockType; order: number }[] = [];
  for (const l of ctx.lines) if (l.kind !== 'blank') marks.push({ pos: l.start, type: l.role, order: 0 });
  for (const c of ctx.cuts) marks.push({ pos: c.pos, type: c.type, order: 1 });
  marks.sort((a, b) => a.pos - b.pos || a.order - b.order);
  const blocks: Block[] = [];
  for (const m of marks) {
    const last = blocks[blocks.length - 1];
    if (last && last.span.start === m.pos) last.type = m.type;
    else {
      if (last) last.span.end = m.pos;
      blocks.push({ type: m.type, span: { start: m.pos, end: m.pos } });
    }
  }
  if (blocks.length === 0 && ctx.text.length > 0) blocks.push({ type: 'paragraph', span: { start: 0, end: 0 } });
  if (blocks.length) {
    blocks[0].span.start = 0;
    blocks[blocks.length - 1].span.end = ctx.text.length;
  }
  return blocks;
}
