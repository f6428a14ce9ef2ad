/**
 * The Keyv holding receipts, on the same kind of storage as conversations: memory, a SQLite file beside the
 * conversations file, or Redis. Receipts have no time to live.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import KeyvRedis from '@keyv/redis';
import { KeyvSqlite } from '@keyv/sqlite';
import { Keyv } from 'keyv';
import type { Config } from '../config.js';

export async function openReceiptKeyv(
  config: Pick<Config, 'STORE' | 'SQLITE_PATH' | 'REDIS_URL'>,
): Promise<Keyv<string>> {
  if (config.STORE === 'memory') return new Keyv<string>({ namespace: 'receipts' });
  if (config.STORE === 'redis') {
    return new Keyv<string>(new KeyvRedis(config.REDIS_URL ?? ''), {
      namespace: 'receipts',
      useKeyPrefix: false,
    });
  }
  const file = join(dirname(resolve(config.SQLITE_PATH)), 'receipts.sqlite');
  await mkdir(dirname(file), { recursive: true });
  return new Keyv<string>(new KeyvSqlite({ uri: `sqlite://${file}`, table: 'receipts' }), {
    namespace: 'receipts',
  });
}
