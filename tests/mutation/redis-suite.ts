/**
 * A real redis-server for one test file: started before its tests (when installed; see
 * tests/helpers/system.ts), stopped after them, with everything the tests opened closed first.
 */
import { afterAll, beforeAll } from 'vitest';
import { needsSystem, SYSTEM } from '../helpers/system.ts';
import { startRedis, type RedisServer } from '../queue/redis-harness.ts';

export function redisSuite(): { have: boolean; url: () => string; server: () => RedisServer; open: { close(): Promise<void> }[] } {
  const have = needsSystem(SYSTEM.redisServer);
  let redis: RedisServer | undefined;
  const open: { close(): Promise<void> }[] = [];
  beforeAll(async () => {
    if (have) redis = await startRedis();
  }, 60_000);
  afterAll(async () => {
    for (const o of open.reverse()) await o.close().catch(() => {});
    await redis?.stop();
  });
  return { have, url: () => redis!.url, server: () => redis!, open };
}
