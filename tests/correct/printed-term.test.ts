/**
 * A term the document prints the same way in several places (printed-term.ts): a look-alike change made only
 * under the rare-character bar is held as a suggestion there, since the string is the document's own term;
 * printed once, or with strong evidence (a frequent word restored), the change is applied as before.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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

describe("a document's own term keeps its reading", () => {
  it.each([
    // 禾 is rare, so 丰禾 → 丰乐 passes the rare-character bar; printed three times it is a name
    ['丰禾职业技术学院', '禾', 1, ['禾→乐'], []],
    ['丰禾职业技术学院', '禾', 3, [], ['禾→乐', '禾→乐', '禾→乐']],
    // a frequent term restored with a high score is applied wherever the misreading repeats
    ['民主生店会', '店', 3, ['店→活', '店→活', '店→活'], []],
  ])('%s printed (%s) %i times: applied %j, held %j', (phrase, ch, times, applied, held) => {
    const text = withPhrase(phrase, times);
    const r = sharedCorrector().correctDocument({ text, ocrSigns: 2 });
    expect(changesAt(text, r.edits, ch)).toEqual(applied);
    const heldHere = r.suggestions.filter((s) => s.meta.type === 'correction' && s.meta.note?.includes('its own term'));
    expect(changesAt(text, heldHere, ch)).toEqual(held);
    // the other misreading of the document is corrected either way
    expect(changesAt(text, r.edits, '冶')).toEqual(['冶→治']);
  });

  it('a held change is a suggestion with the confidence of a suggestion at its score', () => {
    const text = withPhrase('丰禾职业技术学院', 3);
    const r = sharedCorrector().correctDocument({ text, ocrSigns: 2 });
    const held = r.suggestions.filter((s) => s.meta.type === 'correction' && s.meta.note?.includes('its own term'));
    expect(held).toHaveLength(3);
    for (const s of held) expect(s.meta.type === 'correction' && s.meta.confidence).toBeLessThan(0.6);
  });
});
