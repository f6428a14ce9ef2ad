/**
 * The audit log in a SQLite file (the embedded default: `audit.sqlite` beside `SQLITE_PATH`). Several processes
 * may share the file: every write is one `BEGIN IMMEDIATE` transaction, waiting up to `busyTimeoutMs` for another
 * writer. On better-sqlite3: statements run synchronously, so a transaction is never interleaved with another
 * operation of this process.
 *
 * The schema (table, indexes, triggers) is versioned: `sqlite-migrations.ts`, applied by `npm run db:migrate`; by
 * default opening only checks the version (option `schema`).
 *
 * Append-only, enforced by the database: a `BEFORE UPDATE` trigger aborts every update, and a `BEFORE DELETE`
 * trigger aborts every delete unless the row is older than a cutoff held in the purge-flag table
 * (`<table>_purge`). Only {@link AuditLog.purgeOlderThan} writes that flag, inside the same transaction as its
 * DELETE, and removes it again before committing, so no other connection ever sees it set.
 *
 * Trade-off: SQLite has no users or privileges. The triggers stop our own code and anyone running a plain
 * `UPDATE`/`DELETE` against the file, not someone who can write the file and chooses to insert a flag row, drop
 * the triggers or replace the file. Where that matters, use PostgreSQL (`DATABASE_URL`) with separate roles, and
 * back the file up to write-once storage.
 */
import { resolve } from 'node:path';
import type { Statement } from 'better-sqlite3';
import { openSqliteFile, type SqliteDatabase } from '../storage/sqlite-file.js';
import { parseEntries } from './entry.js';
import { type AuditLog, COLUMNS, checkCutoff, checkIdentifier, checkQuery, fromRow, toRow } from './log.js';
import {
  applySqliteMigrations,
  isNewAuditFile,
  LATEST_SQLITE_SCHEMA_VERSION,
  readSqliteSchemaVersion,
  type SqliteSchemaPolicy,
} from './sqlite-migrations.js';
import { sqliteSummaryCatchUp } from './summary-catch-up.js';

export interface SqliteAuditLogOptions {
  /** Database file; its directory is created when missing. */
  path: string;
  /** Table name (lower-case letters, digits, underscores). Default `audit_log`. */
  table?: string;
  /** How long a write waits for another process's lock, in ms. Default 5000. */
  busyTimeoutMs?: number;
  /** What to do about the schema (sqlite-migrations.ts). Default `check`: the file must be at the latest version. */
  schema?: SqliteSchemaPolicy;
  /**
   * When this writer brings the analytics summary up to date (`summary-catch-up.ts`): at open, once
   * `afterEntries` entries were appended since the last catch-up (inside that append call, after its transaction
   * committed), `afterMs` after an append that left rows behind, and at close. Defaults 500 and 1000. `'off'`: never
   * (the dashboard still catches up before it reads). A failing catch-up never fails an append (the entries are
   * committed; the next catch-up takes them): it is told to `onError`.
   */
  summaryCatchUp?: { afterEntries?: number; afterMs?: number } | 'off';
  /** A catch-up of the summary failed (the entries stay in the audit table and are summarised later). */
  onError?: (error: Error) => void;
}

const CATCH_UP_AFTER_ENTRIES = 500;
const CATCH_UP_AFTER_MS = 1000;

/** The file's audit schema is missing or older than this bot needs: the message says what to run. */
export class SqliteSchemaVersionError extends Error {
  override readonly name = 'SqliteSchemaVersionError';
}

/** Applies or checks the schema as `policy` says; throws {@link SqliteSchemaVersionError} naming `db:migrate`. */
function prepareSchema(db: SqliteDatabase, table: string, file: string, policy: SqliteSchemaPolicy): void {
  if (policy === 'migrate' || (policy === 'migrate-if-new' && isNewAuditFile(db, table)))
    applySqliteMigrations(db, table);
  const version = readSqliteSchemaVersion(db, table);
  if (version !== undefined && version >= LATEST_SQLITE_SCHEMA_VERSION) return;
  const found =
    version === undefined
      ? isNewAuditFile(db, table)
        ? 'missing'
        : 'unversioned (created by an older bot)'
      : `at version ${version}`;
  throw new SqliteSchemaVersionError(
    `The SQLite audit schema in ${file} is ${found}; this bot needs version ${LATEST_SQLITE_SCHEMA_VERSION}. Run \`npm run db:migrate\` with the same SQLITE_PATH, then start the bot.`,
  );
}

type Param = string | number | null;
type SqlRow = Parameters<typeof fromRow>[0];

/** Rows per INSERT statement (12 columns × 50 stays below SQLite's oldest 999-parameter limit). */
const ROWS_PER_INSERT = 50;

export async function createSqliteAuditLog(options: SqliteAuditLogOptions): Promise<AuditLog> {
  const table = checkIdentifier(options.table ?? 'audit_log', 'table');
  const flag = `${table}_purge`;
  const file = resolve(options.path);
  let db: SqliteDatabase;
  try {
    db = openSqliteFile(file, 'the audit log', { busyTimeoutMs: options.busyTimeoutMs ?? 5000 });
  } catch (error) {
    throw new Error(`Could not open the SQLite audit log at ${file}.`, { cause: error });
  }

  let summary: ReturnType<typeof summaryWriter>;
  try {
    prepareSchema(db, table, file, options.schema ?? 'check');
    summary = summaryWriter(db, table, options);
  } catch (error) {
    db.close();
    if (error instanceof SqliteSchemaVersionError) throw error;
    throw new Error(`Could not prepare the SQLite audit log at ${file}.`, { cause: error });
  }
  summary.catchUp();

  const ensureOpen = (): void => {
    if (!db.open) throw new Error(`The SQLite audit log at ${file} is closed; create a new one.`);
  };
  const select = `SELECT ${COLUMNS.join(', ')} FROM ${table}`;
  const oneRow = `(${COLUMNS.map(() => '?').join(', ')})`;
  // Prepared once per row count: preparing a statement compiles it (and, at schema version 3, every trigger it
  // fired), which can cost more than inserting a turn's few rows.
  const inserts = new Map<number, Statement<Param[]>>();
  const insert = (rows: number) => {
    let statement = inserts.get(rows);
    if (!statement) {
      statement = db.prepare<Param[]>(
        `INSERT INTO ${table} (${COLUMNS.join(', ')}) VALUES ${Array(rows).fill(oneRow).join(', ')}`,
      );
      inserts.set(rows, statement);
    }
    return statement;
  };
  const appendAll = db.transaction((entries: ReturnType<typeof parseEntries>) => {
    for (let start = 0; start < entries.length; start += ROWS_PER_INSERT) {
      const chunk = entries.slice(start, start + ROWS_PER_INSERT);
      insert(chunk.length).run(...chunk.flatMap(toRow));
    }
  });
  const setFlag = db.prepare<[string]>(`INSERT INTO ${flag} (cutoff) VALUES (?)`);
  const deleteOlder = db.prepare<[string]>(`DELETE FROM ${table} WHERE at < ?`);
  const clearFlag = db.prepare(`DELETE FROM ${flag}`);
  const purge = db.transaction((bound: string) => {
    setFlag.run(bound);
    const removed = deleteOlder.run(bound).changes;
    clearFlag.run();
    return removed;
  });

  return {
    async append(batch) {
      ensureOpen();
      const entries = parseEntries(batch);
      if (entries.length === 0) return;
      appendAll.immediate(entries);
      summary.appended(entries.length);
    },
    async query(query) {
      ensureOpen();
      checkQuery(query);
      const where: string[] = [];
      const params: Param[] = [];
      if (query.customerId !== undefined) {
        where.push('customer_id = ?');
        params.push(query.customerId);
      }
      if (query.since !== undefined) {
        where.push('at >= ?');
        params.push(query.since.toISOString());
      }
      if (query.until !== undefined) {
        where.push('at < ?');
        params.push(query.until.toISOString());
      }
      const filter = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
      const rows = db
        .prepare<Param[], SqlRow>(`${select}${filter} ORDER BY at, seq LIMIT ?`)
        .all(...params, query.limit);
      return rows.map(fromRow);
    },
    async purgeOlderThan(cutoff) {
      ensureOpen();
      checkCutoff(cutoff);
      return purge.immediate(cutoff.toISOString());
    },
    async close() {
      if (!db.open) return;
      summary.stop();
      summary.catchUp();
      db.close();
    },
  };
}

/**
 * The writer's side of the summary's catch-up, as {@link SqliteAuditLogOptions.summaryCatchUp} says: `appended`
 * after every committed append, `catchUp` now (never throws), `stop` before closing.
 */
function summaryWriter(
  db: SqliteDatabase,
  table: string,
  options: Pick<SqliteAuditLogOptions, 'summaryCatchUp' | 'onError'>,
): { appended(entries: number): void; catchUp(): void; stop(): void } {
  const setting = options.summaryCatchUp ?? {};
  if (setting === 'off') return { appended() {}, catchUp() {}, stop() {} };
  const afterEntries = setting.afterEntries ?? CATCH_UP_AFTER_ENTRIES;
  const afterMs = setting.afterMs ?? CATCH_UP_AFTER_MS;
  const catchUp = sqliteSummaryCatchUp(db, table);
  let since = 0;
  let timer: NodeJS.Timeout | undefined;
  const run = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    since = 0;
    try {
      catchUp.run();
    } catch (error) {
      try {
        options.onError?.(new Error('Could not bring the analytics summary up to date.', { cause: error }));
      } catch {
        // A reporter that throws must not fail the append: its entries are committed (a retry would repeat them).
      }
    }
  };
  return {
    appended(entries) {
      since += entries;
      if (since >= afterEntries) run();
      else if (!timer) timer = setTimeout(run, afterMs).unref();
    },
    catchUp: () => {
      if (db.open) run();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
