/**
 * The audit log in PostgreSQL (`DATABASE_URL`), for teams that run many bot instances: every instance appends to
 * the same table. The table, its append-only triggers and the purge function are described in
 * `postgres-schema.ts` and created by `npm run db:migrate` (`postgres-migrations.ts`), not by the bot: at start
 * the bot only checks that the schema is at the version it needs (else it fails, saying what to run) and warns
 * when it connects as the table's owner. The table lives in `schema` when given, else in the connection's current
 * schema (the first existing one on its `search_path`).
 */
import { Pool, type PoolClient } from 'pg';
import { parseEntries } from './entry.js';
import { type AuditLog, COLUMNS, checkCutoff, checkIdentifier, checkQuery, fromRow, toRow } from './log.js';
import {
  applyMigrations,
  connectedAsOwner,
  LATEST_SCHEMA_VERSION,
  readSchemaVersion,
} from './postgres-migrations.js';
import { pgNames } from './postgres-schema.js';

/** The audit schema is missing or older than this bot needs: the message says what to run. */
export class SchemaVersionError extends Error {
  override readonly name = 'SchemaVersionError';
}

export interface PostgresAuditLogOptions {
  /** `postgres://user:password@host:5432/database` (never logged). */
  connectionString: string;
  /** Schema to keep the table in (created if missing); default: the connection's current schema. */
  schema?: string;
  /** Table name (lower-case letters, digits, underscores). Default `audit_log`. */
  table?: string;
  /** Pool size. Default 4. */
  maxConnections?: number;
  /** Errors of idle pooled connections (the database restarted, the network dropped). */
  onError?: (error: Error) => void;
  /** Apply the migrations first (owner tools and tests; `npm run db:migrate`). Default false: only check. */
  migrate?: boolean;
  /** Told once at start when the role is the table's owner (or a superuser), which the README advises against. */
  onWarning?: (message: string) => void;
}

type SqlRow = Parameters<typeof fromRow>[0];
type Param = string | number | null;

/** Rows per INSERT statement (PostgreSQL allows 65,535 parameters; 12 columns × 1,000 rows is well below). */
const ROWS_PER_INSERT = 1000;
const CONNECT_TIMEOUT_MS = 5000;

/** The connection string without its password, for messages. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export async function createPostgresAuditLog(options: PostgresAuditLogOptions): Promise<AuditLog> {
  const table = checkIdentifier(options.table ?? 'audit_log', 'table');
  const where = redactDatabaseUrl(options.connectionString);
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 4,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'helpdesk-bot-audit',
  });
  // Without a listener, an idle connection's error would crash the process.
  pool.on('error', (error) => options.onError?.(error));

  let schema: string;
  try {
    const client = await pool.connect();
    try {
      schema = options.schema ?? (await currentSchema(client));
      const names = pgNames(schema, table);
      if (options.migrate)
        await applyMigrations(client, names, { createSchema: options.schema !== undefined });
      const version = await readSchemaVersion(client, names);
      if (version === undefined || version < LATEST_SCHEMA_VERSION) {
        throw new SchemaVersionError(
          `The audit schema in "${schema}" is ${version === undefined ? 'missing' : `at version ${version}`}; this bot needs version ${LATEST_SCHEMA_VERSION}. Run \`npm run db:migrate\` with DATABASE_URL naming a role that owns the schema.`,
        );
      }
      if (await connectedAsOwner(client, schema, table)) {
        options.onWarning?.(
          `The audit log's role owns ${schema}.${table} (or is a superuser) and could drop its append-only triggers; run the bot under a role with only INSERT, SELECT (see README).`,
        );
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof SchemaVersionError) throw error;
    throw new Error(`Could not open the PostgreSQL audit log at ${where}.`, { cause: error });
  }
  const names = pgNames(schema, table);
  const select = `SELECT ${COLUMNS.join(', ')} FROM ${names.table}`;

  let closed = false;
  const ensureOpen = (): void => {
    if (closed) throw new Error(`The PostgreSQL audit log at ${where} is closed; create a new one.`);
  };
  const insert = (count: number, offset = 0): string => {
    const rows = Array.from({ length: count }, (_, row) => {
      const first = offset + row * COLUMNS.length;
      return `(${COLUMNS.map((_column, i) => `$${first + i + 1}`).join(', ')})`;
    });
    return `INSERT INTO ${names.table} (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`;
  };

  return {
    async append(batch) {
      ensureOpen();
      const entries = parseEntries(batch);
      if (entries.length === 0) return;
      if (entries.length <= ROWS_PER_INSERT) {
        await pool.query(insert(entries.length), entries.flatMap(toRow));
        return;
      }
      const client = await pool.connect();
      try {
        await inTransaction(client, async () => {
          for (let start = 0; start < entries.length; start += ROWS_PER_INSERT) {
            const chunk = entries.slice(start, start + ROWS_PER_INSERT);
            await client.query(insert(chunk.length), chunk.flatMap(toRow));
          }
        });
      } finally {
        client.release();
      }
    },
    async query(query) {
      ensureOpen();
      checkQuery(query);
      const conditions: string[] = [];
      const params: Param[] = [];
      const add = (condition: (placeholder: string) => string, value: Param) => {
        params.push(value);
        conditions.push(condition(`$${params.length}`));
      };
      if (query.customerId !== undefined) add((p) => `customer_id = ${p}`, query.customerId);
      if (query.since !== undefined) add((p) => `at >= ${p}::timestamptz`, query.since.toISOString());
      if (query.until !== undefined) add((p) => `at < ${p}::timestamptz`, query.until.toISOString());
      params.push(query.limit);
      const filter = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
      const result = await pool.query<SqlRow>(
        `${select}${filter} ORDER BY at, seq LIMIT $${params.length}`,
        params,
      );
      return result.rows.map(fromRow);
    },
    async purgeOlderThan(cutoff) {
      ensureOpen();
      checkCutoff(cutoff);
      const result = await pool.query<{ removed: string }>(
        `SELECT ${names.purge}($1::timestamptz) AS removed`,
        [cutoff.toISOString()],
      );
      return Number(result.rows[0]?.removed ?? 0);
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

async function currentSchema(client: PoolClient): Promise<string> {
  const result = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
  const schema = result.rows[0]?.schema;
  if (!schema) {
    throw new Error('The connection has no current schema: its search_path names no existing schema.');
  }
  return schema;
}
