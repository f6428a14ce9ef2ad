/**
 * When a person is available at a staffed desk, computed in Japan time whatever the machine's time zone.
 *
 * [interpretation] The source's 平日 (weekdays) = Monday–Friday, excluding Japanese public holidays (including
 * substitute and citizens' holidays, per `@holiday-jp/holiday_jp`) and the configured company closures. This is
 * the one place that rule lives.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { type Closure, isClosureDay } from './closures.js';
import type { StaffedDesk } from './desks.js';
import { addDays, isoDate, type TokyoDate, tokyoInstant, toTokyo, weekdayOf } from './tokyo-time.js';

/** How far ahead {@link nextOpening} looks before concluding the desk never opens (closures cover everything). */
const SEARCH_LIMIT_DAYS = 400;

/** Whether `date` (a Tokyo calendar day) is a Japanese public holiday. */
export function isPublicHoliday(date: TokyoDate): boolean {
  return Object.hasOwn(holidayJp.holidays, isoDate(date));
}

/** Whether desks work on `date`: Monday–Friday, not a public holiday, not a company closure. */
export function isBusinessDay(date: TokyoDate, closures: readonly Closure[]): boolean {
  const weekday = weekdayOf(date);
  if (weekday === 0 || weekday === 6) return false;
  return !isPublicHoliday(date) && !isClosureDay(date, closures);
}

/** Whether a person is available at `desk` at `instant`. Windows are half-open: 18:00 sharp is closed. */
export function isOpen(desk: StaffedDesk, instant: Date, closures: readonly Closure[]): boolean {
  const now = toTokyo(instant);
  if (!isBusinessDay(now, closures)) return false;
  return desk.windows.some((w) => w.start <= now.minuteOfDay && now.minuteOfDay < w.end);
}

/**
 * The next instant at or after `instant` at which a person is available: `instant` itself when the desk is open,
 * otherwise the start of the next window on a business day (crossing the lunch break, weekends, holidays,
 * closures and the turn of the year). Throws when no window opens within about a year, which only a closure list
 * covering every business day can cause.
 */
export function nextOpening(desk: StaffedDesk, instant: Date, closures: readonly Closure[]): Date {
  const today = toTokyo(instant);
  for (let offset = 0; offset <= SEARCH_LIMIT_DAYS; offset += 1) {
    const day = addDays(today, offset);
    if (!isBusinessDay(day, closures)) continue;
    for (const w of desk.windows) {
      const start = tokyoInstant(day, w.start);
      const end = tokyoInstant(day, w.end);
      if (instant.getTime() < end.getTime()) {
        return instant.getTime() > start.getTime() ? new Date(instant.getTime()) : start;
      }
    }
  }
  throw new Error(
    `Desk "${desk.id}" has no opening within ${SEARCH_LIMIT_DAYS} days of ${instant.toISOString()}: ` +
      'check the closure list (BOT_CLOSURES).',
  );
}
