/**
 * Tune fixtures (fixtures/<group>/<id>/ with meta.json split "tune"): the problems found
 * in gold.txt match gold.structure.json (number, statement, progress), and so do the header fields.
 * Holdout fixtures are never read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segment } from '../../pipeline/segment/index.ts';
import { expectPartition, expectSlices } from './check.ts';

interface GoldProblem { number: number; statement: string; progress: string }
interface GoldSection { number: number; heading: string; subsections: { number: number; heading: string; problems: GoldProblem[] }[]; problems?: GoldProblem[] }
interface Gold { title: string | null; issuer: string | null; documentNumber: string | null; date: string | null; sections: GoldSection[] }

const root = join(import.meta.dirname, '../../fixtures');
const cases: { id: string; dir: string }[] = [];
for (const group of existsSync(root) ? readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : []) {
  const gdir = join(root, group);
  for (const id of readdirSync(gdir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    const dir = join(gdir, id);
    const metaPath = join(dir, 'meta.json');
    if (!existsSync(metaPath)) continue;
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { split?: string };
    if (meta.split !== 'tune') continue;
    if (!existsSync(join(dir, 'gold.txt')) || !existsSync(join(dir, 'gold.structure.json'))) continue;
    cases.push({ id: `${group}/${id}`, dir });
  }
}

const problemsOf = (sections: GoldSection[]) =>
  sections.flatMap((s) => [...(s.problems ?? []), ...s.subsections.flatMap((x) => x.problems)])
    .map((p) => ({ number: p.number, statement: p.statement, progress: p.progress }));

describe.skipIf(cases.length === 0)('tune fixtures', () => {
  it.each(cases)('$id', ({ dir }) => {
    const text = readFileSync(join(dir, 'gold.txt'), 'utf8');
    const gold = JSON.parse(readFileSync(join(dir, 'gold.structure.json'), 'utf8')) as Gold;
    const r = segment(text);
    expectPartition(text, r.blocks);
    expectSlices(text, r);
    expect(problemsOf(r.notice.sections as GoldSection[])).toEqual(problemsOf(gold.sections));
    expect({ title: r.notice.title, issuer: r.notice.issuer, documentNumber: r.notice.documentNumber, date: r.notice.date })
      .toEqual({ title: gold.title, issuer: gold.issuer, documentNumber: gold.documentNumber, date: gold.date });
    const outline = (sections: GoldSection[]) =>
      sections.map((s) => [s.number, s.heading, s.subsections.map((x) => [x.number, x.heading])]);
    expect(outline(r.notice.sections as GoldSection[])).toEqual(outline(gold.sections));
  });
});
