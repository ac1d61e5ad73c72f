/**
 * A worker's pipelines (pipeline/queue/pipelines.ts): one per engine and dictionary set,
 * shared, dictionaries written as files the loader can read. createPipeline is replaced
 * by a stand-in that records what it was given (the real one loads dictionaries for seconds).
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Pipeline, PipelineOptions } from '../../pipeline/convert.ts';
import { pipelineCache } from '../../pipeline/queue/pipelines.ts';
import { freshDir } from './temp-dir.ts';

const made = vi.hoisted(() => [] as { options: PipelineOptions; files: Record<string, string>; closed: number }[]);
const failNext = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../pipeline/convert.ts', () => ({
  async createPipeline(options: PipelineOptions) {
    if (failNext.count > 0) {
      failNext.count--;
      throw new Error('dictionary does not parse');
    }
    const files: Record<string, string> = {};
    for (const f of options.userDictionaries ?? []) files[f] = await readFile(f, 'utf8');
    const entry = { options, files, closed: 0 };
    made.push(entry);
    return { dictionaryVersion: `v${made.length}`, close: async () => void entry.closed++ } as unknown as Pipeline;
  },
}));

const lexicon = { basename: 'my.lexicon.tsv', folder: 'dicts', content: '整改\t2\n' };
const corpus = { basename: 'news.txt', folder: 'corpus', content: '巡察整改进展' };

describe('pipelineCache', () => {
  it('makes one pipeline per engine and dictionary set, shared by every job that asks for the same', async () => {
    made.length = 0;
    const root = await freshDir('pipelines');
    const cache = pipelineCache({ workers: 3, dictionaryDir: 'dictionaries' });
    const dir = vi.fn(async () => root);
    const [a, b] = await Promise.all([cache.pipelineFor([lexicon], 'ppocr', dir), cache.pipelineFor([{ ...lexicon }], 'ppocr', dir)]);
    expect(a).toBe(b);
    const other = await cache.pipelineFor([lexicon], 'tesseract', dir);
    const bundled = await cache.pipelineFor([], 'ppocr', dir);
    expect(new Set([a, other, bundled]).size).toBe(3);
    expect(made.map((m) => ({ engine: m.options.engine, workers: m.options.workers, dictionaryDir: m.options.dictionaryDir, n: m.options.userDictionaries?.length }))).toEqual([
      { engine: 'ppocr', workers: 3, dictionaryDir: 'dictionaries', n: 1 },
      { engine: 'tesseract', workers: 3, dictionaryDir: 'dictionaries', n: 1 },
      { engine: 'ppocr', workers: 3, dictionaryDir: 'dictionaries', n: 0 },
    ]);
    expect(dir).toHaveBeenCalledTimes(2); // no folder asked for when there is nothing to write
  });

  it('writes each dictionary under its own folder name and file name (the kind is read from them)', async () => {
    made.length = 0;
    const root = await freshDir('pipelines');
    await pipelineCache({}).pipelineFor([lexicon, corpus, { basename: 'x.lexicon.tsv', folder: '', content: 'x' }], 'ppocr', async () => root);
    expect(Object.fromEntries(Object.entries(made[0].files).map(([f, text]) => [relative(root, f), text]))).toEqual({
      [join('0', 'dicts', 'my.lexicon.tsv')]: '整改\t2\n',
      [join('1', 'corpus', 'news.txt')]: '巡察整改进展',
      [join('2', 'dict', 'x.lexicon.tsv')]: 'x',
    });
  });

  it('forgets a pipeline that failed to load, so the next job tries again', async () => {
    made.length = 0;
    const root = await freshDir('pipelines');
    const cache = pipelineCache({});
    failNext.count = 1;
    await expect(cache.pipelineFor([lexicon], 'ppocr', async () => root)).rejects.toThrow('dictionary does not parse');
    await new Promise((r) => setTimeout(r, 0));
    await expect(cache.pipelineFor([lexicon], 'ppocr', async () => root)).resolves.toBeDefined();
    expect(made).toHaveLength(1);
  });

  it('close closes every pipeline it made, once, and a later job gets a new one', async () => {
    made.length = 0;
    const root = await freshDir('pipelines');
    const cache = pipelineCache({});
    failNext.count = 1;
    await cache.pipelineFor([corpus], 'ppocr', async () => root).catch(() => {});
    await cache.pipelineFor([], 'ppocr', async () => root);
    await cache.pipelineFor([lexicon], 'ppocr', async () => root);
    await cache.close();
    expect(made.map((m) => m.closed)).toEqual([1, 1]);
    await cache.pipelineFor([], 'ppocr', async () => root);
    expect(made).toHaveLength(3);
    await cache.close();
    expect(made.map((m) => m.closed)).toEqual([1, 1, 1]);
  });
});
