/**
 * The analytics summary of the audit trail (migration 3 on both databases), so the dashboard reads small tables
 * instead of parsing a million JSON documents. On PostgreSQL it is maintained by triggers in the same transaction
 * as every insert into the audit table and every retention purge; on SQLite, from migration 4, it is built after
 * the append by a catch-up from a high-water mark (`summary-catch-up.ts`, {@link sqliteCatchUpStatements}), and
 * the purge's triggers keep it as before:
 *
 * - `<table>_facts`: one narrow row per entry the analytics count (`seq` = the audit row's), with the `what`
 *   fields they read already extracted, the step's procedure resolved (a sub-dialog's step counts for
 *   `what.procedure`), the Asia/Tokyo day, and `counted` = 0 for the start or end of a menu or sub-dialog run.
 *   Only kinds the analytics read, and only successful actions. The per-conversation numbers (completed,
 *   contained, open runs, handed-off conversations per day) are computed from it. A `completed` end also holds
 *   its conversation's latest ok action and latest handoff at or before it and its first handoff after it
 *   (`ok_before`, `handoff_before`, `handoff_after`), recomputed for the conversation whenever one of its actions,
 *   handoffs or completed ends is written or purged (entries arrive out of order): whether an end is verified and
 *   contained in a window is then a comparison of the end's own row with the window.
 * - `<table>_runs`: per conversation and procedure, its procedure runs' starts and ends, first and last instant,
 *   and whether they all share one channel and one language (`uniform`), recomputed for the conversation whenever
 *   one of its starts or ends is written or purged. A pair that is balanced, uniform and inside a window has no
 *   open run there under any filter: the open runs are counted over the other pairs' facts only.
 * - `<table>_daily`: the facts counted per Asia/Tokyo day and every dimension (`n`), without conversations:
 *   every count that is a plain sum over entries reads it for the whole days of a window.
 *
 * Absent values are `''` (and score `0`), never NULL, so a row's dimensions are its key on both databases (the
 * entry contract never writes an empty id, closure or node). Neither table holds a customer id, an actor id or
 * typed text other than the redacted declined FAQ question; the facts keep the conversation digest, which the
 * per-conversation numbers need. Deleting an audit row (only the retention purge can) deletes its fact and
 * subtracts it from the daily counts.
 */
export type SummaryDialect = 'sqlite' | 'postgres';

/** The audit kinds summarised (an `action` only with result `ok`). */
export const SUMMARY_KINDS = [
  'dialog-started',
  'dialog-ended',
  'handoff',
  'disclosure-shown',
  'acknowledged',
  'confirmed',
  'action',
  'satisfaction',
  'faq',
] as const;

/** The dimensions of a daily row (its key), in column order. */
export const DAILY_DIMENSIONS = [
  'day',
  'kind',
  'dialog_id',
  'channel',
  'language',
  'counted',
  'closure',
  'handoff',
  'node',
  'ack',
  'score',
  'outcome',
  'declined',
] as const;

/** The fact columns, in order. */
export const FACT_COLUMNS = [
  'seq',
  'at',
  'day',
  'kind',
  'channel',
  'conversation',
  'dialog_id',
  'language',
  'counted',
  'closure',
  'handoff',
  'node',
  'ack',
  'score',
  'outcome',
  'declined',
] as const;

const STEPS = `('disclosure-shown', 'acknowledged', 'confirmed')`;
const list = (values: readonly string[]): string => `(${values.map((v) => `'${v}'`).join(', ')})`;

/** The fact column expressions of an audit row (`r` = its prefix: `NEW.` in a SQLite trigger, else ''). */
function factExpressions(dialect: SummaryDialect, r: string): string[] {
  const what = (path: string): string => {
    if (dialect === 'sqlite') return `json_extract(${r}what, '$.${path}')`;
    const parts = path.split('.');
    const last = parts.pop() as string;
    return `${r}what${parts.map((p) => `->'${p}'`).join('')}->>'${last}'`;
  };
  const only = (kinds: string, path: string): string =>
    `CASE WHEN ${r}kind IN ${kinds} THEN COALESCE(${what(path)}, '') ELSE '' END`;
  const score =
    dialect === 'sqlite'
      ? `CASE WHEN ${r}kind = 'satisfaction' AND ${what('score')} IN (1, 2, 3, 4, 5) THEN CAST(${what('score')} AS INTEGER) ELSE 0 END`
      : `CASE WHEN ${r}kind = 'satisfaction' AND ${what('score')} IN ('1', '2', '3', '4', '5') THEN (${what('score')})::smallint ELSE 0 END`;
  return [
    `${r}seq`,
    `${r}at`,
    dialect === 'sqlite' ? `date(${r}at, '+9 hours')` : `(${r}at AT TIME ZONE 'Asia/Tokyo')::date`,
    `${r}kind`,
    `${r}channel`,
    `${r}conversation`,
    `CASE WHEN ${r}kind IN ${STEPS} THEN COALESCE(${what('procedure')}, ${r}dialog_id) ELSE ${r}dialog_id END`,
    `COALESCE(${what('language')}, '')`,
    `CASE WHEN ${r}kind IN ('dialog-started', 'dialog-ended') AND COALESCE(${what('run')}, 'procedure') <> 'procedure' THEN 0 ELSE 1 END`,
    only(`('dialog-ended')`, 'closure'),
    only(`('handoff')`, 'handoff'),
    only(STEPS, 'node'),
    only(`('acknowledged')`, 'acknowledgement.id'),
    score,
    only(`('satisfaction', 'faq')`, 'outcome'),
    only(`('faq')`, 'declined'),
  ];
}

/** Which audit rows have a fact (`r` as in {@link factExpressions}). */
const summarised = (r: string): string =>
  `${r}kind IN ${list(SUMMARY_KINDS)} AND (${r}kind <> 'action' OR ${r}result = 'ok')`;

/**
 * Recomputes `ok_before`, `handoff_before`, `handoff_after` of the completed ends of the conversations `affected`
 * (a subquery of conversations; every conversation when omitted).
 */
function recomputeNeighbours(facts: string, affected?: string, seq?: string): string {
  return `UPDATE ${facts} AS e SET ok_before = ${nearest(facts, 'MAX', 'action', '<=')},
      handoff_before = ${nearest(facts, 'MAX', 'handoff', '<=')}, handoff_after = ${nearest(facts, 'MIN', 'handoff', '>')}
    WHERE e.kind = 'dialog-ended' AND e.closure = 'completed'${affected ? ` AND e.conversation IN (${affected})` : ''}${seq ? ` AND e.seq = ${seq}` : ''}`;
}

/** The latest, earliest instant of a conversation's facts of `kind` at or before / after the end `e`. */
const nearest = (facts: string, fn: 'MAX' | 'MIN', kind: string, op: string): string =>
  `(SELECT ${fn}(x.at) FROM ${facts} x WHERE x.conversation = e.conversation AND x.kind = '${kind}' AND x.at ${op} e.at)`;

/**
 * SQLite, after an ok action `NEW` is summarised: `ok_before` of its conversation's completed ends at or after it
 * (the only neighbour an action changes, and only for those ends).
 */
function recomputeOkBefore(facts: string): string {
  return `UPDATE ${facts} AS e SET ok_before = ${nearest(facts, 'MAX', 'action', '<=')}
    WHERE e.conversation = NEW.conversation AND e.kind = 'dialog-ended' AND e.at >= NEW.at AND e.closure = 'completed'`;
}

/** The runs table's columns, and the rows for them of the counted run starts and ends matching `where`. */
const RUNS_COLUMNS = '(conversation, dialog_id, starts, ends, first_at, last_at, uniform)';
const runsOf = (facts: string, where: string): string =>
  `SELECT conversation, dialog_id, SUM(CASE WHEN kind = 'dialog-started' THEN 1 ELSE 0 END),
        SUM(CASE WHEN kind = 'dialog-ended' THEN 1 ELSE 0 END), MIN(at), MAX(at),
        CASE WHEN COUNT(DISTINCT channel) = 1 AND COUNT(DISTINCT language) = 1 THEN 1 ELSE 0 END
      FROM ${facts} WHERE kind IN ${RUN_KINDS} AND counted = 1${where} GROUP BY conversation, dialog_id`;

/**
 * SQLite, after a counted run start or end `NEW` is summarised: the runs row of its conversation and procedure
 * (the only one it changes), replaced by one computed as {@link recomputeRuns} does.
 */
function recomputeRunsPair(facts: string, runs: string): string {
  return `INSERT OR REPLACE INTO ${runs} ${RUNS_COLUMNS}
      ${runsOf(facts, ' AND conversation = NEW.conversation AND dialog_id = NEW.dialog_id')}`;
}

/** Recomputes the runs rows of the conversations `affected` (every conversation when omitted): two statements. */
function recomputeRuns(facts: string, runs: string, affected?: string): string[] {
  return [
    `DELETE FROM ${runs}${affected ? ` WHERE conversation IN (${affected})` : ''}`,
    `INSERT INTO ${runs} ${RUNS_COLUMNS} ${runsOf(facts, affected ? ` AND conversation IN (${affected})` : '')}`,
  ];
}

const RUN_KINDS = `('dialog-started', 'dialog-ended')`;

/** The kinds whose facts change a completed end's neighbours. */
const NEIGHBOUR_KINDS = `('action', 'handoff', 'dialog-ended')`;

/** A SQLite catch-up's rows: `seq` in (`@from`, `@to`]. */
const IN_RANGE = 'seq > @from AND seq <= @to';

/**
 * `INSERT INTO facts SELECT … FROM source` for the audit rows of `source` that have a fact; with `range`, only
 * those with `seq` in {@link IN_RANGE}.
 */
function insertFacts(dialect: SummaryDialect, facts: string, source: string, range?: 'range'): string {
  const only = range ? ` AND ${IN_RANGE}` : '';
  return `INSERT INTO ${facts} (${FACT_COLUMNS.join(', ')})
    SELECT ${factExpressions(dialect, '').join(', ')} FROM ${source} WHERE ${summarised('')}${only}`;
}

/** The triggers on the facts table that migration 4 (SQLite) replaces by {@link sqliteCatchUpStatements}. */
export const sqliteFactInsertTriggers = (table: string): string[] =>
  ['runs_add', 'neighbours_end', 'neighbours_action', 'neighbours_handoff', 'count'].map(
    (name) => `${table}_facts_${name}`,
  );

/**
 * SQLite, from migration 4 (`summary-catch-up.ts`): the statements, in order, that summarise the audit rows with
 * `seq` in (`@from`, `@to`] — their facts, then, once for the whole range as PostgreSQL's statement-level
 * trigger does, the daily counts they add, the runs rows of their conversations and procedures, and the
 * neighbours of their conversations' completed ends. (The delete-side triggers stay: the purge still uses them.)
 */
export function sqliteCatchUpStatements(table: string): string[] {
  const facts = `${table}_facts`;
  const added = (kinds: string, columns: string) =>
    `SELECT ${columns} FROM ${facts} WHERE ${IN_RANGE} AND kind IN ${kinds}`;
  return [
    insertFacts('sqlite', facts, table, 'range'),
    `INSERT INTO ${table}_daily (${dims}, n)
      SELECT ${dims}, COUNT(*) FROM ${facts} WHERE ${IN_RANGE} AND kind <> 'action' GROUP BY ${dims}
      ON CONFLICT (${dims}) DO UPDATE SET n = n + excluded.n`,
    `INSERT OR REPLACE INTO ${table}_runs ${RUNS_COLUMNS}
      ${runsOf(facts, ` AND (conversation, dialog_id) IN (${added(RUN_KINDS, 'conversation, dialog_id')} AND counted = 1)`)}`,
    recomputeNeighbours(facts, added(NEIGHBOUR_KINDS, 'conversation')),
  ];
}

const dims = DAILY_DIMENSIONS.join(', ');

/**
 * SQLite: the summary tables, filled from the rows already in the audit table, and the triggers that keep them.
 * Migration 2's index (kind, at) on the audit table served the dashboard, which reads the summary now: it is
 * dropped, one index fewer to write on every append (bench section `auditWrite`). Each trigger touches only the
 * rows its fact changes: the one runs row of its conversation and procedure, the one completed end it is.
 */
export function sqliteSummarySql(table: string): string {
  const facts = `${table}_facts`;
  const daily = `${table}_daily`;
  const runs = `${table}_runs`;
  const key = DAILY_DIMENSIONS.map((d) => `${d} = OLD.${d}`).join(' AND ');
  return `
    CREATE TABLE ${facts} (
      seq INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL, channel TEXT NOT NULL,
      conversation TEXT NOT NULL, dialog_id TEXT NOT NULL, language TEXT NOT NULL, counted INTEGER NOT NULL,
      closure TEXT NOT NULL, handoff TEXT NOT NULL, node TEXT NOT NULL, ack TEXT NOT NULL, score INTEGER NOT NULL,
      outcome TEXT NOT NULL, declined TEXT NOT NULL, ok_before TEXT, handoff_before TEXT, handoff_after TEXT);
    CREATE INDEX ${facts}_kind_at ON ${facts} (kind, at);
    CREATE INDEX ${facts}_conversation ON ${facts} (conversation, kind, at);
    CREATE TABLE ${runs} (
      conversation TEXT NOT NULL, dialog_id TEXT NOT NULL, starts INTEGER NOT NULL, ends INTEGER NOT NULL,
      first_at TEXT NOT NULL, last_at TEXT NOT NULL, uniform INTEGER NOT NULL, PRIMARY KEY (conversation, dialog_id))
      WITHOUT ROWID;
    CREATE TABLE ${daily} (
      day TEXT NOT NULL, kind TEXT NOT NULL, dialog_id TEXT NOT NULL, channel TEXT NOT NULL, language TEXT NOT NULL,
      counted INTEGER NOT NULL, closure TEXT NOT NULL, handoff TEXT NOT NULL, node TEXT NOT NULL, ack TEXT NOT NULL,
      score INTEGER NOT NULL, outcome TEXT NOT NULL, declined TEXT NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (${dims})) WITHOUT ROWID;
    ${insertFacts('sqlite', facts, table)};
    INSERT INTO ${daily} (${dims}, n)
      SELECT ${dims}, COUNT(*) FROM ${facts} WHERE kind <> 'action' GROUP BY ${dims};
    ${recomputeNeighbours(facts)};
    ${recomputeRuns(facts, runs).join('; ')};
    CREATE TRIGGER ${facts}_runs_add AFTER INSERT ON ${facts} WHEN NEW.kind IN ${RUN_KINDS} AND NEW.counted = 1
      BEGIN ${recomputeRunsPair(facts, runs)}; END;
    CREATE TRIGGER ${facts}_runs_remove AFTER DELETE ON ${facts} WHEN OLD.kind IN ${RUN_KINDS}
      BEGIN ${recomputeRuns(facts, runs, 'OLD.conversation').join('; ')}; END;
    CREATE TRIGGER ${facts}_neighbours_end AFTER INSERT ON ${facts}
      WHEN NEW.kind = 'dialog-ended' AND NEW.closure = 'completed'
      BEGIN ${recomputeNeighbours(facts, undefined, 'NEW.seq')}; END;
    CREATE TRIGGER ${facts}_neighbours_action AFTER INSERT ON ${facts} WHEN NEW.kind = 'action'
      BEGIN ${recomputeOkBefore(facts)}; END;
    CREATE TRIGGER ${facts}_neighbours_handoff AFTER INSERT ON ${facts} WHEN NEW.kind = 'handoff'
      BEGIN ${recomputeNeighbours(facts, 'NEW.conversation')}; END;
    CREATE TRIGGER ${facts}_neighbours_remove AFTER DELETE ON ${facts} WHEN OLD.kind IN ('action', 'handoff')
      BEGIN ${recomputeNeighbours(facts, 'OLD.conversation')}; END;
    CREATE TRIGGER ${table}_summary_add AFTER INSERT ON ${table} WHEN ${summarised('NEW.')}
      BEGIN
        INSERT INTO ${facts} (${FACT_COLUMNS.join(', ')}) VALUES (${factExpressions('sqlite', 'NEW.').join(', ')});
      END;
    CREATE TRIGGER ${table}_summary_remove AFTER DELETE ON ${table}
      BEGIN DELETE FROM ${facts} WHERE seq = OLD.seq; END;
    CREATE TRIGGER ${facts}_count AFTER INSERT ON ${facts} WHEN NEW.kind <> 'action'
      BEGIN
        INSERT INTO ${daily} (${dims}, n) VALUES (${DAILY_DIMENSIONS.map((d) => `NEW.${d}`).join(', ')}, 1)
          ON CONFLICT (${dims}) DO UPDATE SET n = n + 1;
      END;
    CREATE TRIGGER ${facts}_uncount AFTER DELETE ON ${facts} WHEN OLD.kind <> 'action'
      BEGIN
        UPDATE ${daily} SET n = n - 1 WHERE ${key};
        DELETE FROM ${daily} WHERE ${key} AND n <= 0;
      END;
    DROP INDEX IF EXISTS ${table}_kind_at;
  `;
}

/** PostgreSQL names of the summary objects (quoted; tables and functions schema-qualified). */
export interface PgSummaryNames {
  facts: string;
  factsKindAt: string;
  factsConversation: string;
  runs: string;
  daily: string;
  dailyKey: string;
  add: string;
  remove: string;
  addTrigger: string;
  removeTrigger: string;
}

/**
 * PostgreSQL: the summary tables, filled from the rows already in the audit table (which is locked against
 * appends meanwhile, so no row is missed between the fill and the triggers), and the statement-level triggers that
 * keep them (`SECURITY DEFINER`: the bot's role needs no privilege on the summary; the analytics' role needs
 * SELECT on both tables). The daily key holds `md5(declined)`, not the text (up to 2,000 characters).
 */
export function postgresSummaryStatements(table: string, s: PgSummaryNames): string[] {
  const dailyKey = DAILY_DIMENSIONS.map((d) => (d === 'declined' ? 'md5(declined)' : d)).join(', ');
  const matches = DAILY_DIMENSIONS.map((d) => `d.${d} = g.${d}`).join(' AND ');
  // One conversation at a time (`rows`: a transition table and condition): each UPDATE is planned on the
  // conversation index, whatever the statistics say.
  const neighboursOf = (facts: string, rows: string): string =>
    `FOR conv IN SELECT DISTINCT conversation FROM ${rows} LOOP ${recomputeNeighbours(facts, 'conv')}; END LOOP;`;
  const runsOf = (facts: string, runs: string, rows: string): string =>
    `FOR conv IN SELECT DISTINCT conversation FROM ${rows} LOOP ${recomputeRuns(facts, runs, 'conv').join('; ')}; END LOOP;`;
  // `enable_seqscan = off`: a conversation's facts are found through its index even while the table's statistics
  // still describe it as nearly empty (just after migration 3), which otherwise planned a scan of the whole table
  // per append (and plpgsql keeps the plan).
  const fn = (name: string, body: string): string => `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET enable_seqscan = off AS $fn$
      DECLARE conv text;
      BEGIN
        ${body}
        RETURN NULL;
      END $fn$`;
  return [
    `LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`,
    `CREATE TABLE IF NOT EXISTS ${s.facts} (
      seq bigint PRIMARY KEY, at timestamptz NOT NULL, day date NOT NULL, kind text NOT NULL, channel text NOT NULL,
      conversation text NOT NULL, dialog_id text NOT NULL, language text NOT NULL, counted smallint NOT NULL,
      closure text NOT NULL, handoff text NOT NULL, node text NOT NULL, ack text NOT NULL, score smallint NOT NULL,
      outcome text NOT NULL, declined text NOT NULL,
      ok_before timestamptz, handoff_before timestamptz, handoff_after timestamptz)`,
    `CREATE INDEX IF NOT EXISTS ${s.factsKindAt} ON ${s.facts} (kind, at)`,
    `CREATE INDEX IF NOT EXISTS ${s.factsConversation} ON ${s.facts} (conversation, kind, at)`,
    `CREATE TABLE IF NOT EXISTS ${s.runs} (
      conversation text NOT NULL, dialog_id text NOT NULL, starts integer NOT NULL, ends integer NOT NULL,
      first_at timestamptz NOT NULL, last_at timestamptz NOT NULL, uniform smallint NOT NULL,
      PRIMARY KEY (conversation, dialog_id))`,
    `CREATE TABLE IF NOT EXISTS ${s.daily} (
      day date NOT NULL, kind text NOT NULL, dialog_id text NOT NULL, channel text NOT NULL, language text NOT NULL,
      counted smallint NOT NULL, closure text NOT NULL, handoff text NOT NULL, node text NOT NULL, ack text NOT NULL,
      score smallint NOT NULL, outcome text NOT NULL, declined text NOT NULL, n bigint NOT NULL)`,
    `CREATE UNIQUE INDEX IF NOT EXISTS ${s.dailyKey} ON ${s.daily} (${dailyKey})`,
    `REVOKE ALL ON ${s.facts}, ${s.runs}, ${s.daily} FROM PUBLIC`,
    `TRUNCATE ${s.facts}, ${s.runs}, ${s.daily}`,
    insertFacts('postgres', s.facts, table),
    `INSERT INTO ${s.daily} (${dims}, n)
      SELECT ${dims}, COUNT(*) FROM ${s.facts} WHERE kind <> 'action' GROUP BY ${dims}`,
    `ANALYZE ${s.facts}`,
    recomputeNeighbours(s.facts),
    ...recomputeRuns(s.facts, s.runs),
    `ANALYZE ${s.runs}`,
    `ANALYZE ${s.daily}`,
    fn(
      s.add,
      `WITH added AS (${insertFacts('postgres', s.facts, 'new_rows')} RETURNING *)
        INSERT INTO ${s.daily} (${dims}, n)
          SELECT ${dims}, COUNT(*) FROM added WHERE kind <> 'action' GROUP BY ${dims} ORDER BY ${dims}
          ON CONFLICT (${dailyKey}) DO UPDATE SET n = ${s.daily}.n + EXCLUDED.n;
        ${neighboursOf(s.facts, `new_rows WHERE kind IN ${NEIGHBOUR_KINDS}`)}
        ${runsOf(s.facts, s.runs, `new_rows WHERE kind IN ${RUN_KINDS}`)}`,
    ),
    fn(
      s.remove,
      `WITH gone AS (DELETE FROM ${s.facts} f USING old_rows o WHERE f.seq = o.seq RETURNING f.*),
             g AS (SELECT ${dims}, COUNT(*) AS n FROM gone WHERE kind <> 'action' GROUP BY ${dims})
        UPDATE ${s.daily} d SET n = d.n - g.n FROM g WHERE ${matches};
        DELETE FROM ${s.daily} WHERE n <= 0;
        ${neighboursOf(s.facts, `old_rows WHERE kind IN ('action', 'handoff')`)}
        ${runsOf(s.facts, s.runs, `old_rows WHERE kind IN ${RUN_KINDS}`)}`,
    ),
    `CREATE OR REPLACE TRIGGER ${s.addTrigger} AFTER INSERT ON ${table}
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${s.add}()`,
    `CREATE OR REPLACE TRIGGER ${s.removeTrigger} AFTER DELETE ON ${table}
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${s.remove}()`,
  ];
}
