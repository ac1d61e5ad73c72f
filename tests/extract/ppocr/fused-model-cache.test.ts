/**
 * The rewritten graphs are kept on disk and read back unchanged; a new shipped model gets its own
 * entry (the two newest of a model kept: sources and build alternate in one checkout), a folder that cannot be written only costs the rewrite, and a
 * damaged entry is rewritten instead of failing the page.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fuseGraph } from '../../../pipeline/extract/ppocr/fuse-graph.ts';
import { cacheDir, fusedGraph } from '../../../pipeline/extract/ppocr/fused-model-cache.ts';
import { createSession, modelPath, run } from '../../../pipeline/extract/ppocr/models.ts';
import { readModel } from '../../../pipeline/extract/ppocr/onnx-graph.ts';

const root = mkdtempSync(join(tmpdir(), 'fused-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const cls = readFileSync(modelPath('cls'));

/** The same model with one more (unread) graph output name, so its bytes and hash differ. */
function otherShipped(extra = 'cache_test_extra'): Uint8Array {
  const m = readModel(cls);
  return m.write([...m.nodes, { opType: 'Identity', inputs: [m.nodes[0].outputs[0]], outputs: [extra], rest: [] }]);
}

describe('fused-model cache', () => {
  it('writes the rewritten graph once, then reads the same bytes back', () => {
    const dir = join(root, 'a');
    const first = fusedGraph('cls', cls, dir);
    const second = fusedGraph('cls', cls, dir);
    expect([first.how, second.how]).toEqual(['written', 'hit']);
    expect(Buffer.compare(Buffer.from(second.bytes), Buffer.from(fuseGraph(cls).bytes))).toBe(0);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('gives another shipped model its own entry, keeping the two newest of that name', async () => {
    const dir = join(root, 'b');
    fusedGraph('cls', cls, dir);
    const first = readdirSync(dir);
    await new Promise((r) => setTimeout(r, 20));
    expect(fusedGraph('cls', otherShipped(), dir).how).toBe('written');
    expect(readdirSync(dir)).toHaveLength(2);
    // both stay usable: switching between them rewrites nothing
    expect(fusedGraph('cls', cls, dir).how).toBe('hit');
    expect(fusedGraph('cls', otherShipped(), dir).how).toBe('hit');
    await new Promise((r) => setTimeout(r, 20));
    expect(fusedGraph('cls', otherShipped('cache_test_third'), dir).how).toBe('written');
    const after = readdirSync(dir);
    expect(after).toHaveLength(2);
    expect(after).not.toContain(first[0]);
    expect(fusedGraph('cls', cls, dir).how).toBe('written');
  });

  it('works without a cache when the folder cannot be made', () => {
    const file = join(root, 'plain-file');
    writeFileSync(file, 'not a folder');
    const g = fusedGraph('cls', cls, join(file, 'ppocr'));
    expect(g.how).toBe('uncached');
    expect(g.bytes.length).toBe(fuseGraph(cls).bytes.length);
  });

  it('is turned off by an empty NOTICE_CACHE_DIR and moved by a set one', () => {
    const saved = process.env.NOTICE_CACHE_DIR;
    try {
      process.env.NOTICE_CACHE_DIR = '';
      expect(cacheDir('/x/node_modules/pkg/assets')).toBeNull();
      process.env.NOTICE_CACHE_DIR = '/y';
      expect(cacheDir('/x/node_modules/pkg/assets')).toBe(join('/y', 'ppocr'));
      delete process.env.NOTICE_CACHE_DIR;
      expect(cacheDir('/x/node_modules/pkg/assets')).toBe(join('/x/node_modules/.cache/notice-pipeline/ppocr'));
    } finally {
      if (saved === undefined) delete process.env.NOTICE_CACHE_DIR;
      else process.env.NOTICE_CACHE_DIR = saved;
    }
  });

  it('rewrites a damaged entry instead of failing, and the session still reads', async () => {
    const saved = process.env.NOTICE_CACHE_DIR;
    const dir = join(root, 'c');
    process.env.NOTICE_CACHE_DIR = dir;
    try {
      await createSession('cls');
      const [entry] = readdirSync(join(dir, 'ppocr'));
      writeFileSync(join(dir, 'ppocr', entry), 'damaged');
      const session = await createSession('cls');
      const out = await run(session, new Float32Array(3 * 48 * 192).fill(0.5), [1, 3, 48, 192]);
      expect(out.dims).toEqual([1, 2]);
      expect(readFileSync(join(dir, 'ppocr', entry)).length).toBeGreaterThan(1000);
    } finally {
      if (saved === undefined) delete process.env.NOTICE_CACHE_DIR;
      else process.env.NOTICE_CACHE_DIR = saved;
    }
  });
});
