/**
 * The funnel of every procedure with entries in the window (definitions in `queries.ts`): started, closures,
 * handoffs and steps summed from the daily counts; completed and contained from the facts of each conversation;
 * runs left open from {@link openRunsByProcedure}.
 */
import type { AnalyticsDb, Row } from './db.js';
import type { AnalyticsFilters } from './filters.js';
import { openRunsByProcedure } from './open-runs.js';
import { counts, factsIn, filterConditions, num, rate } from './source.js';
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
 * the window) and `unverified` (no such action). The conversation's actions and handoffs are not filtered.
 *
 * PostgreSQL: one aggregate per conversation — first ok action, any handoff, and the filtered completed ends
 * collected in an array — then the ends unnested and compared: one scan, no join. SQLite has no array
 * aggregate: there, the ends are joined to the per-conversation aggregate (same numbers).
 */
async function completedByProcedure(db: AnalyticsDb, filters: AnalyticsFilters): Promise<Row[]> {
  const q = new Statement(db.dialect);
  const completedEnd = `kind = 'dialog-ended' AND closure = 'completed' AND counted = 1`;
  if (db.dialect === 'postgres') {
    const window = factsIn(q, filters, ['dialog-ended', 'action', 'handoff'], { unfiltered: true });
    const filter = ['TRUE', ...filterConditions(q, filters)].join(' AND ');
    return db.all(
      `SELECT e.dialog_id, COUNT(*) FILTER (WHERE c.first_ok <= e.at) AS completed,
         COUNT(*) FILTER (WHERE c.first_ok <= e.at AND NOT c.handed) AS contained,
         COUNT(*) FILTER (WHERE c.first_ok IS NULL OR c.first_ok > e.at) AS unverified
       FROM (SELECT MIN(at) FILTER (WHERE kind = 'action') AS first_ok, bool_or(kind = 'handoff') AS handed,
                    array_agg(ROW(dialog_id, at)) FILTER (WHERE ${completedEnd} AND ${filter}) AS ends
               FROM ${db.summary.facts}
              WHERE ${window} AND (kind <> 'dialog-ended' OR (${completedEnd}))
              GROUP BY conversation) c,
            unnest(c.ends) AS e(dialog_id text, at timestamptz)
       GROUP BY e.dialog_id`,
      q.params,
    );
  }
  const verified = 'f.first_ok IS NOT NULL AND f.first_ok <= e.at';
  const ends = factsIn(q, filters, ['dialog-ended']);
  const facts = factsIn(q, filters, ['action', 'handoff'], { unfiltered: true });
  return db.all(
    `SELECT e.dialog_id, SUM(CASE WHEN ${verified} THEN 1 ELSE 0 END) AS completed,
       SUM(CASE WHEN ${verified} AND COALESCE(f.handed, 0) = 0 THEN 1 ELSE 0 END) AS contained,
       SUM(CASE WHEN ${verified} THEN 0 ELSE 1 END) AS unverified
     FROM (SELECT conversation, dialog_id, at FROM ${db.summary.facts} WHERE ${ends} AND ${completedEnd}) e
     LEFT JOIN (SELECT conversation, MIN(CASE WHEN kind = 'action' THEN at END) AS first_ok,
                       MAX(CASE WHEN kind = 'handoff' THEN 1 ELSE 0 END) AS handed
                  FROM ${db.summary.facts} WHERE ${facts} GROUP BY conversation) f
       ON f.conversation = e.conversation
     GROUP BY e.dialog_id`,
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
