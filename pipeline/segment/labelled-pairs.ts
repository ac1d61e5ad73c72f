/**
 * Problems printed with no number, each a pair of labelled paragraphs: "存在问题：…" then "整改进展：…". Where a
 * document prints two or more such statement paragraphs, each right after a progress or a heading (never under a
 * numbered item, whose statement it would be) and each followed by a paragraph opening with a progress label, every
 * statement paragraph opens a problem, numbered in order within its section.
 */
import { matchLabel } from './markers.ts';
import { warn, type Ctx, type Line } from './types.ts';

/** A label that names the problem itself (not 巡察指出, which quotes it under a numbered title line). */
const PROBLEM_LABEL = /^(?:存在问题|问题表现|主要问题|问题描述|反馈问题)\s*[：:]/;

export function markLabelledPairs(ctx: Ctx): void {
  const lines = ctx.lines.filter((l) => l.kind !== 'blank');
  if (lines.some((l) => l.kind === 'question')) return;
  const pairs = new Set(lines.filter((l, k) => l.kind === 'text' && PROBLEM_LABEL.test(l.content) && opensPair(lines, k)));
  if (pairs.size < 2) return;
  let number = 0;
  for (const l of lines) {
    if (l.kind === 'section') number = 0;
    if (!pairs.has(l)) continue;
    Object.assign(l, { kind: 'question', number: ++number, marker: '', markerEnd: l.contentStart, damaged: false });
    warn(ctx, 'marker-lost', `problem ${number} has no printed number: its "${l.content.slice(0, 4)}" paragraph opens it`, l.contentStart, l.contentStart);
  }
}

/** lines[k] follows no numbered item and is followed, before the next statement paragraph, by a progress label. */
function opensPair(lines: readonly Line[], k: number): boolean {
  const before = lines[k - 1];
  if (before && (before.kind === 'item' || before.kind === 'question')) return false;
  for (let j = k + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.kind !== 'text' || PROBLEM_LABEL.test(l.content)) return false;
    if (matchLabel(l.content)) return true;
  }
  return false;
}
