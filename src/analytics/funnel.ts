/**
 * The funnel of every procedure with entries in the window (definitions in `queries.ts`): started, closures,
 * handoffs and steps summed from the daily counts; completed and contained from the facts of the completed ends;
 * runs left open from {@link openRunsByProcedure}.
 */
import type { AnalyticsDb, Row } from './db.js';
import type { AnalyticsFilters } from './filters.js';
import { openRunsByProcedure } from './open-runs.js';
import { countIf, counts, factsIn, num, rate } from './source.js';
import { Statement } from './sql.js';
import type { ProcedureFunnel } from './types.js';

const FUNNEL_KINDS = [
  'dialog-started',
  'dialog-ended',
  'handoff',
  'disclosure-shown',
  'acknowledged',
  'confirmed',
];

/**
 * Per procedure, the `completed` closures of procedure runs matching the filters: `completed` (an ok action of
 * the conversation at or before the end, in the window), `contained` (of those, no handoff of the conversation in
 * the window) and `unverified` (no such action). The conversation's actions and handoffs are not filtered. Each
 * end's fact holds its conversation's nearest ok action and handoffs (`src/audit-log/summary.ts`): there is an ok
 * action in [since, end] when the latest one at or before the end is at or after `since`, and a handoff in the
 * window when the latest one at or before the end is at or after `since` or the first one after it before `until`.
 */
async function completedByProcedure(db: AnalyticsDb, filters: AnalyticsFilters): Promise<Row[]> {
  const q = new Statement(db.dialect);
  // Built front to back: SQLite's `?` placeholders are positional.
  const verified = () => `ok_before IS NOT NULL AND ok_before >= ${q.instant(filters.since)}`;
  const select = `SELECT dialog_id, ${countIf(verified())} AS completed,
       ${countIf(`${verified()} AND NOT ((handoff_before IS NOT NULL AND handoff_before >= ${q.instant(filters.since)})
         OR (handoff_after IS NOT NULL AND handoff_after < ${q.instant(filters.until)}))`)} AS contained,
       ${countIf(`NOT (${verified()})`)} AS unverified`;
  return db.all(
    `${select} FROM ${db.summary.facts}
      WHERE ${factsIn(q, filters, ['dialog-ended'])} AND closure = 'completed' AND counted = 1
      GROUP BY dialog_id`,
    q.params,
  );
}

const empty = (dialogId: string): ProcedureFunnel => ({
  dialogId,
  started: 0,
  steps: [],
  completed: 0,
  resolved: 0,
  stopped: 0,
  abandoned: 0,
  endedHandoff: 0,
  failed: 0,
  unknown: 0,
  inProgress: 0,
  handoffLive: 0,
  handoffRequest: 0,
  contained: 0,
  containment: null,
  abandonmentRate: null,
});

const CLOSURES = {
  resolved: 'resolved',
  stopped: 'stopped',
  abandoned: 'abandoned',
  handoff: 'endedHandoff',
  failed: 'failed',
  unknown: 'unknown',
} as const;

/**
 * The funnel of every procedure with entries in the window, by procedure name. `openRuns`: the open runs when
 * already asked (the dashboard asks once for the funnel and the daily series).
 */
export async function funnel(
  db: AnalyticsDb,
  filters: AnalyticsFilters,
  openRuns: Promise<Row[]> = openRunsByProcedure(db, filters),
): Promise<ProcedureFunnel[]> {
  const byProcedure = new Map<string, ProcedureFunnel>();
  const get = (dialogId: string): ProcedureFunnel => {
    let entry = byProcedure.get(dialogId);
    if (!entry) {
      entry = empty(dialogId);
      byProcedure.set(dialogId, entry);
    }
    return entry;
  };

  const q = new Statement(db.dialect);
  const [countRows, doneRows, openRows] = await Promise.all([
    db.all(
      `SELECT dialog_id, kind, closure, handoff, node, ack, SUM(n) AS n
         FROM ${counts(q, db, filters, FUNNEL_KINDS)} c WHERE counted = 1
        GROUP BY dialog_id, kind, closure, handoff, node, ack`,
      q.params,
    ),
    completedByProcedure(db, filters),
    openRuns,
  ]);
  for (const row of countRows) {
    const entry = get(String(row.dialog_id));
    const n = num(row.n);
    if (row.kind === 'dialog-started') entry.started += n;
    else if (row.kind === 'dialog-ended') {
      // `completed` closures are counted by completedByProcedure (verified against an ok action).
      const field = Object.hasOwn(CLOSURES, String(row.closure))
        ? CLOSURES[row.closure as keyof typeof CLOSURES]
        : undefined;
      if (field !== undefined) entry[field] += n;
    } else if (row.kind === 'handoff') {
      if (row.handoff === 'live') entry.handoffLive += n;
      else if (row.handoff === 'request') entry.handoffRequest += n;
    } else if (row.node !== '') {
      const kind = row.kind === 'disclosure-shown' ? 'shown' : (row.kind as 'acknowledged' | 'confirmed');
      if (kind === 'acknowledged' && row.ack === '') continue;
      entry.steps.push({
        kind,
        node: String(row.node),
        ...(kind === 'acknowledged' ? { acknowledgement: String(row.ack) } : {}),
        count: n,
      });
    }
  }
  for (const row of doneRows) {
    const entry = get(String(row.dialog_id));
    entry.completed = num(row.completed);
    entry.contained = num(row.contained);
    entry.unknown += num(row.unverified);
  }
  for (const row of openRows) {
    const entry = get(String(row.dialog_id));
    entry.abandoned += num(row.abandoned);
    entry.inProgress += num(row.in_progress);
  }

  const order = { shown: 0, acknowledged: 1, confirmed: 2 } as const;
  // A dialog with no funnel entry (FAQ answers, satisfaction only) is not a procedure of the funnel.
  const result = [...byProcedure.values()]
    .filter(
      (p) =>
        p.started + p.steps.length + p.completed + p.unknown + p.handoffLive + p.handoffRequest > 0 ||
        p.resolved + p.stopped + p.abandoned + p.endedHandoff + p.failed + p.inProgress > 0,
    )
    .sort((a, b) => (a.dialogId < b.dialogId ? -1 : 1));
  for (const entry of result) {
    entry.containment = rate(entry.contained, entry.started);
    entry.abandonmentRate = rate(entry.abandoned, entry.started);
    entry.steps.sort(
      (a, b) =>
        (a.node < b.node ? -1 : a.node > b.node ? 1 : 0) ||
        order[a.kind] - order[b.kind] ||
        b.count - a.count ||
        ((a.acknowledgement ?? '') < (b.acknowledgement ?? '') ? -1 : 1),
    );
  }
  return result;
}
