/**
 * The analytics' connection to the audit trail: SQLite (a second handle on the audit log's file) or PostgreSQL
 * (its own small pool). The queries are SELECT statements only; the audit log's writers stay the only code that
 * appends. On SQLite the summary is built after the append (`src/audit-log/summary-catch-up.ts`), so before a read
 * that finds rows not yet summarised, a writable handle (opened then, kept) brings the summary up to date: it
 * writes only the summary tables, never the audit table. Should that fail, the read fails (the dashboard shows its
 * error) rather than showing numbers behind the trail as if they were current.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Database, { type Statement } from 'better-sqlite3';
import { Pool } from 'pg';
import { checkIdentifier } from '../audit-log/log.js';
import { auditSqlitePath } from '../audit-log/open.js';
import { pgNames } from '../audit-log/postgres-schema.js';
import {
  type SummaryCatchUp,
  sqliteSummaryCatchUp,
  summaryBehindSql,
} from '../audit-log/summary-catch-up.js';
import type { Config } from '../config.js';
import { openSqliteFile, type SqliteDatabase } from '../storage/sqlite-file.js';
import type { Dialect, SqlParam } from './sql.js';

export type Row = Record<string, unknown>;

export interface AnalyticsDb {
  readonly dialect: Dialect;
  /** The audit table as SQL names it (quoted and schema-qualified on PostgreSQL). */
  readonly table: string;
  /** The summary tables the queries read (`src/audit-log/summary.ts`), named as {@link table} is. */
  readonly summary: { readonly facts: string; readonly runs: string; readonly daily: string };
  all(sql: string, params: readonly SqlParam[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** Reads the SQLite audit file at `path` (read-only; the file must exist: the audit log creates it). */
export function openSqliteAnalytics(path: string, table = 'audit_log'): AnalyticsDb {
  const file = resolve(path);
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  const name = checkIdentifier(table, 'table');
  let behind: Statement<[], { behind: number }> | undefined;
  let writer: { db: SqliteDatabase; catchUp: SummaryCatchUp } | undefined;
  const catchUp = (): void => {
    behind ??= db.prepare<[], { behind: number }>(summaryBehindSql(name));
    if (behind.get()?.behind !== 1) return;
    if (!writer) {
      const handle = openSqliteFile(file, 'the analytics summary');
      writer = { db: handle, catchUp: sqliteSummaryCatchUp(handle, name) };
    }
    writer.catchUp.run();
  };
  return {
    dialect: 'sqlite',
    table: name,
    summary: { facts: `${name}_facts`, runs: `${name}_runs`, daily: `${name}_daily` },
    async all(sql, params) {
      catchUp();
      return db.prepare(sql).all(...params) as Row[];
    },
    async close() {
      if (writer?.db.open) writer.db.close();
      if (db.open) db.close();
    },
  };
}

/**
 * The connection string with this pool's session settings added to its own `options` (a search_path there is
 * kept): sorts and hashes of a few hundred thousand rows stay in memory (`work_mem`), and no JIT compilation (it
 * costs more than it saves on queries of a second or less). For these read-only aggregates only.
 */
export function withSessionSettings(connectionString: string, settings = ANALYTICS_SESSION): string {
  const url = new URL(connectionString);
  const own = url.searchParams.get('options') ?? '';
  url.searchParams.set('options', `${own} ${settings}`.trim());
  return url.toString();
}

export const ANALYTICS_SESSION = '-c work_mem=64MB -c jit=off';

/** Reads the PostgreSQL audit table (`schema` default: the connection's current schema). */
export async function openPostgresAnalytics(options: {
  connectionString: string;
  schema?: string;
  table?: string;
}): Promise<AnalyticsDb> {
  const pool = new Pool({
    connectionString: withSessionSettings(options.connectionString),
    max: 3,
    connectionTimeoutMillis: 5000,
    application_name: 'helpdesk-bot-analytics',
  });
  pool.on('error', () => undefined); // an idle connection's error is seen again by the next query
  const table = checkIdentifier(options.table ?? 'audit_log', 'table');
  let schema = options.schema;
  if (schema === undefined) {
    const found = await pool.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    schema = found.rows[0]?.schema ?? 'public';
  }
  const names = pgNames(schema, table);
  return {
    dialect: 'postgres',
    table: names.table,
    summary: { facts: names.summary.facts, runs: names.summary.runs, daily: names.summary.daily },
    async all(sql, params) {
      return (await pool.query(sql, [...params])).rows as Row[];
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * The analytics source for the bot's configuration: PostgreSQL with `DATABASE_URL`, else the SQLite audit file;
 * `undefined` with `STORE=memory` (an in-memory audit log has no SQL to ask).
 */
export async function openAnalytics(
  config: Pick<Config, 'STORE' | 'SQLITE_PATH' | 'DATABASE_URL'>,
): Promise<AnalyticsDb | undefined> {
  if (config.DATABASE_URL !== undefined)
    return openPostgresAnalytics({ connectionString: config.DATABASE_URL });
  if (config.STORE === 'memory') return undefined;
  const path = auditSqlitePath(config);
  return existsSync(path) ? openSqliteAnalytics(path) : undefined;
}
