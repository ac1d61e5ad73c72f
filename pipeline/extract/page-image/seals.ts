/**
 * Red regions: connected red cells of the red layer, split into seals (roughly round or square,
 * 2–6 cm across: official seals are 4–4.5 cm) and a masthead (wide red text in the top third).
 */
import { inkMask } from './mask.ts';
import type { Gray, PixelBox } from './types.ts';

export interface RedRegions {
  seals: PixelBox[];
  masthead: PixelBox | null;
}

/** Connected components (8-neighbour) of a mask, as boxes in mask cells. */
function components(mask: Uint8Array, w: number, h: number): { x0: number; y0: number; x1: number; y1: number; cells: number }[] {
  const seen = new Uint8Array(mask.length);
  const out: { x0: number; y0: number; x1: number; y1: number; cells: number }[] = [];
  const stack: number[] = [];
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i] || seen[i]) continue;
    const c = { x0: w, y0: h, x1: -1, y1: -1, cells: 0 };
    stack.push(i);
    seen[i] = 1;
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % w;
      const y = (p - x) / w;
      c.cells++;
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          const q = yy * w + xx;
          if (mask[q] && !seen[q]) {
            seen[q] = 1;
            stack.push(q);
          }
        }
    }
    out.push(c);
  }
  return out;
}

/** `red` is the red layer of separateRed (dark = red ink); mm sizes need the page's dpi. */
export function findRedRegions(red: Gray, dpi: number): RedRegions {
  const mm = dpi / 25.4;
  // 1.5 mm cells: the ring, star and text of a seal join into one component; masthead characters mostly do.
  const cell = Math.max(2, Math.round(1.5 * mm));
  const m = inkMask(red, 128, cell);
  const boxes = components(m.mask, m.width, m.height).map((c) => ({ x: c.x0 * cell, y: c.y0 * cell, width: (c.x1 - c.x0 + 1) * cell, height: (c.y1 - c.y0 + 1) * cell }));
  const seals: PixelBox[] = [];
  const top: PixelBox[] = [];
  for (const b of boxes) {
    const aspect = b.width / b.height;
    if (b.width >= 20 * mm && b.width <= 60 * mm && b.height >= 20 * mm && b.height <= 60 * mm && aspect >= 0.7 && aspect <= 1.4) seals.push(b);
    else if (b.y + b.height <= red.height / 3 && b.height >= 4 * mm) top.push(b); // thin red rules are not text
  }
  let masthead: PixelBox | null = null;
  if (top.length) {
    const x0 = Math.min(...top.map((b) => b.x));
    const y0 = Math.min(...top.map((b) => b.y));
    const x1 = Math.max(...top.map((b) => b.x + b.width));
    const y1 = Math.max(...top.map((b) => b.y + b.height));
    if (x1 - x0 >= 40 * mm) masthead = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  }
  return { seals, masthead };
}
