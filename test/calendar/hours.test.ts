import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseClosures } from '../../src/calendar/closures.js';
import { DESKS } from '../../src/calendar/desks.js';
import { isBusinessDay, isOpen, nextOpening } from '../../src/calendar/hours.js';

const home = DESKS['home-contract'];
const csps = DESKS['csps-contract'];
const jst = (local: string): Date => new Date(`${local}+09:00`);
const none = parseClosures('');
const yearEnd = parseClosures('12-29..01-03');

describe('isOpen (HOME, weekdays 9:00–18:00)', () => {
  it('is open at 17:59 on a Friday and closed at 18:00 sharp', () => {
    expect(isOpen(home, jst('2026-11-20T17:59:59'), none)).toBe(true);
    expect(isOpen(home, jst('2026-11-20T18:00:00'), none)).toBe(false);
  });

  it('opens at 9:00 sharp, not a minute before', () => {
    expect(isOpen(home, jst('2026-11-24T08:59:59'), none)).toBe(false);
    expect(isOpen(home, jst('2026-11-24T09:00:00'), none)).toBe(true);
  });

  it('is closed all Saturday and Sunday', () => {
    expect(isOpen(home, jst('2026-11-21T12:00:00'), none)).toBe(false);
    expect(isOpen(home, jst('2026-11-22T12:00:00'), none)).toBe(false);
  });

  it('is closed on 2026-11-23 (勤労感謝の日, a Monday holiday)', () => {
    expect(isOpen(home, jst('2026-11-23T10:00:00'), none)).toBe(false);
    expect(isBusinessDay({ year: 2026, month: 11, day: 23 }, none)).toBe(false);
    expect(isBusinessDay({ year: 2026, month: 11, day: 24 }, none)).toBe(true);
  });

  it('is closed on a configured closure day that is otherwise a business day', () => {
    const closures = parseClosures('2026-11-24');
    expect(isOpen(home, jst('2026-11-24T10:00:00'), closures)).toBe(false);
    expect(isOpen(home, jst('2026-11-25T10:00:00'), closures)).toBe(true);
  });
});

describe('isOpen (csps, weekdays 9:30–12:00 and 13:00–17:00)', () => {
  it('is closed over the lunch break and after 17:00', () => {
    expect(isOpen(csps, jst('2026-11-24T09:29:00'), none)).toBe(false);
    expect(isOpen(csps, jst('2026-11-24T11:59:00'), none)).toBe(true);
    expect(isOpen(csps, jst('2026-11-24T12:00:00'), none)).toBe(false);
    expect(isOpen(csps, jst('2026-11-24T12:59:00'), none)).toBe(false);
    expect(isOpen(csps, jst('2026-11-24T13:00:00'), none)).toBe(true);
    expect(isOpen(csps, jst('2026-11-24T17:00:00'), none)).toBe(false);
  });
});

describe('nextOpening', () => {
  it('returns the instant itself while the desk is open', () => {
    const now = jst('2026-11-24T10:15:30');
    expect(nextOpening(home, now, none).toISOString()).toBe(now.toISOString());
  });

  it('crosses the weekend and the Monday holiday: Friday 18:00 → Tuesday 9:00', () => {
    expect(nextOpening(home, jst('2026-11-20T18:00:00'), none)).toEqual(jst('2026-11-24T09:00:00'));
    expect(nextOpening(home, jst('2026-11-23T10:00:00'), none)).toEqual(jst('2026-11-24T09:00:00'));
  });

  it('waits for the same morning before opening time', () => {
    expect(nextOpening(home, jst('2026-11-24T03:00:00'), none)).toEqual(jst('2026-11-24T09:00:00'));
  });

  it('crosses the csps lunch break to 13:00', () => {
    expect(nextOpening(csps, jst('2026-11-24T12:00:00'), none)).toEqual(jst('2026-11-24T13:00:00'));
    expect(nextOpening(csps, jst('2026-11-24T17:00:00'), none)).toEqual(jst('2026-11-25T09:30:00'));
  });

  it('crosses the year-end closure into the new year (2026-12-28 18:00 → 2027-01-04 9:00)', () => {
    expect(nextOpening(home, jst('2026-12-28T18:00:00'), yearEnd)).toEqual(jst('2027-01-04T09:00:00'));
    // Without the closure, 12-29 is a plain Tuesday.
    expect(nextOpening(home, jst('2026-12-28T18:00:00'), none)).toEqual(jst('2026-12-29T09:00:00'));
  });

  it('skips a closure day that falls on a weekday after New Year (2028-01-03 is a Monday)', () => {
    expect(nextOpening(csps, jst('2027-12-28T17:00:00'), yearEnd)).toEqual(jst('2028-01-04T09:30:00'));
  });

  it('crosses the Golden Week 2027 chain of weekend and holidays', () => {
    // 04-29 (Thu) 昭和の日, 04-30 Fri business day, 05-01/02 weekend, 05-03..05 holidays.
    expect(nextOpening(home, jst('2027-04-29T10:00:00'), none)).toEqual(jst('2027-04-30T09:00:00'));
    expect(nextOpening(home, jst('2027-04-30T18:00:00'), none)).toEqual(jst('2027-05-06T09:00:00'));
    const bridge = parseClosures('2027-04-30');
    expect(nextOpening(csps, jst('2027-04-28T17:30:00'), bridge)).toEqual(jst('2027-05-06T09:30:00'));
  });

  it('throws with a pointer to the closure list when the desk never opens', () => {
    expect(() => nextOpening(home, jst('2026-11-24T10:00:00'), parseClosures('01-01..12-31'))).toThrow(
      /BOT_CLOSURES/,
    );
  });

  it('always returns an open instant no earlier than the input, with no open half hour in between', () => {
    const from = jst('2026-11-01T00:00:00').getTime();
    const to = jst('2028-02-01T00:00:00').getTime();
    const halfHour = 30 * 60 * 1000;
    fc.assert(
      fc.property(
        fc.integer({ min: from, max: to }),
        fc.constantFrom(home, csps),
        fc.boolean(),
        (ms, desk, withYearEnd) => {
          const closures = withYearEnd ? yearEnd : none;
          const start = new Date(ms);
          const next = nextOpening(desk, start, closures);
          expect(next.getTime()).toBeGreaterThanOrEqual(ms);
          expect(isOpen(desk, next, closures)).toBe(true);
          // Every window boundary is on :00 or :30, so probing each half-hour mark finds any earlier window.
          for (let t = Math.ceil(ms / halfHour) * halfHour; t < next.getTime(); t += halfHour) {
            expect(isOpen(desk, new Date(t), closures)).toBe(false);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('time zone independence', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Tokyo']) {
    it(`gives the same answers with TZ=${tz}`, () => {
      process.env.TZ = tz;
      // 2026-11-23T15:30Z is Tuesday 2026-11-24 00:30 in Tokyo but still Monday (a holiday) in UTC.
      const instant = new Date(Date.UTC(2026, 10, 23, 15, 30));
      expect(isOpen(home, instant, none)).toBe(false);
      expect(nextOpening(home, instant, none).toISOString()).toBe('2026-11-24T00:00:00.000Z');
      // 2026-11-24T00:30Z is 9:30 on a business Tuesday in Tokyo.
      expect(isOpen(csps, new Date(Date.UTC(2026, 10, 24, 0, 30)), none)).toBe(true);
    });
  }
});
