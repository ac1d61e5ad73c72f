/**
 * From decoded sites to changes: applied at the precision target, suggested
 * (with ranked alternatives) above the suggestion floor, nothing below; and the
 * corrector with the decoder switched on keeps its output contract.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { decisions } from '../../pipeline/correct/decision-policy.ts';
import { createCorrector, loadDictionaries, PARAMS } from '../../pipeline/correct/index.ts';
import type { SiteReading } from '../../pipeline/correct/decoder.ts';

const site = (posteriors: [string, number][], printed = '于'): SiteReading => ({
  at: 3,
  printed,
  readings: posteriors.map(([ch, posterior]) => ({ ch, posterior })),
  printedPosterior: 1 - posteriors.reduce((a, [, p]) => a + p, 0),
});

describe('decision policy', () => {
  it.each([
    [[['干', 0.98]], 'applied'],
    [[['干', 0.97]], 'applied'],
    [[['干', 0.6], ['千', 0.2]], 'suggested'],
    [[['干', 0.3]], 'suggested'],
    [[['干', 0.29]], 'nothing'],
    [[], 'nothing'],
  ] as [[string, number][], string][])('%j is %s', (posteriors, what) => {
    const d = decisions([site(posteriors)], { apply: 0.97, suggest: 0.3 });
    expect(d.length ? (d[0]!.applied ? 'applied' : 'suggested') : 'nothing').toBe(what);
  });

  it('keeps the offsets, the rule, the posterior as confidence and the other readings ranked', () => {
    const [d] = decisions([site([['干', 0.6], ['千', 0.2], ['子', 0.1]])], { apply: 0.97, suggest: 0.3 });
    expect(d!.edit).toMatchObject({ start: 3, end: 4, replacement: '干', meta: { type: 'correction', kind: 'character', rule: 'decoder:noisy-channel', confidence: 0.6 } });
    expect(d!.edit.meta.type === 'correction' && d!.edit.meta.alternatives).toEqual([
      { after: '千', score: 0.2 },
      { after: '子', score: 0.1 },
    ]);
  });
});

describe('corrector with the decoder', () => {
  const saved = PARAMS.decoder;
  afterEach(() => {
    PARAMS.decoder = saved;
  });

  it('corrects a document through the decoder, offsets into the input', () => {
    PARAMS.decoder = true;
    const corrector = createCorrector(loadDictionaries());
    const text = '各级干部要带头落实。\n全体党员于部要提高政治站位。';
    const r = corrector.correctDocument({ text });
    const at = text.indexOf('于部');
    expect(r.edits.map((e) => [e.start, e.end, e.replacement])).toContainEqual([at, at + 1, '干']);
    for (const e of [...r.edits, ...r.suggestions]) {
      expect(e.meta.type === 'correction' && e.meta.confidence).toBeGreaterThan(0);
      expect(e.end).toBeGreaterThan(e.start);
    }
  });

  it('leaves clean lines alone', () => {
    PARAMS.decoder = true;
    const corrector = createCorrector(loadDictionaries());
    expect(corrector.correctDocument({ text: '第三巡察组对县委办公室开展了常规巡察。\n截至目前，已完成整改任务四十二项。' }).edits).toEqual([]);
  });
});
