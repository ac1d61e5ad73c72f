import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDir } from './temp-dir.ts';

// Observe (not replace) whole-file reads, to check that large files are streamed.
const reads = vi.hoisted(() => ({ whole: [] as string[] }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    readFile: (async (path: string, ...rest: unknown[]) => {
      reads.whole.push(String(path));
      return (real.readFile as (...a: unknown[]) => Promise<unknown>)(path, ...rest);
    }) as typeof real.readFile,
  };
});
const { hashFile } = await import('../../pipeline/io/hash-file.ts');

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const MiB = 1024 * 1024;

afterEach(() => {
  reads.whole.length = 0;
});

describe('hashFile', () => {
  it.each([
    ['empty', 0],
    ['small', 1000],
    ['just below 16 MiB', 16 * MiB - 1],
    ['16 MiB', 16 * MiB],
    ['above 16 MiB', 16 * MiB + 12345],
  ])('gives the sha256 of the bytes of a %s file', async (_label, size) => {
    const dir = await freshDir('hash');
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i += 4099) bytes[i] = (i * 31) & 0xff;
    const path = join(dir, 'input.bin');
    await writeFile(path, bytes);
    expect(await hashFile(path)).toBe(sha256(bytes));
  });

  it('reads files below 16 MiB whole and streams larger ones instead of holding them', async () => {
    const dir = await freshDir('hash');
    const small = join(dir, 'small.pdf');
    const large = join(dir, 'large.pdf');
    await writeFile(small, Buffer.alloc(16 * MiB - 1, 7));
    await writeFile(large, Buffer.alloc(16 * MiB, 7));
    await hashFile(small);
    expect(reads.whole).toEqual([small]);
    await hashFile(large);
    expect(reads.whole).toEqual([small]);
  });

  it('fails with the file system error for a missing file', async () => {
    const dir = await freshDir('hash');
    await expect(hashFile(join(dir, 'nope.pdf'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
