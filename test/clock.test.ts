import { describe, expect, it } from 'vitest';
import { createClock, manualClock, tokyoDate } from '../src/clock.js';

describe('clock', () => {
  it('freezes time at BOT_NOW and gives the Japan date', () => {
    const clock = createClock({ BOT_NOW: '2026-11-23T16:30:00Z' });
    expect(clock.now().toISOString()).toBe('2026-11-23T16:30:00.000Z');
    expect(clock.today()).toBe('2026-11-24'); // 01:30 the next day in Tokyo
  });

  it('rejects a malformed BOT_NOW with a sentence saying what is expected', () => {
    expect(() => createClock({ BOT_NOW: 'tomorrow' })).toThrow(/ISO 8601 instant/);
    expect(() => createClock({ BOT_NOW: '2026-11-23' })).toThrow(/ISO 8601 instant/);
  });

  it('uses the real clock without BOT_NOW', () => {
    const before = Date.now();
    const now = createClock({}).now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
  });

  it('turns over the Japan date at 15:00 UTC, including the year end', () => {
    expect(tokyoDate(new Date('2026-12-31T14:59:59Z'))).toBe('2026-12-31');
    expect(tokyoDate(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
  });

  it('moves a manual clock only when told', () => {
    const clock = manualClock('2026-11-23T10:00:00+09:00');
    clock.advance(24 * 3600 * 1000);
    expect(clock.today()).toBe('2026-11-24');
    clock.set('2028-02-29T00:00:00+09:00');
    expect(clock.today()).toBe('2028-02-29');
  });
});
