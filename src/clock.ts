/**
 * The one clock the bot and the sandbox read, so dates are reproducible in demos and tests.
 *
 * `BOT_NOW` (an ISO 8601 instant, e.g. `2026-11-23T10:00:00+09:00`) freezes time at that instant; without it the
 * real clock is used. Calendar dates are always Japan dates (Asia/Tokyo), whatever the host's time zone.
 */

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's calendar date in Japan, `YYYY-MM-DD`. */
  today(): string;
}

/** A clock tests can move. */
export interface ManualClock extends Clock {
  set(instant: string | Date): void;
  advance(milliseconds: number): void;
}

const tokyoDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Japan calendar date (`YYYY-MM-DD`) of an instant. */
export function tokyoDate(instant: Date): string {
  return tokyoDateFormat.format(instant);
}

function parseInstant(value: string, source: string): Date {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw new Error(
      `${source} must be an ISO 8601 instant such as 2026-11-23T10:00:00+09:00; got "${value}".`,
    );
  }
  return parsed;
}

/**
 * The clock for this process: frozen at `env.BOT_NOW` when set (throws on a malformed value), otherwise real.
 */
export function createClock(env: Readonly<Record<string, string | undefined>> = process.env): Clock {
  const fixed = env.BOT_NOW?.trim();
  if (fixed) {
    const instant = parseInstant(fixed, 'BOT_NOW');
    return { now: () => new Date(instant), today: () => tokyoDate(instant) };
  }
  return { now: () => new Date(), today: () => tokyoDate(new Date()) };
}

/** A clock starting at `start` that moves only when told to. */
export function manualClock(start: string | Date): ManualClock {
  let current = typeof start === 'string' ? parseInstant(start, 'manualClock start') : new Date(start);
  return {
    now: () => new Date(current),
    today: () => tokyoDate(current),
    set(instant) {
      current = typeof instant === 'string' ? parseInstant(instant, 'manualClock.set') : new Date(instant);
    },
    advance(milliseconds) {
      current = new Date(current.getTime() + milliseconds);
    },
  };
}
