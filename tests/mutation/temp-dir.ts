import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A fresh folder under the system temp dir, removed when the test that made it ends. */
export async function freshDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `notice-${label}-`));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
