/**
 * Correctors built one after another in a process share one parse of jieba's list:
 * each must still see exactly jieba's frequencies with its own lexicon over them (the
 * larger weight wins), in the same order as a corrector built alone — never another
 * corrector's lexicon terms.
 */
import { describe, expect, it } from 'vitest';
import type { Dictionaries } from '../../pipeline/correct/dictionaries.ts';
import { wordFrequencies } from '../../pipeline/correct/word-frequencies.ts';

// a list unlike any other test's, so this file's first build parses it afresh
const JIEBA = ['整改 3000 v', '巡察 800 n', '台账 120 n', '落实 5000 v', '我们 9000 r', '云岫县 40 ns'].join('\n') + '\n';
const dicts = (lexicon: [string, number][]): Dictionaries =>
  ({ jiebaText: JIEBA, lexicon: new Map(lexicon), charfreq: null, corpusText: '' }) as unknown as Dictionaries;

/** what a corrector built alone sees: jieba's list in order, then the lexicon over it */
function alone(lexicon: [string, number][]): [string, number][] {
  const m = new Map<string, number>(JIEBA.trim().split('\n').map((l) => [l.split(' ')[0], Number(l.split(' ')[1])]));
  for (const [t, w] of lexicon) m.set(t, Math.max(m.get(t) ?? 0, w));
  return [...m];
}

describe('wordFrequencies over one parse of jieba', () => {
  const lexicons: [string, [string, number][]][] = [
    ['first: raises 巡察, adds 巡察整改, leaves 我们 (its weight is lower)', [['巡察', 90000], ['巡察整改', 5000], ['我们', 1]]],
    ['second: another lexicon sees neither 巡察整改 nor the raised 巡察', [['台账', 7000], ['整改台账', 300]]],
    ['third: no lexicon at all is jieba\'s list as parsed', []],
    ['fourth: the first lexicon again gives the first map again', [['巡察', 90000], ['巡察整改', 5000], ['我们', 1]]],
  ];
  const built = lexicons.map(([, lex]) => wordFrequencies(dicts(lex)));

  it.each(lexicons.map(([name, lex], i) => [name, lex, i] as const))('%s', (_name, lex, i) => {
    expect([...built[i].freq]).toEqual(alone(lex));
  });

  it('gives each corrector a map of its own, and jieba\'s common words without any lexicon', () => {
    expect(new Set(built.map((b) => b.freq)).size).toBe(built.length);
    for (const b of built) expect(b.jiebaCommon).toEqual([['整改', 3000], ['落实', 5000], ['我们', 9000]]);
    expect([...built[0].proper]).toEqual(['云岫县']);
  });
});
