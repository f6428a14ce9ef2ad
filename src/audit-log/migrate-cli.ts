/**
 * `npm run db:migrate [-- --schema NAME]`: creates or upgrades the PostgreSQL audit schema (`DATABASE_URL`) to the
 * version this bot needs. Run it with a role that owns the schema's objects (or may create them), before starting
 * the bot, and after upgrading the bot; the bot's own role then needs only the grants in the README. Prints one line
 * with the versions; exits 2 naming the variable when DATABASE_URL is missing or unreachable.
 */
import { Pool } from 'pg';
import { redactDatabaseUrl } from './postgres.js';
import { applyMigrations } from './postgres-migrations.js';
import { pgNames } from './postgres-schema.js';

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

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write(
      'DATABASE_URL: set it to the PostgreSQL database of the audit log (an owner role).\n',
    );
    process.exit(2);
  }
  const at = process.argv.indexOf('--schema');
  const schema = at >= 0 ? process.argv[at + 1] : undefined;
  try {
    const result = await migrateAuditDatabase({ connectionString: url, schema });
    const what = result.applied.length > 0 ? `applied ${result.applied.join(', ')}` : 'nothing to apply';
    process.stdout.write(
      `Audit schema "${result.schema}": version ${result.from} → ${result.to} (${what}).\n`,
    );
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
