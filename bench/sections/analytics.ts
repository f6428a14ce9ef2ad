/**
 * `analytics` (opt-in: `--only analytics`, or `--analytics` beside the others): the dashboard's queries on a
 * PostgreSQL audit table of `entries` synthetic entries (1,000,000 in a full run, 50,000 with `--quick`), created
 * by the real migrations in a schema of its own and dropped at the end. Rows go in by multi-row INSERT through
 * `unnest` of column arrays (10,000 rows a statement), then ANALYZE. Each query is timed 5 times over the whole
 * 90-day window and over 30 days of one channel; the median is reported. Target: < 1 s each.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Pool } from 'pg';
import { openPostgresAnalytics } from '../../src/analytics/db.js';
import type { AnalyticsFilters } from '../../src/analytics/filters.js';
import { choices, daily, dashboard, faq, funnel, satisfaction } from '../../src/analytics/queries.js';
import { COLUMNS } from '../../src/audit-log/log.js';
import { createPostgresAuditLog } from '../../src/audit-log/postgres.js';
import { pgNames } from '../../src/audit-log/postgres-schema.js';
import { generateRows } from '../analytics/generate.js';
import { median, round } from '../lib/stats.js';

export const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A pool of `max` connections to {@link PG_URL} for a section's own set-up and clean-up, or why the section is
 * skipped (PostgreSQL unreachable; the pool is then ended).
 */
export async function benchAdminPool(max: number): Promise<Pool | { skipped: string }> {
  const admin = new Pool({ connectionString: PG_URL, max, connectionTimeoutMillis: 3000 });
  admin.on('error', () => undefined);
  try {
    await admin.query('SELECT 1');
    return admin;
  } catch (error) {
    await admin.end().catch(() => undefined);
    return { skipped: `PostgreSQL unreachable (${error instanceof Error ? error.message : String(error)})` };
  }
}

export interface AnalyticsQueryTiming {
  query: string;
  window: string;
  medianMs: number;
  maxMs: number;
}

export type AnalyticsSection =
  | {
      date: string;
      entries: number;
      insertSeconds: number;
      tableMiB: number;
      runs: number;
      timings: AnalyticsQueryTiming[];
      /** 1-minute load average before and after the timed queries (2 cores: above 2 means CPU competition). */
      load: [number, number];
    }
  | { skipped: string };

const TYPES = [
  'timestamptz',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'jsonb',
  'text',
  'text',
  'text',
];

export async function runAnalyticsSection(options: {
  entries: number;
  runs: number;
  log: (line: string) => void;
}): Promise<AnalyticsSection> {
  const admin = await benchAdminPool(2);
  if ('skipped' in admin) return admin;
  const schema = `bench_analytics_${randomBytes(4).toString('hex')}`;
  const end = new Date('2026-12-06T00:00:00.000Z');
  try {
    const log = await createPostgresAuditLog({ connectionString: PG_URL, schema, migrate: true });
    await log.close();
    const table = pgNames(schema, 'audit_log').table;
    const insert = `INSERT INTO ${table} (${COLUMNS.join(', ')}) SELECT * FROM unnest(${TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
    const t0 = Date.now();
    let written = 0;
    for (const batch of generateRows(options.entries, { days: 90, end, batch: 10_000 })) {
      const columns = COLUMNS.map((_, c) => batch.map((row) => row[c] ?? null));
      await admin.query(insert, columns);
      written += batch.length;
      if (written % 200_000 === 0) options.log(`  analytics: ${written} entries written`);
    }
    await admin.query(`ANALYZE ${table}`);
    // The summary tables the dashboard reads (migration 3), kept by triggers as the rows went in.
    const { summary } = pgNames(schema, 'audit_log');
    await admin.query(`ANALYZE ${summary.facts}`);
    await admin.query(`ANALYZE ${summary.daily}`);
    const insertSeconds = round((Date.now() - t0) / 1000);
    const size = await admin.query<{ bytes: string }>(`SELECT pg_total_relation_size('${table}') AS bytes`);
    const tableMiB = round(Number(size.rows[0]?.bytes ?? 0) / 1024 / 1024);
    options.log(`  analytics: ${written} entries in ${insertSeconds} s (${tableMiB} MiB with indexes)`);

    const db = await openPostgresAnalytics({ connectionString: PG_URL, schema });
    const windows: Array<[string, AnalyticsFilters]> = [
      ['30 days (the default), no filter', { since: new Date(end.getTime() - 30 * 86_400_000), until: end }],
      ['90 days (all), no filter', { since: new Date(end.getTime() - 90 * 86_400_000), until: end }],
      [
        '30 days, channel web',
        { since: new Date(end.getTime() - 30 * 86_400_000), until: end, channel: 'web' },
      ],
    ];
    const queries: Array<[string, (f: AnalyticsFilters) => Promise<unknown>]> = [
      ['funnel', (f) => funnel(db, f)],
      ['daily', (f) => daily(db, f)],
      ['satisfaction', (f) => satisfaction(db, f)],
      ['faq', (f) => faq(db, f)],
      ['choices', (f) => choices(db, f)],
      ['whole dashboard', (f) => dashboard(db, f)],
    ];
    const timings: AnalyticsQueryTiming[] = [];
    const loadBefore = round(loadavg()[0] ?? 0);
    try {
      for (const [window, filters] of windows) {
        for (const [query, run] of queries) {
          await run(filters); // warm-up
          const times: number[] = [];
          for (let i = 0; i < options.runs; i++) {
            const start = process.hrtime.bigint();
            await run(filters);
            times.push(Number(process.hrtime.bigint() - start) / 1e6);
          }
          timings.push({ query, window, medianMs: round(median(times)), maxMs: round(Math.max(...times)) });
          options.log(`  analytics: ${query} (${window}) median ${round(median(times))} ms`);
        }
      }
    } finally {
      await db.close();
    }
    return {
      date: new Date().toISOString().slice(0, 10),
      entries: written,
      insertSeconds,
      tableMiB,
      runs: options.runs,
      timings,
      load: [loadBefore, round(loadavg()[0] ?? 0)],
    };
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await admin.end();
  }
}
