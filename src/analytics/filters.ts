/**
 * What the dashboard may ask of the audit trail: a time window and optional channel, procedure and language.
 *
 * The window never reaches past the retention (`AUDIT_RETENTION_DAYS`): {@link clampToRetention} moves its start
 * forward to the purge cutoff, so a query answers the same before and after the next daily purge. Dates typed in
 * the dashboard are Asia/Tokyo calendar days (the customers' day): `from` is the start of that day, `to` the end
 * of that day (inclusive), both converted to UTC instants.
 */
import { retentionCutoff } from '../audit-log/retention.js';

export interface AnalyticsFilters {
  /** Entries at or after this instant. */
  since: Date;
  /** Entries strictly before this instant. */
  until: Date;
  channel?: string | undefined;
  /** A procedure: the entries' `dialogId`. */
  dialogId?: string | undefined;
  /** The entries' `what.language`. */
  language?: 'ja' | 'en' | undefined;
  /**
   * Runs left open (a procedure's `dialog-started` with no `dialog-ended`): one that started before `now` minus
   * `limitMs` (the conversation idle limit, CONVERSATION_IDLE_HOURS) counts as abandoned — the customer never came
   * back, so the engine never recorded the expiry — and one within it as in progress. Absent: open runs are
   * counted in neither.
   */
  idle?: { now: Date; limitMs: number } | undefined;
}

const DAY_MS = 24 * 3600_000;
const TOKYO_OFFSET_MS = 9 * 3600_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Channel and procedure names as the audit log stores them (bounded, no spaces or markup). */
const NAME = /^[A-Za-z0-9:_.-]{1,200}$/;

/** The UTC instant at which the Asia/Tokyo day `yyyy-mm-dd` begins; `undefined` when it is not a real date. */
export function tokyoDayStart(day: string): Date | undefined {
  if (!DATE.test(day)) return undefined;
  const utcMidnight = Date.parse(`${day}T00:00:00.000Z`);
  if (Number.isNaN(utcMidnight) || new Date(utcMidnight).toISOString().slice(0, 10) !== day) return undefined;
  return new Date(utcMidnight - TOKYO_OFFSET_MS);
}

/** The Asia/Tokyo calendar day of an instant, `yyyy-mm-dd`. */
export function tokyoDay(instant: Date): string {
  return new Date(instant.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

/** The window moved forward to the retention cutoff when it starts earlier (and never ending before it starts). */
export function clampToRetention(
  filters: AnalyticsFilters,
  now: Date,
  retentionDays: number,
): AnalyticsFilters {
  const cutoff = retentionCutoff(now, retentionDays);
  const since = new Date(Math.max(filters.since.getTime(), cutoff.getTime()));
  const until = new Date(Math.max(filters.until.getTime(), since.getTime()));
  return { ...filters, since, until };
}

export interface ParsedFilters {
  filters: AnalyticsFilters;
  /** The Tokyo days shown in the form (inclusive). */
  from: string;
  to: string;
}

/**
 * Filters from a query string (`from`, `to` as Tokyo days; `channel`, `procedure`, `language`). Missing or
 * malformed values fall back: the last 30 Tokyo days up to today, no other filter. Always clamped to retention.
 */
export function parseFilters(
  query: URLSearchParams,
  now: Date,
  retentionDays: number,
  idleLimitMs?: number,
): ParsedFilters {
  const today = tokyoDay(now);
  const defaultFrom = tokyoDay(new Date(now.getTime() - 29 * DAY_MS));
  let from = query.get('from') ?? '';
  let to = query.get('to') ?? '';
  if (!tokyoDayStart(from)) from = defaultFrom;
  if (!tokyoDayStart(to)) to = today;
  if (to < from) [from, to] = [to, from];
  const since = tokyoDayStart(from) as Date;
  const until = new Date((tokyoDayStart(to) as Date).getTime() + DAY_MS);
  const name = (key: string): string | undefined => {
    const value = query.get(key) ?? '';
    return NAME.test(value) ? value : undefined;
  };
  const language = query.get('language');
  const filters = clampToRetention(
    {
      since,
      until,
      channel: name('channel'),
      dialogId: name('procedure'),
      language: language === 'ja' || language === 'en' ? language : undefined,
      ...(idleLimitMs !== undefined ? { idle: { now, limitMs: idleLimitMs } } : {}),
    },
    now,
    retentionDays,
  );
  return { filters, from: tokyoDay(filters.since), to };
}
