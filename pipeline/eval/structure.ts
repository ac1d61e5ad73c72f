/** Structure measures against gold.structure.json. */
import { z } from 'zod';
import type { Notice } from '../schema.ts';
import { cer } from './metrics.ts';
import { GoldGbtFields, scoreGbtFields, type GbtScore } from './gbt-fields.ts';

const GoldProblem = z.object({ number: z.number().int(), statement: z.string(), progress: z.string() });
const GoldSubsection = z.object({ number: z.number().int(), heading: z.string(), problems: z.array(GoldProblem).default([]) });
export const GoldStructure = GoldGbtFields.extend({
  title: z.string().nullable(),
  issuer: z.string().nullable().optional(),
  documentNumber: z.string().nullable().optional(),
  date: z.string().nullable().optional(),
  sections: z.array(
    z.object({
      number: z.number().int(),
      heading: z.string(),
      subsections: z.array(GoldSubsection).default([]),
      problems: z.array(GoldProblem).default([]),
    }),
  ),
});
export type GoldStructure = z.infer<typeof GoldStructure>;

/** A problem counts as found when its number matches and statement and progress are within this CER of gold. */
export const PROBLEM_TOLERANCE = 0.1;

const flatten = <P>(sections: { problems: P[]; subsections: { problems: P[] }[] }[]): P[] =>
  sections.flatMap((s) => [...s.problems, ...s.subsections.flatMap((x) => x.problems)]);

export interface StructureScore {
  problemsGold: number;
  problemsFound: number;
  problemsMissed: string[];
  sectionsGold: number;
  sectionsFound: number;
  subsectionsGold: number;
  subsectionsFound: number;
  titleOk: boolean;
  issuerOk: boolean;
  dateOk: boolean;
  /** GB/T 9704 element fields (copyNumber … printDate), when gold records them. */
  gbt: GbtScore | null;
}

export function scoreStructure(notice: Notice, gold: GoldStructure): StructureScore {
  const goldProblems = flatten(gold.sections);
  const ours = flatten(notice.sections);
  const used = new Set<number>();
  const missed: string[] = [];
  let found = 0;
  for (const g of goldProblems) {
    // numbering may restart per subsection: among ours with this number, take the closest statement
    let k = -1;
    let best = Infinity;
    ours.forEach((p, i) => {
      if (used.has(i) || p.number !== g.number) return;
      const d = cer(p.statement, g.statement);
      if (d < best) [k, best] = [i, d];
    });
    const p = ours[k];
    if (p && cer(p.statement, g.statement) <= PROBLEM_TOLERANCE && cer(p.progress, g.progress) <= PROBLEM_TOLERANCE) {
      used.add(k);
      found++;
    } else {
      missed.push(
        p
          ? `#${g.number} (statement CER ${cer(p.statement, g.statement).toFixed(2)}, progress CER ${cer(p.progress, g.progress).toFixed(2)})`
          : `#${g.number} (not found)`,
      );
    }
  }
  const headingHit = (ours: { heading: string }[], golds: { heading: string }[]) =>
    golds.filter((g) => ours.some((o) => cer(o.heading, g.heading) <= 0.2)).length;
  return {
    problemsGold: goldProblems.length,
    problemsFound: found,
    problemsMissed: missed,
    sectionsGold: gold.sections.length,
    sectionsFound: headingHit(notice.sections, gold.sections),
    subsectionsGold: gold.sections.flatMap((s) => s.subsections).length,
    subsectionsFound: headingHit(notice.sections.flatMap((s) => s.subsections), gold.sections.flatMap((s) => s.subsections)),
    titleOk: (notice.title ?? '') !== '' && cer(notice.title ?? '', gold.title ?? '') <= 0.1,
    issuerOk: gold.issuer == null ? true : cer(notice.issuer ?? '', gold.issuer) <= 0.1,
    dateOk: gold.date == null ? true : notice.date === gold.date,
    gbt: scoreGbtFields(notice, gold),
  };
}
