/**
 * Redis helpers for the benchmarks: whether Redis answers, a unique key prefix per bench run, and deleting
 * everything under a prefix afterwards (SCAN + UNLINK, never FLUSH*), so a shared Redis keeps only its own data.
 */
import { createClient } from '@keyv/redis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A namespace no earlier or parallel run uses: `bench-<pid>-<time>` (no `:`, as store namespaces require). */
export function uniqueNamespace(label: string): string {
  return `bench-${label}-${process.pid}-${Date.now().toString(36)}`;
}

/** Opens a plain client (fails fast when Redis is down). */
export async function openRedis(url = REDIS_URL) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 1500, reconnectStrategy: false },
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Resolves to an explanation when Redis cannot be reached, or `undefined` when it answers PING. */
export async function redisUnavailable(url = REDIS_URL): Promise<string | undefined> {
  try {
    const client = await openRedis(url);
    await client.ping();
    client.destroy();
    return undefined;
  } catch (error) {
    return `Redis at ${url.replace(/\/\/[^@]*@/, '//***@')} not reachable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Deletes every key starting with `prefix`; returns how many were deleted. */
export async function deletePrefix(prefix: string, url = REDIS_URL): Promise<number> {
  const client = await openRedis(url);
  let deleted = 0;
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length > 0) deleted += await client.unlink(keys);
    }
  } finally {
    client.destroy();
  }
  return deleted;
}
