/**
 * How far the Japanese public-holiday table reaches, and what the bot does past it.
 *
 * The table (`@holiday-jp/holiday_jp`) lists holidays up to a last year; official holidays are only fixed a year or
 * so ahead, so the package is updated as the Cabinet Office publishes them. Past its last year the bot cannot tell
 * a holiday from a working day. It then keeps counting Monday–Friday as weekdays — a closed desk never blocks a
 * procedure the customer can finish alone — but never states it as fact: every availability sentence for such a
 * day says holidays could not be taken into account, the start-up log warns, and `/healthz` reports it.
 *
 * Update path (docs/operations.md): `npm update @holiday-jp/holiday_jp` and redeploy; until then a known holiday can
 * be added to `BOT_CLOSURES`.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import type { Clock } from '../clock.js';
import { type TokyoDate, toTokyo } from './tokyo-time.js';

/** The last calendar year the given table lists holidays for (keys are `YYYY-MM-DD`). */
export function lastYearOf(table: Readonly<Record<string, unknown>>): number {
  let last = 0;
  for (const key of Object.keys(table)) last = Math.max(last, Number(key.slice(0, 4)));
  return last;
}

/** The last year of the installed holiday table (2050 in `@holiday-jp/holiday_jp` 2.5). */
export const HOLIDAY_TABLE_LAST_YEAR = lastYearOf(holidayJp.holidays);

/** Whether the holiday table covers `date`'s year, so "holiday or not" is known for it. */
export function holidaysKnownFor(date: TokyoDate, lastYear = HOLIDAY_TABLE_LAST_YEAR): boolean {
  return date.year <= lastYear;
}

/**
 * The table's state as of the Japan year `currentYear`: `ok`; `ending` in its last year (next year's holidays are
 * unknown, e.g. for "opens again on …" across New Year); `expired` once the current year is past it.
 */
export interface HolidayTableStatus {
  status: 'ok' | 'ending' | 'expired';
  coveredThrough: number;
  /** One line for operators, naming the update path; absent when `ok`. */
  warning?: string;
}

export function holidayTableStatus(
  currentYear: number,
  lastYear = HOLIDAY_TABLE_LAST_YEAR,
): HolidayTableStatus {
  const update =
    'run `npm update @holiday-jp/holiday_jp` and redeploy (meanwhile, add holidays to BOT_CLOSURES)';
  if (currentYear > lastYear) {
    return {
      status: 'expired',
      coveredThrough: lastYear,
      warning: `Japanese public holidays are known only through ${lastYear}; desk hours in ${currentYear} ignore holidays and say so: ${update}.`,
    };
  }
  if (currentYear === lastYear) {
    return {
      status: 'ending',
      coveredThrough: lastYear,
      warning: `Japanese public holidays are known only through ${lastYear}; from ${lastYear + 1} desk hours will ignore holidays: ${update}.`,
    };
  }
  return { status: 'ok', coveredThrough: lastYear };
}

/** What `/healthz` reports of the table as of `clock`'s Japan year: its status, and the warning if any. */
export function holidayNotices(clock: Clock): {
  holidays: Omit<HolidayTableStatus, 'warning'>;
  warnings: string[];
} {
  const { warning, ...holidays } = holidayTableStatus(toTokyo(clock.now()).year);
  return { holidays, warnings: warning ? [warning] : [] };
}
