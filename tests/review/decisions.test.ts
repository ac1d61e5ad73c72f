import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../pipeline/cli/usage-error.ts';
import { NoticeError } from '../../pipeline/errors.ts';
import { loadDecisions } from '../../pipeline/review/decisions.ts';
import { tempDir } from './helpers.ts';

const SHA = 'a'.repeat(64);
const dec = (id: string, decision: 'accept' | 'reject') => ({ id, decision, before: '千', after: '于', rule: 'confusion:glyph', context: { left: '关', right: '巡察' } });
const file = (decisions: unknown[], sha = SHA) => ({ version: 1, documents: [{ file: 'x.txt', sha256: sha, decisions }] });

describe('loadDecisions', () => {
  const dir = tempDir('decisions');
  const write = async (name: string, v: unknown) => {
    const p = join(dir, name);
    await writeFile(p, typeof v === 'string' ? v : JSON.stringify(v));
    return p;
  };

  it('splits rejected and accepted ids per document sha256', async () => {
    const p = await write('ok.json', file([dec('c0123456789', 'reject'), dec('s0123456789', 'accept')]));
    const look = await loadDecisions([p]);
    expect([...look(SHA)!.rejected]).toEqual(['c0123456789']);
    expect([...look(SHA)!.accepted]).toEqual(['s0123456789']);
    expect(look('b'.repeat(64))).toBeUndefined();
  });

  it('later files override earlier ones for the same id', async () => {
    const a = await write('a.json', file([dec('c0123456789', 'reject'), dec('c9999999999', 'reject')]));
    const b = await write('b.json', file([dec('c0123456789', 'accept')]));
    const ab = (await loadDecisions([a, b]))(SHA)!;
    expect([...ab.rejected]).toEqual(['c9999999999']);
    expect([...ab.accepted]).toEqual(['c0123456789']);
    const ba = (await loadDecisions([b, a]))(SHA)!;
    expect([...ba.rejected].sort()).toEqual(['c0123456789', 'c9999999999']);
    expect(ba.accepted.size).toBe(0);
  });

  const bad: [string, unknown, RegExp][] = [
    ['not json', '{ nope', /invalid JSON/],
    ['wrong version', { ...file([]), version: 2 }, /version/],
    ['bad decision value', file([{ ...dec('c0123456789', 'reject'), decision: 'maybe' }]), /decision/],
    ['bad id', file([dec('x123', 'reject')]), /id/],
    ['bad sha', file([], 'xyz'), /sha256/],
    ['missing context', file([{ id: 'c0123456789', decision: 'reject', before: 'a', after: 'b', rule: 'r' }]), /context/],
  ];
  it.each(bad)('rejects %s with an error naming the file', async (name, content, msg) => {
    const p = await write(`${name.replace(/ /g, '-')}.json`, content);
    const err = await loadDecisions([p]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoticeError);
    expect((err as Error).message).toContain(p);
    expect((err as Error).message).toMatch(msg);
  });

  it('a missing file is a usage error naming it', async () => {
    const p = join(dir, 'absent.json');
    const err = await loadDecisions([p]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain(p);
  });
});
