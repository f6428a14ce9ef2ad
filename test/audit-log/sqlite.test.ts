import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLog } from '../../src/audit-log/log.js';
import { createSqliteAuditLog } from '../../src/audit-log/sqlite.js';
import { runAuditLogConformance } from './conformance.js';
import { minutesAfter, sampleEntry } from './support.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-sqlite-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let files = 0;
const paths = new WeakMap<AuditLog, string>();
runAuditLogConformance('sqlite', {
  async fresh() {
    files += 1;
    const path = join(dir, `conformance-${files}.sqlite`);
    const log = await createSqliteAuditLog({ path, schema: 'migrate-if-new' });
    paths.set(log, path);
    return log;
  },
  reopen: (log) => createSqliteAuditLog({ path: paths.get(log) ?? '' }),
  propertyRuns: 25,
});

/** A plain connection to the file, as an operator (or a bug) would use it. */
function rawConnection(path: string) {
  const db = new Database(path);
  const run = async (sql: string): Promise<number> => db.prepare(sql).run().changes;
  const close = async () => {
    db.close();
  };
  return { run, close };
}

describe('SQLite audit log', () => {
  const logs: AuditLog[] = [];
  afterEach(async () => {
    await Promise.all(logs.splice(0).map((log) => log.close()));
  });
  const open = async (path: string) => {
    const log = await createSqliteAuditLog({ path, schema: 'migrate-if-new' });
    logs.push(log);
    return log;
  };

  it('the database itself refuses UPDATE and DELETE outside the purge', async () => {
    const path = join(dir, 'append-only.sqlite');
    const log = await open(path);
    const old = sampleEntry({ at: '2015-01-01T00:00:00.000Z' });
    await log.append([old, sampleEntry()]);
    const raw = rawConnection(path);
    try {
      await expect(raw.run(`UPDATE audit_log SET customer_id = 'CUS-6666'`)).rejects.toThrow(/append-only/);
      await expect(raw.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      // Even the oldest row cannot be deleted by hand: no purge is running.
      await expect(raw.run(`DELETE FROM audit_log WHERE at < '2016-01-01'`)).rejects.toThrow(/append-only/);
    } finally {
      await raw.close();
    }
    expect(await log.query({ limit: 10 })).toEqual([old, sampleEntry()]);
    // The purge still works, and leaves no flag behind that would let a later DELETE through.
    expect(await log.purgeOlderThan(new Date('2020-01-01T00:00:00.000Z'))).toBe(1);
    const after = rawConnection(path);
    try {
      await expect(after.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    } finally {
      await after.close();
    }
    expect(await log.query({ limit: 10 })).toEqual([sampleEntry()]);
  });

  it('two instances on one file (two processes) append concurrently and keep every entry', async () => {
    const path = join(dir, 'concurrent.sqlite');
    const [a, b] = [await open(path), await open(path)];
    const batch = (who: string, i: number) => [
      sampleEntry({ at: minutesAfter(i), what: { operation: `${who}-${i}` } }),
      sampleEntry({ at: minutesAfter(i), what: { operation: `${who}-${i}-second` } }),
    ];
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => [a.append(batch('a', i)), b.append(batch('b', i))]).flat(),
    );
    const all = await a.query({ limit: 1000 });
    expect(all).toHaveLength(120);
    expect(new Set(all.map((entry) => entry.what.operation)).size).toBe(120);
  });

  it('creates the directory and names the file when it cannot open', async () => {
    const log = await open(join(dir, 'nested', 'deeper', 'audit.sqlite'));
    await log.append([sampleEntry()]);
    expect(await log.query({ limit: 1 })).toHaveLength(1);
    await expect(createSqliteAuditLog({ path: dir })).rejects.toThrow(/SQLite audit log at/);
    await expect(createSqliteAuditLog({ path: join(dir, 'x.sqlite'), table: 'Drop Table' })).rejects.toThrow(
      /lower-case/,
    );
  });
});
