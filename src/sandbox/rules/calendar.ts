/**
 * Calendar arithmetic on plain Japan dates (`YYYY-MM-DD`) and months (`YYYY-MM`). No time zones, no local time:
 * day arithmetic is done on UTC midnights, which have no daylight-saving gaps.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Parses `YYYY-MM-DD`; throws on anything that is not a real calendar date (e.g. `2027-02-29`). */
export function parseDate(value: string): CalendarDate {
  const match = DATE_PATTERN.exec(value);
  if (!match) throw new Error(`Expected a date YYYY-MM-DD, got "${value}".`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`"${value}" is not a calendar date.`);
  }
  return { year, month, day };
}

/** Parses `YYYY-MM` into a month index (year × 12 + month − 1); throws on malformed input. */
export function parseMonth(value: string): number {
  const match = MONTH_PATTERN.exec(value);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new Error(`Expected a month YYYY-MM, got "${value}".`);
  return Number(match[1]) * 12 + month - 1;
}

export function isDate(value: string): boolean {
  try {
    parseDate(value);
    return true;
  } catch {
    return false;
  }
}

export function isMonth(value: string): boolean {
  try {
    parseMonth(value);
    return true;
  } catch {
    return false;
  }
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

export function formatDate({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Formats a month index (see {@link parseMonth}) as `YYYY-MM`. */
export function formatMonth(index: number): string {
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** The month (`YYYY-MM`) a date falls in. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** `month` shifted by `count` months (negative allowed). */
export function addMonths(month: string, count: number): string {
  return formatMonth(parseMonth(month) + count);
}

/** Whole months from `from` to `to` (both `YYYY-MM`): 0 for the same month, negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
  return parseMonth(to) - parseMonth(from);
}

export function firstDayOf(month: string): string {
  return `${month}-01`;
}

export function lastDayOf(month: string): string {
  const index = parseMonth(month);
  const year = Math.floor(index / 12);
  const monthNumber = (index % 12) + 1;
  return formatDate({ year, month: monthNumber, day: daysInMonth(year, monthNumber) });
}

/** `date` shifted by `days` calendar days (negative allowed). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return formatDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** Negative, zero or positive as `a` is before, equal to or after `b` (valid dates compare as strings). */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
