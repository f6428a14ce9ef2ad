/**
 * Where every query reads: the summary of the audit trail (`src/audit-log/summary.ts`), never the audit table.
 *
 * - {@link counts}: entries counted per dimension (`n`), for sums over entries. A window is cut into the whole
 *   Asia/Tokyo days it covers, read from the daily counts, and the parts of a day at either end (a window starts
 *   and ends at any instant: the retention cutoff, a caller's UTC midnight), read from the facts one row per
 *   entry (`n` = 1). Both parts have the same columns, so each query is one statement over their union.
 * - {@link factsIn}: the facts of some kinds in the window, for the numbers that depend on a conversation (an ok
 *   action before an end, any handoff, runs left open, handed-off conversations per day).
 *
 * Absent values are `''` (score `0`) in both tables.
 */
import type { AnalyticsDb } from './db.js';
import type { AnalyticsFilters } from './filters.js';
import { tokyoDay, tokyoDayStart } from './filters.js';
import type { Statement } from './sql.js';

const DAY_MS = 24 * 3600_000;

export const rate = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
/** `count(condition)` as a sum of 0/1 (the same on both databases). */
export const countIf = (condition: string): string => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/** The whole Asia/Tokyo days of a window (`from` inclusive, `to` exclusive) and the instants left at its ends. */
export interface WindowParts {
  days?: { from: string; to: string };
  edges: Array<{ since: Date; until: Date }>;
}

const startOf = (day: string): Date => tokyoDayStart(day) as Date;

export function windowParts(since: Date, until: Date): WindowParts {
  if (until <= since) return { edges: [] };
  const sinceDay = tokyoDay(since);
  const from =
    startOf(sinceDay).getTime() === since.getTime()
      ? sinceDay
      : tokyoDay(new Date(startOf(sinceDay).getTime() + DAY_MS));
  const to = tokyoDay(until);
  if (from >= to) return { edges: [{ since, until }] };
  const edges: WindowParts['edges'] = [];
  if (since < startOf(from)) edges.push({ since, until: startOf(from) });
  if (startOf(to) < until) edges.push({ since: startOf(to), until });
  return { days: { from, to }, edges };
}

/** The filter conditions on a summary table's `channel`, `dialog_id`, `language` (placeholders appended). */
export function filterConditions(q: Statement, filters: AnalyticsFilters): string[] {
  const where: string[] = [];
  if (filters.channel !== undefined) where.push(`channel = ${q.param(filters.channel)}`);
  if (filters.dialogId !== undefined) where.push(`dialog_id = ${q.param(filters.dialogId)}`);
  if (filters.language !== undefined) where.push(`language = ${q.param(filters.language)}`);
  return where;
}

const kindList = (q: Statement, kinds: readonly string[]): string =>
  `kind IN (${kinds.map((kind) => q.param(kind)).join(', ')})`;

const COLUMNS =
  'day, kind, dialog_id, channel, language, counted, closure, handoff, node, ack, score, outcome, declined';

/**
 * A subquery: the entries of `kinds` in the window matching the filters, counted per dimension (`n`), with the
 * columns of the daily table. With `unfiltered`, only the window applies.
 */
export function counts(
  q: Statement,
  db: AnalyticsDb,
  filters: AnalyticsFilters,
  kinds: readonly string[],
  options: { unfiltered?: boolean } = {},
): string {
  const parts = windowParts(filters.since, filters.until);
  const selected: string[] = [];
  const where = (conditions: string[]): string =>
    [...conditions, ...(options.unfiltered ? [] : filterConditions(q, filters))].join(' AND ');
  if (parts.days) {
    const days = [kindList(q, kinds), `day >= ${q.day(parts.days.from)}`, `day < ${q.day(parts.days.to)}`];
    selected.push(`SELECT ${COLUMNS}, n FROM ${db.summary.daily} WHERE ${where(days)}`);
  }
  for (const edge of parts.edges) {
    const instants = [kindList(q, kinds), `at >= ${q.instant(edge.since)}`, `at < ${q.instant(edge.until)}`];
    selected.push(`SELECT ${COLUMNS}, 1 AS n FROM ${db.summary.facts} WHERE ${where(instants)}`);
  }
  if (selected.length === 0) selected.push(`SELECT ${COLUMNS}, n FROM ${db.summary.daily} WHERE 1 = 0`);
  return `(${selected.join(' UNION ALL ')})`;
}

/** The conditions selecting the facts of `kinds` in the window (and the filters unless `unfiltered`). */
export function factsIn(
  q: Statement,
  filters: AnalyticsFilters,
  kinds: readonly string[],
  options: { unfiltered?: boolean } = {},
): string {
  return [
    kindList(q, kinds),
    `at >= ${q.instant(filters.since)}`,
    `at < ${q.instant(filters.until)}`,
    ...(options.unfiltered ? [] : filterConditions(q, filters)),
  ].join(' AND ');
}
