/**
 * SQLite, from migration 4: the analytics summary (`summary.ts`) is built after the append, not inside it. An
 * append writes only the audit row; a catch-up later summarises every audit row above a high-water mark
 * (`<table>_summary_mark`, one row: the highest `seq` already summarised) in one transaction per
 * {@link ROWS_PER_CATCH_UP} rows, and moves the mark. What the facts table's insert triggers did row by row (daily
 * counts, runs, neighbours of completed ends) is done once per transaction for all its rows
 * (`sqliteCatchUpStatements`); migration 4 drops those triggers. The delete-side triggers stay for the purge.
 *
 * Why a mark is exact on SQLite: every write is a `BEGIN IMMEDIATE` transaction (one writer at a time, across
 * processes), and `seq` is `AUTOINCREMENT` (never reused, assigned in commit order), so no row can commit below
 * the mark after it moved. The catch-up reads the mark inside its own immediate transaction: two processes
 * catching up at once summarise each row once. A row the retention purge removed before it was summarised simply
 * never gets a fact.
 *
 * Who catches up: the audit log's writer (at open, after enough appended entries, shortly after the last append,
 * at close: `sqlite.ts`), and the dashboard before every read (`src/analytics/db.ts`), so what it shows is never
 * behind the trail, whichever process wrote it.
 */
import type { SqliteDatabase } from '../storage/sqlite-file.js';
import { sqliteCatchUpStatements, sqliteFactInsertTriggers } from './summary.js';

/** Audit rows summarised per transaction: bounds how long one catch-up holds the write lock. */
export const ROWS_PER_CATCH_UP = 2000;

export const summaryMarkTable = (table: string): string => `${table}_summary_mark`;

/** Migration 4's statements: the summary's insert trigger gives way to the mark (every row so far is summarised). */
export function sqliteDeferredSummarySql(table: string): string {
  const mark = summaryMarkTable(table);
  const triggers = [`${table}_summary_add`, ...sqliteFactInsertTriggers(table)];
  return `
    ${triggers.map((trigger) => `DROP TRIGGER IF EXISTS ${trigger};`).join('\n    ')}
    CREATE TABLE ${mark} (seq INTEGER NOT NULL);
    INSERT INTO ${mark} (seq) SELECT COALESCE(MAX(seq), 0) FROM ${table};
  `;
}

/** One row, `behind` = 1 when some audit row is above the mark (a read any connection may run). */
export const summaryBehindSql = (table: string): string =>
  `SELECT EXISTS (SELECT 1 FROM ${table} WHERE seq > (SELECT seq FROM ${summaryMarkTable(table)})) AS behind`;

export interface SummaryCatchUp {
  /** Summarises every audit row above the mark; answers how many audit rows it passed (summarised or not). */
  run(): number;
}

/** The catch-up of the audit table `table` (a checked identifier) in `db`, a writable connection. */
export function sqliteSummaryCatchUp(
  db: SqliteDatabase,
  table: string,
  rowsPerTransaction = ROWS_PER_CATCH_UP,
): SummaryCatchUp {
  const mark = summaryMarkTable(table);
  const window = db.prepare<[number], { from: number; to: number | null; rows: number }>(
    `SELECT m.seq AS "from", MAX(a.seq) AS "to", COUNT(a.seq) AS rows FROM ${mark} m
       LEFT JOIN (SELECT seq FROM ${table} WHERE seq > (SELECT seq FROM ${mark}) ORDER BY seq LIMIT ?) a`,
  );
  const summarise = sqliteCatchUpStatements(table).map((sql) =>
    db.prepare<{ from: number; to: number }>(sql),
  );
  const move = db.prepare<[number]>(`UPDATE ${mark} SET seq = ?`);
  const step = db.transaction((): number => {
    const found = window.get(rowsPerTransaction);
    if (!found || found.to === null) return 0;
    for (const statement of summarise) statement.run({ from: found.from, to: found.to });
    move.run(found.to);
    return found.rows;
  });
  return {
    run() {
      let passed = 0;
      for (let rows = step.immediate(); rows > 0; rows = step.immediate()) passed += rows;
      return passed;
    },
  };
}
