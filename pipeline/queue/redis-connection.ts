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

/** PING the server, retrying a few times; throws QUEUE_UNREACHABLE naming the URL. */
export async function probeRedis(url: string, { attempts = 4, delayMs = 250 } = {}): Promise<void> {
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
    for (let i = 0; i < attempts; i++) {
      try {
        if (client.status !== 'ready') await client.connect();
        await client.ping();
        return;
      } catch (e) {
        last = e;
        client.disconnect();
        if (i < attempts - 1) await new Promise((r) => setTimeout(r, delayMs * 2 ** i));
      }
    }
    const why = last instanceof Error ? last.message : String(last);
    throw new NoticeError('QUEUE_UNREACHABLE', `cannot reach Redis at ${redactUrl(url)} after ${attempts} attempts (${why})`);
  } finally {
    client.disconnect();
  }
}
