import type { FileResult } from './run-batch.ts';

/** The end-of-run table a person reads: one row per file, failures with their reason. */
export function formatSummary(results: readonly FileResult[]): string {
  const rows = results.map((r) => [
    r.status,
    r.input,
    String(r.pages),
    String(r.corrections),
    String(r.problems),
    String(r.warnings),
    r.error ? `${r.error.code}: ${r.error.message}` : '',
  ]);
  const head = ['status', 'input', 'pages', 'corrections', 'problems', 'warnings', 'reason'];
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  const count = (s: string) => results.filter((r) => r.status === s).length;
  const withWarnings = results.filter((r) => r.status !== 'failed' && r.warnings > 0).length;
  return [
    fmt(head),
    ...rows.map(fmt),
    '',
    `${count('converted')} converted, ${count('skipped')} up to date, ${withWarnings} with warnings, ${count('failed')} failed`,
  ].join('\n');
}
