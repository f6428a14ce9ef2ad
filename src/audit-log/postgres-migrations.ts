/**
 * Versioned migrations of the PostgreSQL audit schema, apart from the bot (`npm run db:migrate`, run by a role that
 * owns — or may create — the schema's objects). The bot itself only checks the version at start
 * ({@link readSchemaVersion}) and needs nothing but INSERT/SELECT on the table, USAGE on its sequence and EXECUTE
 * on the purge function.
 *
 * Each migration runs in its own transaction, under an advisory lock (two operators migrating at once wait for
 * each other), and records itself in `<table>_schema_version`, which every role may read. Migration 1 is written
 * with `IF NOT EXISTS` / `OR REPLACE`, so a table created by an older bot at start is adopted as it is.
 */
import type { PoolClient } from 'pg';
import { type PgNames, schemaStatements } from './postgres-schema.js';
import { postgresSummaryStatements } from './summary.js';

export interface Migration {
  version: number;
  summary: string;
  statements(names: PgNames): string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    summary: 'audit table, indexes, append-only triggers, purge function',
    statements: schemaStatements,
  },
  {
    version: 2,
    summary: 'index on (kind, at) for the dashboard queries',
    // The analytics (src/analytics/) read a few kinds over a window: this index serves every one of them. On a
    // large table, creating it blocks appends for a while (outbox entries wait and are delivered after): run it
    // in a quiet hour, or create the index CONCURRENTLY by hand first (this statement then does nothing).
    statements: (n) => [`CREATE INDEX IF NOT EXISTS ${n.indexKindAt} ON ${n.table} (kind, at)`],
  },
  {
    version: 3,
    summary: 'analytics summary tables (facts, daily counts) kept by triggers, filled from the existing rows',
    // Appends wait while the existing rows are summarised (about a minute per million rows): a quiet hour.
    // Migration 2's index (kind, at) served the dashboard, which reads the summary now: one index fewer to write.
    statements: (n) => [
      ...postgresSummaryStatements(n.table, n.summary),
      `DROP INDEX IF EXISTS ${n.schema}.${n.indexKindAt}`,
    ],
  },
];

/** The version this bot needs. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

const versionTableStatements = (n: PgNames): string[] => [
  `CREATE TABLE IF NOT EXISTS ${n.versionTable} (
    version integer PRIMARY KEY, summary text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  `GRANT SELECT ON ${n.versionTable} TO PUBLIC`,
];

/** The schema's version: `undefined` when it was never migrated (no version table). */
export async function readSchemaVersion(client: PoolClient, n: PgNames): Promise<number | undefined> {
  const exists = await client.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [
    n.versionTable,
  ]);
  if (!exists.rows[0]?.found) return undefined;
  const result = await client.query<{ version: number | null }>(
    `SELECT max(version) AS version FROM ${n.versionTable}`,
  );
  return result.rows[0]?.version ?? 0;
}

/** Applies every migration newer than the schema's version; answers the versions before and after. */
export async function applyMigrations(
  client: PoolClient,
  n: PgNames,
  options: { createSchema: boolean },
): Promise<{ from: number; to: number; applied: number[] }> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [n.lockKey]);
    if (options.createSchema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${n.schema}`);
    for (const statement of versionTableStatements(n)) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  const from = (await readSchemaVersion(client, n)) ?? 0;
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [n.lockKey]);
      const current = (await readSchemaVersion(client, n)) ?? 0;
      if (migration.version > current) {
        for (const statement of migration.statements(n)) await client.query(statement);
        await client.query(`INSERT INTO ${n.versionTable} (version, summary) VALUES ($1, $2)`, [
          migration.version,
          migration.summary,
        ]);
        applied.push(migration.version);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
  return { from, to: (await readSchemaVersion(client, n)) ?? 0, applied };
}

/** Whether the connection's role owns the table (or is a member of its owner, or a superuser). */
export async function connectedAsOwner(client: PoolClient, schema: string, table: string): Promise<boolean> {
  const result = await client.query<{ owner: boolean }>(
    `SELECT pg_has_role(current_user, c.relowner, 'MEMBER')
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS owner
       FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
      WHERE ns.nspname = $1 AND c.relname = $2`,
    [schema, table],
  );
  return result.rows[0]?.owner === true;
}
