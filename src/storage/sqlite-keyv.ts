/**
 * A Keyv storage adapter on better-sqlite3, in place of `@keyv/sqlite` (which needs the deprecated `sqlite3`
 * package). Same table layout — `(key VARCHAR(255) PRIMARY KEY, value TEXT)` holding the strings Keyv serialises —
 * so files written by `@keyv/sqlite` are read as they are. Keyv keeps the expiry inside the value and deletes
 * expired records itself; this adapter only stores strings (`ttlSupport: false`).
 */
import { EventEmitter } from 'node:events';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import { openSqliteFile, type SqliteDatabase } from './sqlite-file.js';

export interface SqliteKeyvOptions {
  /** Database file; its directory is created when missing. */
  path: string;
  /** Table name: letters, digits and underscores, starting with a letter. */
  table: string;
  busyTimeoutMs?: number;
}

export class SqliteKeyv extends EventEmitter implements KeyvStoreAdapter {
  readonly ttlSupport = false;
  readonly opts: { table: string; path: string };
  namespace?: string | undefined;
  readonly #db: SqliteDatabase;
  readonly #select;
  readonly #upsert;
  readonly #delete;
  readonly #clear;

  constructor(options: SqliteKeyvOptions) {
    super();
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(options.table))
      throw new Error(`Invalid SQLite table name "${options.table}": use letters, digits and underscores.`);
    const table = options.table;
    this.opts = { table, path: options.path };
    this.#db = openSqliteFile(options.path, `the ${table} records`, options);
    this.#db.exec(`CREATE TABLE IF NOT EXISTS ${table}(key VARCHAR(255) PRIMARY KEY, value TEXT )`);
    this.#select = this.#db.prepare<[string], { value: string }>(`SELECT value FROM ${table} WHERE key = ?`);
    this.#upsert = this.#db.prepare<[string, string]>(
      `INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    );
    this.#delete = this.#db.prepare<[string]>(`DELETE FROM ${table} WHERE key = ?`);
    this.#clear = this.#db.prepare<[string]>(`DELETE FROM ${table} WHERE key LIKE ?`);
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    // Keyv deserialises what it stored; the adapter hands back the string as it was written.
    return this.#select.get(key)?.value as StoredData<Value> | undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    this.#upsert.run(key, typeof value === 'string' ? value : JSON.stringify(value));
  }

  async delete(key: string): Promise<boolean> {
    return this.#delete.run(key).changes > 0;
  }

  async clear(): Promise<void> {
    this.#clear.run(this.namespace ? `${this.namespace}:%` : '%');
  }

  async has(key: string): Promise<boolean> {
    return this.#select.get(key) !== undefined;
  }

  async disconnect(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
