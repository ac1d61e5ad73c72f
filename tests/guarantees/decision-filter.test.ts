/** Reviewer decisions inside the pipeline: rejected corrections withheld, accepted suggestions applied. */
import { describe, expect, it } from 'vitest';
import { decisionsFingerprint, idOfEdit, promoteAccepted, withoutRejected, type DocumentDecisions } from '../../pipeline/decision-filter.ts';
import { changeId } from '../../pipeline/emit.ts';
import { TrackedText, type StageEdit } from '../../pipeline/tracked-text.ts';

const fix = (start: number, end: number, replacement: string, rule = 'test'): StageEdit => ({ start, end, replacement, meta: { type: 'correction', kind: 'character', rule, confidence: 0.6 } });
const layout = (start: number, end: number, replacement: string): StageEdit => ({ start, end, replacement, meta: { type: 'layout', rule: 'remove-space' } });
const decided = (rejected: string[], accepted: string[]): DocumentDecisions => ({ rejected: new Set(rejected), accepted: new Set(accepted) });

describe('idOfEdit', () => {
  it('is the output id: computed from original offsets, so it survives earlier layout edits', () => {
    const t = new TrackedText('巡 察整改');
    expect(idOfEdit('c', fix(2, 3, '査'), t)).toBe(changeId('c', 2, 3, '査'));
    t.apply([layout(1, 2, '')]); // text is now 巡察整改: 察 sits at 1 in text, still 2 in original
    expect(idOfEdit('c', fix(1, 2, '査'), t)).toBe(changeId('c', 2, 3, '査'));
    expect(idOfEdit('s', fix(1, 2, '査'), t)).toBe(changeId('s', 2, 3, '査'));
  });
});

describe('withoutRejected', () => {
  const t = new TrackedText('巡穴整改工作');
  const edits = [fix(1, 2, '察'), layout(3, 4, '改'), fix(4, 5, '功')];
  it.each([
    ['no decisions: all edits pass', undefined, [0, 1, 2]],
    ['nothing rejected: all edits pass', decided([], [changeId('s', 1, 2, '察')]), [0, 1, 2]],
    ['a rejected correction is withheld, the others pass', decided([changeId('c', 4, 5, '功')], []), [0, 1]],
    ['a layout edit passes even when its id is listed', decided([changeId('c', 3, 4, '改')], []), [0, 1, 2]],
    ['an id with another replacement does not match', decided([changeId('c', 1, 2, '查')], []), [0, 1, 2]],
  ])('%s', (_name, d, kept) => {
    expect(withoutRejected(edits, t, d)).toEqual(kept.map((i) => edits[i]));
  });
});

describe('promoteAccepted', () => {
  const t = new TrackedText('巡穴整改工作');
  const edits = [fix(4, 5, '功')];
  const suggestions = [fix(1, 2, '察'), fix(4, 6, '工做')];
  it('applies an accepted suggestion with confidence 1 and a note, in text order, and no longer suggests it', () => {
    const r = promoteAccepted(edits, suggestions, t, decided([], [changeId('s', 1, 2, '察')]));
    expect(r.edits).toEqual([{ ...suggestions[0], meta: { ...suggestions[0].meta, confidence: 1, note: 'accepted by reviewer' } }, edits[0]]);
    expect(r.suggestions).toEqual([suggestions[1]]);
  });
  it('never applies an accepted suggestion over an applied edit it overlaps', () => {
    const r = promoteAccepted(edits, suggestions, t, decided([], [changeId('s', 4, 6, '工做')]));
    expect(r.edits).toEqual(edits);
  });
  it('changes nothing without accepted ids', () => {
    expect(promoteAccepted(edits, suggestions, t, decided([changeId('c', 4, 5, '功')], []))).toEqual({ edits, suggestions });
    expect(promoteAccepted(edits, suggestions, t, undefined)).toEqual({ edits, suggestions });
  });
});

describe('decisionsFingerprint', () => {
  it('is null without decisions, independent of order, and differs for any other set', () => {
    expect(decisionsFingerprint(undefined)).toBeNull();
    expect(decisionsFingerprint(decided([], []))).toBeNull();
    const a = decisionsFingerprint(decided(['c1', 'c2'], ['s1']));
    expect(decisionsFingerprint(decided(['c2', 'c1'], ['s1']))).toBe(a);
    const others = [decided(['c1'], ['s1']), decided(['c1', 'c2'], []), decided(['c1', 'c2', 's1'], []), decided(['s1'], ['c1', 'c2'])];
    const prints = others.map(decisionsFingerprint);
    expect(new Set([a, ...prints]).size).toBe(others.length + 1);
  });
});
