/**
 * What a process started from the corrector's start-up snapshot runs (correct/snapshot-entry.ts):
 * the CLI, with the arguments after node's own, as the restarted child of bin/notice.mjs — it
 * ends when its parent does. It tells the launcher that it started: a blob that does not load
 * makes node end before that, and the launcher then runs without it. With
 * NOTICE_SNAPSHOT_CHECK=1 it only shows that the blob starts and holds the corrector
 * (cli/snapshot-blob.ts checks every blob it builds so before using it).
 */
import { SNAPSHOT_CORRECTOR } from '../correct/shared-corrector.ts';
import { main } from './main.ts';

export function runSnapshotChild(): void {
  if (process.env.NOTICE_SNAPSHOT_CHECK === '1') {
    process.exitCode = SNAPSHOT_CORRECTOR in globalThis ? 0 : 1;
    return;
  }
  if (!process.channel || !process.connected) {
    process.kill(process.pid, 'SIGTERM'); // the launcher is gone already
    return;
  }
  process.send?.({ snapshotStarted: true }); // the launcher: from here on, a failure is the run's own
  process.channel.unref();
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  void main(process.argv.slice(1)).then((code) => {
    process.exitCode = code;
  });
}
