/**
 * The PostgreSQL audit log: the conformance suite, append-only enforced by the database, concurrent appends from
 * two pools. Each run uses a schema of its own, dropped afterwards. Skipped with a message when PostgreSQL is
 * unreachable, unless CI=true.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AuditLog } from '../../src/audit-log/log.js';
import { createPostgresAuditLog, redactDatabaseUrl } from '../../src/audit-log/postgres.js';
import { runAuditLogConformance } from './conformance.js';
import {
  dropSchema,
  minutesAfter,
  PG_URL,
  requirePostgres,
  sampleEntry,
  uniqueSchema,
  urlWithSchema,
  withAdmin,
} from './support.js';

const reachable = await requirePostgres('PostgreSQL audit log');
const schema = uniqueSchema();

describe.skipIf(!reachable)('PostgreSQL audit log', () => {
  afterAll(async () => {
    await dropSchema(schema);
  });

  let tables = 0;
  const tableOf = new WeakMap<AuditLog, string>();
  const openTable = async (table: string) => {
    const log = await createPostgresAuditLog({ connectionString: PG_URL, schema, table, migrate: true });
    tableOf.set(log, table);
    return log;
  };
  runAuditLogConformance('postgres', {
    fresh: () => {
      tables += 1;
      return openTable(`conformance_${tables}`);
    },
    reopen: (log) => openTable(tableOf.get(log) ?? ''),
    propertyRuns: 20,
  });

  const logs: AuditLog[] = [];
  afterEach(async () => {
    await Promise.all(logs.splice(0).map((log) => log.close()));
  });
  const open = async (table: string) => {
    const log = await openTable(table);
    logs.push(log);
    return log;
  };

  it('the database itself refuses UPDATE, DELETE and TRUNCATE outside the purge function', async () => {
    const log = await open('append_only');
    const old = sampleEntry({ at: '2015-01-01T00:00:00.000Z' });
    await log.append([old, sampleEntry()]);
    const table = `"${schema}".append_only`;
    await withAdmin(async (admin) => {
      // The admin connection is the table's owner and a superuser: the triggers still refuse.
      await expect(admin.query(`UPDATE ${table} SET customer_id = 'CUS-6666'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(admin.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
      await expect(admin.query(`DELETE FROM ${table} WHERE at < '2016-01-01'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(admin.query(`TRUNCATE ${table}`)).rejects.toThrow(/append-only/);
      // A setting cannot open the door: only a flag row inside the purge function's transaction does.
      await expect(
        admin
          .query(`SELECT set_config('audit_log.purge_before', 'infinity', false)`)
          .then(() => admin.query(`DELETE FROM ${table}`)),
      ).rejects.toThrow(/append-only/);
    });
    expect(await log.query({ limit: 10 })).toEqual([old, sampleEntry()]);
    expect(await log.purgeOlderThan(new Date('2020-01-01T00:00:00.000Z'))).toBe(1);
    await withAdmin(async (admin) => {
      await expect(admin.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
      const flags = await admin.query(`SELECT count(*)::int AS n FROM "${schema}".append_only_purge`);
      expect(flags.rows[0]).toEqual({ n: 0 });
    });
    expect(await log.query({ limit: 10 })).toEqual([sampleEntry()]);
  });

  it('two instances (two pools) append concurrently and every entry is kept', async () => {
    const [a, b] = [await open('concurrent'), await open('concurrent')];
    const batch = (who: string, i: number) => [
      sampleEntry({ at: minutesAfter(i % 7), what: { operation: `${who}-${i}` } }),
      sampleEntry({ at: minutesAfter(i % 7), what: { operation: `${who}-${i}-second` } }),
    ];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => [a.append(batch('a', i)), b.append(batch('b', i))]).flat(),
    );
    const all = await b.query({ limit: 1000 });
    expect(all).toHaveLength(160);
    expect(new Set(all.map((entry) => entry.what.operation)).size).toBe(160);
    // Each batch keeps its order: its first entry is read before its second (same instant).
    const operations = all.map((entry) => entry.what.operation ?? '');
    for (const operation of operations.filter((name) => !name.endsWith('-second'))) {
      expect(operations.indexOf(operation)).toBeLessThan(operations.indexOf(`${operation}-second`));
    }
  });

  it('migrating a new table from two processes at once is safe (migrations under a lock)', async () => {
    const both = await Promise.all([open('started_together'), open('started_together')]);
    await both[0].append([sampleEntry()]);
    expect(await both[1].query({ limit: 10 })).toEqual([sampleEntry()]);
  });

  it('uses the connection’s search_path schema when none is given', async () => {
    const log = await createPostgresAuditLog({
      connectionString: urlWithSchema(schema),
      table: 'by_search_path',
      migrate: true,
    });
    logs.push(log);
    await log.append([sampleEntry()]);
    const rows = await withAdmin((admin) =>
      admin.query(`SELECT count(*)::int AS n FROM "${schema}".by_search_path`),
    );
    expect(rows.rows[0]).toEqual({ n: 1 });
  });

  it('names the database without its password when it cannot connect', async () => {
    const url = 'postgres://auditor:s3cret-pw@127.0.0.1:1/nowhere';
    expect(redactDatabaseUrl(url)).toBe('postgres://auditor:***@127.0.0.1:1/nowhere');
    const failure = await createPostgresAuditLog({ connectionString: url }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(String((failure as Error).message)).toContain('postgres://auditor:***@127.0.0.1:1/nowhere');
    expect(String((failure as Error).message)).not.toContain('s3cret-pw');
  });
});
