/**
 * Started runs, handed-off conversations and abandoned runs per Asia/Tokyo day, oldest first (days with entries),
 * with the handoff and abandonment rates; abandoned includes runs never ended past the idle limit
 * (`filters.idle`), on the day they (last) started.
 */
import type { AnalyticsDb, Row } from './db.js';
import type { AnalyticsFilters } from './filters.js';
import { openRunsByProcedure } from './open-runs.js';
import { counts, factsIn, num, rate } from './source.js';
import { Statement } from './sql.js';
import type { DayPoint } from './types.js';

/** `openRuns`: as for `funnel`. */
export async function daily(
  db: AnalyticsDb,
  filters: AnalyticsFilters,
  openRuns: Promise<Row[]> = openRunsByProcedure(db, filters),
): Promise<DayPoint[]> {
  const q = new Statement(db.dialect);
  // Runs per day summed from the counts; handed-off conversations per day from the facts (DISTINCT over the
  // handoff entries only).
  const runs = counts(q, db, filters, ['dialog-started', 'dialog-ended']);
  const handoffs = factsIn(q, filters, ['handoff']);
  const [rows, openRows] = await Promise.all([
    db.all(
      `SELECT ${q.dayText('COALESCE(d.day, h.day)')} AS day, COALESCE(d.started, 0) AS started,
         COALESCE(h.handed_off, 0) AS handed_off, COALESCE(d.abandoned, 0) AS abandoned
       FROM (SELECT day, SUM(CASE WHEN kind = 'dialog-started' THEN n ELSE 0 END) AS started,
                    SUM(CASE WHEN kind = 'dialog-ended' AND closure = 'abandoned' THEN n ELSE 0 END) AS abandoned
               FROM ${runs} r WHERE counted = 1 GROUP BY day) d
       FULL JOIN (SELECT day, COUNT(*) AS handed_off
                    FROM (SELECT DISTINCT day, conversation FROM ${db.summary.facts}
                           WHERE ${handoffs} AND handoff IN ('live', 'request')) x
                   GROUP BY day) h ON h.day = d.day
       ORDER BY 1`,
      q.params,
    ),
    openRuns,
  ]);
  const open = new Map<string, number>();
  for (const row of openRows) {
    const day = String(row.day);
    open.set(day, (open.get(day) ?? 0) + num(row.abandoned));
  }
  return rows.map((row: Row) => {
    const started = num(row.started);
    const handedOff = num(row.handed_off);
    const abandoned = num(row.abandoned) + (open.get(String(row.day)) ?? 0);
    return {
      day: String(row.day),
      started,
      handedOff,
      abandoned,
      handoffRate: rate(handedOff, started),
      abandonmentRate: rate(abandoned, started),
    };
  });
}
