/**
 * Every look-alike reading needs PARAMS.applyScore to be applied (params.ts): a reading that only a
 * lower bar would once have let through — a rare printed character (丰禾 → 丰乐) — is a suggestion,
 * wherever and however often it is printed; a frequent term restored with a high score is applied.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../pipeline/correct/params.ts';
import { sharedCorrector } from '../../pipeline/correct/shared-corrector.ts';

const lines = readFileSync('fixtures/notices/n03-linjiang-district/gold.txt', 'utf8').split('\n');
/** n03's gold with `phrase` put before paragraphs 3, 6, 9 … (`times` of them) and one 政治 read 政冶 */
function withPhrase(phrase: string, times: number): string {
  const ls = [...lines];
  for (let j = 0; j < times; j++) ls[3 + j * 3] = `${phrase}对${ls[3 + j * 3]}`;
  return ls.join('\n').replace('政治', '政冶');
}
const changesAt = (text: string, es: { start: number; replacement: string }[], ch: string) =>
  es.filter((e) => text[e.start] === ch).map((e) => `${ch}→${e.replacement}`);

describe('a look-alike reading under applyScore is a suggestion', () => {
  it.each([
    // 禾 is rare and 丰乐 a word, but the reading scores under applyScore: suggested, never applied
    ['丰禾职业技术学院', '禾', 1, [], 1],
    ['丰禾职业技术学院', '禾', 3, [], 3],
    // a frequent term restored with a high score is applied wherever the misreading repeats
    ['民主生店会', '店', 3, ['店→活', '店→活', '店→活'], 0],
  ])('%s printed (%s) %i times: applied %j, suggested %i', (phrase, ch, times, applied, suggested) => {
    const text = withPhrase(phrase, times);
    const r = sharedCorrector().correctDocument({ text, ocrSigns: 2 });
    expect(changesAt(text, r.edits, ch)).toEqual(applied);
    const offered = r.suggestions.filter((s) => text[s.start] === ch && s.meta.type === 'correction');
    expect(offered).toHaveLength(suggested);
    for (const s of offered) expect(s.meta.type === 'correction' && (s.meta.score ?? 0) < PARAMS.applyScore).toBe(true);
    // the other misreading of the document is corrected either way
    expect(changesAt(text, r.edits, '冶')).toEqual(['冶→治']);
  });
});
