/**
 * Migrations apart from the bot (item 10 of the outside probe): `npm run db:migrate` (migrateAuditDatabase) as the
 * owner creates the schema; the bot, connected as a real least-privilege role made by this test (the README's
 * grants: INSERT, SELECT on the table, USAGE on its sequence, EXECUTE on the purge function), starts without
 * CREATE, appends, reads and purges, cannot rewrite history, and does not warn; as the owner it warns; on a schema
 * never migrated it refuses to start with one sentence naming `npm run db:migrate`. The role and schema have
 * unique names and are dropped afterwards. Skipped with a message when PostgreSQL is unreachable, unless CI=true.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAuditDatabase } from '../../src/audit-log/migrate-cli.js';
import { createPostgresAuditLog, SchemaVersionError } from '../../src/audit-log/postgres.js';
import { LATEST_SCHEMA_VERSION } from '../../src/audit-log/postgres-migrations.js';
import { PG_URL, requirePostgres, sampleEntry, uniqueSchema, withAdmin } from './support.js';

const reachable = await requirePostgres('audit schema migrations and a least-privilege role');
const schema = uniqueSchema();
const empty = uniqueSchema();
const role = `audit_bot_${process.pid}_${randomBytes(4).toString('hex')}`;

/** PG_URL as `role`, with `schema` first on the search path. */
function urlAs(user: string, onPath: string): string {
  const url = new URL(PG_URL);
  url.username = user;
  url.password = '';
  url.searchParams.set('options', `-c search_path=${onPath}`);
  return url.toString();
}

describe.skipIf(!reachable)('audit schema migrations and a least-privilege role', () => {
  beforeAll(async () => {
    const first = await migrateAuditDatabase({ connectionString: PG_URL, schema });
    expect(first).toMatchObject({ from: 0, to: LATEST_SCHEMA_VERSION, applied: [1, 2, 3] });
    const again = await migrateAuditDatabase({ connectionString: PG_URL, schema });
    expect(again).toMatchObject({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION, applied: [] });
    await withAdmin(async (admin) => {
      await admin.query(`CREATE ROLE "${role}" LOGIN`);
      await admin.query(`GRANT USAGE ON SCHEMA "${schema}" TO "${role}"`);
      await admin.query(`GRANT INSERT, SELECT ON "${schema}".audit_log TO "${role}"`);
      await admin.query(`GRANT USAGE ON SEQUENCE "${schema}".audit_log_seq_seq TO "${role}"`);
      await admin.query(
        `GRANT EXECUTE ON FUNCTION "${schema}".audit_log_purge_older_than(timestamptz) TO "${role}"`,
      );
      await admin.query(`CREATE SCHEMA "${empty}"`);
      await admin.query(`GRANT USAGE ON SCHEMA "${empty}" TO "${role}"`);
    });
  });
  afterAll(async () => {
    await withAdmin(async (admin) => {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.query(`DROP SCHEMA IF EXISTS "${empty}" CASCADE`);
      await admin.query(`DROP OWNED BY "${role}"`).catch(() => undefined);
      await admin.query(`DROP ROLE IF EXISTS "${role}"`);
    });
  });

  it('the least-privilege role starts, appends, reads and purges, without a warning', async () => {
    const warnings: string[] = [];
    const log = await createPostgresAuditLog({
      connectionString: urlAs(role, schema),
      onWarning: (message) => warnings.push(message),
    });
    try {
      await log.append([sampleEntry()]);
      expect(await log.query({ limit: 10 })).toEqual([sampleEntry()]);
      expect(await log.purgeOlderThan(new Date('2000-01-01T00:00:00.000Z'))).toBe(0);
      expect(warnings).toEqual([]);
    } finally {
      await log.close();
    }
    // Nor can it rewrite history or create anything.
    const { Pool } = await import('pg');
    const pool = new Pool({ connectionString: urlAs(role, schema), max: 1 });
    try {
      await expect(pool.query('UPDATE audit_log SET result = $1', ['ok'])).rejects.toThrow();
      await expect(pool.query('DELETE FROM audit_log')).rejects.toThrow();
      await expect(pool.query('CREATE TABLE sneaky (x int)')).rejects.toThrow(/permission denied/);
      // The analytics summary was written by the triggers (as the owner), though the role has no privilege on it.
      await expect(pool.query('SELECT * FROM audit_log_facts')).rejects.toThrow(/permission denied/);
      await expect(pool.query('DELETE FROM audit_log_daily')).rejects.toThrow(/permission denied/);
      const facts = await withAdmin((admin) =>
        admin.query(`SELECT kind, ok_before FROM "${schema}".audit_log_facts`),
      );
      expect(facts.rows).toEqual([{ kind: 'action', ok_before: null }]);
    } finally {
      await pool.end();
    }
  });

  it('the owner is warned', async () => {
    const warnings: string[] = [];
    const log = await createPostgresAuditLog({
      connectionString: PG_URL,
      schema,
      onWarning: (m) => warnings.push(m),
    });
    await log.close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/owns .*audit_log/);
  });

  it('a schema never migrated: one sentence saying what to run', async () => {
    const failure = await createPostgresAuditLog({ connectionString: urlAs(role, empty) }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SchemaVersionError);
    expect(String((failure as Error).message)).toMatch(/missing.*npm run db:migrate/);
    expect(String((failure as Error).message)).not.toContain('\n');
  });
});
