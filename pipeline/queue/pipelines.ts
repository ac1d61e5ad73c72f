/**
 * A worker's pipelines, one per OCR engine and set of user dictionaries, created on first use and
 * kept for the life of the process (loading dictionaries takes seconds; most
 * batches use one set). The set is keyed by its content, so the same files sent
 * by two submitters share one pipeline.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPipeline, type Pipeline, type PipelineOptions } from '../convert.ts';
import type { EngineName } from '../extract/ocr.ts';
import type { UserDictionary } from './job.ts';

export interface PipelineCache {
  pipelineFor(dictionaries: UserDictionary[], engine: EngineName, dir: () => Promise<string>): Promise<Pipeline>;
  close(): Promise<void>;
}

export function pipelineCache(base: Omit<PipelineOptions, 'userDictionaries' | 'decisions' | 'engine'>): PipelineCache {
  const pipelines = new Map<string, Promise<Pipeline>>();
  const make = async (dictionaries: UserDictionary[], engine: EngineName, dir: () => Promise<string>): Promise<Pipeline> => {
    const files: string[] = [];
    if (dictionaries.length) {
      const root = await dir();
      for (const [i, d] of dictionaries.entries()) {
        const folder = join(root, String(i), d.folder || 'dict');
        await mkdir(folder, { recursive: true });
        await writeFile(join(folder, d.basename), d.content);
        files.push(join(folder, d.basename));
      }
    }
    return createPipeline({ ...base, engine, userDictionaries: files });
  };
  return {
    pipelineFor(dictionaries, engine, dir) {
      const key = createHash('sha256').update(JSON.stringify([engine, dictionaries])).digest('hex');
      let p = pipelines.get(key);
      if (!p) {
        p = make(dictionaries, engine, dir);
        pipelines.set(key, p);
        p.catch(() => pipelines.delete(key));
      }
      return p;
    },
    async close() {
      const all = await Promise.allSettled(pipelines.values());
      pipelines.clear();
      for (const r of all) if (r.status === 'fulfilled') await r.value.close();
    },
  };
}
