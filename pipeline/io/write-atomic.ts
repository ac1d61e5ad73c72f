import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

/**
 * Write a file atomically: write a temp file in the same folder, then rename it
 * over the target. Killing the process at any moment leaves either the old file or
 * the new one, never a truncated one. `durable` also fsyncs before the rename, which
 * is only needed to survive a power cut, and costs a disk flush per file.
 */
export async function writeFileAtomic(path: string, data: string, opts: { durable?: boolean } = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(data, 'utf8');
      if (opts.durable) await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
