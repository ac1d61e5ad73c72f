import { describe, expect, it } from 'vitest';
import { decisionsFingerprint, idOfEdit, promoteAccepted, withoutRejected, type DocumentDecisions } from '../../pipeline/decision-filter.ts';
import { changeId, splitChanges } from '../../pipeline/emit.ts';
import { TrackedText, type StageEdit } from '../../pipeline/tracked-text.ts';

const fix = (rule: string, confidence = 0.6) => ({ type: 'correction', kind: 'character', rule, confidence }) as const;
const edit = (start: number, end: number, replacement: string, rule = 'lm'): StageEdit => ({ start, end, replacement, meta: fix(rule) });
const layout = (start: number, end: number, replacement = ''): StageEdit => ({ start, end, replacement, meta: { type: 'layout', rule: 'remove-space' } });
const decisions = (rejected: string[] = [], accepted: string[] = []): DocumentDecisions => ({ rejected: new Set(rejected), accepted: new Set(accepted) });

/** original '讲政 冶站位，千部' with the space already removed: current text '讲政冶站位，千部' */
function trackedAfterLayout(): TrackedText {
  const t = new TrackedText('讲政 冶站位，千部');
  t.apply([layout(2, 3)]);
  return t;
}

describe('idOfEdit', () => {
  it('is computed from original offsets, so it matches the id the output shows for that correction', () => {
    const t = trackedAfterLayout();
    const e = edit(2, 3, '治');
    const id = idOfEdit('c', e, t);
    expect(id).toBe(changeId('c', 3, 4, '治'));
    t.apply([e]);
    expect(splitChanges(t).corrections.map((c) => c.id)).toEqual([id]);
  });

  it('covers a whole earlier change an edit ends inside (same id as the merged correction)', () => {
    const t = new TrackedText('民主生店會');
    t.apply([{ start: 4, end: 5, replacement: '会', meta: { type: 'correction', kind: 'script', rule: 't2s', confidence: 1 } }]);
    const e = edit(3, 5, '活会');
    const id = idOfEdit('c', e, t);
    expect(id).toBe(changeId('c', 3, 5, '活会'));
    t.apply([e]);
    expect(splitChanges(t).corrections.map((c) => c.id)).toEqual([id]);
  });

  it('uses the prefix it is given', () => {
    const t = trackedAfterLayout();
    expect(idOfEdit('s', edit(2, 3, '治'), t)).toBe(changeId('s', 3, 4, '治'));
  });
});

describe('withoutRejected', () => {
  const t = trackedAfterLayout();
  const edits = [layout(0, 0, ' '), edit(2, 3, '治'), edit(6, 7, '干')];
  const idZhi = idOfEdit('c', edits[1], t);
  const idGan = idOfEdit('c', edits[2], t);

  it.each<[string, DocumentDecisions | undefined, StageEdit[]]>([
    ['no decisions for the document', undefined, edits],
    ['no rejections', decisions([], [idZhi]), edits],
    ['one rejected', decisions([idZhi]), [edits[0], edits[2]]],
    ['both rejected', decisions([idGan, idZhi]), [edits[0]]],
    ['a suggestion id of the same change', decisions([changeId('s', 3, 4, '治')]), edits],
    ['an id of another replacement at that place', decisions([changeId('c', 3, 4, '冶')]), edits],
  ])('%s', (_label, d, expected) => {
    expect(withoutRejected(edits, t, d)).toEqual(expected);
  });

  it('never withholds a layout edit, whatever its id', () => {
    const l = layout(2, 3, '治');
    expect(withoutRejected([l], t, decisions([idOfEdit('c', l, t)]))).toEqual([l]);
  });
});

describe('promoteAccepted', () => {
  const t = trackedAfterLayout();
  const applied = [edit(2, 3, '治')];
  const sugGan = edit(6, 7, '干', 'confusion');
  const sugZheng = edit(0, 1, '正', 'confusion');
  const sugOverlap = edit(2, 4, '治站', 'confusion');
  const idOf = (s: StageEdit) => idOfEdit('s', s, t);

  it('changes nothing without acceptances', () => {
    for (const d of [undefined, decisions([idOf(sugGan)])]) {
      expect(promoteAccepted(applied, [sugGan], t, d)).toEqual({ edits: applied, suggestions: [sugGan] });
    }
  });

  it('applies an accepted suggestion as a sure reviewer correction, in text order', () => {
    const r = promoteAccepted(applied, [sugGan, sugZheng], t, decisions([], [idOf(sugGan), idOf(sugZheng)]));
    expect(r.suggestions).toEqual([]);
    expect(r.edits.map((e) => [e.start, e.replacement])).toEqual([[0, '正'], [2, '治'], [6, '干']]);
    expect(r.edits[2].meta).toEqual({ ...fix('confusion'), note: 'accepted by reviewer', confidence: 1 });
    expect(r.edits[1]).toBe(applied[0]);
    const fresh = trackedAfterLayout();
    fresh.apply(r.edits);
    expect(fresh.text).toBe('正政治站位，干部');
  });

  it('keeps suggestions that were not accepted, and ignores a correction id for a suggestion', () => {
    const r = promoteAccepted(applied, [sugGan, sugZheng], t, decisions([], [idOf(sugZheng), idOfEdit('c', sugGan, t)]));
    expect(r.suggestions).toEqual([sugGan]);
    expect(r.edits.map((e) => e.replacement)).toEqual(['正', '治']);
  });

  it('never applies an accepted suggestion over an edit already applied', () => {
    const r = promoteAccepted(applied, [sugOverlap], t, decisions([], [idOf(sugOverlap)]));
    expect(r.edits).toEqual(applied);
  });

  it('orders an accepted insertion before an applied replacement at the same place, so both apply', () => {
    const fresh = trackedAfterLayout();
    const insertion = edit(2, 2, '的', 'lost-character');
    const r = promoteAccepted(applied, [insertion], fresh, decisions([], [idOfEdit('s', insertion, fresh)]));
    expect(r.edits.map((e) => [e.start, e.end])).toEqual([[2, 2], [2, 3]]);
    fresh.apply(r.edits);
    expect(fresh.text).toBe('讲政的治站位，千部');
  });

  it('applies an accepted suggestion that starts where an applied edit ends', () => {
    const fresh = trackedAfterLayout();
    const next = edit(3, 4, '战', 'confusion');
    const r = promoteAccepted(applied, [next], fresh, decisions([], [idOfEdit('s', next, fresh)]));
    expect(r.edits.map((e) => [e.start, e.end, e.replacement])).toEqual([[2, 3, '治'], [3, 4, '战']]);
    fresh.apply(r.edits);
    expect(fresh.text).toBe('讲政治战位，千部');
  });

  it.each([
    ['an applied insertion', [edit(4, 4, '。', 'stop')], []],
    ['another accepted insertion', [], [edit(4, 4, '，', 'confusion')]],
  ])('keeps an accepted insertion a suggestion where %s already goes at the same point (two cannot apply)', (_name, done, before) => {
    const fresh = trackedAfterLayout();
    const insertion = edit(4, 4, '的', 'lost-character');
    const accepted = [...before, insertion].map((s) => idOfEdit('s', s, fresh));
    const r = promoteAccepted([...applied, ...done], [...before, insertion], fresh, decisions([], accepted));
    expect(r.suggestions).toEqual([insertion]);
    expect(r.edits.filter((e) => e.start === 4)).toHaveLength(1);
    fresh.apply(r.edits);
    expect(fresh.text).toHaveLength('讲政冶站位，千部'.length + 1);
  });

  it.each([
    ['a replacement starting where an applied insertion goes', edit(4, 4, '。', 'stop'), edit(4, 5, '住', 'confusion'), '讲政治站。住，千部'],
    ['an insertion at another point than an applied insertion', edit(4, 4, '。', 'stop'), edit(6, 6, '的', 'lost-character'), '讲政治站。位，的千部'],
  ])('applies %s (they do not collide)', (_name, done, accepted, text) => {
    const fresh = trackedAfterLayout();
    const r = promoteAccepted([...applied, done], [accepted], fresh, decisions([], [idOfEdit('s', accepted, fresh)]));
    expect(r.suggestions).toEqual([]);
    fresh.apply(r.edits);
    expect(fresh.text).toBe(text);
  });

  it('keeps the meta of an accepted layout suggestion as it is', () => {
    const l = layout(5, 6, ',');
    const r = promoteAccepted([], [l], t, decisions([], [idOf(l)]));
    expect(r.edits).toEqual([l]);
  });
});

describe('decisionsFingerprint', () => {
  it('records acceptances alone, apart from the same ids rejected', () => {
    const accepted = decisionsFingerprint(decisions([], ['s0123456']));
    expect(accepted).not.toBeNull();
    expect(accepted).not.toBe(decisionsFingerprint(decisions(['s0123456'], [])));
  });

  it('does not depend on the order of the acceptances', () => {
    expect(decisionsFingerprint(decisions(['c1'], ['s2', 's1']))).toBe(decisionsFingerprint(decisions(['c1'], ['s1', 's2'])));
  });
});
