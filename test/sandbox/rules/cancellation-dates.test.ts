import { describe, expect, it } from 'vitest';
import {
  effectiveDateFor,
  nextMonthEnd,
  thereforeDeadline,
  thereforeEarliestMonth,
  thereforeSelectableMonths,
} from '../../../src/sandbox/rules/cancellation-dates.js';

describe('nextMonthEnd (HOME, uniFLOW Online: 翌月末)', () => {
  it.each([
    ['2026-11-23', '2026-12-31'], // DOMAIN.md example
    ['2026-11-01', '2026-12-31'],
    ['2026-11-30', '2026-12-31'],
    ['2026-12-01', '2027-01-31'], // year end
    ['2026-12-31', '2027-01-31'],
    ['2027-01-31', '2027-02-28'], // short February
    ['2028-01-15', '2028-02-29'], // leap year
    ['2027-03-31', '2027-04-30'],
  ])('applied %s → effective %s', (appliedOn, expected) => {
    expect(nextMonthEnd(appliedOn)).toBe(expected);
    expect(effectiveDateFor('home', appliedOn)).toBe(expected);
    expect(effectiveDateFor('uniflow', appliedOn)).toBe(expected);
  });
});

describe('Therefore Online (35 days before the desired month)', () => {
  it('puts the deadline 35 days before the first day of the month', () => {
    expect(thereforeDeadline('2026-12')).toBe('2026-10-27');
    expect(thereforeDeadline('2027-01')).toBe('2026-11-27'); // across the year end
    expect(thereforeDeadline('2027-03')).toBe('2027-01-25'); // February has 28 days
    expect(thereforeDeadline('2028-03')).toBe('2028-01-26'); // leap February has 29
  });

  it('applied 2026-11-23: December has passed, January has not (DOMAIN.md example)', () => {
    expect(thereforeEarliestMonth('2026-11-23')).toBe('2027-01');
    expect(effectiveDateFor('therefore', '2026-11-23')).toBe('2027-01-31');
  });

  it('treats the deadline day itself as in time and the day after as too late', () => {
    expect(thereforeEarliestMonth('2026-11-27')).toBe('2027-01'); // exactly 35 days before 2027-01-01
    expect(thereforeEarliestMonth('2026-11-28')).toBe('2027-02'); // 34 days before
    expect(thereforeEarliestMonth('2028-01-26')).toBe('2028-03');
    expect(thereforeEarliestMonth('2028-01-27')).toBe('2028-04');
  });

  it('never lets the month of application or the next one through when too late', () => {
    expect(thereforeEarliestMonth('2026-10-27')).toBe('2026-12');
    expect(thereforeEarliestMonth('2026-10-28')).toBe('2027-01');
  });

  it('offers the earliest month and the 11 after it, ending on the month end', () => {
    const months = thereforeSelectableMonths('2026-11-23');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2027-01');
    expect(months.at(-1)).toBe('2027-12');
    expect(effectiveDateFor('therefore', '2026-11-23', '2028-02')).toBe('2028-02-29');
  });
});
