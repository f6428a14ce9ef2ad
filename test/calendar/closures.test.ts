import { describe, expect, it } from 'vitest';
import { ClosureParseError, isClosureDay, parseClosures } from '../../src/calendar/closures.js';

describe('parseClosures', () => {
  it('parses annual and explicit ranges and single days', () => {
    expect(parseClosures('12-29..01-03, 2026-08-13..2026-08-15,12-31,2027-05-06')).toEqual([
      { kind: 'annual', from: { month: 12, day: 29 }, to: { month: 1, day: 3 } },
      { kind: 'dates', from: '2026-08-13', to: '2026-08-15' },
      { kind: 'annual', from: { month: 12, day: 31 }, to: { month: 12, day: 31 } },
      { kind: 'dates', from: '2027-05-06', to: '2027-05-06' },
    ]);
  });

  it('treats unset, empty and blank entries as no closures', () => {
    expect(parseClosures(undefined)).toEqual([]);
    expect(parseClosures('')).toEqual([]);
    expect(parseClosures(' , ')).toEqual([]);
  });

  it.each([
    ['12/29..01/03', 'is not a date or a range'],
    ['12-29..2027-01-03', 'is not a date or a range'],
    ['02-30', '"02-30" is not a day of the year'],
    ['13-01..13-02', 'is not a day of the year'],
    ['2026-02-29', 'is not a calendar date'],
    ['2026-08-15..2026-08-13', 'ends (2026-08-13) before it starts (2026-08-15)'],
    ['12-29..12-30..12-31', 'more than one ".."'],
  ])('rejects %s with a message naming the entry and the accepted forms', (text, problem) => {
    expect(() => parseClosures(`01-02,${text}`)).toThrow(ClosureParseError);
    try {
      parseClosures(text);
    } catch (error) {
      expect((error as Error).message).toContain(`"${text}"`);
      expect((error as Error).message).toContain(problem);
      expect((error as Error).message).toContain('MM-DD..MM-DD');
    }
  });

  it('accepts 02-29 as an annual day (it applies in leap years)', () => {
    expect(parseClosures('02-29')).toHaveLength(1);
  });
});

describe('isClosureDay', () => {
  const closures = parseClosures('12-29..01-03,2026-08-13..2026-08-15');

  it('covers an annual range that wraps over New Year, inclusively, every year', () => {
    expect(isClosureDay({ year: 2026, month: 12, day: 28 }, closures)).toBe(false);
    expect(isClosureDay({ year: 2026, month: 12, day: 29 }, closures)).toBe(true);
    expect(isClosureDay({ year: 2031, month: 1, day: 1 }, closures)).toBe(true);
    expect(isClosureDay({ year: 2027, month: 1, day: 3 }, closures)).toBe(true);
    expect(isClosureDay({ year: 2027, month: 1, day: 4 }, closures)).toBe(false);
  });

  it('covers an explicit range in its own year only', () => {
    expect(isClosureDay({ year: 2026, month: 8, day: 13 }, closures)).toBe(true);
    expect(isClosureDay({ year: 2026, month: 8, day: 15 }, closures)).toBe(true);
    expect(isClosureDay({ year: 2026, month: 8, day: 16 }, closures)).toBe(false);
    expect(isClosureDay({ year: 2027, month: 8, day: 14 }, closures)).toBe(false);
  });
});
