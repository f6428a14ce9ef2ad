/**
 * When a CSPS cancellation takes effect (DOMAIN.md §2b). Every date is a Japan calendar date.
 */
import type { ServiceKind } from '../model.js';
import { addDays, addMonths, compareDates, firstDayOf, lastDayOf, monthOf } from './calendar.js';

/** How many days before the desired month a Therefore Online application is due (DOMAIN.md §2b). */
export const THEREFORE_NOTICE_DAYS = 35;

/** How many months a Therefore Online customer can choose from, starting at the earliest. */
export const THEREFORE_SELECTABLE_MONTH_COUNT = 12;

/**
 * HOME and uniFLOW Online end at the end of the month following the month of application (翌月末), DOMAIN.md §2b.
 * Applied 2026-11-23 → 2026-12-31.
 */
export function nextMonthEnd(appliedOn: string): string {
  return lastDayOf(addMonths(monthOf(appliedOn), 1));
}

/**
 * [interpretation, DOMAIN.md §2b] "at least 35 days before the desired cancellation month": the last day to apply
 * for `month` is its first day minus 35 days (applying on that day is still in time). January 2027 → 2026-11-27.
 */
export function thereforeDeadline(month: string): string {
  return addDays(firstDayOf(month), -THEREFORE_NOTICE_DAYS);
}

/** The earliest month a Therefore Online application made on `appliedOn` can end in (its deadline not passed). */
export function thereforeEarliestMonth(appliedOn: string): string {
  let month = addMonths(monthOf(appliedOn), 1);
  while (compareDates(appliedOn, thereforeDeadline(month)) > 0) month = addMonths(month, 1);
  return month;
}

/** The months a Therefore Online customer may choose on `appliedOn`: the earliest and the 11 after it. */
export function thereforeSelectableMonths(appliedOn: string): string[] {
  const earliest = thereforeEarliestMonth(appliedOn);
  return Array.from({ length: THEREFORE_SELECTABLE_MONTH_COUNT }, (_, offset) => addMonths(earliest, offset));
}

/**
 * [interpretation, DOMAIN.md §2b] a Therefore Online contract ends on the last day of the desired month.
 */
export function thereforeEffectiveDate(desiredMonth: string): string {
  return lastDayOf(desiredMonth);
}

/**
 * The last day of service for a cancellation applied on `appliedOn`. `desiredMonth` is only meaningful for
 * Therefore Online (the caller checks it is selectable); other kinds end at {@link nextMonthEnd}.
 */
export function effectiveDateFor(kind: ServiceKind, appliedOn: string, desiredMonth?: string): string {
  if (kind === 'therefore') return thereforeEffectiveDate(desiredMonth ?? thereforeEarliestMonth(appliedOn));
  return nextMonthEnd(appliedOn);
}
