/**
 * Wall-clock arithmetic in Japan time, independent of the machine's time zone.
 *
 * Japan has observed no daylight saving time since 1951, so Asia/Tokyo is a fixed UTC+09:00 offset: an instant
 * shifted by nine hours and read with the `getUTC*` accessors gives the Tokyo wall clock. Nothing here reads
 * `process.env.TZ` or the local-time accessors of `Date`.
 */

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date in Japan (month 1–12). */
export interface TokyoDate {
  year: number;
  month: number;
  day: number;
}

/** The Tokyo wall clock of one instant. `weekday` is 0 = Sunday … 6 = Saturday; `minuteOfDay` is 0–1439. */
export interface TokyoMoment extends TokyoDate {
  weekday: number;
  minuteOfDay: number;
}

/** Reads the Tokyo wall clock of `instant`. */
export function toTokyo(instant: Date): TokyoMoment {
  const shifted = new Date(instant.getTime() + TOKYO_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    minuteOfDay: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

/** The instant at `minuteOfDay` minutes after midnight (Tokyo) of `date`. Out-of-range days roll over. */
export function tokyoInstant(date: TokyoDate, minuteOfDay = 0): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay) - TOKYO_OFFSET_MS);
}

/** The Tokyo calendar date `days` days after `date` (negative goes back). */
export function addDays(date: TokyoDate, days: number): TokyoDate {
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

/** Day of week of a Tokyo calendar date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: TokyoDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** `YYYY-MM-DD`, the key format of the holiday table and of explicit closures. */
export function isoDate(date: TokyoDate): string {
  return `${date.year}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** `H:MM` for a minute of the day, e.g. 570 → `9:30`. */
export function formatMinute(minuteOfDay: number): string {
  return `${Math.floor(minuteOfDay / 60)}:${pad2(minuteOfDay % 60)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
