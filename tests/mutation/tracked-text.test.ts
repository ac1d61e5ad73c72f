/**
 * TrackedText offsets against a reference derived from the recorded changes: outside
 * changes, text and original run in step; inside a change, positions go to its start
 * or end by bias; with the end bias a position is a span's end, just after the character
 * before it (never past material removed there). Seeded random edit sequences, plus tables for the edge cases.
 */
import { describe, expect, it } from 'vitest';
import { TrackedText, applyChanges, type RecordedChange, type StageEdit } from '../../pipeline/tracked-text.ts';
import { rng } from '../../scripts/lib/rng.ts';
import { applyToString } from '../helpers/edits.ts';

const ALPHABET = '巡察整改政治冶 \n，。AB';
const layout = { type: 'layout', rule: 'remove-space' } as const;
const fix = { type: 'correction', kind: 'character', rule: 'test', confidence: 0.9 } as const;
const ed = (start: number, end: number, replacement: string): StageEdit => ({ start, end, replacement, meta: fix });

function randomEdits(text: string, next: () => number): StageEdit[] {
  const edits: StageEdit[] = [];
  let pos = Math.floor(next() * 3);
  while (pos <= text.length) {
    const len = Math.min(Math.floor(next() * 3), text.length - pos);
    let replacement = '';
    for (let i = Math.floor(next() * 3); i > 0; i--) replacement += ALPHABET[Math.floor(next() * ALPHABET.length)];
    if (len > 0 || replacement) edits.push({ start: pos, end: pos + len, replacement, meta: next() < 0.4 ? layout : fix });
    // the next edit may start where a replacement ends, never at an insertion's point
    pos += len + (len > 0 ? 0 : 1) + Math.floor(next() * 5);
  }
  return edits;
}

/**
 * The change that is the last piece of the text, if any. The end of the text (and of
 * the original) counts as inside it: the bias chooses its start or end.
 */
function trailing(t: TrackedText, changes: RecordedChange[]): RecordedChange | undefined {
  const c = changes.at(-1);
  return c && c.text.end === t.text.length && c.original.end === t.original.length ? c : undefined;
}

function refToOriginal(t: TrackedText, changes: RecordedChange[], p: number, bias: 'start' | 'end'): number {
  // the end bias reads p as a span's end: just after the character at p − 1 (the end of the change holding it)
  if (bias === 'end' && p > 0) {
    const holding = changes.find((c) => c.text.start <= p - 1 && p - 1 < c.text.end);
    if (holding) return holding.original.end;
    const before = changes.filter((c) => c.text.end <= p - 1).at(-1);
    return (before ? before.original.end + (p - 1 - before.text.end) : p - 1) + 1;
  }
  const last = trailing(t, changes);
  if (last && p === t.text.length) return bias === 'end' && last.text.start < p ? last.original.end : last.original.start;
  const inside = changes.find((c) => c.text.start < p && p < c.text.end);
  if (inside) return bias === 'start' ? inside.original.start : inside.original.end;
  const before = changes.filter((c) => c.text.end <= p).at(-1);
  return before ? before.original.end + (p - before.text.end) : p;
}

function refFromOriginal(t: TrackedText, changes: RecordedChange[], o: number, bias: 'start' | 'end'): number {
  const last = trailing(t, changes);
  if (last && o === t.original.length) {
    if (last.original.start < o) return bias === 'end' ? last.text.end : last.text.start;
    // insertions at the very end: the start bias is before the first, the end bias before the last
    const first = changes.find((c) => c.original.start === o)!;
    return bias === 'start' ? first.text.start : last.text.start;
  }
  const inside = changes.find((c) => c.original.start < o && o < c.original.end);
  if (inside) return bias === 'start' ? inside.text.start : inside.text.end;
  // insertions at o: the start bias is before them, the end bias after them
  const isInsertionAtO = (c: RecordedChange) => c.original.start === o && c.original.end === o;
  const before = changes.filter((c) => c.original.end <= o && (bias === 'end' || !isInsertionAtO(c))).at(-1);
  return before ? before.text.end + (o - before.original.end) : o;
}


/** A text after 1–4 rounds of random edits; `onRound` sees each round's text before and after. */
function randomTracked(seed: number, onRound?: (before: string, edits: StageEdit[], after: string) => void): TrackedText {
  const next = rng(seed);
  let original = '';
  for (let i = Math.floor(next() * 30); i > 0; i--) original += ALPHABET[Math.floor(next() * ALPHABET.length)];
  const t = new TrackedText(original);
  for (let r = 1 + Math.floor(next() * 4); r > 0; r--) {
    const before = t.text;
    const edits = randomEdits(before, next);
    t.apply(edits);
    onRound?.(before, edits, t.text);
  }
  return t;
}

/** Everything a user of a TrackedText reads: text, changes, and every offset both ways. */
function view(t: TrackedText) {
  const to: number[] = [];
  const from: number[] = [];
  for (const bias of ['start', 'end'] as const) {
    for (let p = 0; p <= t.text.length; p++) to.push(t.toOriginal(p, bias));
    for (let o = 0; o <= t.original.length; o++) from.push(t.fromOriginal(o, bias));
  }
  return { text: t.text, changes: t.changes(), to, from };
}

describe('TrackedText offsets (seeded)', () => {
  it('each round gives the text with its edits applied', () => {
    const wrong: string[] = [];
    for (let seed = 1; seed <= 200; seed++) {
      randomTracked(seed, (before, edits, after) => {
        if (after !== applyToString(before, edits)) wrong.push(`seed ${seed}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
      });
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('recorded changes are sorted, disjoint, real, and the spans between them are the same in text and original', () => {
    const wrong: string[] = [];
    for (let seed = 1; seed <= 200; seed++) {
      const t = randomTracked(seed);
      const changes = t.changes();
      let o = 0;
      let p = 0;
      const ok = (cond: boolean, what: string) => cond || wrong.push(`seed ${seed}: ${what}`);
      for (const c of changes) {
        ok(c.original.start >= o && c.original.end >= c.original.start, 'changes sorted and disjoint');
        ok(c.text.start - p === c.original.start - o, 'gap lengths equal');
        ok(t.original.slice(o, c.original.start) === t.text.slice(p, c.text.start), 'gap texts equal');
        ok(t.original.slice(c.original.start, c.original.end) === c.before && t.text.slice(c.text.start, c.text.end) === c.after, 'before/after');
        ok(c.before !== c.after && c.metas.length > 0, 'a real change with its reasons');
        o = c.original.end;
        p = c.text.end;
      }
      ok(t.original.slice(o) === t.text.slice(p), 'tails equal');
      ok(applyChanges(t.original, changes) === t.text, 'applyChanges reproduces the text');
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('toOriginal and fromOriginal give the reference position for every offset and both biases', () => {
    const wrong: string[] = [];
    for (let seed = 1; seed <= 200; seed++) {
      const t = randomTracked(seed);
      const changes = t.changes();
      for (const bias of ['start', 'end'] as const) {
        for (let p = 0; p <= t.text.length; p++) {
          const got = t.toOriginal(p, bias);
          if (got !== refToOriginal(t, changes, p, bias)) wrong.push(`seed ${seed}: toOriginal(${p}, ${bias}) = ${got}`);
        }
        for (let o = 0; o <= t.original.length; o++) {
          const got = t.fromOriginal(o, bias);
          if (got !== refFromOriginal(t, changes, o, bias)) wrong.push(`seed ${seed}: fromOriginal(${o}, ${bias}) = ${got}`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
  it('maps positions past either end of one text to positions inside the other', () => {
    const wrong: string[] = [];
    for (let seed = 1; seed <= 200; seed++) {
      const t = randomTracked(seed);
      for (const bias of ['start', 'end'] as const) {
        for (const d of [1, 7]) {
          const o = t.toOriginal(t.text.length + d, bias);
          const p = t.fromOriginal(t.original.length + d, bias);
          if (o < 0 || o > t.original.length) wrong.push(`seed ${seed}: toOriginal(${t.text.length + d}, ${bias}) = ${o}`);
          if (p < 0 || p > t.text.length) wrong.push(`seed ${seed}: fromOriginal(${t.original.length + d}, ${bias}) = ${p}`);
          if (t.toOriginal(-d, bias) !== 0 || t.fromOriginal(-d, bias) !== 0) wrong.push(`seed ${seed}: -${d} does not map to 0`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('edits that change nothing', () => {
  it('an empty edit outside the changes, or unchanged text rewritten with itself, leaves text, changes and every offset as they were', () => {
    const wrong: string[] = [];
    for (let seed = 1; seed <= 100; seed++) {
      const expected = view(randomTracked(seed));
      const { text, changes } = expected;
      const noOps: StageEdit[] = [];
      // an empty edit at every position not strictly inside a change (an edit inside one joins it)
      for (let p = 0; p <= text.length; p++) if (!changes.some((c) => c.text.start < p && p < c.text.end)) noOps.push(ed(p, p, ''));
      // each span between changes rewritten with its own text
      let p = 0;
      for (const c of [...changes, { text: { start: text.length, end: text.length } }]) {
        if (c.text.start > p) noOps.push(ed(p, c.text.start, text.slice(p, c.text.start)));
        p = c.text.end;
      }
      for (const e of noOps) {
        const t = randomTracked(seed);
        t.apply([e]);
        if (JSON.stringify(view(t)) !== JSON.stringify(expected)) wrong.push(`seed ${seed}: [${e.start}, ${e.end}) → ${JSON.stringify(e.replacement)}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('changes that only meet stay apart', () => {
  it.each<[string, string, StageEdit[][], [string, string][]]>([
    ['an edit ending where an earlier change starts', 'abcd', [[ed(2, 3, 'X')], [ed(0, 2, 'Y')]], [['ab', 'Y'], ['c', 'X']]],
    ['an edit starting where an earlier change ends', 'abcd', [[ed(1, 2, 'X')], [ed(2, 3, 'Y')]], [['b', 'X'], ['c', 'Y']]],
    ['an insertion at the start before a change there', 'abc', [[ed(0, 1, 'X')], [ed(0, 0, '<')]], [['', '<'], ['a', 'X']]],
    ['an insertion at the end after a change there', 'abc', [[ed(2, 3, 'X')], [ed(3, 3, '!')]], [['c', 'X'], ['', '!']]],
    ['an insertion where an earlier deletion ends the text', 'ab ', [[ed(2, 3, '')], [ed(2, 2, '!')]], [[' ', ''], ['', '!']]],
    ['two edits of one round that meet', 'abcd', [[ed(0, 2, 'x'), ed(2, 3, 'y')]], [['ab', 'x'], ['c', 'y']]],
  ])('%s', (_label, original, rounds, expected) => {
    const t = new TrackedText(original);
    let text = original;
    for (const edits of rounds) {
      text = applyToString(text, edits);
      t.apply(edits);
    }
    expect(t.text).toBe(text);
    expect(t.changes().map((c) => [c.before, c.after])).toEqual(expected);
  });
});

describe('TrackedText offsets (cases)', () => {
  // original 'ab cd' → remove the space, replace 'c' by 'XY', insert '!' at the end.
  // Built inside each test: an apply that throws then fails the tests, where a throw
  // while the file is collected would leave no failed test (Stryker counts that as a
  // surviving mutant).
  const sample = (): TrackedText => {
    const t = new TrackedText('ab cd');
    t.apply([{ start: 2, end: 3, replacement: '', meta: layout }]);
    t.apply([ed(2, 3, 'XY'), ed(4, 4, '!')]);
    return t;
  };

  it('has the expected text and changes', () => {
    const t = sample();
    expect(t.text).toBe('abXYd!');
    expect(t.changes().map((c) => [c.before, c.after, c.original, c.text])).toEqual([
      [' ', '', { start: 2, end: 3 }, { start: 2, end: 2 }],
      ['c', 'XY', { start: 3, end: 4 }, { start: 2, end: 4 }],
      ['', '!', { start: 5, end: 5 }, { start: 5, end: 6 }],
    ]);
  });

  it.each([
    [0, 'start', 0], [1, 'start', 1], [2, 'start', 3], [3, 'start', 3], [3, 'end', 4],
    [4, 'start', 4], [5, 'start', 5], [5, 'end', 5], [6, 'start', 5], [6, 'end', 5],
  ] as const)('text %i (%s) is original %i', (p, bias, o) => {
    expect(sample().toOriginal(p, bias)).toBe(o);
  });

  it.each([
    [0, 'start', 0], [2, 'start', 2], [2, 'end', 2], [3, 'start', 2], [3, 'end', 2], [4, 'start', 4],
    [5, 'start', 5], [5, 'end', 5], // the insertion at the very end stays after the end of the original
  ] as const)('original %i (%s) is text %i', (o, bias, p) => {
    expect(sample().fromOriginal(o, bias)).toBe(p);
  });

  it('maps an empty text to 0 both ways', () => {
    const empty = new TrackedText('');
    expect([empty.text, empty.toOriginal(0), empty.fromOriginal(0), empty.changes()]).toEqual(['', 0, 0, []]);
    empty.apply([ed(0, 0, '文')]);
    expect(empty.text).toBe('文');
    expect(empty.changes()).toEqual([{ original: { start: 0, end: 0 }, text: { start: 0, end: 1 }, before: '', after: '文', metas: [fix] }]);
  });

  it('keeps the text of unchanged pieces after many rounds of edits (no stale cache)', () => {
    const u = new TrackedText('一二三四五');
    u.apply([ed(1, 2, '贰')]);
    expect(u.text).toBe('一贰三四五');
    u.apply([ed(3, 4, '肆')]);
    expect(u.text).toBe('一贰三肆五');
    expect(u.toOriginal(4)).toBe(4);
    u.apply([ed(0, 0, '〇')]);
    expect([u.text, u.toOriginal(5), u.fromOriginal(4)]).toEqual(['〇一贰三肆五', 4, 5]);
  });
});

describe('TrackedText.apply validation', () => {
  it.each<[string, StageEdit[], RegExp]>([
    ['a negative start', [ed(-1, 0, 'x')], /^edit 0 \[-1, 0\) is outside the text \(length 4\)$/],
    ['an end before the start', [ed(2, 1, 'x')], /^edit 0 \[2, 1\) is outside the text/],
    ['an end past the text', [ed(3, 5, 'x')], /^edit 0 \[3, 5\) is outside the text \(length 4\)$/],
    ['an overlap', [ed(0, 2, 'x'), ed(1, 3, 'y')], /^edit 1 \[1, 3\) overlaps the previous edit$/],
    ['two insertions at one point', [ed(1, 1, 'x'), ed(1, 1, 'y')], /^edit 1 \[1, 1\) overlaps/],
    ['an insertion inside a replacement', [ed(0, 2, 'x'), ed(1, 1, 'y')], /^edit 1 \[1, 1\) overlaps/],
  ])('rejects %s and changes nothing', (_label, edits, message) => {
    const t = new TrackedText('abcd');
    expect(() => t.apply(edits)).toThrow(RangeError);
    expect(() => t.apply(edits)).toThrow(message);
    expect(t.text).toBe('abcd');
    expect(t.changes()).toEqual([]);
  });

  it.each<[string, StageEdit[], string]>([
    ['an edit ending where the next starts', [ed(0, 2, 'x'), ed(2, 3, 'y')], 'xyd'],
    ['an insertion right after a replacement', [ed(0, 2, 'x'), ed(2, 2, 'y')], 'xycd'],
    ['an insertion right before a replacement', [ed(1, 1, 'y'), ed(1, 2, 'x')], 'ayxcd'],
    ['edits at both ends', [ed(0, 0, '<'), ed(4, 4, '>')], '<abcd>'],
    ['a whole-text replacement', [ed(0, 4, '')], ''],
  ])('accepts %s', (_label, edits, text) => {
    const t = new TrackedText('abcd');
    t.apply(edits);
    expect(t.text).toBe(text);
    expect(applyChanges('abcd', t.changes())).toBe(text);
  });
});

describe('merging changes', () => {
  it('an edit reaching into an earlier change takes the whole change and both metas', () => {
    const t = new TrackedText('甲乙丙丁');
    t.apply([{ start: 1, end: 3, replacement: 'XY', meta: layout }]);
    t.apply([ed(2, 4, 'Z')]);
    expect(t.text).toBe('甲XZ');
    expect(t.changes()).toEqual([{ original: { start: 1, end: 4 }, text: { start: 1, end: 3 }, before: '乙丙丁', after: 'XZ', metas: [layout, fix] }]);
  });

  it('two edits of one round that reach into the same earlier change become one change', () => {
    const t = new TrackedText('0123456789');
    t.apply([ed(3, 7, 'abcd')]);
    t.apply([ed(2, 4, 'P'), ed(6, 8, 'Q')]);
    expect(t.text).toBe('01Pbc' + 'Q' + '89');
    const changes = t.changes();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ original: { start: 2, end: 8 }, before: '234567', after: 'PbcQ' });
    expect(changes[0].metas).toEqual([fix, fix, fix]);
  });

  it('an edit of one round reaching from one earlier change into the next joins both, with the rest of the second', () => {
    const t = new TrackedText('0123456789');
    t.apply([ed(2, 4, 'AB'), ed(6, 8, 'CD')]);
    t.apply([ed(2, 3, 'x'), ed(3, 7, 'y')]);
    expect(t.text).toBe('01xyD89');
    expect(t.changes().map((c) => [c.before, c.after, c.original, c.metas.length])).toEqual([['234567', 'xyD', { start: 2, end: 8 }, 4]]);
  });

  it('an edit inside an earlier change keeps the parts of it around the edit', () => {
    const t = new TrackedText('abc');
    t.apply([ed(1, 2, 'WXYZ')]);
    t.apply([ed(2, 4, '-')]);
    expect(t.text).toBe('aW-Zc');
    expect(t.changes().map((c) => [c.before, c.after, c.original, c.text])).toEqual([['b', 'W-Z', { start: 1, end: 2 }, { start: 1, end: 4 }]]);
  });

  it('an edit that restores the original drops the change, and neighbours join again', () => {
    const t = new TrackedText('abcdef');
    t.apply([ed(2, 3, 'X')]);
    t.apply([ed(2, 3, 'c')]);
    expect(t.changes()).toEqual([]);
    expect([t.toOriginal(4), t.fromOriginal(5)]).toEqual([4, 5]);
  });
});

describe('applyChanges', () => {
  it('applies changes given in any order', () => {
    const changes = [
      { original: { start: 4, end: 5 }, after: 'E' },
      { original: { start: 0, end: 0 }, after: '>' },
      { original: { start: 1, end: 3 }, after: '' },
    ];
    expect(applyChanges('abcdef', changes)).toBe('>adEf');
  });

  it('orders changes at one start by their end (insertion first)', () => {
    expect(applyChanges('abc', [{ original: { start: 1, end: 2 }, after: 'X' }, { original: { start: 1, end: 1 }, after: '+' }])).toBe('a+Xc');
  });

  it('refuses overlapping changes', () => {
    expect(() => applyChanges('abcdef', [{ original: { start: 0, end: 3 }, after: '' }, { original: { start: 2, end: 4 }, after: '' }])).toThrow(
      /^changes overlap at 2$/,
    );
  });
});
