import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Each file's absolute path, size and modification time, a line each in the order given: what
 * tells a cache built from these files that they are still the ones it read. Throws when one
 * cannot be read.
 */
export function fileStamps(files: readonly string[]): string {
  return files
    .map((f) => {
      const st = statSync(f);
      return `${resolve(f)}\t${st.size}\t${st.mtimeMs}`;
    })
    .join('\n');
}
