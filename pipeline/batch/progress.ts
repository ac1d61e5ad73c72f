/**
 * A progress bar on stderr: files and pages done, pages per minute, ETA.
 * Silent unless stderr is a TTY (and not --quiet).
 */
import type { BatchEvent } from './run-batch.ts';

export function progressReporter(stream: NodeJS.WriteStream): (e: BatchEvent) => void {
  let total = 0;
  let done = 0;
  let pages = 0;
  let failed = 0;
  const t0 = Date.now();
  const draw = (): void => {
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : 0;
    const minutes = (Date.now() - t0) / 60000;
    const rate = minutes > 0 ? pages / minutes : 0;
    const perFile = done ? (Date.now() - t0) / done : 0;
    const eta = done ? Math.round((perFile * (total - done)) / 1000) : 0;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files · ${pages} pages · ${rate.toFixed(1)} pages/min · ETA ${eta}s${failed ? ` · ${failed} failed` : ''}`;
    stream.write(`\r\x1b[2K${line}`);
  };
  return (e) => {
    if (e.type === 'start') total = e.total;
    if (e.type === 'file-done') {
      done++;
      pages += e.result.pages;
      if (e.result.status === 'failed') failed++;
    }
    if (e.type === 'end') {
      stream.write('\r\x1b[2K');
      return;
    }
    draw();
  };
}
