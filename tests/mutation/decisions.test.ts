import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decision, loadDecisions, mergeDecisions, readDecisionsFile, toLookup, type DecisionsFile } from '../../pipeline/review/decisions.ts';
import { freshDir } from './temp-dir.ts';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);
const dec = (id: string, decision: 'accept' | 'reject', after = '于') => ({ id, decision, before: '千', after, rule: 'confusion:glyph', context: { left: '关', right: '巡察' } });
const doc = (sha: string, decisions: ReturnType<typeof dec>[]) => ({ file: `${sha[0]}.txt`, sha256: sha, decisions });
const decisionsFile = (...documents: ReturnType<typeof doc>[]): DecisionsFile => ({ version: 1, documents });

async function written(content: string): Promise<string> {
  const p = join(await freshDir('decisions'), 'decisions.json');
  await writeFile(p, content);
  return p;
}

describe('decision ids and hashes', () => {
  it.each([
    ['c012345', true],
    ['s0123456789abcdef', true],
    ['c01234', false],
    ['x0123456', false],
    ['cs0123456', false],
    ['c0123456 ', false],
    ['c012345g', false],
    ['C0123456', false],
  ])('id %j valid: %s', (id, ok) => {
    expect(Decision.safeParse(dec(id, 'reject')).success).toBe(ok);
  });

  it('accepts only 64 lower-case hex digits as a document hash', async () => {
    for (const [sha, ok] of [[SHA_A, true], ['a'.repeat(63), false], [`${'a'.repeat(64)}0`, false], ['A'.repeat(64), false], [`z${'a'.repeat(63)}`, false]] as const) {
      const p = await written(JSON.stringify(decisionsFile(doc(sha, []))));
      const outcome = await readDecisionsFile(p).then(() => true, () => false);
      expect([sha, outcome]).toEqual([sha, ok]);
    }
  });
});

describe('readDecisionsFile', () => {
  it('reads a file saved with a byte-order mark', async () => {
    const f = decisionsFile(doc(SHA_A, [dec('c0123456', 'reject')]));
    const p = await written(`\uFEFF${JSON.stringify(f)}`);
    expect(await readDecisionsFile(p)).toEqual(f);
  });

  it('removes only a leading byte-order mark: one inside the data stays', async () => {
    const f = decisionsFile(doc(SHA_A, [{ ...dec('c0123456', 'reject'), context: { left: '关\uFEFF', right: '巡察' } }]));
    const p = await written(JSON.stringify(f));
    expect(await readDecisionsFile(p)).toEqual(f);
  });

  it('reports invalid JSON as unsupported input naming the file and the parse error', async () => {
    const p = await written('{"version": 1,');
    await expect(readDecisionsFile(p)).rejects.toMatchObject({
      code: 'UNSUPPORTED_INPUT',
      message: expect.stringMatching(new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not a decisions file: invalid JSON \\(.+\\)$`)),
    });
  });

  it('reports every schema problem on one line, naming the file', async () => {
    const p = await written(JSON.stringify({ version: 2, documents: [{ file: 'x', sha256: 'no', decisions: [] }] }));
    const err = (await readDecisionsFile(p).catch((e: unknown) => e)) as Error & { code: string };
    expect(err.code).toBe('UNSUPPORTED_INPUT');
    expect(err.message.startsWith(`${p}: not a valid decisions file: `)).toBe(true);
    expect(err.message).not.toContain('\n');
    expect(err.message).not.toMatch(/\s{2}/);
    expect(err.message).toMatch(/version.*; .*sha256 must be 64 hex digits|sha256 must be 64 hex digits.*; .*version/);
  });

  it('says what a decision id must look like', async () => {
    const p = await written(JSON.stringify(decisionsFile(doc(SHA_A, [dec('x0123456', 'reject')]))));
    await expect(readDecisionsFile(p)).rejects.toThrow('id must be a correction (c…) or suggestion (s…) id');
  });

  it('names the file it cannot read', async () => {
    const p = join(await freshDir('decisions'), 'missing.json');
    await expect(readDecisionsFile(p)).rejects.toThrow(`cannot read decisions file ${p}: `);
  });
});

describe('mergeDecisions and toLookup', () => {
  it('keeps documents apart and lets the later entry win, in one file and across files', () => {
    const first = decisionsFile(
      doc(SHA_A, [dec('c0000001', 'reject'), dec('c0000002', 'reject'), dec('c0000001', 'accept')]),
      doc(SHA_B, [dec('s0000003', 'accept')]),
    );
    const second = decisionsFile(doc(SHA_A, [dec('c0000002', 'accept', '千')]));
    const merged = mergeDecisions([first, second]);
    expect([...merged.keys()]).toEqual([SHA_A, SHA_B]);
    const a = merged.get(SHA_A)!;
    expect([...a.keys()]).toEqual(['c0000001', 'c0000002']);
    expect(a.get('c0000001')!.decision).toBe('accept');
    expect(a.get('c0000002')).toMatchObject({ decision: 'accept', after: '千' });

    const look = toLookup(merged);
    expect(look(SHA_A)).toEqual({ rejected: new Set(), accepted: new Set(['c0000001', 'c0000002']) });
    expect(look(SHA_B)).toEqual({ rejected: new Set(), accepted: new Set(['s0000003']) });
    expect(look('c'.repeat(64))).toBeUndefined();
  });

  it('orders a re-decided id after the others (the latest decision is the last one)', () => {
    const merged = mergeDecisions([decisionsFile(doc(SHA_A, [dec('c0000001', 'reject'), dec('c0000002', 'reject'), dec('c0000001', 'reject')]))]);
    expect([...merged.get(SHA_A)!.keys()]).toEqual(['c0000002', 'c0000001']);
  });

  it('loads several files in the order given', async () => {
    const one = await written(JSON.stringify(decisionsFile(doc(SHA_A, [dec('c0000001', 'reject')]))));
    const two = await written(JSON.stringify(decisionsFile(doc(SHA_A, [dec('c0000001', 'accept')]), doc(SHA_B, [dec('c0000009', 'reject')]))));
    const look = await loadDecisions([one, two]);
    expect(look(SHA_A)).toEqual({ rejected: new Set(), accepted: new Set(['c0000001']) });
    expect(look(SHA_B)).toEqual({ rejected: new Set(['c0000009']), accepted: new Set() });
    expect((await loadDecisions([]))(SHA_A)).toBeUndefined();
  });
});
