import { resolve } from 'node:path';
import { openSqliteFile, type SqliteDatabase } from '../../storage/sqlite-file.js';
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

type Params = Record<string, string | number>;
type Statements = ReturnType<typeof prepareStatements>;

/** Creates the table when missing and prepares every statement the store runs. */
function prepareStatements(db: SqliteDatabase, table: string) {
  db.exec(`CREATE TABLE IF NOT EXISTS ${table}(key VARCHAR(255) PRIMARY KEY, value TEXT )`);
  return {
    read: db.prepare<[string], { value: string }>(`SELECT value FROM ${table} WHERE key = ?`),
    insertIfAbsent: db.prepare<Params>(`INSERT INTO ${table} (key, value) VALUES ($key, $value)
      ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE ${storedVersionSql(`${table}.value`)} = 0`),
    updateIfVersion: db.prepare<Params>(`UPDATE ${table} SET value = $value
      WHERE key = $key AND ${storedVersionSql('value')} = $expected`),
    deleteIfAbsent: db.prepare<Params>(
      `DELETE FROM ${table} WHERE key = $key AND ${storedVersionSql('value')} = 0`,
    ),
    remove: db.prepare<[string]>(`DELETE FROM ${table} WHERE key = ?`),
    sweepNamespace: db.prepare<Params>(`DELETE FROM ${table}
      WHERE substr(key, 1, length($prefix)) = $prefix AND ${storedVersionSql('value')} = 0`),
  };
}

/**
 * A `ConversationStore` on better-sqlite3 (one file; the embedded default). The table keeps the layout
 * `@keyv/sqlite` used before, `(key VARCHAR PRIMARY KEY, value TEXT)` holding keyv-format JSON records, so existing
 * files are read as they are. Each write is ONE SQL statement whose WHERE clause checks the stored version
 * (`UPDATE … WHERE version = expected`, or an insert that only replaces an absent/expired row); SQLite makes a
 * single statement atomic across connections, so several store instances (several bot processes) may share the
 * file. The database runs in WAL mode so readers do not block the writer.
 */
export async function createSqliteStore<T>(opts: SqliteStoreOptions): Promise<ConversationStore<T>> {
  const { namespace, ttlMs } = resolveOptions(opts);
  const file = resolve(opts.path);
  const table = opts.table ?? DEFAULT_TABLE;
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(table))
    throw new Error(`Invalid SQLite table name "${table}": use letters, digits and underscores.`);
  let db: SqliteDatabase;
  try {
    db = openSqliteFile(file, 'the conversation store', { busyTimeoutMs: opts.busyTimeoutMs ?? 5000 });
  } catch (error) {
    throw new Error(`Could not open the SQLite conversation store at ${file}.`, { cause: error });
  }

  let sql: Statements;
  try {
    sql = prepareStatements(db, table);
    // Idle conversations nobody reads again would otherwise stay in the file forever.
    sql.sweepNamespace.run({ prefix: storageKey(namespace, ''), now: Date.now() });
  } catch (error) {
    db.close();
    throw new Error(`Could not open the SQLite conversation store at ${file}.`, { cause: error });
  }

  const ensureOpen = (): void => {
    if (!db.open) throw new Error(`The SQLite conversation store at ${file} is closed; create a new one.`);
  };

  const readVersioned = (fullKey: string): Versioned<T> | undefined => {
    const now = Date.now();
    const raw = sql.read.get(fullKey)?.value;
    const found = decodeRecord<T>(raw, now);
    // An expired record is removed only if it is still expired: a fresh one another process wrote stays.
    if (raw !== undefined && found === undefined) sql.deleteIfAbsent.run({ key: fullKey, now });
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
      const params = { key: fullKey, value: encodeRecord(value, version, now + ttlMs), now };
      const written =
        expectedVersion === 0
          ? sql.insertIfAbsent.run(params)
          : sql.updateIfVersion.run({ ...params, expected: expectedVersion });
      if (written.changes === 1) return { ok: true, version };
      // Lost: report what is stored now (a later read; only informative, the write decision was atomic).
      return { ok: false, currentVersion: readVersioned(fullKey)?.version ?? 0 };
    },

    async delete(key) {
      ensureOpen();
      sql.remove.run(storageKey(namespace, key));
    },

    async close() {
      if (db.open) db.close();
    },
  };
}
