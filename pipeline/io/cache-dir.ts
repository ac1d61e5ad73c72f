import { join, sep } from 'node:path';

/**
 * The folder of the project's derived files of one kind (`part`): NOTICE_CACHE_DIR/part, else
 * node_modules/.cache/notice-pipeline/part of the node_modules that holds `inside` (the usual
 * place for a package's derived files); null when NOTICE_CACHE_DIR is "" (caches off) or
 * `inside` is in no node_modules.
 */
export function cacheDir(inside: string, part: string): string | null {
  const env = process.env.NOTICE_CACHE_DIR;
  if (env !== undefined) return env === '' ? null : join(env, part);
  const at = inside.lastIndexOf(`${sep}node_modules${sep}`);
  return at < 0 ? null : join(inside.slice(0, at), 'node_modules', '.cache', 'notice-pipeline', part);
}
