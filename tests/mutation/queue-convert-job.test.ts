/** A worker's side of one job (pipeline/queue/convert-job.ts), with a scripted pipeline in place of the real one. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentStats, renderOutputs } from '../../pipeline/batch/outputs.ts';
import type { ConvertFileOptions, Pipeline } from '../../pipeline/convert.ts';
import { NoticeError } from '../../pipeline/errors.ts';
import { convertJob, type JobContext } from '../../pipeline/queue/convert-job.ts';
import type { JobData } from '../../pipeline/queue/job.ts';
import type { NoticeDocument } from '../../pipeline/schema.ts';
import { PIPELINE_VERSION } from '../../pipeline/version.ts';

const job = (over: Partial<JobData> = {}, options: Partial<JobData['options']> = {}): JobData => ({
  name: 'in/notice.pdf',
  extension: '.pdf',
  sha256: '0'.repeat(64),
  bytes: Buffer.from('PDF BYTES 巡察').toString('base64'),
  options: { ocr: 'always', engine: 'tesseract', userDictionaries: [], decisions: null, ...options },
  pipelineVersion: PIPELINE_VERSION,
  dictionaryVersion: 'dict-1',
  ...over,
});

interface Seen {
  path: string;
  bytes: string;
  opts?: ConvertFileOptions;
  engine?: string;
  dictionaries?: unknown;
  /** the folder the worker offered for writing the user dictionaries, and what it held then */
  dictDir?: { path: string; entries: string[] };
}

/** A pipeline that reads the input it is given; `act` decides what it returns or throws. */
function context(act: (path: string) => Partial<NoticeDocument> | Error = () => ({}), over: Partial<JobContext> = {}) {
  const seen: Seen[] = [];
  const ctx: JobContext = {
    maxResultBytes: 1 << 20,
    async pipelineFor(dictionaries, engine, dir) {
      const dictDir = dictionaries.length ? await dir().then(async (path) => ({ path, entries: await readdir(path) })) : undefined;
      const pipeline = {
        dictionaryVersion: 'dict-1',
        async convertFile(path: string, opts?: ConvertFileOptions) {
          seen.push({ path, bytes: await readFile(path, 'utf8'), opts, engine, dictionaries, dictDir });
          const r = act(path);
          if (r instanceof Error) throw r;
          return { text: '正文', warnings: [], corrections: [], notice: { problemCount: 1 }, source: { pages: [{}] }, ...r } as unknown as NoticeDocument;
        },
      };
      return pipeline as unknown as Pipeline;
    },
    ...over,
  };
  return { ctx, seen };
}

const tempCopies = async () => (await readdir(tmpdir())).filter((f) => f.startsWith('notice-job-'));

describe('convertJob', () => {
  it('converts the bytes it was sent, under the submitter\'s name and options, and returns convert\'s outputs', async () => {
    const { ctx, seen } = context();
    const before = await tempCopies();
    const dicts = [{ basename: 'my.lexicon.tsv', folder: 'd', content: '整改\t1\n' }];
    const result = await convertJob(job({}, { userDictionaries: dicts }), ctx);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ bytes: 'PDF BYTES 巡察', opts: { ocr: 'always', name: 'in/notice.pdf' }, engine: 'tesseract', dictionaries: dicts });
    expect(seen[0].path).toMatch(/\.pdf$/);
    // user dictionaries go to an empty folder beside the input copy, removed with it
    expect(seen[0].dictDir?.entries).toEqual([]);
    expect(dirname(seen[0].dictDir!.path)).toBe(dirname(seen[0].path));
    await expect(stat(seen[0].dictDir!.path)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(seen[0].opts).not.toHaveProperty('decisions');
    const doc = { text: '正文', warnings: [], corrections: [], notice: { problemCount: 1 }, source: { pages: [{}] } } as unknown as NoticeDocument;
    expect(result).toEqual({ ...renderOutputs(doc), stats: documentStats(doc) });
    expect(await tempCopies()).toEqual(before); // the private copy is gone
  });

  it('hands the job\'s own decisions to the pipeline as sets', async () => {
    const { ctx, seen } = context();
    await convertJob(job({}, { decisions: { rejected: ['c1', 'c2'], accepted: ['s1'] } }), ctx);
    expect(seen[0].opts?.decisions).toEqual({ rejected: new Set(['c1', 'c2']), accepted: new Set(['s1']) });
  });

  it('shows the submitter\'s name, never the worker\'s temporary path, in warnings and errors', async () => {
    const warned = context((path) => ({ warnings: [{ code: 'W', message: `${path}: page 2 blank; ${path} again` }, { code: 'X', message: 'plain' }] as NoticeDocument['warnings'] }));
    const r = await convertJob(job(), warned.ctx);
    expect(JSON.parse(r.json).warnings).toEqual([{ code: 'W', message: 'in/notice.pdf: page 2 blank; in/notice.pdf again' }, { code: 'X', message: 'plain' }]);
    const failing = context((path) => new NoticeError('PDF_CORRUPT', 'the PDF is truncated', { file: path }));
    await expect(convertJob(job(), failing.ctx)).rejects.toMatchObject({ code: 'PDF_CORRUPT', message: 'in/notice.pdf: the PDF is truncated' });
  });

  it('passes on an unexpected error as it is (the queue retries it) and still removes its copy', async () => {
    const before = await tempCopies();
    const boom = new TypeError('out of memory');
    await expect(convertJob(job(), context(() => boom).ctx)).rejects.toBe(boom);
    expect(await tempCopies()).toEqual(before);
  });

  it.each<[string, unknown, string, string]>([
    ['data of another schema', { name: 'a' }, 'BAD_JOB', "job data does not match this worker's schema"],
    ['another pipeline version', job({ pipelineVersion: '0.0.1' }), 'VERSION_MISMATCH', `in/notice.pdf: job made for pipeline 0.0.1, this worker runs ${PIPELINE_VERSION}`],
    ['other dictionaries', job({ dictionaryVersion: 'dict-0' }), 'VERSION_MISMATCH', 'in/notice.pdf: job made with dictionaries dict-0, this worker has dict-1'],
  ])('refuses %s before converting', async (_what, data, code, message) => {
    const { ctx, seen } = context();
    await expect(convertJob(data, ctx)).rejects.toMatchObject({ code, message: expect.stringContaining(message) });
    expect(seen).toEqual([]);
  });

  it('refuses a result over the cap, counting the JSON and the text in UTF-8 bytes; one at the cap passes', async () => {
    const probe = await convertJob(job(), context().ctx);
    const size = Buffer.byteLength(probe.json) + Buffer.byteLength(probe.txt);
    await expect(convertJob(job(), context(() => ({}), { maxResultBytes: size }).ctx)).resolves.toEqual(probe);
    await expect(convertJob(job(), context(() => ({}), { maxResultBytes: size - 1 }).ctx)).rejects.toMatchObject({
      code: 'RESULT_TOO_LARGE',
      message: `in/notice.pdf: result is ${size} bytes, over the queue's cap of ${size - 1}`,
    });
  });
});
