/**
 * A plain Keyv (values with a time to live, no compare-and-set) on the configured kind of storage: memory, a
 * SQLite file beside the conversations file, or Redis. For caches and records that tolerate last-write-wins:
 * receipts, de-duplication marks, agent sessions. Conversations use the versioned stores in `engine/store/`.
 */
import { dirname, join, resolve } from 'node:path';
import KeyvRedis from '@keyv/redis';
import { Keyv } from 'keyv';
import type { Config } from '../config.js';
import { connectRedisClient } from '../engine/store/redis.js';
import { SqliteKeyv } from './sqlite-keyv.js';

export type KeyvConfig = Pick<Config, 'STORE' | 'SQLITE_PATH' | 'REDIS_URL'>;

/**
 * `name` is the namespace (and, for SQLite, the file `<name>.sqlite` beside the conversations file and the
 * table in it). Only letters, digits and dashes.
 */
export async function openKeyv<V>(
  config: KeyvConfig,
  name: string,
  options: {
    /**
     * Reject when the store fails instead of answering "absent" (keyv's default): for records whose absence
     * would be acted on — a web session that would be replaced, a transcript that would be shown empty.
     */
    throwOnErrors?: boolean;
  } = {},
): Promise<Keyv<V>> {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`Invalid keyv name "${name}"`);
  const throwOnErrors = options.throwOnErrors === true;
  if (config.STORE === 'memory') return new Keyv<V>({ namespace: name, throwOnErrors });
  if (config.STORE === 'redis') {
    // Fail fast like the conversation store: an outage rejects commands at once instead of queueing them.
    const client = await connectRedisClient(config.REDIS_URL ?? '', `the ${name} records`);
    return new Keyv<V>(new KeyvRedis(client, { throwOnErrors: true, throwOnConnectError: true }), {
      namespace: name,
      useKeyPrefix: false,
      throwOnErrors,
    });
  }
  const file = join(dirname(resolve(config.SQLITE_PATH)), `${name}.sqlite`);
  return new Keyv<V>(new SqliteKeyv({ path: file, table: name.replaceAll('-', '_') }), {
    namespace: name,
    throwOnErrors,
  });
}
