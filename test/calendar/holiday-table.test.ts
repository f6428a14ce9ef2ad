import holidayJp from '@holiday-jp/holiday_jp';
import { describe, expect, it } from 'vitest';
import { describeAvailability } from '../../src/calendar/describe.js';
import { getDesk } from '../../src/calendar/desks.js';
import {
  HOLIDAY_TABLE_LAST_YEAR,
  holidaysKnownFor,
  holidayTableStatus,
  lastYearOf,
} from '../../src/calendar/holiday-table.js';

describe('the holiday table and its last year', () => {
  it('reads the last year from the table itself', () => {
    expect(lastYearOf({ '2030-01-01': 'x', '2031-11-23': 'y', '2029-05-05': 'z' })).toBe(2031);
    expect(HOLIDAY_TABLE_LAST_YEAR).toBe(lastYearOf(holidayJp.holidays));
    expect(Object.keys(holidayJp.holidays).some((key) => key.startsWith(`${HOLIDAY_TABLE_LAST_YEAR}-`))).toBe(
      true,
    );
  });

  it('is ok before its last year, ending in it, expired after it — with the update path named', () => {
    expect(holidayTableStatus(2049, 2050)).toEqual({ status: 'ok', coveredThrough: 2050 });
    const ending = holidayTableStatus(2050, 2050);
    expect(ending.status).toBe('ending');
    expect(ending.warning).toContain('from 2051');
    const expired = holidayTableStatus(2051, 2050);
    expect(expired.status).toBe('expired');
    expect(expired.warning).toContain('npm update @holiday-jp/holiday_jp');
    expect(expired.warning).toContain('BOT_CLOSURES');
  });

  it('knows holidays only for years the table covers', () => {
    expect(holidaysKnownFor({ year: HOLIDAY_TABLE_LAST_YEAR, month: 12, day: 31 })).toBe(true);
    expect(holidaysKnownFor({ year: HOLIDAY_TABLE_LAST_YEAR + 1, month: 1, day: 1 })).toBe(false);
  });
});

describe('availability past the table says holidays could not be considered', () => {
  const desk = getDesk('home-contract');
  const late = HOLIDAY_TABLE_LAST_YEAR + 1;
  // A weekday at 10:00 Japan time in the first uncovered year; the desk (weekdays 9:00–18:00) counts it as open.
  const weekdayOf = (year: number): Date => {
    for (let day = 2; day < 9; day += 1) {
      const instant = new Date(`${year}-03-${String(day).padStart(2, '0')}T10:00:00+09:00`);
      const weekday = new Date(instant.getTime() + 9 * 3600_000).getUTCDay();
      if (weekday >= 1 && weekday <= 5) return instant;
    }
    throw new Error('no weekday');
  };

  it('adds the caveat in both languages when the day is past the table', () => {
    const ja = describeAvailability(desk, weekdayOf(late), 'ja');
    expect(ja).toContain('ただいま受付中です');
    expect(ja).toContain(
      `${HOLIDAY_TABLE_LAST_YEAR}年より先の祝日の情報がないため、祝日は考慮できていません。`,
    );
    const en = describeAvailability(desk, weekdayOf(late), 'en');
    expect(en).toContain(`Public holidays after ${HOLIDAY_TABLE_LAST_YEAR} are not known`);
  });

  it('adds the caveat when the next opening falls past the table', () => {
    // New Year's Eve of the last covered year, after hours: the next opening is in the uncovered year.
    const text = describeAvailability(
      desk,
      new Date(`${HOLIDAY_TABLE_LAST_YEAR}-12-31T20:00:00+09:00`),
      'ja',
    );
    expect(text).toContain('次の受付開始');
    expect(text).toContain('祝日は考慮できていません');
  });

  it('says nothing of the kind inside the table', () => {
    expect(describeAvailability(desk, weekdayOf(2027), 'ja')).not.toContain('祝日は考慮');
  });
});
