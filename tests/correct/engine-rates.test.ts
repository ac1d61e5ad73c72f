/**
 * The engine's misreading rate as the corrector's prior: the rates file is
 * validated when loaded, and a character read by an engine that misreads k times
 * less often than the reference text needs ln k more evidence to be changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCorrector, loadDictionaries, type Corrector, type Dictionaries } from '../../pipeline/correct/index.ts';
import { ENGINE_RATES_FILE, readEngineRates } from '../../pipeline/correct/engine-rates.ts';
import { DEFAULT_DICT_DIR } from '../../pipeline/correct/dictionaries.ts';
import { ENGINE_NAMES } from '../../pipeline/extract/ocr.ts';

const count = (misreadings: number, hanCharacters: number) => ({ misreadings, hanCharacters, inputs: ['x.pdf'], rate: (misreadings + 0.5) / (hanCharacters + 1) });
const file = (engines: Record<string, unknown>, reference: unknown = count(99, 999)) => JSON.stringify({ note: 'test', reference, engines });

describe('readEngineRates', () => {
  it('gives each engine ln(its rate / the reference rate)', () => {
    const shifts = readEngineRates('r.json', file({ fine: count(0, 999), same: count(99, 999) }));
    expect(shifts.get('fine')).toBeCloseTo(Math.log(0.5 / 99.5), 10);
    expect(shifts.get('same')).toBeCloseTo(0, 10);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['a rate of 0', file({ e: { ...count(0, 9), rate: 0 } }), /rate/],
    ['no reference', JSON.stringify({ note: 'x', engines: {} }), /reference/],
    ['an unknown field', JSON.stringify({ note: 'x', reference: count(1, 9), engines: {}, extra: 1 }), /extra/],
    ['no inputs counted', file({ e: { ...count(1, 9), inputs: [] } }), /inputs/],
  ])('refuses a file with %s, naming it', (_case, text, why) => {
    expect(() => readEngineRates('dictionaries/engine-misreading-rates.json', text)).toThrow(/engine-misreading-rates\.json/);
    expect(() => readEngineRates('r.json', text)).toThrow(why);
  });

  it('ships a measured rate for every engine', () => {
    const shifts = readEngineRates(ENGINE_RATES_FILE, readFileSync(join(DEFAULT_DICT_DIR, ENGINE_RATES_FILE), 'utf8'));
    for (const engine of ENGINE_NAMES) expect(Number.isFinite(shifts.get(engine))).toBe(true);
  });
});

describe('the corrector with the engine prior', () => {
  let dicts: Dictionaries;
  let corrector: Corrector;
  const k = 1000;
  beforeAll(() => {
    dicts = loadDictionaries();
    // 'rare' misreads 1000× less often than the reference, 'usual' as often
    corrector = createCorrector({ ...dicts, channelShifts: new Map([['rare', -Math.log(k)], ['usual', 0]]) });
  }, 60_000);

  const text = '对情况进行检在，并在巡察中督促。';
  const pos = text.indexOf('在');
  const readBy = (engine?: string) => corrector.correct({ text, evidenceAt: () => ({ confidence: 0.9, ...(engine ? { engine } : {}) }) });
  const change = (r: ReturnType<Corrector['correct']>) => [...r.edits, ...r.suggestions].find((e) => e.start === pos && e.replacement === '查');
  const scoreOf = (r: ReturnType<Corrector['correct']>) => {
    const c = change(r);
    return Number(/score (-?[\d.]+)/.exec(c && c.meta.type === 'correction' ? (c.meta.note ?? '') : '')?.[1] ?? NaN);
  };

  it('scores a character the same when its engine misreads as often as the reference, or is not known', () => {
    expect(readBy('usual')).toEqual(readBy());
    expect(readBy('an engine not in the file')).toEqual(readBy());
  });

  it('turns a change into a suggestion, ln k lower, for an engine that misreads k times less often', () => {
    const usual = scoreOf(readBy('usual'));
    expect(Number.isFinite(usual)).toBe(true);
    expect(readBy('usual').edits.some((e) => e.start === pos && e.replacement === '查')).toBe(true);
    // the same reading from the engine that rarely misreads: a suggestion, ln k lower
    const rare = readBy('rare');
    expect(rare.edits.some((e) => e.start === pos)).toBe(false);
    expect(rare.suggestions.some((e) => e.start === pos && e.replacement === '查')).toBe(true);
    expect(scoreOf(rare)).toBeCloseTo(usual - Math.log(k), 1);
  });
});
