import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignUniqueNames, collectInputs, type BatchInput } from '../../pipeline/batch/collect-inputs.ts';
import { freshDir } from './temp-dir.ts';

async function tree(files: string[]): Promise<string> {
  const dir = await freshDir('inputs');
  for (const f of files) {
    await mkdir(join(dir, f, '..'), { recursive: true });
    await writeFile(join(dir, f), 'x');
  }
  return dir;
}

describe('collectInputs', () => {
  it('walks folders in name order, keeps only input types (any case), skips hidden entries', async () => {
    const dir = await tree([
      'b/notice.PDF', 'a/2.txt', 'a/10.txt', 'scan.TIFF', 'photo.jpeg', 'x.jpg', 'y.png', 'z.tif',
      'readme.md', 'data.json', '.hidden.txt', '.git/a.txt', 'noext',
    ]);
    const got = await collectInputs([dir]);
    expect(got.map((i) => i.path.slice(dir.length + 1))).toEqual([
      'a/10.txt', 'a/2.txt', 'b/notice.PDF', 'photo.jpeg', 'scan.TIFF', 'x.jpg', 'y.png', 'z.tif',
    ]);
    expect(got.map((i) => i.outName)).toEqual(['a/10', 'a/2', 'b/notice', 'photo', 'scan', 'x', 'y', 'z']);
  });

  it('walks a folder in the same order on every system: UTF-16 order, not the file system\'s byte order', async () => {
    // U+FF08 （ is EF BC 88 in UTF-8 and FF08 in UTF-16; U+2000B 𠀋 is F0 A0 80 8B and D840 DC0B
    const dir = await tree(['（一）通知.txt', '𠀋村通知.txt', 'a.txt', '（二）通知.txt', '𠀀.txt']);
    expect((await collectInputs([dir])).map((i) => i.outName)).toEqual(['a', '𠀀', '𠀋村通知', '（一）通知', '（二）通知']);
  });

  it('leaves out a FIFO named like an input (reading it would wait forever)', async () => {
    const dir = await tree(['a.txt']);
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    expect((await collectInputs([dir])).map((i) => i.outName)).toEqual(['a']);
  });

  it('names outputs after the path below the folder given, so equal file names never collide', async () => {
    const dir = await tree(['2024/q1/notice.pdf', '2024/q2/notice.pdf']);
    const got = await collectInputs([join(dir, '2024')]);
    expect(got.map((i) => i.outName)).toEqual(['q1/notice', 'q2/notice']);
  });

  it('takes a file given directly under its own stem, whatever its extension', async () => {
    const dir = await tree(['deep/er/report.v2.txt', 'README', '.txt']);
    const got = await collectInputs([join(dir, 'deep/er/report.v2.txt'), join(dir, 'README'), join(dir, '.txt')]);
    expect(got).toEqual([
      { path: join(dir, 'deep/er/report.v2.txt'), outName: 'report.v2' },
      { path: join(dir, 'README'), outName: 'README' },
      { path: join(dir, '.txt'), outName: '.txt' },
    ]);
  });

  it('replaces characters that are unsafe in file names', async () => {
    const dir = await tree(['a<b>c:d"e|f?g*h\\i\u0001.txt']);
    const [got] = await collectInputs([dir]);
    expect(got.outName).toBe('a_b_c_d_e_f_g_h_i_');
  });

  it('keeps the order of the arguments and expands each folder in place', async () => {
    const dir = await tree(['one.txt', 'f/a.txt', 'f/b.txt']);
    const got = await collectInputs([join(dir, 'one.txt'), join(dir, 'f'), join(dir, 'one.txt')]);
    expect(got.map((i) => i.outName)).toEqual(['one', 'a', 'b', 'one']);
  });

  it('names a missing argument in a NOT_FOUND error', async () => {
    const dir = await freshDir('inputs');
    const missing = join(dir, 'nope.pdf');
    await expect(collectInputs([missing])).rejects.toMatchObject({ code: 'NOT_FOUND', message: `${missing}: no such file or folder` });
  });
});

describe('assignUniqueNames', () => {
  const names = (inputs: [string, string][]): string[] => {
    const items: BatchInput[] = inputs.map(([path, outName]) => ({ path, outName }));
    assignUniqueNames(items);
    return items.map((i) => i.outName);
  };

  it.each<[string, [string, string][], string[]]>([
    ['distinct names stay', [['a.pdf', 'a'], ['b.pdf', 'b']], ['a', 'b']],
    ['a clash gets its extension', [['n.txt', 'n'], ['n.pdf', 'n']], ['n', 'n-pdf']],
    ['names differing only in case clash', [['N.txt', 'N'], ['n.pdf', 'n']], ['N', 'n-pdf']],
    ['then a counter', [['n.pdf', 'n'], ['x/n.pdf', 'n'], ['y/n.pdf', 'n'], ['z/n.pdf', 'n']], ['n', 'n-pdf', 'n-2', 'n-3']],
    ['no extension counts as "in"', [['n', 'n'], ['m/n', 'n']], ['n', 'n-in']],
    ['a real name that looks like a counted one stays', [['a.pdf', 'a'], ['b/a.pdf', 'a'], ['a-2.txt', 'a-2']], ['a', 'a-pdf', 'a-2']],
    ['counter skips names already taken', [['a.pdf', 'a-2'], ['a.pdf', 'a'], ['b/a.pdf', 'a'], ['c/a.pdf', 'a']], ['a-2', 'a', 'a-pdf', 'a-3']],
  ])('%s', (_label, inputs, expected) => {
    const got = names(inputs);
    expect(got).toEqual(expected);
    expect(new Set(got.map((n) => n.toLowerCase())).size).toBe(got.length);
  });
});
