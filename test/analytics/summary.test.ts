/**
 * The summary tables (migration 3, `src/audit-log/summary.ts`) give exactly the raw-SQL answers (`raw-oracle.ts`,
 * the queries over the audit table itself), on SQLite and PostgreSQL, for a seeded random trail: part of it
 * written before migration 3 (the migration's fill; on SQLite another part at version 3, by its insert triggers,
 * before migration 4), the rest appended afterwards in shuffled batches (entries arriving out of order; on SQLite
 * summarised by the catch-up of migration 4), then a retention purge at an instant in the middle of a Tokyo day, then late entries
 * older than everything else. Windows start and end at Tokyo midnights, UTC midnights and odd instants, with
 * every filter and the idle limit.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsDb } from '../../src/analytics/db.js';
import { openPostgresAnalytics, openSqliteAnalytics } from '../../src/analytics/db.js';
import type { AnalyticsFilters } from '../../src/analytics/filters.js';
import { dashboard } from '../../src/analytics/queries.js';
import type { AuditEntry } from '../../src/audit-log/entry.js';
import { type AuditLog, COLUMNS, toRow } from '../../src/audit-log/log.js';
import { createPostgresAuditLog } from '../../src/audit-log/postgres.js';
import { MIGRATIONS } from '../../src/audit-log/postgres-migrations.js';
import { pgNames } from '../../src/audit-log/postgres-schema.js';
import { createSqliteAuditLog } from '../../src/audit-log/sqlite.js';
import { SQLITE_MIGRATIONS } from '../../src/audit-log/sqlite-migrations.js';
import { dropSchema, PG_URL, requirePostgres, uniqueSchema } from '../audit-log/support.js';
import { randomTrail, shuffled } from './random-trail.js';
import * as oracle from './raw-oracle.js';

const START = new Date('2026-11-01T00:00:00.000Z');
const trailOf = (tag: string): AuditEntry[] =>
  shuffled(randomTrail({ seed: 16, conversations: 500, start: START, days: 6, tag }), 61);
/** Late entries, older than the whole trail (and than the purge cutoff). */
const lateOf = (tag: string): AuditEntry[] =>
  randomTrail({ seed: 17, conversations: 40, start: new Date('2026-10-29T00:00:00.000Z'), days: 2, tag });

const EVERYTHING = {
  since: new Date('2026-10-20T00:00:00.000Z'),
  until: new Date('2026-11-20T00:00:00.000Z'),
};
const WINDOWS: Array<[string, Date, Date]> = [
  ['everything', EVERYTHING.since, EVERYTHING.until],
  ['UTC midnights', new Date('2026-11-02T00:00:00.000Z'), new Date('2026-11-05T00:00:00.000Z')],
  ['Tokyo midnights', new Date('2026-11-01T15:00:00.000Z'), new Date('2026-11-04T15:00:00.000Z')],
  ['odd instants', new Date('2026-11-02T13:17:05.123Z'), new Date('2026-11-05T02:00:00.001Z')],
  ['inside one Tokyo day', new Date('2026-11-03T16:00:00.000Z'), new Date('2026-11-03T20:30:00.000Z')],
  ['across one Tokyo midnight', new Date('2026-11-03T10:00:00.000Z'), new Date('2026-11-04T10:00:00.000Z')],
];
const VARIANTS: Array<[string, Partial<AnalyticsFilters>]> = [
  ['no filter', {}],
  ['channel web', { channel: 'web' }],
  ['procedure csps-cancel', { dialogId: 'csps-cancel' }],
  ['language en, slack', { language: 'en', channel: 'slack' }],
  ['idle limit', { idle: { now: new Date('2026-11-05T12:00:00.000Z'), limitMs: 6 * 3600_000 } }],
  [
    'idle limit, language en',
    { language: 'en', idle: { now: new Date('2026-11-04T00:00:00.000Z'), limitMs: 3600_000 } },
  ],
  [
    'idle limit, language ja, procedure',
    {
      language: 'ja',
      dialogId: 'miemasu-delete-one',
      idle: { now: new Date('2026-11-09T00:00:00.000Z'), limitMs: 1 },
    },
  ],
];

async function expectSameAsOracle(db: AnalyticsDb): Promise<void> {
  for (const [window, since, until] of WINDOWS) {
    for (const [variant, extra] of VARIANTS) {
      const filters: AnalyticsFilters = { since, until, ...extra };
      const expected = await oracle.dashboard(db, filters);
      expect(await dashboard(db, filters), `${window}, ${variant}`).toEqual(expected);
    }
  }
}

interface Store {
  log: AuditLog;
  db: AnalyticsDb;
  cleanup(): Promise<void>;
}

function equivalenceSuite(name: string, setup: (before: AuditEntry[], tag: string) => Promise<Store>): void {
  describe(`summary = raw SQL on ${name}`, () => {
    let store: Store;
    let trail: AuditEntry[];
    const tag = `summary-${name}-w-analytics`;
    beforeAll(async () => {
      trail = trailOf(tag);
      store = await setup(trail.slice(0, 600), tag);
    });
    afterAll(async () => {
      await store?.cleanup();
    });

    it('after migration 3 filled the summary from the rows already there', async () => {
      expect(trail.length).toBeGreaterThan(2000);
      const started = await dashboard(store.db, EVERYTHING);
      expect(started.funnel.reduce((sum, p) => sum + p.started, 0)).toBeGreaterThan(50);
      await expectSameAsOracle(store.db);
    });

    it('after the rest arrived out of order, in batches', async () => {
      const rest = trail.slice(600);
      for (let start = 0, size = 1; start < rest.length; start += size, size = (size * 7) % 97) {
        await store.log.append(rest.slice(start, start + size));
      }
      const board = await dashboard(store.db, EVERYTHING);
      expect(board.faq.topDeclined.length).toBeGreaterThan(0);
      expect(board.funnel.some((p) => p.contained > 0 && p.unknown > 0 && p.handoffLive > 0)).toBe(true);
      await expectSameAsOracle(store.db);
    });

    it('after a retention purge in the middle of a Tokyo day, and late entries older than everything', async () => {
      expect(await store.log.purgeOlderThan(new Date('2026-11-03T07:31:12.345Z'))).toBeGreaterThan(500);
      await expectSameAsOracle(store.db);
      await store.log.append(lateOf(tag));
      await expectSameAsOracle(store.db);
      expect(await store.log.purgeOlderThan(new Date('2026-11-30T00:00:00.000Z'))).toBeGreaterThan(0);
      const empty = await dashboard(store.db, EVERYTHING);
      expect(empty).toEqual({
        funnel: [],
        daily: [],
        satisfaction: { count: 0, skipped: 0, mean: null, distribution: [0, 0, 0, 0, 0] },
        faq: { answered: 0, declined: 0, escalated: 0, notHelpful: 0, topDeclined: [] },
        choices: { channels: [], procedures: [] },
      });
    });
  });
}

equivalenceSuite('SQLite', async (before, tag) => {
  const dir = await mkdtemp(join(tmpdir(), `summary-${tag}-`));
  const path = join(dir, 'audit.sqlite');
  // A file at version 2 with entries in it, as a bot before migration 3 left it; then migration 3 and more
  // entries summarised by its insert triggers, as a bot at version 3 left it; migration 4 at open.
  const raw = new Database(path);
  raw.exec(`CREATE TABLE audit_log_schema_version (
    version INTEGER PRIMARY KEY, summary TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const insert = (entries: AuditEntry[]) => {
    const statement = raw.prepare(
      `INSERT INTO audit_log (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
    );
    for (const entry of entries) statement.run(...toRow(entry));
  };
  for (const migration of SQLITE_MIGRATIONS.filter((m) => m.version <= 3)) {
    raw.exec(migration.sql('audit_log'));
    raw
      .prepare('INSERT INTO audit_log_schema_version VALUES (?, ?, ?)')
      .run(migration.version, migration.summary, START.toISOString());
    if (migration.version === 2) insert(before.slice(0, 400));
    if (migration.version === 3) insert(before.slice(400));
  }
  raw.close();
  // Caught up by the writer every 37 entries (and by the dashboard before each read): the rest of the trail
  // arrives in batches of other sizes, so catch-ups cut across batches and conversations.
  const log = await createSqliteAuditLog({ path, schema: 'migrate', summaryCatchUp: { afterEntries: 37 } });
  const db = openSqliteAnalytics(path);
  return {
    log,
    db,
    async cleanup() {
      await db.close();
      await log.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

if (await requirePostgres('summary on PostgreSQL')) {
  equivalenceSuite('PostgreSQL', async (before) => {
    const schema = uniqueSchema();
    const names = pgNames(schema, 'audit_log');
    // A schema at version 2 with entries in it, as `npm run db:migrate` before migration 3 left it.
    const pool = new pg.Pool({ connectionString: PG_URL, max: 1 });
    try {
      await pool.query(`CREATE SCHEMA ${names.schema}`);
      await pool.query(`CREATE TABLE ${names.versionTable} (
        version integer PRIMARY KEY, summary text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      for (const migration of MIGRATIONS.filter((m) => m.version <= 2)) {
        for (const statement of migration.statements(names)) await pool.query(statement);
        await pool.query(`INSERT INTO ${names.versionTable} (version, summary) VALUES ($1, $2)`, [
          migration.version,
          migration.summary,
        ]);
      }
      for (const entry of before) {
        await pool.query(
          `INSERT INTO ${names.table} (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
          toRow(entry),
        );
      }
    } finally {
      await pool.end();
    }
    const log = await createPostgresAuditLog({ connectionString: PG_URL, schema, migrate: true });
    const db = await openPostgresAnalytics({ connectionString: PG_URL, schema });
    return {
      log,
      db,
      async cleanup() {
        await db.close();
        await log.close();
        await dropSchema(schema);
      },
    };
  });
}
