/** Subsection markers repaired from their sequence: only where the next marker confirms. */
import { describe, expect, it } from 'vitest';
import { repairSubsectionNumbers } from '../../pipeline/correct/subsection-numbers.ts';
import { TrackedText } from '../../pipeline/tracked-text.ts';

const repaired = (text: string): string => {
  const t = new TrackedText(text);
  t.apply(repairSubsectionNumbers(text, new Uint8Array(text.length)));
  return t.text;
};

describe('repairSubsectionNumbers', () => {
  it.each([
    ['a misread numeral between its neighbours', '（一）政治建设\n甲。\n（三）组织建设\n乙。\n（三）作风建设', '（一）政治建设\n甲。\n（二）组织建设\n乙。\n（三）作风建设'],
    ['the first subsection of a section', '一、问题\n（二）政治建设\n（二）组织建设', '一、问题\n（一）政治建设\n（二）组织建设'],
    ['a marker glued after a full stop counts', '（一）甲。（三）乙。（三）丙', '（一）甲。（二）乙。（三）丙'],
    ['numbering restarts after a section heading', '一、甲\n（一）a\n（二）b\n二、乙\n（一）c\n（三）d\n（三）e', '一、甲\n（一）a\n（二）b\n二、乙\n（一）c\n（二）d\n（三）e'],
  ])('%s', (_name, text, want) => {
    expect(repaired(text)).toBe(want);
  });

  it.each([
    ['a skipped number with no confirmation (a subsection may be lost)', '（一）甲\n（三）乙\n（四）丙'],
    ['the last marker has no next one to confirm it', '（一）甲\n（三）乙'],
    ['a bracketed numeral inside a sentence', '（一）甲\n按照（三）项要求\n（二）乙'],
    ['an intact sequence', '（一）甲\n（二）乙\n（三）丙'],
  ])('leaves alone: %s', (_name, text) => {
    expect(repaired(text)).toBe(text);
  });

  it('never changes a protected position', () => {
    const text = '（一）甲\n（三）乙\n（三）丙';
    const mask = new Uint8Array(text.length).fill(1);
    expect(repairSubsectionNumbers(text, mask)).toHaveLength(0);
  });
});
