/**
 * Versioned migrations of the SQLite audit schema — the same rule as PostgreSQL (`postgres-migrations.ts`): the
 * schema is created and upgraded by `npm run db:migrate`, and the bot checks the version at start. Exceptions, so
 * that `npm start` runs the embedded default with no server and no extra step (see `open.ts`):
 * - a file that is new or empty (no audit table, no version table: nothing to lose, nothing to upgrade) is
 *   migrated by the bot itself, in any `NODE_ENV` (a container's first start needs no step either);
 * - outside production the bot also upgrades a file at an older version (the demo's data directory after an
 *   upgrade of the bot). In production it never does: a file at an older version (including one whose table an
 *   older bot created at start, without a version table) refuses to start with one line naming `npm run db:migrate`.
 *
 * Each migration runs in one `BEGIN IMMEDIATE` transaction (two processes migrating at once wait for each other;
 * the second finds nothing left to do) and records itself in `<table>_schema_version`. Migration 1 is written
 * with `IF NOT EXISTS`, so a table created by an older bot is adopted as it is.
 */
import type { SqliteDatabase } from '../storage/sqlite-file.js';
import { sqliteSummarySql } from './summary.js';
import { sqliteDeferredSummarySql } from './summary-catch-up.js';

export interface SqliteMigration {
  version: number;
  summary: string;
  /** The statements, for the audit table `table` (a checked identifier). */
  sql(table: string): string;
}

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    summary: 'audit table, indexes, append-only triggers, purge flag',
    sql: (table) => {
      const flag = `${table}_purge`;
      return `
        CREATE TABLE IF NOT EXISTS ${table} (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL, kind TEXT NOT NULL, actor_kind TEXT NOT NULL, actor_id TEXT NOT NULL,
          customer_id TEXT, channel TEXT NOT NULL, conversation TEXT NOT NULL, dialog_id TEXT NOT NULL,
          what TEXT NOT NULL, result TEXT NOT NULL, result_code TEXT, receipt_id TEXT);
        CREATE INDEX IF NOT EXISTS ${table}_at ON ${table} (at);
        CREATE INDEX IF NOT EXISTS ${table}_customer_at ON ${table} (customer_id, at);
        CREATE TABLE IF NOT EXISTS ${flag} (cutoff TEXT NOT NULL);
        CREATE TRIGGER IF NOT EXISTS ${table}_no_update BEFORE UPDATE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table} is append-only: UPDATE is refused'); END;
        CREATE TRIGGER IF NOT EXISTS ${table}_no_delete BEFORE DELETE ON ${table}
          WHEN NOT EXISTS (SELECT 1 FROM ${flag} WHERE OLD.at < ${flag}.cutoff)
          BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows are removed only by the retention purge'); END;
      `;
    },
  },
  {
    version: 2,
    summary: 'index (kind, at) for the dashboard queries (as PostgreSQL migration 2)',
    sql: (table) => `CREATE INDEX IF NOT EXISTS ${table}_kind_at ON ${table} (kind, at);`,
  },
  {
    version: 3,
    summary: 'analytics summary tables (facts, daily counts) kept by triggers, filled from the existing rows',
    sql: sqliteSummarySql,
  },
  {
    version: 4,
    summary: 'analytics summary built after the append (high-water mark), not by a trigger inside it',
    sql: sqliteDeferredSummarySql,
  },
];

/** The version this bot needs. */
export const LATEST_SQLITE_SCHEMA_VERSION = SQLITE_MIGRATIONS.at(-1)?.version ?? 0;

/**
 * What opening the audit file does about its schema:
 * - `check`: only check that it is at {@link LATEST_SQLITE_SCHEMA_VERSION};
 * - `migrate-if-new`: apply the migrations when the file is new or empty, otherwise check (the bot in production);
 * - `migrate`: apply every pending migration (`npm run db:migrate`; the bot outside production).
 */
export type SqliteSchemaPolicy = 'check' | 'migrate-if-new' | 'migrate';

const versionTable = (table: string) => `${table}_schema_version`;

function tableExists(db: SqliteDatabase, name: string): boolean {
  return (
    db
      .prepare<[string], { found: number }>(
        "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ?",
      )
      .get(name) !== undefined
  );
}

/** Whether the file holds no audit schema at all (neither the table nor the version table). */
export function isNewAuditFile(db: SqliteDatabase, table: string): boolean {
  return !tableExists(db, table) && !tableExists(db, versionTable(table));
}

/** The schema's version: `undefined` when it was never migrated (no version table). */
export function readSqliteSchemaVersion(db: SqliteDatabase, table: string): number | undefined {
  if (!tableExists(db, versionTable(table))) return undefined;
  const row = db
    .prepare<[], { version: number | null }>(`SELECT max(version) AS version FROM ${versionTable(table)}`)
    .get();
  return row?.version ?? 0;
}

/** Applies every migration newer than the file's version; answers the versions before and after. */
export function applySqliteMigrations(
  db: SqliteDatabase,
  table: string,
): { from: number; to: number; applied: number[] } {
  const from = readSqliteSchemaVersion(db, table) ?? 0;
  const applied: number[] = [];
  for (const migration of SQLITE_MIGRATIONS) {
    db.transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS ${versionTable(table)} (
        version INTEGER PRIMARY KEY, summary TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      if (migration.version <= (readSqliteSchemaVersion(db, table) ?? 0)) return;
      db.exec(migration.sql(table));
      db.prepare<[number, string, string]>(
        `INSERT INTO ${versionTable(table)} (version, summary, applied_at) VALUES (?, ?, ?)`,
      ).run(migration.version, migration.summary, new Date().toISOString());
      applied.push(migration.version);
    }).immediate();
  }
  return { from, to: readSqliteSchemaVersion(db, table) ?? 0, applied };
}
