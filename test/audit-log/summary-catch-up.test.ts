/**
 * SQLite migration 4 (`src/audit-log/summary-catch-up.ts`): the analytics summary is built after the append. An
 * append writes only its audit row; the writer catches up after `afterEntries` entries, `afterMs` after an append,
 * at open and at close; the dashboard catches up before it reads; a failing catch-up never fails an append; rows
 * are summarised once whatever the transaction size and however many writers share the file.
 * Exactness is checked against the raw-SQL oracle (`test/analytics/raw-oracle.ts`) on a seeded trail.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AnalyticsDb, openSqliteAnalytics } from '../../src/analytics/db.js';
import { dashboard } from '../../src/analytics/queries.js';
import type { AuditEntry } from '../../src/audit-log/entry.js';
import type { AuditLog } from '../../src/audit-log/log.js';
import { createSqliteAuditLog, type SqliteAuditLogOptions } from '../../src/audit-log/sqlite.js';
import { SUMMARY_KINDS } from '../../src/audit-log/summary.js';
import { sqliteSummaryCatchUp } from '../../src/audit-log/summary-catch-up.js';
import { openSqliteFile } from '../../src/storage/sqlite-file.js';
import { randomTrail, shuffled } from '../analytics/random-trail.js';
import * as oracle from '../analytics/raw-oracle.js';

const START = new Date('2026-11-01T00:00:00.000Z');
const EVERYTHING = {
  since: new Date('2026-10-01T00:00:00.000Z'),
  until: new Date('2026-12-01T00:00:00.000Z'),
};
const trail = (seed: number, conversations = 40): AuditEntry[] =>
  shuffled(randomTrail({ seed, conversations, start: START, days: 3, tag: `catch-up-${seed}` }), seed);

let dir: string;
let path: string;
const opened: Array<{ close(): Promise<void> }> = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'summary-catch-up-'));
  path = join(dir, 'audit.sqlite');
});
afterEach(async () => {
  vi.useRealTimers();
  for (const handle of opened.splice(0).reverse()) await handle.close();
  await rm(dir, { recursive: true, force: true });
});

async function openLog(options: Partial<SqliteAuditLogOptions> = {}): Promise<AuditLog> {
  const log = await createSqliteAuditLog({ path, schema: 'migrate', ...options });
  opened.push(log);
  return log;
}

function openAnalytics(): AnalyticsDb {
  const db = openSqliteAnalytics(path);
  opened.push(db);
  return db;
}

/** What the file holds, read on a connection of its own: facts, audit rows that have one, rows above the mark. */
function state(): { facts: number; summarisable: number; behind: number } {
  const db = new Database(path, { readonly: true });
  try {
    const kinds = SUMMARY_KINDS.map((kind) => `'${kind}'`).join(', ');
    return db
      .prepare<[], { facts: number; summarisable: number; behind: number }>(
        `SELECT (SELECT count(*) FROM audit_log_facts) AS facts,
          (SELECT count(*) FROM audit_log WHERE kind IN (${kinds}) AND (kind <> 'action' OR result = 'ok')) AS summarisable,
          (SELECT count(*) FROM audit_log WHERE seq > (SELECT seq FROM audit_log_summary_mark)) AS behind`,
      )
      .get() as { facts: number; summarisable: number; behind: number };
  } finally {
    db.close();
  }
}

async function expectSameAsOracle(db: AnalyticsDb): Promise<void> {
  const windows = [
    EVERYTHING,
    { since: new Date('2026-11-01T15:00:00.000Z'), until: new Date('2026-11-02T15:00:00.000Z') },
    { since: new Date('2026-11-01T09:13:00.000Z'), until: new Date('2026-11-03T02:00:00.000Z') },
  ];
  for (const window of windows) {
    for (const extra of [
      {},
      { channel: 'web' },
      { idle: { now: new Date('2026-11-03T00:00:00.000Z'), limitMs: 3600_000 } },
    ]) {
      const filters = { ...window, ...extra };
      expect(await dashboard(db, filters)).toEqual(await oracle.dashboard(db, filters));
    }
  }
}

describe('SQLite analytics summary built after the append (migration 4)', () => {
  it('an append writes only its audit row; the writer catches up once `afterEntries` entries were appended', async () => {
    const log = await openLog({ summaryCatchUp: { afterEntries: 10, afterMs: 600_000 } });
    const entries = trail(1).slice(0, 10);
    await log.append(entries.slice(0, 4));
    expect(state()).toMatchObject({ facts: 0, behind: 4 });
    await log.append(entries.slice(4, 9));
    expect(state()).toMatchObject({ facts: 0, behind: 9 });
    await log.append(entries.slice(9));
    const after = state();
    expect(after.behind).toBe(0);
    expect(after.summarisable).toBeGreaterThan(0);
    expect(after.facts).toBe(after.summarisable);
  });

  it('catches up `afterMs` after an append that left rows behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const log = await openLog({ summaryCatchUp: { afterEntries: 500, afterMs: 1000 } });
    await log.append(trail(2).slice(0, 3));
    vi.advanceTimersByTime(999);
    expect(state()).toMatchObject({ facts: 0, behind: 3 });
    await log.append(trail(2).slice(3, 5)); // a later append does not push the catch-up back
    vi.advanceTimersByTime(1);
    expect(state().behind).toBe(0);
    expect(state().facts).toBe(state().summarisable);
  });

  it('catches up at open (rows a stopped writer left behind) and at close', async () => {
    const entries = trail(3);
    const off = await openLog({ summaryCatchUp: 'off' });
    await off.append(entries.slice(0, 50));
    await off.close();
    expect(state()).toMatchObject({ facts: 0, behind: 50 });

    const log = await openLog();
    expect(state().behind).toBe(0);
    expect(state().facts).toBe(state().summarisable);
    await log.append(entries.slice(50, 60));
    expect(state().behind).toBe(10);
    await log.close();
    expect(state().behind).toBe(0);
    expect(state().facts).toBe(state().summarisable);
  });

  it('the dashboard catches up before it reads, with no writer catching up at all', async () => {
    const log = await openLog({ summaryCatchUp: 'off' });
    await log.append(trail(4));
    expect(state().facts).toBe(0);
    const db = openAnalytics();
    const board = await dashboard(db, EVERYTHING);
    expect(board.funnel.reduce((sum, p) => sum + p.started, 0)).toBeGreaterThan(10);
    expect(state().behind).toBe(0);
    await expectSameAsOracle(db);
  });

  it('summarises each row once: small transactions, two writers on one file, out-of-order entries', async () => {
    const entries = trail(5, 80);
    const first = await openLog({ summaryCatchUp: { afterEntries: 7, afterMs: 600_000 } });
    const second = await openLog({ summaryCatchUp: { afterEntries: 11, afterMs: 600_000 } });
    const third = openSqliteFile(path, 'a third writer');
    opened.push({ close: async () => void third.close() });
    const threeAtATime = sqliteSummaryCatchUp(third, 'audit_log', 3);
    for (
      let start = 0, size = 1, turn = 0;
      start < entries.length;
      start += size, size = (size * 5) % 13 || 1, turn++
    ) {
      await (turn % 2 === 0 ? first : second).append(entries.slice(start, start + size));
      if (turn % 5 === 0) threeAtATime.run();
    }
    expect(threeAtATime.run()).toBeGreaterThanOrEqual(0);
    const after = state();
    expect(after).toMatchObject({ behind: 0, facts: after.summarisable });
    await expectSameAsOracle(openAnalytics());
  });

  it('a failing catch-up never fails an append; the rows are summarised by the next one', async () => {
    const errors: Error[] = [];
    const log = await openLog({
      summaryCatchUp: { afterEntries: 5, afterMs: 600_000 },
      onError: (e) => {
        errors.push(e);
        throw e; // even a reporter that throws does not fail the committed append
      },
    });
    const entries = trail(6);
    const saboteur = new Database(path);
    // Every insert into the facts fails (as on a full disk) until the trigger is dropped.
    saboteur.exec(
      "CREATE TRIGGER sabotage BEFORE INSERT ON audit_log_facts BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    await expect(log.append(entries.slice(0, 20))).resolves.toBeUndefined();
    expect(errors.map((e) => e.message)).toEqual(['Could not bring the analytics summary up to date.']);
    saboteur.exec('DROP TRIGGER sabotage');
    saboteur.close();
    expect(state()).toMatchObject({ facts: 0, behind: 20 });
    await log.append(entries.slice(20, 30));
    expect(state().behind).toBe(0);
    expect(state().facts).toBe(state().summarisable);
    expect(errors).toHaveLength(1);
  });

  it('a row the retention purge removed before it was summarised never gets a fact; the numbers stay exact', async () => {
    const log = await openLog({ summaryCatchUp: { afterEntries: 100_000, afterMs: 600_000 } });
    const entries = trail(7, 60);
    await log.append(entries.slice(0, 200));
    const db = openAnalytics();
    await dashboard(db, EVERYTHING); // caught up: the first 200 have facts
    await log.append(entries.slice(200));
    expect(state().behind).toBe(entries.length - 200);
    expect(await log.purgeOlderThan(new Date('2026-11-02T07:31:00.000Z'))).toBeGreaterThan(0);
    await expectSameAsOracle(db);
    const after = state();
    expect(after).toMatchObject({ behind: 0, facts: after.summarisable });
  });
});
