import { mkdir, open, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../pipeline/io/write-atomic.ts';
import { freshDir } from './temp-dir.ts';

/** The FileHandle class is not exported; its prototype is reached through a handle. */
async function fileHandlePrototype(dir: string): Promise<{ sync: () => Promise<void> }> {
  const fh = await open(join(dir, 'probe'), 'w');
  await fh.close();
  return Object.getPrototypeOf(fh) as { sync: () => Promise<void> };
}

const openFds = (): number => readdirSync('/proc/self/fd').length;

afterEach(() => vi.restoreAllMocks());

describe('writeFileAtomic', () => {
  it('writes UTF-8 text into folders it creates, leaving only the target behind', async () => {
    const dir = await freshDir('atomic');
    const target = join(dir, 'a', 'b', 'notice.json');
    await writeFileAtomic(target, '巡察整改\n');
    expect(await readFile(target, 'utf8')).toBe('巡察整改\n');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['notice.json']);
  });

  it('replaces an existing file whole, never appending to it', async () => {
    const dir = await freshDir('atomic');
    const target = join(dir, 'out.txt');
    await writeFile(target, 'an older and much longer content that must disappear');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('lets concurrent writers to one path each finish, and the survivor is one whole version', async () => {
    const dir = await freshDir('atomic');
    const target = join(dir, 'shared.json');
    const versions = Array.from({ length: 12 }, (_, i) => `${String(i).repeat(5000)}\n`);
    await Promise.all(versions.map((v) => writeFileAtomic(target, v)));
    expect(versions).toContain(await readFile(target, 'utf8'));
    expect(await readdir(dir)).toEqual(['shared.json']);
  });

  it('closes every file it opens (a batch of thousands must not run out of descriptors)', async () => {
    const dir = await freshDir('atomic');
    await writeFileAtomic(join(dir, 'warm.txt'), 'x');
    const before = openFds();
    for (let i = 0; i < 40; i++) await writeFileAtomic(join(dir, `f${i}.txt`), 'x');
    expect(openFds()).toBe(before);
  });

  it('when the rename fails, throws that error and removes its temp file; the target is untouched', async () => {
    const dir = await freshDir('atomic');
    const target = join(dir, 'is-a-folder');
    await mkdir(join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomic(target, 'data')).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) });
    expect(await readdir(dir)).toEqual(['is-a-folder']);
    expect(await readdir(target)).toEqual(['inside']);
  });

  it('when the temp file cannot even be created, the original error comes out (not a clean-up error)', async () => {
    const dir = await freshDir('atomic');
    // a 250-byte name is legal, its temp name (name + pid + random + .tmp) is over 255 bytes
    const target = join(dir, `${'n'.repeat(245)}.json`);
    await expect(writeFileAtomic(target, 'data')).rejects.toMatchObject({ code: 'ENAMETOOLONG' });
    expect(await readdir(dir)).toEqual([]);
  });

  // sysfs refuses new files (EACCES even for root); a clean-up that insisted on its temp file would throw ENOENT instead
  it.skipIf(!existsSync('/sys/kernel'))('when the folder refuses new files, that refusal comes out, not a clean-up error', async () => {
    await expect(writeFileAtomic('/sys/notice-atomic-test.json', 'data')).rejects.toMatchObject({ code: 'EACCES' });
  });

  it('flushes to disk before the rename only when asked to be durable', async () => {
    const dir = await freshDir('atomic');
    const proto = await fileHandlePrototype(dir);
    const sync = vi.spyOn(proto, 'sync');
    await writeFileAtomic(join(dir, 'fast.txt'), 'x');
    expect(sync).not.toHaveBeenCalled();
    await writeFileAtomic(join(dir, 'durable.txt'), 'y', { durable: true });
    expect(sync).toHaveBeenCalledTimes(1);
    expect(await readFile(join(dir, 'durable.txt'), 'utf8')).toBe('y');
  });
});
