import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { KeyvSqlite } from '@keyv/sqlite';
import { createPlainKeyv } from './plain-keyv.js';
import { decodeRecord, encodeRecord, resolveOptions, storageKey } from './record.js';
import type { CasResult, ConversationStore, StoreOptions, Versioned } from './types.js';

export interface SqliteStoreOptions extends StoreOptions {
  /** Database file; its parent directory is created when missing. */
  path: string;
  /** Table name (letters, digits, underscore). Default `conversations`. */
  table?: string;
  /** How long a statement waits for another process's lock before failing, in ms. Default 5000. */
  busyTimeoutMs?: number;
}

const DEFAULT_TABLE = 'conversations';

/**
 * SQL for "the version this row holds, as a reader sees it": the payload's version, or 0 when the row is
 * expired at `$now` (keyv's rule: expired once now > expires) or is not a record we wrote. Mirrors
 * `decodeRecord`, so SQL and TypeScript agree on what "absent" means.
 */
function storedVersionSql(column: string): string {
  return `(CASE WHEN json_valid(${column})
      AND (coalesce(json_type(${column}, '$.expires'), '') NOT IN ('integer', 'real')
        OR json_extract(${column}, '$.expires') >= $now)
      AND json_type(${column}, '$.value.version') = 'integer'
    THEN json_extract(${column}, '$.value.version') ELSE 0 END)`;
}

/**
 * A `ConversationStore` on `@keyv/sqlite` (one file; the embedded default). The table is the one keyv lays out,
 * `(key VARCHAR PRIMARY KEY, value TEXT)`, holding keyv-format JSON records. keyv has no compare-and-set, so each
 * write is ONE SQL statement whose WHERE clause checks the stored version; SQLite makes a single statement
 * atomic across connections, so several store instances (several bot processes) may share the file.
 * The database runs in WAL mode so readers do not block the writer.
 */
export async function createSqliteStore<T>(opts: SqliteStoreOptions): Promise<ConversationStore<T>> {
  const { namespace, ttlMs } = resolveOptions(opts);
  const file = resolve(opts.path);
  await mkdir(dirname(file), { recursive: true }).catch((error: unknown) => {
    throw new Error(`Could not create the directory for the SQLite conversation store at ${file}.`, {
      cause: error,
    });
  });
  const adapter = new KeyvSqlite({
    uri: `sqlite://${file}`,
    table: opts.table ?? DEFAULT_TABLE,
    busyTimeout: opts.busyTimeoutMs ?? 5000,
  });
  const keyv = createPlainKeyv<Versioned<T>>(adapter);
  const table = String(adapter.opts.table);
  const query = async (sql: string, params: Record<string, string | number>): Promise<unknown[]> => {
    const rows: unknown = await adapter.query(sql, params);
    return Array.isArray(rows) ? rows : [];
  };

  const insertIfAbsent = `INSERT INTO ${table} (key, value) VALUES ($key, $value)
    ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE ${storedVersionSql(`${table}.value`)} = 0
    RETURNING key`;
  const updateIfVersion = `UPDATE ${table} SET value = $value
    WHERE key = $key AND ${storedVersionSql('value')} = $expected RETURNING key`;
  const deleteIfAbsent = `DELETE FROM ${table} WHERE key = $key AND ${storedVersionSql('value')} = 0`;
  const sweepNamespace = `DELETE FROM ${table}
    WHERE substr(key, 1, length($prefix)) = $prefix AND ${storedVersionSql('value')} = 0`;

  try {
    await query('PRAGMA journal_mode = WAL', {});
    // Idle conversations nobody reads again would otherwise stay in the file forever.
    await query(sweepNamespace, { $prefix: storageKey(namespace, ''), $now: Date.now() });
  } catch (error) {
    await adapter.close().catch(() => undefined);
    throw new Error(`Could not open the SQLite conversation store at ${file}.`, { cause: error });
  }

  let closed = false;
  const ensureOpen = (): void => {
    if (closed) throw new Error(`The SQLite conversation store at ${file} is closed; create a new one.`);
  };

  const readVersioned = async (fullKey: string): Promise<Versioned<T> | undefined> => {
    const now = Date.now();
    // Read through the adapter, not keyv.get: keyv deletes expired records unconditionally, which could
    // delete a fresh record another process wrote in between. The conditional delete below cannot.
    const raw: unknown = await adapter.get(fullKey);
    const found = decodeRecord<T>(raw, now);
    if (raw !== undefined && found === undefined) await query(deleteIfAbsent, { $key: fullKey, $now: now });
    return found;
  };

  return {
    async get(key) {
      ensureOpen();
      return readVersioned(storageKey(namespace, key));
    },

    async compareAndSet(key, expectedVersion, value): Promise<CasResult> {
      ensureOpen();
      const fullKey = storageKey(namespace, key);
      const now = Date.now();
      const version = expectedVersion + 1;
      const params = { $key: fullKey, $value: encodeRecord(value, version, now + ttlMs), $now: now };
      const written =
        expectedVersion === 0
          ? await query(insertIfAbsent, params)
          : await query(updateIfVersion, { ...params, $expected: expectedVersion });
      if (written.length === 1) return { ok: true, version };
      // Lost: report what is stored now (a later read; only informative, the write decision was atomic).
      return { ok: false, currentVersion: (await readVersioned(fullKey))?.version ?? 0 };
    },

    async delete(key) {
      ensureOpen();
      await keyv.delete(storageKey(namespace, key));
    },

    async close() {
      if (closed) return;
      closed = true;
      await keyv.disconnect();
    },
  };
}
