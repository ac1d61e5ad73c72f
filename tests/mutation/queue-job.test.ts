/** What a job carries and how it is named (pipeline/queue/job.ts, job-input.ts), beyond tests/queue/job.test.ts. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobFor, readUserDictionaries, type JobSettings } from '../../pipeline/queue/job-input.ts';
import { JobData, jobIdOf, parseFailedReason, queueNameFor, UserDictionary } from '../../pipeline/queue/job.ts';
import { PIPELINE_VERSION } from '../../pipeline/version.ts';
import { freshDir } from './temp-dir.ts';

const base: JobSettings = { ocr: 'auto', engine: 'ppocr', userDictionaries: [], dictionaryVersion: 'd1', maxInputBytes: 2 * 1024 * 1024 };

describe('queueNameFor', () => {
  it.each([
    ['0.5.0', 'notice-convert-0.5.0'],
    ['1.2.3-rc.1', 'notice-convert-1.2.3-rc.1'],
    ['1.0 beta:2/x', 'notice-convert-1.0_beta_2_x'], // ':' would break BullMQ's keys
  ])('version %j → %j', (version, name) => expect(queueNameFor(version)).toBe(name));

  it('defaults to this pipeline version, so workers of another release never take the job', () => {
    expect(queueNameFor()).toBe(queueNameFor(PIPELINE_VERSION));
  });
});

describe('jobIdOf', () => {
  const meta = { name: 'a.txt', extension: '.txt', sha256: 'a'.repeat(64), pipelineVersion: '1', dictionaryVersion: 'd', options: { ocr: 'auto' as const, engine: 'ppocr' as const, userDictionaries: [], decisions: null } };
  it.each([
    ['the pipeline version', { pipelineVersion: '2' }],
    ['the extension', { extension: '.pdf' }],
    ['the decisions', { options: { ...meta.options, decisions: { rejected: ['c1'], accepted: [] } } }],
  ])('changes with %s', (_what, over) => {
    expect(jobIdOf({ ...meta, ...over })).not.toBe(jobIdOf(meta));
  });
});

describe('parseFailedReason', () => {
  it.each([
    ['VERSION_MISMATCH: a.pdf: job made for pipeline 0.4.0', { code: 'VERSION_MISMATCH', message: 'a.pdf: job made for pipeline 0.4.0' }],
    ['PDF_CORRUPT: line one\nline two', { code: 'PDF_CORRUPT', message: 'line one\nline two' }],
    ['E: short code', { code: 'INTERNAL', message: 'in/a.pdf: E: short code' }],
    ['lower_case: not a code', { code: 'INTERNAL', message: 'in/a.pdf: lower_case: not a code' }],
    ['x PDF_CORRUPT: not at the start', { code: 'INTERNAL', message: 'in/a.pdf: x PDF_CORRUPT: not at the start' }],
    ['PDF_CORRUPT:no space', { code: 'INTERNAL', message: 'in/a.pdf: PDF_CORRUPT:no space' }],
  ])('%j', (reason, expected) => expect(parseFailedReason(reason, 'in/a.pdf')).toEqual(expected));
});

describe('job schema (what a worker accepts)', () => {
  const good = { name: 'a.pdf', extension: '.pdf', sha256: 'f'.repeat(64), bytes: '', pipelineVersion: '1', dictionaryVersion: 'd', options: { ocr: 'auto', engine: 'ppocr', userDictionaries: [], decisions: null } };
  it.each<[string, object, boolean]>([
    ['a whole job', {}, true],
    ['no extension', { extension: '' }, true],
    ['an extension with a path in it', { extension: '.pdf/../x' }, false],
    ['an extension without its dot', { extension: 'pdf' }, false],
    ['a short sha256', { sha256: 'f'.repeat(63) }, false],
    ['an upper-case sha256', { sha256: 'F'.repeat(64) }, false],
    ['a sha256 with more after it', { sha256: `${'f'.repeat(64)}0` }, false],
  ])('%s: accepted = %s', (_what, over, ok) => expect(JobData.safeParse({ ...good, ...over }).success).toBe(ok));

  it.each<[string, string, boolean]>([
    ['a file name', 'my.lexicon.tsv', true],
    ['a path', 'd/my.lexicon.tsv', false],
    ['a Windows path', 'd\\my.lexicon.tsv', false],
    ['nothing', '', false],
  ])('user dictionary named by %s: accepted = %s', (_what, basename, ok) => {
    expect(UserDictionary.safeParse({ basename, folder: 'd', content: '' }).success).toBe(ok);
  });
});

describe('jobFor and readUserDictionaries', () => {
  it('reads each user dictionary with its file name, its folder name and its text', async () => {
    const dir = await freshDir('queue-dicts');
    await mkdir(join(dir, 'corpus'));
    await writeFile(join(dir, 'corpus', 'news.txt'), '巡察整改');
    await writeFile(join(dir, 'my.lexicon.tsv'), '整改\t3\n');
    expect(await readUserDictionaries([join(dir, 'corpus', 'news.txt'), join(dir, 'my.lexicon.tsv')])).toEqual([
      { basename: 'news.txt', folder: 'corpus', content: '巡察整改' },
      { basename: 'my.lexicon.tsv', folder: dir.split('/').pop(), content: '整改\t3\n' },
    ]);
  });

  it('takes an input exactly at the cap; one byte over is refused with both sizes in MB', async () => {
    const dir = await freshDir('queue-cap');
    const path = join(dir, 'a.txt');
    await writeFile(path, Buffer.alloc(1536 * 1024, 0x41)); // 1.5 MB
    const at = await jobFor(path, 'in/a.txt', { ...base, maxInputBytes: 1536 * 1024 });
    expect(Buffer.from(at.data.bytes, 'base64').length).toBe(1536 * 1024);
    await expect(jobFor(path, 'in/a.txt', { ...base, maxInputBytes: 1536 * 1024 - 1 })).rejects.toMatchObject({
      code: 'INPUT_TOO_LARGE',
      message: "in/a.txt: 1.5 MB is over the queue's input cap of 1.5 MB (--max-input-mb)",
    });
  });

  it('records the versions and the options a worker must use, and the sha256 of the bytes', async () => {
    const dir = await freshDir('queue-meta');
    const path = join(dir, 'scan.PDF');
    await writeFile(path, 'abc');
    const dicts = [{ basename: 'x.lexicon.tsv', folder: 'd', content: 'x' }];
    const { id, data } = await jobFor(path, 'in/scan.PDF', { ...base, ocr: 'always', engine: 'tesseract', userDictionaries: dicts });
    expect(data).toMatchObject({
      extension: '.PDF',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      pipelineVersion: PIPELINE_VERSION,
      dictionaryVersion: 'd1',
      options: { ocr: 'always', engine: 'tesseract', userDictionaries: dicts, decisions: null },
    });
    const { bytes: _b, ...meta } = data;
    expect(id).toBe(jobIdOf(meta));
  });

  it('names a missing input in a NOT_FOUND error', async () => {
    const dir = await freshDir('queue-missing');
    await expect(jobFor(join(dir, 'gone.pdf'), 'in/gone.pdf', base)).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'in/gone.pdf: no such file' });
  });
});
