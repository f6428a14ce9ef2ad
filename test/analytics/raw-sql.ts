/**
 * The statement builder of the raw-SQL oracle (`raw-oracle.ts`: the analytics as they were computed from the audit
 * table itself before the summary tables, kept as the test oracle). The two SQL dialects the analytics run on, behind one small statement builder: the audit table's `what` column
 * is JSON text in SQLite (`json_extract`) and `jsonb` in PostgreSQL (`->>`); `at` is ISO-8601 text in SQLite and
 * `timestamptz` in PostgreSQL. Parameters are appended in the order they appear in the statement text (SQLite's
 * `?` is positional), so a statement is always built front to back.
 *
 * The customers' day is Asia/Tokyo (UTC+9 all year: Japan has no daylight saving time), so a day bucket is the
 * UTC instant plus nine hours, cut to its date, on both databases.
 */
import { Statement as SummaryStatement } from '../../src/analytics/sql.js';

/**
 * The kinds whose entries carry each field: the field is read (the JSON parsed) only for those, the costliest
 * part of these queries on PostgreSQL (`language` is read for every kind: it is a filter).
 */
export const WHAT_FIELD_KINDS: Record<keyof typeof WHAT_FIELDS, readonly string[] | 'all'> = {
  closure: ['dialog-ended'],
  run: ['dialog-started', 'dialog-ended'],
  node: ['disclosure-shown', 'acknowledged', 'confirmed'],
  ack: ['acknowledged'],
  handoff: ['handoff'],
  score: ['satisfaction'],
  outcome: ['satisfaction', 'faq'],
  declined: ['faq'],
  language: 'all',
};

/** The `what` fields the analytics read, by the column name they get in the `scope` CTE. */
export const WHAT_FIELDS = {
  closure: 'closure',
  run: 'run',
  node: 'node',
  ack: 'acknowledgement.id',
  handoff: 'handoff',
  score: 'score',
  outcome: 'outcome',
  declined: 'declined',
  language: 'language',
} as const;

/** The product's statement builder (placeholders, instants, day text) plus what reading the audit table needs. */
export class Statement extends SummaryStatement {
  /** A `what` field (dotted path) as SQL text; numbers stay numbers (`score`). */
  what(path: string): string {
    if (this.dialect === 'sqlite') return `json_extract(what, '$.${path}')`;
    const parts = path.split('.');
    const last = parts.pop() as string;
    const prefix = parts.map((part) => `->'${part}'`).join('');
    const text = `what${prefix}->>'${last}'`;
    return path === 'score' ? `(${text})::int` : text;
  }

  /** The Asia/Tokyo calendar day of `at`: `YYYY-MM-DD` text in SQLite, a `date` in PostgreSQL (see {@link dayText}). */
  tokyoDay(column = 'at'): string {
    return this.dialect === 'sqlite'
      ? `date(${column}, '+9 hours')`
      : `(${column} AT TIME ZONE 'Asia/Tokyo')::date`;
  }
}
