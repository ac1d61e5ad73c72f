/**
 * Decision policy (internal to pipeline/correct): a decoded site becomes an
 * applied change when its best reading's posterior reaches `apply` (the
 * precision target: calibrated posteriors make it the expected share of right
 * changes), a suggestion with its ranked alternatives from `suggest`, and
 * nothing below.
 */
import type { StageEdit } from '../tracked-text.ts';
import type { SiteReading } from './decoder.ts';

export interface DecisionThresholds {
  apply: number;
  suggest: number;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function decisions(sites: readonly SiteReading[], t: DecisionThresholds): { applied: boolean; edit: StageEdit }[] {
  const out: { applied: boolean; edit: StageEdit }[] = [];
  for (const s of sites) {
    const best = s.readings[0];
    if (!best || best.posterior < t.suggest) continue;
    const applied = best.posterior >= t.apply;
    out.push({
      applied,
      edit: {
        start: s.at,
        end: s.at + 1,
        replacement: best.ch,
        meta: {
          type: 'correction',
          kind: 'character',
          rule: 'decoder:noisy-channel',
          confidence: round(best.posterior),
          note: `posterior ${round(best.posterior)} against ${round(s.printedPosterior)} for the printed ${s.printed}`,
          alternatives: s.readings.slice(1).map((r) => ({ after: r.ch, score: round(r.posterior) })),
        },
      },
    });
  }
  return out;
}
