import { describe, expect, it } from 'vitest';
import { TrackedText, applyChanges, type StageEdit } from '../../pipeline/tracked-text.ts';
import { rng } from '../../scripts/lib/rng.ts';
import { applyToString } from '../helpers/edits.ts';


const ALPHABET = '巡察整改政治冶已巳 \n，,。AB12';
const layout = { type: 'layout', rule: 'remove-space' } as const;
const fix = { type: 'correction', kind: 'character', rule: 'test', confidence: 0.9 } as const;

function randomEdits(text: string, next: () => number): StageEdit[] {
  const edits: StageEdit[] = [];
  let pos = 0;
  while (pos <= text.length) {
    pos += Math.floor(next() * 6);
    if (pos > text.length) break;
    const len = Math.min(Math.floor(next() * 3), text.length - pos);
    const repLen = Math.floor(next() * 3);
    let replacement = '';
    for (let i = 0; i < repLen; i++) replacement += ALPHABET[Math.floor(next() * ALPHABET.length)];
    if (len === 0 && replacement === '') {
      pos += 1;
      continue;
    }
    edits.push({ start: pos, end: pos + len, replacement, meta: next() < 0.5 ? layout : fix });
    pos += len + (len === 0 ? 1 : 0);
  }
  return edits;
}


describe('TrackedText', () => {
  it('records a replacement with ranges into original and text', () => {
    const t = new TrackedText('讲政 冶站位');
    t.apply([{ start: 2, end: 3, replacement: '', meta: layout }]);
    expect(t.text).toBe('讲政冶站位');
    t.apply([{ start: 2, end: 3, replacement: '治', meta: fix }]);
    expect(t.text).toBe('讲政治站位');
    const changes = t.changes();
    expect(changes.map((c) => [c.before, c.after, c.original, c.text])).toEqual([
      [' ', '', { start: 2, end: 3 }, { start: 2, end: 2 }],
      ['冶', '治', { start: 3, end: 4 }, { start: 2, end: 3 }],
    ]);
  });

  it.each([
    // 跟宏督 after "跟\n宏 督" lost its line break and space: spans map to their own characters only
    ['a span before a removed space', 1, 2, { start: 2, end: 3 }],
    ['a span after a removed line break', 0, 1, { start: 0, end: 1 }],
    ['a span over both removals', 0, 3, { start: 0, end: 5 }],
    ['an empty span at a removal', 2, 2, { start: 4, end: 4 }],
  ])('maps %s to its characters in the original', (_name, start, end, original) => {
    const t = new TrackedText('跟\n宏 督');
    t.apply([{ start: 1, end: 2, replacement: '', meta: layout }, { start: 3, end: 4, replacement: '', meta: layout }]);
    expect(t.text).toBe('跟宏督');
    expect(t.originalOf({ start, end })).toEqual(original);
  });

  it('merges a later edit that overlaps an earlier change into one change', () => {
    const t = new TrackedText('民主生店會');
    t.apply([{ start: 4, end: 5, replacement: '会', meta: { type: 'correction', kind: 'script', rule: 't2s', confidence: 1 } }]);
    t.apply([{ start: 3, end: 5, replacement: '活会', meta: fix }]);
    expect(t.text).toBe('民主生活会');
    const [c] = t.changes();
    expect(c.before).toBe('店會');
    expect(c.after).toBe('活会');
    expect(c.metas.map((m) => m.type === 'correction' && m.rule)).toEqual(['t2s', 'test']);
  });

  it('forgets a change that is reverted', () => {
    const t = new TrackedText('已经');
    t.apply([{ start: 0, end: 1, replacement: '巳', meta: fix }]);
    t.apply([{ start: 0, end: 1, replacement: '已', meta: fix }]);
    expect(t.changes()).toEqual([]);
  });

  it('rejects overlapping edits', () => {
    const t = new TrackedText('abcdef');
    expect(() =>
      t.apply([
        { start: 0, end: 3, replacement: 'x', meta: fix },
        { start: 2, end: 4, replacement: 'y', meta: fix },
      ]),
    ).toThrow(RangeError);
  });

  it('keeps the invariants over 1,000 seeded random edit sequences', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const next = rng(seed);
      let original = '';
      const n = Math.floor(next() * 40);
      for (let i = 0; i < n; i++) original += ALPHABET[Math.floor(next() * ALPHABET.length)];
      const t = new TrackedText(original);
      let expected = original;
      const rounds = 1 + Math.floor(next() * 4);
      for (let r = 0; r < rounds; r++) {
        const edits = randomEdits(t.text, next);
        expected = applyToString(expected, edits);
        t.apply(edits);
        expect(t.text, `seed ${seed}`).toBe(expected);
      }
      const changes = t.changes();
      expect(applyChanges(original, changes), `seed ${seed}`).toBe(t.text);
      for (const c of changes) {
        expect(original.slice(c.original.start, c.original.end)).toBe(c.before);
        expect(t.text.slice(c.text.start, c.text.end)).toBe(c.after);
      }
      // toOriginal lands on the right position: an unchanged character maps to the same
      // character in original, shifted by the length changes before it; a changed piece
      // maps to the start (or, with bias 'end', the end) of what it replaced
      for (let p = 0; p <= t.text.length; p++) {
        const inside = changes.find((c) => c.text.start < p && p < c.text.end);
        if (inside) {
          expect(t.toOriginal(p), `seed ${seed} pos ${p}`).toBe(inside.original.start);
          expect(t.toOriginal(p, 'end'), `seed ${seed} pos ${p}`).toBe(inside.original.end);
          continue;
        }
        if (changes.some((c) => c.text.start === p || c.text.end === p)) continue;
        const shift = changes.filter((c) => c.text.end <= p).reduce((n, c) => n + (c.original.end - c.original.start) - (c.text.end - c.text.start), 0);
        expect(t.toOriginal(p), `seed ${seed} pos ${p}`).toBe(p + shift);
        if (p < t.text.length) expect(original[p + shift]).toBe(t.text[p]);
      }
      for (const c of changes.filter((c) => c.text.end > c.text.start)) expect(t.toOriginal(c.text.start), `seed ${seed}`).toBe(c.original.start);
    }
  });
});
