import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changeId, emitDocument, sha256, splitChanges, toCorrection } from '../../pipeline/emit.ts';
import { SCHEMA_VERSION } from '../../pipeline/schema.ts';
import { TrackedText, type ChangeMeta, type RecordedChange } from '../../pipeline/tracked-text.ts';

type Fix = Extract<ChangeMeta, { type: 'correction' }>;
const fix = (over: Partial<Fix> = {}): Fix => ({ type: 'correction', kind: 'character', rule: 'lm', confidence: 0.9, ...over });
const change: RecordedChange = { original: { start: 3, end: 4 }, text: { start: 2, end: 3 }, before: '冶', after: '治', metas: [] };

/** The smallest document the schema accepts: one text page, one paragraph block. */
function minimalParts() {
  const text = '正文。';
  return {
    pipelineVersion: '0.0.0',
    dictionaryVersion: 'd1',
    source: { file: 'a.txt', kind: 'text' as const, sha256: sha256(text), encoding: 'utf-8', pages: [{ number: 1, method: 'text' as const, reason: 'text file', original: { start: 0, end: 3 } }] },
    original: text,
    text,
    corrections: [],
    suggestions: [],
    layoutEdits: [],
    blocks: [{ type: 'paragraph' as const, span: { start: 0, end: 3 } }],
    notice: {
      copyNumber: null, secrecy: null, urgency: null, issuerMark: null, signer: null,
      title: null, documentNumber: null, issuer: null, addressee: null, date: null,
      preamble: [], sections: [], closing: [], attachments: [], signoff: null, note: null, contact: null,
      copyTo: [], printedBy: null, printDate: null, problemCount: 0,
    },
    warnings: [],
  };
}

describe('changeId', () => {
  it('is the prefix and ten hex digits, the same for the same change on every run', () => {
    expect(changeId('c', 3, 4, '治')).toMatch(/^c[0-9a-f]{10}$/);
    expect(changeId('s', 3, 4, '治')).toMatch(/^s[0-9a-f]{10}$/);
    expect(changeId('c', 3, 4, '治')).toBe(changeId('c', 3, 4, '治'));
    expect(changeId('s', 3, 4, '治').slice(1)).toBe(changeId('c', 3, 4, '治').slice(1));
  });

  it.each<[string, number, number, string]>([
    ['another end', 3, 5, '治'],
    ['another start', 2, 4, '治'],
    ['another replacement', 3, 4, '冶'],
    ['a deletion', 3, 4, ''],
  ])('differs for %s', (_label, start, end, after) => {
    expect(changeId('c', start, end, after)).not.toBe(changeId('c', 3, 4, '治'));
  });

  it('keeps start, end and replacement apart (34:4 is not 3:44, 1:2:3 is not 1:23)', () => {
    expect(changeId('c', 34, 4, '')).not.toBe(changeId('c', 3, 44, ''));
    expect(changeId('c', 1, 2, '3')).not.toBe(changeId('c', 1, 23, ''));
  });
});

describe('toCorrection', () => {
  it('keeps the change, its stable id, one rule and the confidence of a single fix', () => {
    expect(toCorrection(change, [fix()])).toEqual({
      id: changeId('c', 3, 4, '治'), kind: 'character', before: '冶', after: '治',
      original: { start: 3, end: 4 }, text: { start: 2, end: 3 }, rule: 'lm', confidence: 0.9,
    });
  });

  it.each<[Fix['kind'][], Fix['kind']]>([
    [['punctuation', 'script'], 'script'],
    [['script', 'rule'], 'rule'],
    [['rule', 'character', 'script'], 'character'],
    [['character', 'punctuation'], 'character'],
    [['punctuation', 'punctuation'], 'punctuation'],
  ])('merged fixes of kinds %j are of kind %s (character > rule > script > punctuation)', (kinds, expected) => {
    expect(toCorrection(change, kinds.map((kind) => fix({ kind }))).kind).toBe(expected);
  });

  it('merges several fixes: rules once each in order, the lowest confidence, notes and alternatives kept', () => {
    const c = toCorrection(change, [
      fix({ rule: 't2s', confidence: 1, note: 'traditional form' }),
      fix({ rule: 'lm', confidence: 0.7, alternatives: [{ after: '洽', score: -3 }] }),
      fix({ rule: 't2s', confidence: 0.8, note: '' }),
      fix({ rule: 'lexicon', confidence: 0.95, note: 'term 政治', alternatives: [{ after: '冶', score: -5 }] }),
    ]);
    expect(c.rule).toBe('t2s+lm+lexicon');
    expect(c.confidence).toBe(0.7);
    expect(c.note).toBe('traditional form; term 政治');
    expect(c.alternatives).toEqual([{ after: '洽', score: -3 }, { after: '冶', score: -5 }]);
  });

  it('has no note or alternatives keys when no fix gives any', () => {
    const c = toCorrection(change, [fix({ note: '' }), fix({ alternatives: [] })]);
    expect('note' in c).toBe(false);
    expect('alternatives' in c).toBe(false);
  });
});

describe('splitChanges', () => {
  it('puts changes with a correction among corrections, pure layout changes among layout edits', () => {
    const t = new TrackedText('讲政 冶站位\n\n');
    t.apply([
      { start: 2, end: 3, replacement: '', meta: { type: 'layout', rule: 'remove-space' } },
      { start: 6, end: 8, replacement: '', meta: { type: 'layout', rule: 'trim' } },
    ]);
    t.apply([{ start: 2, end: 3, replacement: '治', meta: fix({ rule: 'lexicon' }) }]);
    t.apply([{ start: 0, end: 1, replacement: '', meta: { type: 'layout', rule: 'drop-furniture' } }]);
    t.apply([{ start: 0, end: 1, replacement: '正', meta: fix({ kind: 'rule', rule: 'x' }) }]);
    const { corrections, layoutEdits } = splitChanges(t);
    expect(t.text).toBe('正治站位');
    expect(corrections.map((c) => [c.before, c.after, c.rule, c.kind, c.original, c.text])).toEqual([
      ['政', '正', 'x', 'rule', { start: 1, end: 2 }, { start: 0, end: 1 }],
      ['冶', '治', 'lexicon', 'character', { start: 3, end: 4 }, { start: 1, end: 2 }],
    ]);
    expect(layoutEdits).toEqual([
      { rule: 'drop-furniture', before: '讲', after: '', original: { start: 0, end: 1 }, text: { start: 0, end: 0 } },
      { rule: 'remove-space', before: ' ', after: '', original: { start: 2, end: 3 }, text: { start: 1, end: 1 } },
      { rule: 'trim', before: '\n\n', after: '', original: { start: 6, end: 8 }, text: { start: 4, end: 4 } },
    ]);
  });

  it('gives nothing for an untouched text', () => {
    expect(splitChanges(new TrackedText('原文'))).toEqual({ corrections: [], layoutEdits: [] });
  });
});

describe('emitDocument', () => {
  it('stamps the schema version on a valid document', () => {
    const doc = emitDocument(minimalParts());
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(doc.text).toBe('正文。');
  });

  it.each<[string, (p: ReturnType<typeof minimalParts>) => unknown, RegExp]>([
    ['a confidence above 1', (p) => ({ ...p, corrections: [{ id: 'c1', kind: 'character', before: 'a', after: 'b', original: { start: 0, end: 1 }, text: { start: 0, end: 1 }, rule: 'r', confidence: 1.5 }] }), /corrections/],
    ['a negative span', (p) => ({ ...p, blocks: [{ type: 'paragraph', span: { start: -1, end: 3 } }] }), /blocks/],
    ['an unknown block type', (p) => ({ ...p, blocks: [{ type: 'footnote', span: { start: 0, end: 3 } }] }), /blocks/],
    ['a missing notice', ({ notice, ...p }) => p, /notice/],
  ])('refuses a document with %s, naming the field', (_label, breakIt, field) => {
    const broken = breakIt(minimalParts()) as Parameters<typeof emitDocument>[0];
    let message = '';
    try {
      emitDocument(broken);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^internal error: output does not match the schema:\n/);
    expect(message).toMatch(field);
  });
});

describe('sha256', () => {
  it('is the hex sha256 of the UTF-8 bytes, for text and bytes alike', () => {
    const bytes = Buffer.from('巡察', 'utf8');
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(sha256('巡察')).toBe(expected);
    expect(sha256(new Uint8Array(bytes))).toBe(expected);
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
