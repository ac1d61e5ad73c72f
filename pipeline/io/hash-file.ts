import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';

const READ_WHOLE_BELOW = 16 * 1024 * 1024;

/** sha256 of a file's bytes; large files are streamed (a 200-page scan is never held whole for this). */
export async function hashFile(path: string): Promise<string> {
  const h = createHash('sha256');
  if ((await stat(path)).size < READ_WHOLE_BELOW) return h.update(await readFile(path)).digest('hex');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}
