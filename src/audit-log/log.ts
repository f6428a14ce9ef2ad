/**
 * The audit log's storage contract, shared by the memory, SQLite and PostgreSQL implementations (one conformance
 * suite in `test/audit-log/` runs against all three).
 *
 * Append-only: there is no update and no delete, except {@link AuditLog.purgeOlderThan}, the retention purge. The
 * SQL implementations make the database itself refuse any other UPDATE or DELETE (triggers), so a bug or a
 * hand-written statement cannot rewrite history either.
 */
import { type AuditEntry, AuditEntrySchema } from './entry.js';

export interface AuditQuery {
  /** Only entries for this customer. */
  customerId?: string | undefined;
  /** Only entries at or after this instant. */
  since?: Date | undefined;
  /** Only entries strictly before this instant. */
  until?: Date | undefined;
  /** At most this many entries (1 … {@link MAX_QUERY_LIMIT}), the oldest first. */
  limit: number;
}

export const MAX_QUERY_LIMIT = 10_000;

export interface AuditLog {
  /**
   * Appends the entries, all or none. Each is validated first (a `ZodError` names the bad one, and nothing is
   * written). Entries are kept in the order given; entries of one instant are read back in append order.
   */
  append(entries: readonly AuditEntry[]): Promise<void>;
  /** Matching entries ordered by time, then by append order. */
  query(query: AuditQuery): Promise<AuditEntry[]>;
  /** Removes every entry strictly older than `cutoff`; answers how many. The only way anything is removed. */
  purgeOlderThan(cutoff: Date): Promise<number>;
  /** Releases connections. Calls after close fail with a sentence saying so; closing twice is harmless. */
  close(): Promise<void>;
}

/** Checks a query's bounds; throws a sentence naming what is wrong. */
export function checkQuery(query: AuditQuery): void {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_QUERY_LIMIT) {
    throw new RangeError(`The audit query limit must be an integer from 1 to ${MAX_QUERY_LIMIT}.`);
  }
  for (const [name, value] of [
    ['since', query.since],
    ['until', query.until],
  ] as const) {
    if (value !== undefined && Number.isNaN(value.getTime())) {
      throw new RangeError(`The audit query's ${name} is not a valid date.`);
    }
  }
}

export function checkCutoff(cutoff: Date): void {
  if (Number.isNaN(cutoff.getTime())) throw new RangeError('The purge cutoff is not a valid date.');
}

/** The columns both SQL implementations store, in this order. `what` is JSON text. */
export const COLUMNS = [
  'at',
  'kind',
  'actor_kind',
  'actor_id',
  'customer_id',
  'channel',
  'conversation',
  'dialog_id',
  'what',
  'result',
  'result_code',
  'receipt_id',
] as const;

/** An entry as column values (in {@link COLUMNS} order). */
export function toRow(entry: AuditEntry): Array<string | null> {
  return [
    entry.at,
    entry.kind,
    entry.actor.kind,
    entry.actor.id,
    entry.customerId ?? null,
    entry.channel,
    entry.conversation,
    entry.dialogId,
    JSON.stringify(entry.what),
    entry.result,
    entry.resultCode ?? null,
    entry.receiptId ?? null,
  ];
}

/** A stored row as an entry, validated again (a row that no longer fits the model fails loudly). */
export function fromRow(row: {
  at: string | Date;
  kind: string;
  actor_kind: string;
  actor_id: string;
  customer_id: string | null;
  channel: string;
  conversation: string;
  dialog_id: string;
  what: unknown;
  result: string;
  result_code: string | null;
  receipt_id: string | null;
}): AuditEntry {
  return AuditEntrySchema.parse({
    at: row.at instanceof Date ? row.at.toISOString() : row.at,
    kind: row.kind,
    actor: { kind: row.actor_kind, id: row.actor_id },
    ...(row.customer_id === null ? {} : { customerId: row.customer_id }),
    channel: row.channel,
    conversation: row.conversation,
    dialogId: row.dialog_id,
    what: typeof row.what === 'string' ? JSON.parse(row.what) : row.what,
    result: row.result,
    ...(row.result_code === null ? {} : { resultCode: row.result_code }),
    ...(row.receipt_id === null ? {} : { receiptId: row.receipt_id }),
  });
}

/** A SQL identifier we build statements from: lower-case letters, digits and underscores only. */
export function checkIdentifier(name: string, what: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`The audit log ${what} "${name}" must be lower-case letters, digits and underscores.`);
  }
  return name;
}
