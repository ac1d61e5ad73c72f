/**
 * A notice quotes its key phrases many times; a damaged copy is repaired from
 * the others, and nothing changes where the document gives no such evidence.
 */
import { describe, expect, it } from 'vitest';
import { repairQuotedTerms } from '../../pipeline/correct/quoted-terms.ts';

const THRICE = '突出对“一把手”的监督，将“一把手”和领导班子作为重点，强化对“一把手”的日常监督。\n';
const run = (text: string, protect: (i: number) => boolean = () => false): string[] =>
  repairQuotedTerms(text, () => true, (i) => protect(i - 1) && protect(i)).map((e) => `${e.replacement}@${e.start - THRICE.length} ${e.meta.type === 'correction' ? e.meta.rule : ''}`);

describe('quoted terms of the document', () => {
  it.each([
    ['a copy one character short gets it back', THRICE + '对班子成员特别是“把手”的画像。', ['一@9 document:quoted-term']],
    ['a copy that is never closed is closed after the term', THRICE + '《加强对“一把手巡视巡察监督的八条措施》', ['”@8 punct:quote-closer-term']],
    ['an opening quote closed later in the paragraph is a longer quotation', THRICE + '提出“一把手抓、抓一把手”的要求。', []],
    ['quoted only twice: no evidence', '对“一把手”的监督，将“一把手”作为重点。\n对班子成员特别是“把手”的画像。', []],
    ['a shorter string the document quotes as often is a term of its own', THRICE + '落实“把手”制度，“把手”清单，“把手”台账。', []],
  ])('%s', (_name, text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it('never splits a protected term', () => {
    const text = THRICE + '《加强对“一把手巡视巡察监督的八条措施》';
    const at = text.indexOf('巡视');
    // 手 and 巡 both protected: the closing quote would fall inside a protected span
    expect(run(text, (i) => i === at || i === at - 1)).toEqual([]);
  });
});
