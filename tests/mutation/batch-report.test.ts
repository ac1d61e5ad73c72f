import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressReporter } from '../../pipeline/batch/progress.ts';
import type { FileResult } from '../../pipeline/batch/run-batch.ts';
import { paragraphText, serialiseDocument } from '../../pipeline/batch/serialise.ts';
import { formatSummary } from '../../pipeline/batch/summary.ts';
import type { NoticeDocument } from '../../pipeline/schema.ts';

const result = (over: Partial<FileResult>): FileResult => ({
  input: 'a.pdf', output: 'out/a.json', status: 'converted', warnings: 0, corrections: 0, problems: 0, pages: 1, seconds: 1, ...over,
});

function recorder(): { stream: NodeJS.WriteStream; frames: () => string[]; raw: () => string } {
  let written = '';
  const stream = { write: (s: string) => ((written += s), true) } as unknown as NodeJS.WriteStream;
  return { stream, raw: () => written, frames: () => written.split('\r\x1b[2K').filter(Boolean) };
}

afterEach(() => vi.useRealTimers());

describe('progress bar', () => {
  it('draws the bar, counts, rate and ETA from the time elapsed', () => {
    vi.useFakeTimers({ now: 0 });
    const r = recorder();
    const report = progressReporter(r.stream);
    report({ type: 'start', total: 4 });
    expect(r.frames().at(-1)).toBe(`[${'.'.repeat(24)}] 0/4 files · 0 pages · 0.0 pages/min · ETA 0s`);
    vi.setSystemTime(30_000);
    report({ type: 'file-start', input: 'a.pdf' });
    report({ type: 'file-done', result: result({ pages: 3 }) });
    // 1 of 4 files after 30 s: 6 pages/min, 30 s per file, 90 s left
    expect(r.frames().at(-1)).toBe(`[${'#'.repeat(6)}${'.'.repeat(18)}] 1/4 files · 3 pages · 6.0 pages/min · ETA 90s`);
    vi.setSystemTime(45_000);
    report({ type: 'file-done', result: result({ status: 'failed', pages: 0 }) });
    expect(r.frames().at(-1)).toBe(`[${'#'.repeat(12)}${'.'.repeat(12)}] 2/4 files · 3 pages · 4.0 pages/min · ETA 45s · 1 failed`);
    expect(r.raw().startsWith('\r\x1b[2K[')).toBe(true);
    const before = r.raw().length;
    report({ type: 'end', results: [] });
    expect(r.raw().slice(before)).toBe('\r\x1b[2K');
  });

  it('shows no rate before any time has passed, and rounds the bar', () => {
    vi.useFakeTimers({ now: 1000 });
    const r = recorder();
    const report = progressReporter(r.stream);
    report({ type: 'start', total: 3 });
    report({ type: 'file-done', result: result({ pages: 2 }) });
    expect(r.frames().at(-1)).toBe(`[${'#'.repeat(8)}${'.'.repeat(16)}] 1/3 files · 2 pages · 0.0 pages/min · ETA 0s`);
  });

  it('draws an empty bar for an empty batch', () => {
    vi.useFakeTimers({ now: 0 });
    const r = recorder();
    progressReporter(r.stream)({ type: 'start', total: 0 });
    expect(r.frames()).toEqual([`[${'.'.repeat(24)}] 0/0 files · 0 pages · 0.0 pages/min · ETA 0s`]);
  });
});

describe('summary table', () => {
  it('aligns columns to the widest cell, leaves the reason unpadded and trims line ends', () => {
    const text = formatSummary([
      result({ input: 'short.pdf', pages: 12, corrections: 3, problems: 2, warnings: 1 }),
      result({ input: 'a-much-longer-name.txt', status: 'skipped', pages: 1 }),
      result({ input: 'bad.pdf', status: 'failed', pages: 0, error: { code: 'PDF_CORRUPT', message: 'bad.pdf: broken' } }),
    ]);
    expect(text.split('\n')).toEqual([
      'status     input                   pages  corrections  problems  warnings  reason',
      'converted  short.pdf               12     3            2         1',
      'skipped    a-much-longer-name.txt  1      0            0         0',
      'failed     bad.pdf                 0      0            0         0         PDF_CORRUPT: bad.pdf: broken',
      '',
      '1 converted, 1 up to date, 1 with warnings, 1 failed',
    ]);
  });

  it('caps a column at 60 characters and does not count warnings of failed files', () => {
    const long = `${'x'.repeat(70)}.pdf`;
    const text = formatSummary([
      result({ input: long, warnings: 2 }),
      result({ input: 'b.pdf', status: 'failed', warnings: 5, error: { code: 'TIMEOUT', message: 't' } }),
      result({ input: 'c.pdf', status: 'skipped', warnings: 1 }),
    ]);
    const lines = text.split('\n');
    expect(lines[0].indexOf('pages')).toBe('status     '.length + 60 + 2);
    expect(lines[2].slice('status     '.length + 60 + 2)).toMatch(/^1 {6}0/);
    expect(lines.at(-1)).toBe('1 converted, 1 up to date, 2 with warnings, 1 failed');
  });
});

describe('serialised output', () => {
  const doc = (text: string) => ({ schemaVersion: '1', text, nested: { a: [1] } }) as unknown as NoticeDocument;

  it('is two-space-indented JSON with a final newline, and parses back to the same document', () => {
    const d = doc('正文');
    const s = serialiseDocument(d);
    expect(s).toBe('{\n  "schemaVersion": "1",\n  "text": "正文",\n  "nested": {\n    "a": [\n      1\n    ]\n  }\n}\n');
    expect(JSON.parse(s)).toEqual(d);
  });

  it.each([
    ['', ''],
    ['一段', '一段\n'],
    ['一段\n二段', '一段\n二段\n'],
    ['已有换行\n', '已有换行\n'],
  ])('paragraph text of %j ends with exactly one newline unless empty', (text, expected) => {
    expect(paragraphText(doc(text))).toBe(expected);
  });
});
