/**
 * Redis connections from a URL (redis://[user:password@]host[:port][/db], rediss:// for
 * TLS), the URL as shown to a person (password hidden), and a bounded probe that
 * turns "nothing listens there" into QUEUE_UNREACHABLE before any work starts.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { NoticeError } from '../errors.ts';

export function redisOptionsFromUrl(url: string): RedisOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new NoticeError('QUEUE_UNREACHABLE', `not a Redis URL: "${url}" (expected redis://host:port)`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new NoticeError('QUEUE_UNREACHABLE', `not a Redis URL: "${redactUrl(url)}" (expected redis:// or rediss://)`);
  }
  const db = u.pathname.replace(/^\//, '');
  return {
    host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * PING the server, retrying a few times with doubling waits, but never waiting past `withinMs`
 * from the start (a caller's own bound on how long Redis may stay silent); throws
 * QUEUE_UNREACHABLE naming the URL and the attempts made.
 */
export async function probeRedis(url: string, { attempts = 4, delayMs = 250, withinMs = Infinity } = {}): Promise<void> {
  const start = Date.now();
  const client = new Redis({
    ...redisOptionsFromUrl(url),
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    connectTimeout: 2000,
  });
  client.on('error', () => {});
  let last: unknown;
  try {
    let made = 0;
    while (made < attempts) {
      made++;
      try {
        if (client.status !== 'ready') await client.connect();
        await client.ping();
        return;
      } catch (e) {
        last = e;
        client.disconnect();
        const wait = delayMs * 2 ** (made - 1);
        if (made === attempts || Date.now() - start + wait > withinMs) break;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    const why = last instanceof Error ? last.message : String(last);
    throw new NoticeError('QUEUE_UNREACHABLE', `cannot reach Redis at ${redactUrl(url)} after ${made} attempt${made === 1 ? '' : 's'} (${why})`);
  } finally {
    client.disconnect();
  }
}
