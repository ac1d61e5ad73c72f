/** Redis URLs, the password kept out of messages, and the start-up probe (pipeline/queue/redis-connection.ts). */
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { probeRedis, redactUrl, redisOptionsFromUrl } from '../../pipeline/queue/redis-connection.ts';
import { needsSystem, SYSTEM } from '../helpers/system.ts';
import { freePort, startRedis, type RedisServer } from '../queue/redis-harness.ts';

describe('redisOptionsFromUrl', () => {
  it.each([
    ['redis://127.0.0.1:6380', { host: '127.0.0.1', port: 6380 }],
    ['redis://queue.example', { host: 'queue.example', port: 6379 }],
    ['redis://:s%40cret@h:1/2', { host: 'h', port: 1, password: 's@cret', db: 2 }],
    ['redis://us%20er:pw@h', { host: 'h', port: 6379, username: 'us er', password: 'pw' }],
    ['rediss://h:6390/0', { host: 'h', port: 6390, db: 0, tls: {} }],
    ['redis://[::1]:7000', { host: '::1', port: 7000 }],
  ])('%s', (url, options) => expect(redisOptionsFromUrl(url)).toEqual(options));

  it.each([
    ['localhost:6379', 'not a Redis URL: "localhost:6379" (expected redis:// or rediss://)'],
    ['nonsense', 'not a Redis URL: "nonsense" (expected redis://host:port)'],
    ['http://u:secret@h:1', 'not a Redis URL: "http://u:***@h:1/" (expected redis:// or rediss://)'],
  ])('refuses %j with QUEUE_UNREACHABLE', (url, message) => {
    expect(() => redisOptionsFromUrl(url)).toThrow(expect.objectContaining({ code: 'QUEUE_UNREACHABLE', message }));
  });
});

describe('redactUrl', () => {
  it.each([
    ['redis://:secret@h:1', 'redis://:***@h:1'],
    ['redis://user:secret@h:1/3', 'redis://user:***@h:1/3'],
    ['redis://user@h:1', 'redis://user@h:1'],
    ['not a url', 'not a url'],
  ])('%s → %s', (url, shown) => expect(redactUrl(url)).toBe(shown));
});

describe('probeRedis', () => {
  const have = needsSystem(SYSTEM.redisServer);
  let redis: RedisServer | undefined;
  afterAll(async () => redis?.stop());

  it('fails with QUEUE_UNREACHABLE naming the URL (password hidden) and the attempts, after backing off', async () => {
    const port = await freePort();
    const t0 = performance.now();
    await expect(probeRedis(`redis://:pw@127.0.0.1:${port}`, { attempts: 3, delayMs: 60 })).rejects.toMatchObject({
      code: 'QUEUE_UNREACHABLE',
      message: expect.stringMatching(new RegExp(`^cannot reach Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port} after 3 attempts \\(.+\\)$`)),
    });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(60 + 120 - 10); // waits 60, then 120 ms; not after the last
    expect(performance.now() - t0).toBeLessThan(60 + 120 + 240);
  });

  it('makes exactly the attempts it says, each a new connection', async () => {
    let connections = 0;
    const server = createServer((socket) => (connections++, socket.destroy()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    await expect(probeRedis(`redis://127.0.0.1:${port}`, { attempts: 3, delayMs: 20 })).rejects.toThrow('after 3 attempts');
    await new Promise<void>((r) => server.close(() => r()));
    expect(connections).toBe(3);
  });

  it.each([
    // withinMs, the attempts made: a wait that would end past withinMs is not waited
    [0, 1],
    [200, 2], // waits 100 ms; the next wait (200 ms) would end past 200
    [Infinity, 4],
  ])('never waits past withinMs %s: %s attempt(s), each a new connection', async (withinMs, made) => {
    let connections = 0;
    const server = createServer((socket) => (connections++, socket.destroy()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    await expect(probeRedis(`redis://127.0.0.1:${port}`, { attempts: 4, delayMs: made === 4 ? 10 : 100, withinMs })).rejects.toThrow(
      new RegExp(`after ${made} attempts? \\(`),
    );
    await new Promise<void>((r) => server.close(() => r()));
    expect(connections).toBe(made);
  });

  it('answers when the server is there', async () => {
    if (!have) return;
    redis = await startRedis();
    await expect(probeRedis(redis.url, { attempts: 1 })).resolves.toBeUndefined();
    // and it hangs up: the server is left with only the client asking
    const admin = new Redis(redis.url);
    await new Promise((r) => setTimeout(r, 100));
    expect(String(await admin.client('LIST')).trim().split('\n')).toHaveLength(1);
    admin.disconnect();
  });

  it('retries: a server that comes up after the first attempt is found', async () => {
    if (!have) return;
    redis ??= await startRedis();
    await redis.stop();
    const restart = new Promise((r) => setTimeout(r, 150)).then(() => redis!.restart());
    await expect(probeRedis(redis.url, { attempts: 5, delayMs: 100 })).resolves.toBeUndefined();
    await restart;
  });
});
