/**
 * The test oracle: the dashboard's numbers computed by SQL over the raw audit table (`what` parsed per entry), as
 * `src/analytics/` computed them before the summary tables (migration 3). `summary.test.ts` checks that the
 * summary gives the same answers. Definitions: `src/analytics/queries.ts`.
 */
import type { AnalyticsDb, Row } from '../../src/analytics/db.js';
import type { AnalyticsFilters } from '../../src/analytics/filters.js';
import type {
  Dashboard,
  DayPoint,
  FaqSummary,
  FilterChoices,
  ProcedureFunnel,
  Satisfaction,
} from '../../src/analytics/types.js';
import { Statement, WHAT_FIELD_KINDS, WHAT_FIELDS } from './raw-sql.js';

const rate = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

type Field = keyof typeof WHAT_FIELDS;

/**
 * Starts a statement with the two CTEs every query uses: `base` (the entries of `kinds` in the window — the
 * `(kind, at)` index of migration 2 serves it — with the `what` fields the query needs as columns, and the Tokyo
 * day when asked) and `scope` (`base` with the other filters). With `conversationFacts`, `scope` holds only the
 * entries matching its `of` condition, each with its conversation's first successful action (`first_ok`) and
 * whether the conversation has any handoff (`handed`), both over the whole window (not only the filtered
 * entries): one aggregate per conversation, hash-joined (an earlier self-join over a materialised CTE made PostgreSQL loop: 9 s on 50,000 entries).
 */
function withScope(
  db: AnalyticsDb,
  filters: AnalyticsFilters,
  kinds: readonly string[],
  needed: readonly Field[],
  options: { day?: boolean; conversationFacts?: { of: string } } = {},
): { q: Statement; head: string; filter: string } {
  const q = new Statement(db.dialect);
  const wanted = new Set<Field>(needed);
  if (filters.language !== undefined) wanted.add('language');
  // A sub-dialog's confirmation steps count for the procedure in progress (`what.procedure`), as its own dialog
  // otherwise (and for entries written before the field existed).
  const columns = [
    'kind',
    'channel',
    'conversation',
    `CASE WHEN kind IN ('disclosure-shown', 'acknowledged', 'confirmed')
       THEN COALESCE(${q.what('procedure')}, dialog_id) ELSE dialog_id END AS dialog_id`,
    'at',
    'result',
    ...(options.day ? [`${q.tokyoDay()} AS day`] : []),
    ...[...wanted].map((field) => {
      const only = WHAT_FIELD_KINDS[field];
      const read = q.what(WHAT_FIELDS[field]);
      return only === 'all'
        ? `${read} AS ${field}`
        : `CASE WHEN kind IN (${only.map((kind) => `'${kind}'`).join(', ')}) THEN ${read} END AS ${field}`;
    }),
  ];
  // Placeholders in the order they appear in the text (SQLite's `?` is positional).
  const kindList = kinds.map((kind) => q.param(kind)).join(', ');
  const since = q.instant(filters.since);
  const until = q.instant(filters.until);
  const where: string[] = [];
  if (filters.channel !== undefined) where.push(`channel = ${q.param(filters.channel)}`);
  if (filters.dialogId !== undefined) where.push(`dialog_id = ${q.param(filters.dialogId)}`);
  if (filters.language !== undefined) where.push(`language = ${q.param(filters.language)}`);
  const filter = where.length > 0 ? where.join(' AND ') : '1 = 1';
  const filtered = `SELECT * FROM base${where.length > 0 ? ` WHERE ${filter}` : ''}`;
  // NOT MATERIALIZED: `base` is read twice with conversation facts; each use is planned with the table's statistics.
  const head = `WITH base AS NOT MATERIALIZED (
      SELECT ${columns.join(', ')} FROM ${db.table}
       WHERE kind IN (${kindList}) AND at >= ${since} AND at < ${until}),
    scope AS NOT MATERIALIZED (${
      options.conversationFacts
        ? `SELECT s.*, f.first_ok, COALESCE(f.handed, 0) AS handed
             FROM (SELECT * FROM (${filtered}) t WHERE ${options.conversationFacts.of}) s
            LEFT JOIN (SELECT conversation,
                         MIN(CASE WHEN kind = 'action' AND result = 'ok' THEN at END) AS first_ok,
                         MAX(CASE WHEN kind = 'handoff' THEN 1 ELSE 0 END) AS handed
                       FROM base WHERE kind IN ('action', 'handoff') GROUP BY conversation) f
              ON f.conversation = s.conversation`
        : filtered
    })`;
  return { q, head, filter };
}

const count = (condition: string): string => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/** True for entries that are not a start or end of the menu or of a sub-dialog (needs the `run` column). */
const PROCEDURE_RUN = `(kind NOT IN ('dialog-started', 'dialog-ended') OR run IS NULL OR run = 'procedure')`;

/**
 * Per procedure and Asia/Tokyo day of the latest start, runs with no `dialog-ended`: per conversation and
 * procedure, starts minus ends. The open run is the latest start; it is abandoned when that start is before
 * `idle.now − idle.limitMs`, else in progress (any further unmatched starts are abandoned: a later start means the
 * customer left the earlier one). The daily series counts them on that day.
 */
async function openRunsByProcedure(db: AnalyticsDb, filters: AnalyticsFilters): Promise<Row[]> {
  const idle = filters.idle;
  if (!idle) return [];
  const { q, head } = withScope(db, filters, ['dialog-started', 'dialog-ended'], ['run']);
  // Called once per use: SQLite's `?` placeholders are positional.
  const cutoff = () => q.instant(new Date(idle.now.getTime() - idle.limitMs));
  return db.all(
    `${head}
     SELECT dialog_id, ${q.dayText(q.tokyoDay('last_start'))} AS day,
       SUM(CASE WHEN last_start < ${cutoff()} THEN open ELSE open - 1 END) AS abandoned,
       SUM(CASE WHEN last_start < ${cutoff()} THEN 0 ELSE 1 END) AS in_progress
     FROM (SELECT conversation, dialog_id,
                  ${count(`kind = 'dialog-started'`)} - ${count(`kind = 'dialog-ended'`)} AS open,
                  MAX(CASE WHEN kind = 'dialog-started' THEN at END) AS last_start
             FROM scope WHERE ${PROCEDURE_RUN} GROUP BY conversation, dialog_id) r
     WHERE open > 0 GROUP BY dialog_id, ${q.tokyoDay('last_start')}`,
    q.params,
  );
}

/**
 * Per procedure, the `completed` closures matching the filters: `completed` (an ok action of the conversation at or
 * before the end), `contained` (of those, no handoff in the conversation) and `unverified` (no such action). The
 * conversation facts are taken over the whole window, unfiltered.
 *
 * PostgreSQL: one aggregate per conversation over its ends, actions and handoffs — first ok action, any handoff,
 * and the filtered completed ends collected in an array — then the ends unnested and compared: one scan, no join
 * (the join of the ends to a per-conversation aggregate cost twice as much on 1,000,000 entries). SQLite has no
 * array aggregate: there, the ends are joined to the per-conversation aggregate (same numbers).
 */
async function completedByProcedure(db: AnalyticsDb, filters: AnalyticsFilters): Promise<Row[]> {
  const verified = 'first_ok IS NOT NULL AND first_ok <= at';
  const completedEnd = `kind = 'dialog-ended' AND closure = 'completed' AND ${PROCEDURE_RUN}`;
  if (db.dialect === 'postgres') {
    const { q, head, filter } = withScope(
      db,
      filters,
      ['dialog-ended', 'action', 'handoff'],
      ['closure', 'run'],
    );
    return db.all(
      `${head}
       SELECT e.dialog_id, COUNT(*) FILTER (WHERE c.first_ok <= e.at) AS completed,
         COUNT(*) FILTER (WHERE c.first_ok <= e.at AND NOT c.handed) AS contained,
         COUNT(*) FILTER (WHERE c.first_ok IS NULL OR c.first_ok > e.at) AS unverified
       FROM (SELECT MIN(at) FILTER (WHERE kind = 'action' AND result = 'ok') AS first_ok,
                    bool_or(kind = 'handoff') AS handed,
                    array_agg(ROW(dialog_id, at)) FILTER (WHERE ${completedEnd} AND ${filter}) AS ends
               FROM base WHERE (kind = 'action' AND result = 'ok') OR kind = 'handoff' OR (${completedEnd})
              GROUP BY conversation) c,
            unnest(c.ends) AS e(dialog_id text, at timestamptz)
       GROUP BY e.dialog_id`,
      q.params,
    );
  }
  const { q, head } = withScope(db, filters, ['dialog-ended', 'action', 'handoff'], ['closure', 'run'], {
    conversationFacts: { of: completedEnd },
  });
  return db.all(
    `${head}
     SELECT dialog_id, ${count(verified)} AS completed, ${count(`${verified} AND handed = 0`)} AS contained,
       ${count(`NOT (${verified})`)} AS unverified
     FROM scope GROUP BY dialog_id`,
    q.params,
  );
}

/** The funnel of every procedure with entries in the window, by procedure name. */
export async function funnel(db: AnalyticsDb, filters: AnalyticsFilters): Promise<ProcedureFunnel[]> {
  const byProcedure = new Map<string, ProcedureFunnel>();
  const get = (dialogId: string): ProcedureFunnel => {
    let entry = byProcedure.get(dialogId);
    if (!entry) {
      entry = {
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
      };
      byProcedure.set(dialogId, entry);
    }
    return entry;
  };

  // Started, closures, handoffs and steps in one pass over the window (one row per distinct combination, a few
  // dozen in all); completed and contained apart, both statements side by side.
  const counts = withScope(
    db,
    filters,
    ['dialog-started', 'dialog-ended', 'handoff', 'disclosure-shown', 'acknowledged', 'confirmed'],
    ['closure', 'handoff', 'node', 'ack', 'run'],
  );
  const [countRows, doneRows, openRows] = await Promise.all([
    db.all(
      `${counts.head}
       SELECT dialog_id, kind, closure, handoff, node, ack, COUNT(*) AS n FROM scope WHERE ${PROCEDURE_RUN}
        GROUP BY dialog_id, kind, closure, handoff, node, ack`,
      counts.q.params,
    ),
    completedByProcedure(db, filters),
    openRunsByProcedure(db, filters),
  ]);
  const closures = {
    resolved: 'resolved',
    stopped: 'stopped',
    abandoned: 'abandoned',
    handoff: 'endedHandoff',
    failed: 'failed',
    unknown: 'unknown',
  } as const;
  for (const row of countRows) {
    const entry = get(String(row.dialog_id));
    const n = num(row.n);
    if (row.kind === 'dialog-started') entry.started += n;
    else if (row.kind === 'dialog-ended') {
      // `completed` closures are counted by completedByProcedure (verified against an ok action).
      const field = Object.hasOwn(closures, String(row.closure))
        ? closures[row.closure as keyof typeof closures]
        : undefined;
      if (field !== undefined) entry[field] += n;
    } else if (row.kind === 'handoff') {
      if (row.handoff === 'live') entry.handoffLive += n;
      else if (row.handoff === 'request') entry.handoffRequest += n;
    } else if (row.node !== null && row.node !== undefined) {
      const kind = row.kind === 'disclosure-shown' ? 'shown' : (row.kind as 'acknowledged' | 'confirmed');
      if (kind === 'acknowledged' && (row.ack === null || row.ack === undefined)) continue;
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

/**
 * Started, handed-off conversations and abandoned runs per Asia/Tokyo day, oldest first (days with entries);
 * abandoned includes runs never ended past the idle limit (`filters.idle`), on the day they started.
 */
export async function daily(db: AnalyticsDb, filters: AnalyticsFilters): Promise<DayPoint[]> {
  const { q, head } = withScope(
    db,
    filters,
    ['dialog-started', 'dialog-ended', 'handoff'],
    ['closure', 'handoff', 'run'],
    {
      day: true,
    },
  );
  // Runs per day in one aggregate; handed-off conversations per day apart (DISTINCT over handoff entries only).
  const rows = await db.all(
    `${head}
     SELECT ${q.dayText('COALESCE(d.day, h.day)')} AS day, COALESCE(d.started, 0) AS started,
       COALESCE(h.handed_off, 0) AS handed_off, COALESCE(d.abandoned, 0) AS abandoned
     FROM (SELECT day, ${count(`kind = 'dialog-started'`)} AS started,
                  ${count(`kind = 'dialog-ended' AND closure = 'abandoned'`)} AS abandoned
             FROM scope WHERE kind IN ('dialog-started', 'dialog-ended') AND ${PROCEDURE_RUN} GROUP BY day) d
     FULL JOIN (SELECT day, COUNT(*) AS handed_off
                  FROM (SELECT DISTINCT day, conversation FROM scope
                         WHERE kind = 'handoff' AND handoff IN ('live', 'request')) x
                 GROUP BY day) h ON h.day = d.day
     ORDER BY 1`,
    q.params,
  );
  // Runs never ended, abandoned past the idle limit: on the day they (last) started.
  const open = new Map<string, number>();
  for (const row of await openRunsByProcedure(db, filters)) {
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

export async function satisfaction(db: AnalyticsDb, filters: AnalyticsFilters): Promise<Satisfaction> {
  const { q, head } = withScope(db, filters, ['satisfaction'], ['score', 'outcome']);
  const rows = await db.all(
    `${head}
     SELECT score, outcome, COUNT(*) AS n FROM scope WHERE kind = 'satisfaction' GROUP BY score, outcome`,
    q.params,
  );
  const summary: Satisfaction = { count: 0, skipped: 0, mean: null, distribution: [0, 0, 0, 0, 0] };
  let sum = 0;
  for (const row of rows) {
    const n = num(row.n);
    const score = row.score === null || row.score === undefined ? undefined : Number(row.score);
    if (score !== undefined && Number.isInteger(score) && score >= 1 && score <= 5) {
      summary.distribution[score - 1] = (summary.distribution[score - 1] ?? 0) + n;
      summary.count += n;
      sum += score * n;
    } else if (row.outcome === 'skipped') summary.skipped += n;
  }
  if (summary.count > 0) summary.mean = Math.round((sum / summary.count) * 100) / 100;
  return summary;
}

/**
 * FAQ outcomes and the most declined questions. A question appears in the top list only when it was declined at
 * least `minCount` times (default 2): a question asked once may describe one customer, and the list is an
 * aggregate.
 */
export async function faq(
  db: AnalyticsDb,
  filters: AnalyticsFilters,
  options: { top?: number; minCount?: number } = {},
): Promise<FaqSummary> {
  const outcomes = withScope(db, filters, ['faq'], ['outcome']);
  const summary: FaqSummary = { answered: 0, declined: 0, escalated: 0, notHelpful: 0, topDeclined: [] };
  for (const row of await db.all(
    `${outcomes.head} SELECT outcome, COUNT(*) AS n FROM scope WHERE kind = 'faq' GROUP BY outcome`,
    outcomes.q.params,
  )) {
    const n = num(row.n);
    if (row.outcome === 'answered') summary.answered += n;
    else if (row.outcome === 'declined') summary.declined += n;
    else if (row.outcome === 'escalated') summary.escalated += n;
    else if (row.outcome === 'not-helpful') summary.notHelpful += n;
  }
  const top = withScope(db, filters, ['faq'], ['outcome', 'declined']);
  const rows = await db.all(
    `${top.head}
     SELECT TRIM(declined) AS question, COUNT(*) AS n FROM scope
      WHERE kind = 'faq' AND outcome = 'declined' AND declined IS NOT NULL AND TRIM(declined) <> ''
      GROUP BY TRIM(declined) HAVING COUNT(*) >= ${top.q.param(options.minCount ?? 2)}
      ORDER BY n DESC, question LIMIT ${top.q.param(options.top ?? 10)}`,
    top.q.params,
  );
  summary.topDeclined = rows.map((row) => ({ question: String(row.question), count: num(row.n) }));
  return summary;
}

/** The channels and procedures seen in the window (for the filter menus). */
export async function choices(db: AnalyticsDb, filters: AnalyticsFilters): Promise<FilterChoices> {
  const { q, head } = withScope(
    db,
    { since: filters.since, until: filters.until },
    ['dialog-started', 'faq'],
    ['run'],
  );
  const rows = await db.all(
    `${head} SELECT DISTINCT channel AS c,
       CASE WHEN kind = 'dialog-started' AND (run IS NULL OR run = 'procedure') THEN dialog_id END AS p FROM base`,
    q.params,
  );
  const pick = (k: 'c' | 'p') =>
    [
      ...new Set(
        rows
          .map((row) => row[k])
          .filter((v) => v !== null && v !== undefined)
          .map(String),
      ),
    ].sort();
  return { channels: pick('c'), procedures: pick('p') };
}

/** Everything the dashboard shows; the queries run side by side (PostgreSQL: as many as the pool allows). */
export async function dashboard(db: AnalyticsDb, filters: AnalyticsFilters): Promise<Dashboard> {
  const [f, d, s, q, c] = await Promise.all([
    funnel(db, filters),
    daily(db, filters),
    satisfaction(db, filters),
    faq(db, filters),
    choices(db, filters),
  ]);
  return { funnel: f, daily: d, satisfaction: s, faq: q, choices: c };
}
