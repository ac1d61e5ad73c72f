/** Job building on the submitter's side: ids that find the same job again, the size cap, failure reasons. */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobFor, type JobSettings } from '../../pipeline/queue/job-input.ts';
import { JobData, parseFailedReason } from '../../pipeline/queue/job.ts';

const dir = mkdtempSync(join(tmpdir(), 'notice-job-'));
const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
const base: JobSettings = { ocr: 'auto', engine: 'ppocr', userDictionaries: [], dictionaryVersion: 'abc123', maxInputBytes: 1024 };

describe('queue jobs', () => {
  it('carry the bytes, name and options, and validate against the worker schema', async () => {
    const { data } = await jobFor(file('a.txt', '关于巡察整改'), 'in/a.txt', base);
    expect(JobData.parse(data)).toEqual(data);
    expect(Buffer.from(data.bytes, 'base64').toString('utf8')).toBe('关于巡察整改');
    expect(data).toMatchObject({ name: 'in/a.txt', extension: '.txt', options: { ocr: 'auto', engine: 'ppocr', decisions: null } });
  });

  it.each([
    ['the same input again', 'x.txt', '正文', 'in/x.txt', base, true],
    ['other bytes', 'x.txt', '正文。', 'in/x.txt', base, false],
    ['another name', 'x.txt', '正文', 'in/y.txt', base, false],
    ['another OCR mode', 'x.txt', '正文', 'in/x.txt', { ...base, ocr: 'never' as const }, false],
    ['another OCR engine', 'x.txt', '正文', 'in/x.txt', { ...base, engine: 'tesseract' as const }, false],
    ['other dictionaries', 'x.txt', '正文', 'in/x.txt', { ...base, dictionaryVersion: 'def456' }, false],
    ['a user dictionary', 'x.txt', '正文', 'in/x.txt', { ...base, userDictionaries: [{ basename: 'my.lexicon.tsv', folder: 'd', content: 'term\tweight\n' }] }, false],
  ])('id for %s: same as the first job = %s', async (_what, name, text, label, settings, same) => {
    const first = await jobFor(file('x.txt', '正文'), 'in/x.txt', base);
    const other = await jobFor(file(name, text), label, settings);
    expect(other.id === first.id).toBe(same);
    expect(other.id).toMatch(/^n[0-9a-f]{64}$/);
  });

  it('carry only this input\'s decisions (looked up by its sha256, ids sorted)', async () => {
    const sha = createHash('sha256').update('有决定').digest('hex');
    const settings: JobSettings = { ...base, decisions: (s) => (s === sha ? { rejected: new Set(['c2', 'c1']), accepted: new Set(['s9']) } : undefined) };
    expect((await jobFor(file('d.txt', '有决定'), 'd.txt', settings)).data.options.decisions).toEqual({ rejected: ['c1', 'c2'], accepted: ['s9'] });
    expect((await jobFor(file('e.txt', '无决定'), 'e.txt', settings)).data.options.decisions).toBe(null);
  });

  it('refuse an input over the cap before reading it, naming the file', async () => {
    const big = file('big.txt', '字'.repeat(400));
    await expect(jobFor(big, 'in/big.txt', base)).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE', message: expect.stringContaining('in/big.txt') });
  });

  it.each([
    ['PDF_CORRUPT: in/c.pdf: the PDF is truncated', 'in/c.pdf', { code: 'PDF_CORRUPT', message: 'in/c.pdf: the PDF is truncated' }],
    ['job stalled more than allowable limit', 'in/a.pdf', { code: 'INTERNAL', message: 'in/a.pdf: job stalled more than allowable limit' }],
  ])('failure reason %j', (reason, name, expected) => {
    expect(parseFailedReason(reason, name)).toEqual(expected);
  });
});
