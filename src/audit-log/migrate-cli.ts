/**
 * `npm run db:migrate [-- --schema NAME]`: creates or upgrades the audit schema this bot needs, found from the
 * bot's own configuration (the same environment): PostgreSQL when `DATABASE_URL` is set (run it with a role that
 * owns the schema's objects; the bot's own role then needs only the grants in the README), otherwise the SQLite
 * file `audit.sqlite` beside `SQLITE_PATH` (nothing with `STORE=memory`). Run it before starting the bot, and after
 * upgrading the bot. Prints one line with the versions; exits 2 with one line naming the variable when the
 * configuration is wrong or the database cannot be migrated.
 */
import { resolve } from 'node:path';
import { Pool } from 'pg';
import { type Config, loadConfig } from '../config.js';
import { openSqliteFile } from '../storage/sqlite-file.js';
import { auditSqlitePath } from './open.js';
import { redactDatabaseUrl } from './postgres.js';
import { applyMigrations } from './postgres-migrations.js';
import { pgNames } from './postgres-schema.js';
import { applySqliteMigrations } from './sqlite-migrations.js';

export interface MigrateOptions {
  connectionString: string;
  /** Default: the connection's current schema. Created when given and missing. */
  schema?: string | undefined;
  table?: string | undefined;
}

/** Applies the migrations; answers the versions before and after and what it applied. */
export async function migrateAuditDatabase(
  options: MigrateOptions,
): Promise<{ schema: string; from: number; to: number; applied: number[] }> {
  const pool = new Pool({
    connectionString: options.connectionString,
    max: 1,
    connectionTimeoutMillis: 5000,
  });
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      const schema =
        options.schema ??
        (await client.query<{ schema: string | null }>('SELECT current_schema() AS schema')).rows[0]?.schema;
      if (!schema) throw new Error('The connection has no current schema; pass --schema NAME.');
      const result = await applyMigrations(client, pgNames(schema, options.table ?? 'audit_log'), {
        createSchema: options.schema !== undefined,
      });
      return { schema, ...result };
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}

/** Applies the SQLite file's migrations (the file and its directory are created when missing). */
export async function migrateSqliteAuditFile(
  path: string,
): Promise<{ path: string; from: number; to: number; applied: number[] }> {
  const file = resolve(path);
  const db = openSqliteFile(file, 'the audit log');
  try {
    return { path: file, ...applySqliteMigrations(db, 'audit_log') };
  } finally {
    db.close();
  }
}

const describeResult = (result: { from: number; to: number; applied: number[] }): string =>
  `version ${result.from} → ${result.to} (${result.applied.length > 0 ? `applied ${result.applied.join(', ')}` : 'nothing to apply'})`;

/** The audit log the bot's own configuration names: PostgreSQL (DATABASE_URL), else the SQLite file, else memory. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const url = config.DATABASE_URL;
  if (url === undefined) {
    if (config.STORE === 'memory') {
      process.stdout.write('Audit log in memory (STORE=memory): nothing to migrate.\n');
      return;
    }
    const path = auditSqlitePath(config);
    try {
      const result = await migrateSqliteAuditFile(path);
      process.stdout.write(`Audit schema in ${result.path} (SQLite): ${describeResult(result)}.\n`);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      process.stderr.write(`SQLITE_PATH: could not migrate the SQLite audit schema at ${path}: ${reason}\n`);
      process.exit(2);
    }
    return;
  }
  const at = process.argv.indexOf('--schema');
  const schema = at >= 0 ? process.argv[at + 1] : undefined;
  try {
    const result = await migrateAuditDatabase({ connectionString: url, schema });
    process.stdout.write(`Audit schema "${result.schema}": ${describeResult(result)}.\n`);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(
      `DATABASE_URL: could not migrate the audit schema at ${redactDatabaseUrl(url)}: ${reason}\n`,
    );
    process.exit(2);
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await main();
}
