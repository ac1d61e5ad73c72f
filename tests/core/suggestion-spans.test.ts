/**
 * Suggestions (and the ids reviewers decide by) keep their place in the original when the layout
 * stages removed material next to them: OCR text with a space between every character ("跟\n宏 督 办") gets the same suggestions as
 * the same text without the spaces, each with an original span that holds exactly its `before`.
 * (Until 2026-12-07 such a suggestion's span took in the removed space and it was dropped: on the
 * tune fixtures 108 of 197.)
 */
import { describe, expect, it } from 'vitest';
import { convertText, createPipeline } from '../../pipeline/convert.ts';

const lines = ['对巡察反馈尚未完成整改的问题持续跟', '宏督办，确保全部整改到位。', '教育局党委坚决扛起巡察整改政冶责任。'];
const spaced = (s: string): string => [...s].join(' ');

describe('suggestions after layout clean-up', () => {
  it.each([
    ['plain lines', lines.join('\n')],
    ['a space between every character', lines.map(spaced).join('\n')],
    ['spaces and CRLF line ends', lines.map(spaced).join('\r\n')],
  ])('are the same and point at their characters in the original (%s)', (_name, input) => {
    const doc = convertText(input, { file: 'x.txt' });
    const plain = convertText(lines.join('\n'), { file: 'x.txt' });
    expect(doc.suggestions.map((s) => `${s.before}→${s.after}`)).toEqual(plain.suggestions.map((s) => `${s.before}→${s.after}`));
    expect(doc.suggestions.length).toBeGreaterThan(0);
    for (const s of doc.suggestions) {
      expect(input.slice(s.original.start, s.original.end)).toBe(s.before);
      expect(doc.text.slice(s.text.start, s.text.end)).toBe(s.before);
    }
  });

  it('can be accepted by their id: the reviewer\'s decision applies the suggestion', async () => {
    const input = lines.map(spaced).join('\n');
    const first = convertText(input, { file: 'x.txt' });
    const s = first.suggestions[0]!;
    const pipeline = createPipeline({ workers: 1, decisions: () => ({ rejected: new Set(), accepted: new Set([s.id]) }) });
    try {
      const doc = pipeline.convertText(input, { file: 'x.txt' });
      expect(doc.corrections.filter((c) => c.kind === 'character').map((c) => `${c.before}→${c.after}`)).toContain(`${s.before}→${s.after}`);
      expect(doc.suggestions.map((x) => x.id)).not.toContain(s.id);
    } finally {
      await pipeline.close();
    }
  });

  it('and a correction next to removed spaces can be rejected by its id', async () => {
    // two misreadings: a lone one would be a suggestion (lone-change.ts)
    const input = spaced('全面从严治党，提高政冶站位，落买主体责任。');
    const found = convertText(input, { file: 'x.txt' }).corrections.filter((x) => x.kind === 'character');
    expect(found.map((x) => `${x.before}→${x.after}`)).toEqual(['冶→治', '买→实']);
    const c = found[0];
    expect(input.slice(c.original.start, c.original.end)).toBe(c.before);
    const pipeline = createPipeline({ workers: 1, decisions: () => ({ rejected: new Set([c.id]), accepted: new Set() }) });
    try {
      expect(pipeline.convertText(input, { file: 'x.txt' }).corrections.filter((x) => x.kind === 'character').map((x) => `${x.before}→${x.after}`)).toEqual(['买→实']);
    } finally {
      await pipeline.close();
    }
  });
});
