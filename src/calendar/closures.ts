/**
 * Company closures: days on which a desk is shut although they are ordinary weekdays (e.g. the year-end break).
 *
 * The source documents name no closures; they are configuration, typically from an environment variable such as
 * `BOT_CLOSURES="12-29..01-03,2026-08-13..2026-08-15"`. Two forms, both inclusive:
 * - `MM-DD..MM-DD` repeats every year; when the end is before the start the range crosses New Year
 *   (`12-29..01-03` closes 29 Dec through 3 Jan).
 * - `YYYY-MM-DD..YYYY-MM-DD` is one explicit range.
 * A single day may be written without `..` (`12-31`, `2027-05-06`).
 */
import { isoDate, type TokyoDate } from './tokyo-time.js';

export type Closure =
  | { kind: 'annual'; from: MonthDay; to: MonthDay }
  /** `from` and `to` are `YYYY-MM-DD`; `from <= to`. */
  | { kind: 'dates'; from: string; to: string };

export interface MonthDay {
  month: number;
  day: number;
}

/** Thrown by {@link parseClosures}; the message names the bad entry and the accepted forms. */
export class ClosureParseError extends Error {
  override readonly name = 'ClosureParseError';
}

const ACCEPTED =
  'Use a comma-separated list of "MM-DD..MM-DD" (every year, e.g. 12-29..01-03) or ' +
  '"YYYY-MM-DD..YYYY-MM-DD" (one range, e.g. 2026-08-13..2026-08-15); a single day needs no "..".';
const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a closure list. Blank input and blank entries are allowed (no closures); anything else that is not a
 * valid date or range throws {@link ClosureParseError}. Both ends of a range must use the same form.
 */
export function parseClosures(text: string | undefined): Closure[] {
  if (text === undefined) return [];
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries.map(parseEntry);
}

function parseEntry(entry: string): Closure {
  const parts = entry.split('..').map((part) => part.trim());
  if (parts.length > 2) throw bad(entry, 'has more than one ".."');
  const first = parts[0] ?? '';
  const last = parts[1] ?? first;
  if (MONTH_DAY.test(first) && MONTH_DAY.test(last)) {
    return { kind: 'annual', from: parseMonthDay(entry, first), to: parseMonthDay(entry, last) };
  }
  if (FULL_DATE.test(first) && FULL_DATE.test(last)) {
    const from = parseFullDate(entry, first);
    const to = parseFullDate(entry, last);
    if (from > to) throw bad(entry, `ends (${to}) before it starts (${from})`);
    return { kind: 'dates', from, to };
  }
  throw bad(entry, 'is not a date or a range of dates of one form');
}

function parseMonthDay(entry: string, text: string): MonthDay {
  const match = MONTH_DAY.exec(text);
  const month = Number(match?.[1]);
  const day = Number(match?.[2]);
  // 2000 is a leap year, so 02-29 is accepted (it applies in leap years only).
  if (!isRealDate(2000, month, day)) throw bad(entry, `"${text}" is not a day of the year`);
  return { month, day };
}

function parseFullDate(entry: string, text: string): string {
  const match = FULL_DATE.exec(text);
  if (!isRealDate(Number(match?.[1]), Number(match?.[2]), Number(match?.[3]))) {
    throw bad(entry, `"${text}" is not a calendar date`);
  }
  return text;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function bad(entry: string, problem: string): ClosureParseError {
  return new ClosureParseError(`Closure "${entry}" ${problem}. ${ACCEPTED}`);
}

/** Whether the Tokyo calendar day `date` falls inside any of `closures`. */
export function isClosureDay(date: TokyoDate, closures: readonly Closure[]): boolean {
  const iso = isoDate(date);
  const monthDay = date.month * 100 + date.day;
  return closures.some((closure) => {
    if (closure.kind === 'dates') return closure.from <= iso && iso <= closure.to;
    const from = closure.from.month * 100 + closure.from.day;
    const to = closure.to.month * 100 + closure.to.day;
    return from <= to ? from <= monthDay && monthDay <= to : monthDay >= from || monthDay <= to;
  });
}
