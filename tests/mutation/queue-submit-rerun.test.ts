/**
 * submitInputs on a re-run: an output is redone when what changes it changed (the OCR
 * mode or engine for a scan; the reviewer decisions for any input), and only then;
 * a failure left in Redis by an earlier run is tried again, so the failure reported is
 * this run's.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { DecisionLookup } from '../../pipeline/decision-filter.ts';
import { jobFor } from '../../pipeline/queue/job-input.ts';
import type { SubmitOptions } from '../../pipeline/queue/submit.ts';
import { until } from '../queue/redis-harness.ts';
import { DICTIONARY_VERSION, stub } from './queue-stub.ts';
import { redisSuite } from './redis-suite.ts';
import { statuses, submitSetup } from './submit-setup.ts';

vi.mock('../../pipeline/convert.ts', async () => (await import('./queue-stub.ts')).stubConvertModule);
vi.mock('../../pipeline/correct/index.ts', async () => (await import('./queue-stub.ts')).stubCorrectModule);

const suite = redisSuite();
const setup = submitSetup(suite);
const rejecting: DecisionLookup = () => ({ rejected: new Set(['c1']), accepted: new Set() });

describe('submitInputs on a re-run', () => {
  it.each<[string, Partial<SubmitOptions>, boolean]>([
    ['the OCR mode', { ocr: 'always' }, false],
    ['the engine', { engine: 'tesseract' }, false],
    ['the reviewer decisions', { decisions: rejecting }, true],
  ])('converts a scan again when %s changed (a text input too when it changes text), and skips both otherwise', async (_, changed, textToo) => {
    const s = await setup({ 'scan.pdf': '扫描件', 'page.txt': '文本' });
    expect(statuses(await s.submit())).toEqual([['in/scan.pdf', 'converted'], ['in/page.txt', 'converted']]);
    expect(statuses(await s.submit())).toEqual([['in/scan.pdf', 'skipped'], ['in/page.txt', 'skipped']]);
    stub.conversions.length = 0;
    expect(statuses(await s.submit(changed))).toEqual([['in/scan.pdf', 'converted'], ['in/page.txt', textToo ? 'converted' : 'skipped']]);
    expect(stub.conversions).toEqual(textToo ? ['in/scan.pdf', 'in/page.txt'] : ['in/scan.pdf']);
    const recorded = JSON.parse(await readFile(join(s.out, 'scan.json'), 'utf8')).options;
    expect(recorded).toMatchObject({ ocr: changed.ocr ?? 'auto', engine: changed.engine ?? 'ppocr' });
    expect(recorded.decisions === null).toBe(!textToo);
    stub.conversions.length = 0;
    expect(statuses(await s.submit(changed))).toEqual([['in/scan.pdf', 'skipped'], ['in/page.txt', 'skipped']]);
    expect(stub.conversions).toEqual([]);
  });

  it('tries again a failure an earlier run left in Redis, and reports the failure of this run', async () => {
    const s = await setup({ 'bad.pdf': 'fail:PDF_CORRUPT' });
    const settings = { ocr: 'auto' as const, engine: 'ppocr' as const, userDictionaries: [], dictionaryVersion: DICTIONARY_VERSION, maxInputBytes: 1 << 20 };
    const { id, data } = await jobFor(s.inputs[0].path, s.inputs[0].name!, settings);
    await s.queue.add('convert', data, { jobId: id, attempts: 1 });
    await until(async () => (await s.queue.getJobState(id)) === 'failed', 'the earlier run\'s failure');
    stub.conversions.length = 0;
    const r = await s.submit();
    expect(stub.conversions).toEqual(['in/bad.pdf']); // converted again in this run
    expect(r.results).toMatchObject([{ input: 'in/bad.pdf', status: 'failed', output: null, error: { code: 'PDF_CORRUPT', message: 'in/bad.pdf: scripted failure' } }]);
    expect(await s.queue.getJobCounts('wait', 'active', 'completed', 'failed', 'delayed')).toEqual({ wait: 0, active: 0, completed: 0, failed: 0, delayed: 0 });
  });

  it('reports a failure of this run at once, without converting the input again', async () => {
    const s = await setup({ 'bad.pdf': 'fail:PDF_CORRUPT' });
    stub.conversions.length = 0;
    const r = await s.submit();
    expect(r.results).toMatchObject([{ input: 'in/bad.pdf', status: 'failed', error: { code: 'PDF_CORRUPT' } }]);
    expect(stub.conversions).toEqual(['in/bad.pdf']);
  });

  it('takes a finished job as soon as its event arrives, without waiting for the next poll', async () => {
    // with a poll every ten minutes only the completed and failed events can end this run
    const s = await setup({ 'a.txt': '一', 'bad.pdf': 'fail:PDF_CORRUPT' });
    expect(statuses(await s.submit({ pollMs: 600_000 }))).toEqual([['in/a.txt', 'converted'], ['in/bad.pdf', 'failed']]);
  });
});
