/**
 * A sliding-window rate limit per key (a web session, a Slack or Teams user), kept in this process's memory only:
 * each instance enforces its own window, and a restart forgets it. That bounds what one user can make the bot do;
 * a limit across instances or per network address belongs in the reverse proxy.
 */
export interface RateLimit {
  max: number;
  windowMs: number;
}

export type Admission = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  take(key: string): Admission;
}

export function slidingWindow(limit: RateLimit, now: () => number = Date.now): RateLimiter {
  const hits = new Map<string, number[]>();
  let sinceSweep = 0;
  const sweep = (at: number) => {
    for (const [key, times] of hits) {
      if ((times.at(-1) ?? 0) <= at - limit.windowMs) hits.delete(key);
    }
  };
  return {
    take(key) {
      const at = now();
      if (++sinceSweep >= 1000) {
        sinceSweep = 0;
        sweep(at);
      }
      const recent = (hits.get(key) ?? []).filter((time) => time > at - limit.windowMs);
      if (recent.length >= limit.max) {
        hits.set(key, recent);
        return { ok: false, retryAfterMs: (recent[0] ?? at) + limit.windowMs - at };
      }
      recent.push(at);
      hits.set(key, recent);
      return { ok: true };
    },
  };
}

/** Turns per user per window (the turn pipeline's rate-limit stage; the web chat also limits its requests per session). */
export const USER_RATE_LIMIT: RateLimit = { max: 20, windowMs: 10_000 };
