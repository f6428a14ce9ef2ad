/**
 * Runs never ended: per procedure and Asia/Tokyo day of the latest start, per conversation and procedure, starts
 * minus ends in the window (procedure runs only). The open run is the latest start; it is abandoned when that
 * start is before `idle.now − idle.limitMs`, else in progress (any further unmatched starts are abandoned: a later
 * start means the customer left the earlier one). Without `filters.idle`, none are counted.
 */
import type { AnalyticsDb, Row } from './db.js';
import type { AnalyticsFilters } from './filters.js';
import { countIf, factsIn } from './source.js';
import { Statement } from './sql.js';

export async function openRunsByProcedure(db: AnalyticsDb, filters: AnalyticsFilters): Promise<Row[]> {
  const idle = filters.idle;
  if (!idle) return [];
  const q = new Statement(db.dialect);
  // Built front to back: SQLite's `?` placeholders are positional.
  const cutoff = () => q.instant(new Date(idle.now.getTime() - idle.limitMs));
  const select = `SELECT dialog_id, ${q.dayText('last_day')} AS day,
       SUM(CASE WHEN last_start < ${cutoff()} THEN open ELSE open - 1 END) AS abandoned,
       SUM(CASE WHEN last_start < ${cutoff()} THEN 0 ELSE 1 END) AS in_progress`;
  // Only pairs that can have an open run in the window under any filter (the others: balanced, one channel and
  // language, inside the window).
  const since = () => q.instant(filters.since);
  const until = () => q.instant(filters.until);
  const candidates = `SELECT conversation AS pair_conversation, dialog_id AS pair_dialog FROM ${db.summary.runs}
      WHERE last_at >= ${since()} AND first_at < ${until()}
        AND (starts <> ends OR uniform = 0 OR first_at < ${since()} OR last_at >= ${until()})`;
  const where = factsIn(q, filters, ['dialog-started', 'dialog-ended']);
  return db.all(
    `${select}
     FROM (SELECT f.conversation, f.dialog_id,
                  ${countIf(`f.kind = 'dialog-started'`)} - ${countIf(`f.kind = 'dialog-ended'`)} AS open,
                  MAX(CASE WHEN f.kind = 'dialog-started' THEN f.at END) AS last_start,
                  MAX(CASE WHEN f.kind = 'dialog-started' THEN f.day END) AS last_day
             FROM (${candidates}) c
             JOIN ${db.summary.facts} f ON f.conversation = c.pair_conversation AND f.dialog_id = c.pair_dialog
            WHERE ${where} AND f.counted = 1 GROUP BY f.conversation, f.dialog_id) r
     WHERE open > 0 GROUP BY dialog_id, last_day`,
    q.params,
  );
}
