/**
 * The Bot Connector service URL per Teams conversation, where the desk's messages to a Teams customer go: on a
 * shared store (Redis) an instance that never saw the customer's activity (another instance, or after a restart)
 * still finds it; in memory it is this process's alone.
 */
import { randomBytes } from 'node:crypto';
import KeyvRedis from '@keyv/redis';
import { Keyv } from 'keyv';
import { afterAll, describe, expect, it } from 'vitest';
import { ServiceUrls } from '../../../adapters/teams/live-desk-delivery.js';
import { connectRedisClient } from '../../../src/engine/store/redis.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// Unique per run: the Redis server is shared with other test runs.
const NAMESPACE = `teams-urls-test-${randomBytes(6).toString('hex')}`;
const opened: ServiceUrls[] = [];
afterAll(async () => {
  for (const urls of opened) await urls.close();
});

async function onRedis(): Promise<ServiceUrls> {
  const client = await connectRedisClient(REDIS_URL, 'the service-URL test');
  const store = new Keyv<string>(new KeyvRedis(client, { throwOnErrors: true }), {
    namespace: NAMESPACE,
    useKeyPrefix: false,
  });
  const urls = new ServiceUrls({ store, ttlMs: 60_000 });
  opened.push(urls);
  return urls;
}

describe('Teams service URLs', () => {
  it('on Redis: what one instance remembered, another finds', async () => {
    const a = await onRedis();
    const b = await onRedis();
    const conversation = `a:conv-${randomBytes(4).toString('hex')}`;
    expect(await b.get(conversation)).toBeUndefined();
    await a.remember(conversation, 'https://smba.example.test/apac/');
    expect(await b.get(conversation)).toBe('https://smba.example.test/apac/');
    await a.remember(conversation, 'https://smba.example.test/emea/');
    expect(await b.get(conversation)).toBe('https://smba.example.test/emea/');
  });

  it('in memory: this process only', async () => {
    const a = new ServiceUrls();
    const b = new ServiceUrls();
    await a.remember('c1', 'https://smba.example.test/');
    expect(await a.get('c1')).toBe('https://smba.example.test/');
    expect(await b.get('c1')).toBeUndefined();
  });
});
