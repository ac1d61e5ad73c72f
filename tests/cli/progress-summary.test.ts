import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../pipeline/batch/progress.ts';
import type { FileResult } from '../../pipeline/batch/run-batch.ts';
import { formatSummary } from '../../pipeline/batch/summary.ts';

const result = (over: Partial<FileResult>): FileResult => ({
  input: 'a.pdf',
  output: 'out/a.json',
  status: 'converted',
  warnings: 0,
  corrections: 3,
  problems: 2,
  pages: 4,
  seconds: 1,
  ...over,
});

describe('progress bar', () => {
  it('shows files and pages done, a rate, an ETA and failures, and clears its line at the end', () => {
    let written = '';
    const stream = { write: (s: string) => ((written += s), true) } as unknown as NodeJS.WriteStream;
    const report = progressReporter(stream);
    report({ type: 'start', total: 2 });
    report({ type: 'file-done', result: result({ pages: 4 }) });
    report({ type: 'file-done', result: result({ status: 'failed', pages: 0, error: { code: 'PDF_CORRUPT', message: 'x' } }) });
    const frames = written.split('\r\x1b[2K').filter(Boolean);
    expect(frames.at(-1)).toMatch(/^\[#{24}\] 2\/2 files · 4 pages · [\d.]+ pages\/min · ETA 0s · 1 failed$/);
    report({ type: 'end', results: [] });
    expect(written.endsWith('\r\x1b[2K')).toBe(true);
  });
});

describe('summary table', () => {
  it('lists every file with its status and the reason of each failure, then totals', () => {
    const text = formatSummary([
      result({ input: 'good.pdf', warnings: 1 }),
      result({ input: 'old.txt', status: 'skipped' }),
      result({ input: 'bad.pdf', status: 'failed', error: { code: 'PDF_ENCRYPTED', message: 'bad.pdf: the PDF is encrypted' } }),
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^status\s+input\s+pages\s+corrections\s+problems\s+warnings\s+reason$/);
    expect(lines.find((l) => l.startsWith('failed'))).toContain('PDF_ENCRYPTED: bad.pdf: the PDF is encrypted');
    expect(lines.at(-1)).toBe('1 converted, 1 up to date, 1 with warnings, 1 failed');
  });
});
